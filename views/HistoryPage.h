#pragma once

#include <QWidget>

class HistoryTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

/// The History page: every recorded change, newest first (when, who, what, which record, field,
/// old and new value), narrowed by kind of record, by one record (showRecord(), also reached from
/// a table's context menu "Show history"), and by text in fields and values.
class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    HistoryPage(HistoryTableModel &model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /// Only this record's changes (`label` names it in the heading).
    void showRecord(const QString &table, qint64 rowId, const QString &label);
    void showAll();
    void saveState() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter();
    void updateHeading();

    HistoryTableModel &m_model;
    QComboBox *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_showLabel = nullptr;
    QPushButton *m_clearRecord = nullptr;
    QTableView *m_view = nullptr;
    QTimer *m_searchTimer = nullptr;
    qint64 m_rowId = 0;
    QString m_recordLabel;
};
