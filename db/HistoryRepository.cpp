#include "HistoryRepository.h"

#include <pwd.h>
#include <unistd.h>

#include "Database.h"
#include "ExchangeRateRepository.h"
#include "FilterSql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace {

struct Where
{
    QString sql;
    QVariantList binds;
};

Where whereFor(const HistoryQuery &query)
{
    Where w;
    QStringList terms;
    if (!query.table.isEmpty()) {
        terms.append(QStringLiteral("table_name = ?"));
        w.binds.append(query.table);
        if (query.rowId != 0) {
            terms.append(QStringLiteral("row_id = ?"));
            w.binds.append(query.rowId);
        }
    }
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        const QString pattern = FilterSql::containsPattern(text);
        terms.append(
            QStringLiteral("(field LIKE ? ESCAPE '\\' OR old_value LIKE ? ESCAPE '\\' OR new_value LIKE ? "
                           "ESCAPE '\\' OR user LIKE ? ESCAPE '\\')"));
        w.binds << pattern << pattern << pattern << pattern;
    }
    w.sql = terms.isEmpty() ? QStringLiteral("1") : terms.join(QStringLiteral(" AND "));
    return w;
}

HistoryEntry readEntry(const QSqlQuery &q)
{
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.at = q.value(1).toString();
    e.user = q.value(2).toString();
    e.action = q.value(3).toString();
    e.table = q.value(4).toString();
    e.rowId = q.value(5).toLongLong();
    e.field = q.value(6).toString();
    e.oldValue = q.value(7);
    e.newValue = q.value(8);
    return e;
}

const QLatin1String entryColumns("id, at, user, action, table_name, row_id, field, old_value, new_value");

const QLatin1String currencyColumn("currency");

/// The currency a row had on one side of a history entry that records it: an update of the
/// currency column, or a whole row added or deleted. `before`: the side before that entry.
QString currencyIn(const QSqlQuery &q, bool before)
{
    const QString action = q.value(0).toString();
    if (!q.value(1).isNull())
        return q.value(before ? 2 : 3).toString();
    const QString rowJson = q.value(action == QLatin1String("delete") ? 2 : 3).toString();
    return QJsonDocument::fromJson(rowJson.toUtf8()).object().value(currencyColumn).toString();
}

} // namespace

QString HistoryRepository::currentUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty()) {
        // Services and CI often run without $USER: the account database still knows the name.
        if (const passwd *account = getpwuid(geteuid()))
            user = QString::fromLocal8Bit(account->pw_name);
    }
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

QVariant HistoryRepository::storedText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QVariant(QMetaType::fromType<QString>());
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Long:
        return QString::number(value.toLongLong());
    default:
        return value.toString();
    }
}

