#pragma once

#include "RowValues.h"

#include <QObject>
#include <optional>

class Database;
class DetailPane;
class HistoryTableModel;
struct RecordChange;

/// The selected record's own history at the end of the detail pane (part of EditActions): the
/// window fills the pane, then show() appends the record's latest changes; when the record or
/// what it names changes, stale() asks the window to show it again, and the history follows.
/// Its texts keep EditActions' translation context.
class DetailHistory : public QObject
{
    Q_OBJECT
public:
    DetailHistory(Database &db, DetailPane *detail, const HistoryTableModel &historyModel, QObject *parent);

    /// The pane now shows this record (id 0: none); its history is appended at once.
    void show(RecordKind kind, qint64 id);
    /// Another database: no record is shown.
    void forget();
    /// Shows the record again, with its history, once the current event is done (nothing when
    /// none is shown).
    void refresh();
    void recordsChanged(const RecordChange &change);
    /// HTML of a record's latest changes.
    QString html(RecordKind kind, qint64 rowId) const;

Q_SIGNALS:
    /// The record the detail pane shows was changed: it should be shown again.
    void stale(RecordKind kind, qint64 id);

private:
    void append();

    Database &m_db;
    DetailPane *m_detail = nullptr;
    const HistoryTableModel &m_historyModel;
    std::optional<RecordKind> m_kind;
    qint64 m_id = 0;
    bool m_refreshPending = false;
};
