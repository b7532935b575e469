#pragma once

#include <QList>
#include <QString>
#include <QVariant>

class Database;

/// One recorded change. An insert or delete is one entry with no field and the whole row as a
/// JSON object of its non-null columns (in new_value, or old_value for a delete); an update is
/// one entry per changed field with its old and new value as text.
struct HistoryEntry
{
    qint64 id = 0;
    QString at; ///< UTC, ISO 8601 with milliseconds: "2024-05-17T09:30:12.345Z"
    QString user;
    QString action; ///< "insert", "update" or "delete"
    QString table; ///< "funds", "phases", "investees", "disbursements", "exchange_rates"
    qint64 rowId = 0;
    QString field; ///< empty for inserts and deletes
    QVariant oldValue; ///< null when there was none
    QVariant newValue;
};

/// What the History page and a record's detail pane ask for.
struct HistoryQuery
{
    QString table; ///< empty: every table
    qint64 rowId = 0; ///< with a table: one record's history; 0: every row of the table
    QString text; ///< matches field names and old or new values (case-insensitive)
};

/// The change history. Write paths call append() inside their own transaction, so a change and
/// its history are committed (or rolled back) together; reads page through it newest first.
class HistoryRepository
{
public:
    explicit HistoryRepository(Database &db)
        : m_db(db)
    {
    }

    /// The OS user name ($USER, or $USERNAME on Windows), "unknown" when neither is set.
    static QString currentUser();
    /// Value as stored in history: text, integers as digits, reals in their shortest exact form,
    /// null stays null.
    static QVariant storedText(const QVariant &value);

    /// Records one change. Must run inside the caller's transaction (it does not open one).
    bool append(const QString &action, const QString &table, qint64 rowId, const QString &field,
        const QVariant &oldValue, const QVariant &newValue, QString *error);

    qint64 count(const HistoryQuery &query, QString *error = nullptr) const;
    /// Entries [offset, offset + limit) matching the query, newest first.
    QList<HistoryEntry> page(
        const HistoryQuery &query, qint64 offset, int limit, QString *error = nullptr) const;
    /// Entries newer than `afterId` matching the query, newest first (for live updates).
    QList<HistoryEntry> newerThan(const HistoryQuery &query, qint64 afterId, QString *error = nullptr) const;
    /// The highest entry id so far (0 when empty).
    qint64 lastId() const;
    /// A record's name in words: "Big Fund" for a fund, "Big Fund — Phase II" for a phase,
    /// "SMIC, 2019-05 equity purchase" for a disbursement, "USD 2021" for an exchange rate; taken
    /// from the deletion record when the row is gone; "#id" when nothing is known.
    QString recordLabel(const QString &table, qint64 rowId) const;
    /// Whether a column holds a row id of another table (fund_id, phase_id, sector_id, …).
    static bool isReference(const QString &column);
    /// Whether a column holds money in minor units (amount_minor, capital_minor); its currency
    /// is the row's `currency` column.
    static bool isAmount(const QString &column);

    /// The currency an amount entry's old and new value are in (empty: none, as for an
    /// undisclosed amount).
    struct AmountCurrencies
    {
        QString before;
        QString after;
    };
    /// For an update of an amount column: the row's currency just before the change and just
    /// after it, read from the row's own history (the currency entry of the same change, else
    /// the nearest currency entry on either side), else from the row as it is now.
    AmountCurrencies amountCurrencies(const HistoryEntry &entry) const;
    /// The name a reference column's id stands for ("Semiconductors" for sector_id 1), as
    /// recordLabel() does for funds, phases and investees; "#id" when nothing is known.
    QString referenceLabel(const QString &column, qint64 id) const;

private:
    /// The entries of `history` matching `where` (with its ORDER BY and LIMIT) and its binds.
    QList<HistoryEntry> readEntries(const QString &where, const QVariantList &binds, QString *error) const;

    Database &m_db;
};