bool HistoryRepository::append(const QString &action, const QString &table, qint64 rowId,
    const QString &field, const QVariant &oldValue, const QVariant &newValue, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("INSERT INTO history(user, action, table_name, row_id, field, old_value, new_value) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(currentUser());
    q.addBindValue(action);
    q.addBindValue(table);
    q.addBindValue(rowId);
    q.addBindValue(field.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(field));
    q.addBindValue(storedText(oldValue));
    q.addBindValue(storedText(newValue));
    if (!q.exec()) {
        if (error)
            *error
                = m_db.describeError(q.lastError());
        return false;
    }
    return true;
}

qint64 HistoryRepository::count(const HistoryQuery &query, QString *error) const
{
    const Where w = whereFor(query);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM history WHERE ") + w.sql);
    for (const QVariant &v : w.binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = m_db.describeError(q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

QList<HistoryEntry> HistoryRepository::page(
    const HistoryQuery &query, qint64 offset, int limit, QString *error) const
{
    const Where w = whereFor(query);
    return readEntries(w.sql + QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?"),
        w.binds + QVariantList { limit, offset }, error);
}

QList<HistoryEntry> HistoryRepository::newerThan(
    const HistoryQuery &query, qint64 afterId, QString *error) const
{
    const Where w = whereFor(query);
    return readEntries(QStringLiteral("id > ? AND ") + w.sql + QStringLiteral(" ORDER BY id DESC"),
        QVariantList { afterId } + w.binds, error);
}

QList<HistoryEntry> HistoryRepository::readEntries(
    const QString &where, const QVariantList &binds, QString *error) const
{
    QList<HistoryEntry> entries;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + entryColumns + QStringLiteral(" FROM history WHERE ") + where);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = m_db.describeError(q.lastError());
        return entries;
    }
    while (q.next())
        entries.append(readEntry(q));
    return entries;
}

qint64 HistoryRepository::lastId() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM history")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

namespace {

/// "Acme Robotics, 2021-05 disbursement": who received it, when, what.
QString disbursementLabel(const QString &investee, const QString &date, const QString &type)
{
    return QCoreApplication::translate(
        "HistoryRepository", "%1, %2 %3", "investee, date and type of an event")
        .arg(investee,
            date.isEmpty() ? QCoreApplication::translate("HistoryRepository", "date unknown") : date, type);
}

} // namespace

QString HistoryRepository::recordLabel(const QString &table, qint64 rowId) const
{
    if (table == QLatin1String("exchange_rates"))
        return ExchangeRateRepository::describeKey(rowId);
    auto single = [&](const QString &sql, qint64 id) {
        QSqlQuery q(m_db.connection());
        q.prepare(sql);
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    };
    const QString fundName = QStringLiteral("SELECT name FROM funds WHERE id = ?");
    const QString investeeName = QStringLiteral("SELECT name FROM investees WHERE id = ?");
    const QString phaseName
        = QStringLiteral("SELECT f.name || ' — ' || p.label FROM phases p JOIN funds f ON f.id = p.fund_id "
                         "WHERE p.id = ?");
    QString label;
    if (table == QLatin1String("funds"))
        label = single(fundName, rowId);
    else if (table == QLatin1String("investees"))
        label = single(investeeName, rowId);
    else if (table == QLatin1String("phases"))
        label = single(phaseName, rowId);
    else if (table == QLatin1String("disbursements")) {
        QSqlQuery q(m_db.connection());
        q.prepare(
            QStringLiteral("SELECT i.name, d.value_date, d.type "
                           "FROM disbursements d JOIN investees i ON i.id = d.investee_id WHERE d.id = ?"));
        q.addBindValue(rowId);
        if (q.exec() && q.next())
            label = disbursementLabel(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    }
    if (!label.isEmpty())
        return label;

    // Gone: the deletion entry kept the whole row.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT old_value FROM history WHERE table_name = ? AND row_id = ? AND action = 'delete' "
        "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(table);
    q.addBindValue(rowId);
    if (q.exec() && q.next()) {
        const QJsonObject row = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        if (row.contains(QStringLiteral("name")))
            label = row.value(QStringLiteral("name")).toString();
        else if (table == QLatin1String("phases"))
            label = single(fundName, row.value(QStringLiteral("fund_id")).toString().toLongLong())
                + QStringLiteral(" — ") + row.value(QStringLiteral("label")).toString();
        else if (table == QLatin1String("disbursements"))
            label = disbursementLabel(
                single(investeeName, row.value(QStringLiteral("investee_id")).toString().toLongLong()),
                row.value(QStringLiteral("value_date")).toString(),
                row.value(QStringLiteral("type")).toString());
        if (!label.isEmpty())
            return QCoreApplication::translate("HistoryRepository", "%1 (deleted)").arg(label);
    }
    return QStringLiteral("#%1").arg(rowId);
}

bool HistoryRepository::isReference(const QString &column)
{
    return column.endsWith(QLatin1String("_id"));
}

bool HistoryRepository::isAmount(const QString &column)
{
    return column.endsWith(QLatin1String("_minor"));
}

HistoryRepository::AmountCurrencies HistoryRepository::amountCurrencies(const HistoryEntry &entry) const
{
    AmountCurrencies currencies;
    // Entries that tell the row's currency: its currency updates and the whole row added or
    // deleted (whose JSON carries it).
    const QString tellsCurrency = QStringLiteral(
        "SELECT action, field, old_value, new_value, id, at FROM history WHERE table_name = ? AND row_id = ? "
        "AND (field = 'currency' OR field IS NULL) AND id %1 ? ORDER BY id %2 LIMIT 1");
    auto nearest = [&](bool earlier, QSqlQuery *q) {
        q->prepare(tellsCurrency.arg(earlier ? QStringLiteral("<") : QStringLiteral(">"),
            earlier ? QStringLiteral("DESC") : QStringLiteral("ASC")));
        q->addBindValue(entry.table);
        q->addBindValue(entry.rowId);
        q->addBindValue(entry.id);
        return q->exec() && q->next();
    };
    QSqlQuery earlier(m_db.connection());
    QSqlQuery later(m_db.connection());
    const bool hasEarlier = nearest(true, &earlier);
    const bool hasLater = nearest(false, &later);
    if (hasEarlier) {
        currencies.before = currencyIn(earlier, false);
    } else if (hasLater && later.value(0).toString() != QLatin1String("insert")) {
        currencies.before = currencyIn(later, true);
    } else {
        // No history tells it (a row from the sample or an import): the row as it is now.
        QString sql;
        if (entry.table == QLatin1String("disbursements"))
            sql = QStringLiteral("SELECT currency FROM disbursements WHERE id = ?");
        else if (entry.table == QLatin1String("phases"))
            sql = QStringLiteral("SELECT currency FROM phases WHERE id = ?");
        if (!sql.isEmpty()) {
            QSqlQuery q(m_db.connection());
            q.prepare(sql);
            q.addBindValue(entry.rowId);
            if (q.exec() && q.next())
                currencies.before = q.value(0).toString();
        }
    }
    currencies.after = currencies.before;
    // A change of amount and currency together writes the amount entry and then, in the same
    // transaction, the currency entry right after it (RecordStore writes columns in name order,
    // and amount_minor and capital_minor sort before currency). History keeps no change id, so
    // a currency-only change that follows an amount-only one on the same row is told apart by
    // time: a user's next change comes later than one transaction's writes do.
    if (hasLater && later.value(4).toLongLong() == entry.id + 1 && !later.value(1).isNull()) {
        const QDateTime at = QDateTime::fromString(entry.at, Qt::ISODateWithMs);
        const QDateTime next = QDateTime::fromString(later.value(5).toString(), Qt::ISODateWithMs);
        if (at.isValid() && next.isValid() && std::abs(at.msecsTo(next)) < 1000)
            currencies.after = currencyIn(later, false);
    }
    return currencies;
}

QString HistoryRepository::referenceLabel(const QString &column, qint64 id) const
{
    if (column == QLatin1String("fund_id") || column == QLatin1String("parent_fund_id"))
        return recordLabel(QStringLiteral("funds"), id);
    if (column == QLatin1String("phase_id"))
        return recordLabel(QStringLiteral("phases"), id);
    if (column == QLatin1String("investee_id"))
        return recordLabel(QStringLiteral("investees"), id);
    QString sql;
    if (column == QLatin1String("sector_id"))
        sql = QStringLiteral("SELECT name FROM sectors WHERE id = ?");
    else if (column == QLatin1String("segment_id"))
        sql = QStringLiteral("SELECT name FROM segments WHERE id = ?");
    else if (column == QLatin1String("country_id") || column == QLatin1String("province_id")
        || column == QLatin1String("city_id"))
        sql = QStringLiteral("SELECT name FROM regions WHERE id = ?");
    if (!sql.isEmpty()) {
        QSqlQuery q(m_db.connection());
        q.prepare(sql);
        q.addBindValue(id);
        if (q.exec() && q.next())
            return q.value(0).toString();
    }
    return QStringLiteral("#%1").arg(id);
}
