#include "ExchangeRateRepository.h"

#include "Database.h"
#include "HistoryRepository.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString sqlError(Database &db, const QSqlQuery &q)
{
    return db.describeError(q.lastError());
}

QString rateJson(const ExchangeRate &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("currency"), r.currency);
    o.insert(QStringLiteral("year"), QString::number(r.year));
    o.insert(QStringLiteral("cny_per_unit"), HistoryRepository::storedText(r.cnyPerUnit).toString());
    if (!r.source.isEmpty())
        o.insert(QStringLiteral("source"), r.source);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

qint64 ExchangeRateRepository::rowKey(const QString &currency, int year)
{
    qint64 letters = 0;
    for (int i = 0; i < 3; ++i) {
        const QChar c = i < currency.size() ? currency.at(i).toUpper() : QLatin1Char('A');
        letters = letters * 26 + qBound(0, c.unicode() - 'A', 25);
    }
    return letters * 10000 + year;
}

QString ExchangeRateRepository::describeKey(qint64 key)
{
    const int year = int(key % 10000);
    qint64 letters = key / 10000;
    QString code(3, QLatin1Char('A'));
    for (int i = 2; i >= 0; --i) {
        code[i] = QChar(char16_t(u'A' + letters % 26));
        letters /= 26;
    }
    return code + QLatin1Char(' ') + QString::number(year);
}

QList<ExchangeRate> ExchangeRateRepository::all(QString *error) const
{
    QList<ExchangeRate> rates;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT currency, year, cny_per_unit, source FROM exchange_rates ORDER BY currency, year"))) {
        if (error)
            *error = m_db.describeError(q.lastError());
        return rates;
    }
    while (q.next())
        rates.append(
            { q.value(0).toString(), q.value(1).toInt(), q.value(2).toDouble(), q.value(3).toString() });
    return rates;
}

std::optional<ExchangeRate> ExchangeRateRepository::find(const QString &currency, int year) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT currency, year, cny_per_unit, source FROM exchange_rates WHERE currency = ? AND year = ?"));
    q.addBindValue(currency);
    q.addBindValue(year);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return ExchangeRate { q.value(0).toString(), q.value(1).toInt(), q.value(2).toDouble(),
        q.value(3).toString() };
}

QString ExchangeRateRepository::validate(const ExchangeRate &rate) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM currencies WHERE code = ?"));
    q.addBindValue(rate.currency);
    if (!q.exec() || !q.next())
        return QCoreApplication::translate(
            "ExchangeRateRepository", "currency: '%1' is not a currency Fundscope knows.")
            .arg(rate.currency);
    if (rate.currency == QLatin1String("CNY"))
        return QCoreApplication::translate(
            "ExchangeRateRepository", "currency: CNY is the base of every rate; it needs none.");
    if (const QString why = Validation::year(rate.year); !why.isEmpty())
        return QStringLiteral("year: ") + why;
    if (const QString why = Validation::rate(rate.cnyPerUnit); !why.isEmpty())
        return QStringLiteral("rate: ") + why;
    return {};
}

bool ExchangeRateRepository::set(const ExchangeRate &rate, QString *error)
{
    if (const QString why = validate(rate); !why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    const std::optional<ExchangeRate> old = find(rate.currency, rate.year);
    const qint64 key = rowKey(rate.currency, rate.year);
    HistoryRepository history(m_db);
    QSqlQuery q(m_db.connection());
    const QVariant source = rate.source.trimmed().isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                            : QVariant(rate.source.trimmed());
    if (old) {
        q.prepare(QStringLiteral(
            "UPDATE exchange_rates SET cny_per_unit = ?, source = ? WHERE currency = ? AND year = ?"));
        q.addBindValue(rate.cnyPerUnit);
        q.addBindValue(source);
        q.addBindValue(rate.currency);
        q.addBindValue(rate.year);
    } else {
        q.prepare(QStringLiteral(
            "INSERT INTO exchange_rates(currency, year, cny_per_unit, source) VALUES (?, ?, ?, ?)"));
        q.addBindValue(rate.currency);
        q.addBindValue(rate.year);
        q.addBindValue(rate.cnyPerUnit);
        q.addBindValue(source);
    }
    if (!q.exec()) {
        if (error)
            *error = sqlError(m_db, q);
        return false;
    }
    const QString table = QStringLiteral("exchange_rates");
    bool ok = true;
    if (!old) {
        ok = history.append(
            QStringLiteral("insert"), table, key, QString(), QVariant(), rateJson(rate), error);
    } else {
        if (old->cnyPerUnit != rate.cnyPerUnit)
            ok = history.append(QStringLiteral("update"), table, key, QStringLiteral("cny_per_unit"),
                old->cnyPerUnit, rate.cnyPerUnit, error);
        if (ok && old->source != rate.source.trimmed())
            ok = history.append(QStringLiteral("update"), table, key, QStringLiteral("source"),
                old->source.isEmpty() ? QVariant() : QVariant(old->source), source, error);
    }
    if (!ok)
        return false;
    if (!transaction.commit()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    return true;
}

bool ExchangeRateRepository::remove(const QString &currency, int year, QString *error)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    const std::optional<ExchangeRate> old = find(currency, year);
    if (!old) {
        if (error)
            *error = QCoreApplication::translate("ExchangeRateRepository", "There is no %1 rate for %2.")
                         .arg(currency)
                         .arg(year);
        return false;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM exchange_rates WHERE currency = ? AND year = ?"));
    q.addBindValue(currency);
    q.addBindValue(year);
    if (!q.exec()) {
        if (error)
            *error = sqlError(m_db, q);
        return false;
    }
    if (!HistoryRepository(m_db).append(QStringLiteral("delete"), QStringLiteral("exchange_rates"),
            rowKey(currency, year), QString(), rateJson(*old), QVariant(), error))
        return false;
    if (!transaction.commit()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    return true;
}
