#pragma once

#include <QWidget>

class InvesteeTableModel;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

/// A page of investees with totals: used twice, as Holdings (what the chosen fund or phase holds:
/// committed, invested, latest stake, first and last date) and as Investees (everyone in view:
/// total received, number of funds). The two differ only in the columns they show.
class InvesteesPage : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Holdings, Investees };

    InvesteesPage(Mode mode, InvesteeTableModel &model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /// The line above the table ("Holdings of Big Fund / Phase II — 23 investees").
    void setHeading(const QString &text);
    void saveState() const;

Q_SIGNALS:
    void currentInvesteeChanged(qint64 investeeId, qint64 subFundId);
    void openRequested(qint64 investeeId);

private:
    QString settingsKey() const;

    Mode m_mode;
    InvesteeTableModel &m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_heading = nullptr;
};
