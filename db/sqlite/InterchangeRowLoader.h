#pragma once

#include "NameResolver.h"

#include <QByteArray>
#include <QHash>
#include <QString>

class InterchangeSession;

/// Validates and stores the rows of one kind of interchange file, one row at a time (the row the
/// session is on). The subclasses, one per kind, share the checks every kind makes.
class InterchangeRowLoader
{
public:
    InterchangeRowLoader(InterchangeSession &session, NameResolver &names) : m_session(session), m_names(names) { }
    virtual ~InterchangeRowLoader() = default;
    InterchangeRowLoader(const InterchangeRowLoader &) = delete;
    InterchangeRowLoader &operator=(const InterchangeRowLoader &) = delete;

    /// Reads what the kind needs from the database and prepares its statements; false when the
    /// load must stop (reported).
    virtual bool prepare() = 0;
    /// Checks the current row, reports its problems and stores it when it has none.
    virtual void loadRow() = 0;

protected:
    QByteArrayView value(int column) const { return m_session.value(column); }
    void rowIssue(int column, const QString &reason) { m_session.rowIssue(column, reason); }
    /// A row that repeats one already stored (`why` says which): true when it is left out under
    /// the duplicate policy (the row ends there), false when it is an error of `column`.
    bool skipRepeat(int column, const QString &skipColumn, const QString &why);
    /// A rejected row's name, so that a reference to it can say where its row was.
    void rememberRejected(QHash<QByteArray, QString> &rejected, const QByteArray &key);
    /// The fund a row names in `column`, by name or as ImportOptions::names resolves it; 0, with
    /// the problem reported (`missing` when the column is empty), when there is none.
    qint64 readFund(int column, const QString &missing);
    /// A partial date column (empty allowed) as yyyymmdd; a problem is reported on the row.
    void readDate(int column, int *packed);
    /// Reads amount and currency columns; false on any problem (already reported).
    bool readMoney(int amountCol, int currencyCol, qint64 *amount, QByteArray *currency, int *currencyIndex);
    /// The word a vocabulary column holds, as its index; -1, reported with `message` (which
    /// takes the text and the word list), when it is none of them.
    int readWord(int column, const std::vector<const char *> &words, const char *message);

    InterchangeSession &m_session;
    NameResolver &m_names;
};
