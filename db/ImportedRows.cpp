#include "ImportedRows.h"

#include "Database.h"
#include "StorageBackend.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

QStringList ImportedRows::tables()
{
    return { QStringLiteral("regions"), QStringLiteral("segments"), QStringLiteral("funds"),
        QStringLiteral("phases"), QStringLiteral("investees"), QStringLiteral("disbursements"),
        QStringLiteral("exchange_rates") };
}

void ImportedRows::add(const QString &table, qint64 id)
{
    QList<QPair<qint64, qint64>> &list = m_ranges[table];
    if (!list.isEmpty() && list.last().second + 1 == id)
        list.last().second = id;
    else
        list.append({ id, id });
}

void ImportedRows::addRate(const QString &currency, int year)
{
    m_rates.append({ currency, year });
}

bool ImportedRows::isEmpty() const
{
    return count() == 0;
}

qint64 ImportedRows::count(const QString &table) const
{
    if (table == QLatin1String("exchange_rates"))
        return m_rates.size();
    qint64 n = 0;
    for (const auto &range : m_ranges.value(table))
        n += range.second - range.first + 1;
    return n;
}

qint64 ImportedRows::count() const
{
    qint64 n = m_rates.size();
    for (auto it = m_ranges.cbegin(); it != m_ranges.cend(); ++it) {
        for (const auto &range : it.value())
            n += range.second - range.first + 1;
    }
    return n;
}

bool ImportedRows::remove(Database &db, QString *error)
{
    if (m_removed) {
        if (error)
            *error = QCoreApplication::translate("ImportedRows", "the imported rows were already removed");
        return false;
    }
    if (!transfer(db, true, error))
        return false;
    m_removed = true;
    return true;
}

bool ImportedRows::restore(Database &db, QString *error)
{
    if (!m_removed) {
        if (error)
            *error
                = QCoreApplication::translate("ImportedRows", "the imported rows are still in the database");
        return false;
    }
    if (!transfer(db, false, error))
        return false;
    m_removed = false;
    return true;
}

// out: move the rows to the scratch folder and delete them; otherwise put them back.
bool ImportedRows::transfer(Database &db, bool out, QString *error)
{
    if (!db.isOpen()) {
        if (error)
            *error = QCoreApplication::translate("ImportedRows", "the database is not open");
        return false;
    }
    if (!m_databasePath.isEmpty()
        && QFileInfo(db.path()).canonicalFilePath() != QFileInfo(m_databasePath).canonicalFilePath()) {
        if (error)
            *error = QCoreApplication::translate("ImportedRows", "the import was made in %1, not in %2")
                         .arg(m_databasePath, db.path());
        return false;
    }
    if (out) {
        m_scratch = std::make_shared<QTemporaryDir>();
        if (!m_scratch->isValid()) {
            if (error)
                *error = QCoreApplication::translate("ImportedRows", "no scratch space for undo: %1")
                             .arg(m_scratch->errorString());
            return false;
        }
    } else if (!m_scratch) {
        if (error)
            *error = QCoreApplication::translate("ImportedRows", "the removed rows were not kept");
        return false;
    }
    return db.backend().moveImportedRows(db, *this, m_scratch->path(), out, error);
}
