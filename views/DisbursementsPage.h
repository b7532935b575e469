#pragma once

#include <QWidget>

class DisbursementTableModel;
class QLabel;
class QTableView;

/// The Disbursements page: every money event matching the shared filter, sorted in SQL.
class DisbursementsPage : public QWidget
{
    Q_OBJECT
public:
    DisbursementsPage(DisbursementTableModel &model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    void saveState() const;

Q_SIGNALS:
    /// The current row changed (0 when none).
    void currentDisbursementChanged(qint64 id);
    /// Double-click or Enter on a row.
    void openRequested(qint64 id);

private:
    DisbursementTableModel &m_model;
    QTableView *m_view = nullptr;
};
