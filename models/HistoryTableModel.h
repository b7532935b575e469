#pragma once

#include "HistoryRepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

class Database;
class EditSession;

/// The change history, newest first, for the History page and a record's own history: when (local
/// time), who, what (added, changed, deleted), which record (by name, never a bare id), field,
/// old and new value as a user would type them: references by name, amounts as money in the
/// window's units ("CNY 12.5 亿", never minor units), dates at their stored precision. Pages of
/// PageSize are fetched as the view scrolls (canFetchMore / fetchMore: the page arrives on the
/// next turn of the event loop); new entries from the EditSession are inserted at the top.
class HistoryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Who, Action, Record, Field, OldValue, NewValue, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the history entry's id
        TableRole, ///< the record's table
        RowIdRole, ///< the record's row id
    };
    static constexpr int PageSize = 200;
    /// Which of an entry's two values.
    enum class Side { Old, New };

    explicit HistoryTableModel(Database &db, QObject *parent = nullptr);

    /// Shows the entries matching `query` (reset).
    void setQuery(const HistoryQuery &query);
    const HistoryQuery &query() const { return m_query; }
    /// Entries matching the query in the database (not just those fetched so far).
    qint64 totalCount() const { return m_total; }
    /// Follows the session: entries written after now appear at the top.
    void setEditSession(EditSession *session);
    /// Reads entries newer than the newest shown and inserts them at the top.
    void fetchNewer();
    /// Amounts in 亿 and 万 instead of bn, m and k (the Dashboard's Units choice).
    void setChineseUnits(bool chineseUnits);
    bool chineseUnits() const { return m_chineseUnits; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// "Fund: Big Fund" — the record an entry is about, in words (cached).
    QString recordText(const HistoryEntry &entry) const;
    /// An entry's old or new value as shown: names for references, money with its currency
    /// for amounts, "name: …; kind: …" for a whole row that was added or deleted.
    QString valueText(const HistoryEntry &entry, Side side) const;

private:
    void fetchNextPage();
    void forgetLabels();
    /// One column's stored text as shown; `currency` is the row's, for an amount.
    QString fieldText(const QString &column, const QString &raw, const QString &currency) const;

    Database &m_db;
    bool m_fetchPending = false;
    HistoryQuery m_query;
    QList<HistoryEntry> m_entries;
    qint64 m_total = 0;
    qint64 m_newestId = 0;
    bool m_chineseUnits = false;
    mutable QHash<QString, QString> m_labels;
    /// The interface language m_labels are in ("date unknown", "(deleted)"): a change empties them.
    mutable bool m_labelsChinese = false;
    mutable QHash<qint64, HistoryRepository::AmountCurrencies> m_amountCurrencies;
    mutable QHash<QString, int> m_currencyDigits;
};
