#include "RecordStore.h"

#include "Database.h"
#include "HistoryRepository.h"
#include "RecordChecks.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {

bool isIntegerColumn(const QString &column)
{
    return column.endsWith(QLatin1String("_id")) || column.endsWith(QLatin1String("_minor"));
}

bool isRealColumn(const QString &column)
{
    return column == QLatin1String("stake_pct");
}

bool isNullValue(const QVariant &v)
{
    return !v.isValid() || v.isNull()
        || (v.typeId() == QMetaType::QString && v.toString().trimmed().isEmpty());
}

// The value as it is bound and stored: NULL for empty, integers and reals as numbers, text
// trimmed of surrounding spaces (notes keep their inner line breaks).
QVariant normalized(const QString &column, const QVariant &v)
{
    if (isNullValue(v))
        return {};
    if (isIntegerColumn(column)) {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok)
            return v; // left as typed: validation or SQLite will refuse it
        if (column.endsWith(QLatin1String("_id")) && n == 0)
            return {};
        return n;
    }
    if (isRealColumn(column)) {
        bool ok = false;
        const double d = v.toDouble(&ok);
        return ok ? QVariant(d) : v;
    }
    return v.toString().trimmed();
}

QVariantMap normalizedMap(const QVariantMap &values)
{
    QVariantMap out;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QVariant v = normalized(it.key(), it.value());
        if (v.isValid())
            out.insert(it.key(), v);
    }
    return out;
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    return HistoryRepository::storedText(a) == HistoryRepository::storedText(b);
}

QString rowJson(const QVariantMap &values)
{
    QJsonObject object;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        object.insert(it.key(), HistoryRepository::storedText(it.value()).toString());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString issuesText(RecordKind kind, const QList<FieldIssue> &issues)
{
    QStringList lines;
    for (const FieldIssue &issue : issues)
        lines.append(
            QCoreApplication::translate("RecordStore", "%1: %2", "a field's label: what is wrong with it")
                .arg(Validation::label(kind, issue.column), issue.message));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString RecordStore::tableName(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Fund:
        return QStringLiteral("funds");
    case RecordKind::Phase:
        return QStringLiteral("phases");
    case RecordKind::Investee:
        return QStringLiteral("investees");
    case RecordKind::Disbursement:
        return QStringLiteral("disbursements");
    }
    return {};
}

std::optional<RecordKind> RecordStore::kindOfTable(const QString &table)
{
    for (RecordKind k :
        { RecordKind::Fund, RecordKind::Phase, RecordKind::Investee, RecordKind::Disbursement }) {
        if (tableName(k) == table)
            return k;
    }
    return std::nullopt;
}

const QStringList &RecordStore::columns(RecordKind kind)
{
    static const QStringList funds = { QStringLiteral("name"), QStringLiteral("name_zh"),
        QStringLiteral("kind"), QStringLiteral("level"), QStringLiteral("country_id"),
        QStringLiteral("province_id"), QStringLiteral("city_id"), QStringLiteral("parent_fund_id"),
        QStringLiteral("manager"), QStringLiteral("notes"), QStringLiteral("source_url") };
    static const QStringList phases = { QStringLiteral("fund_id"), QStringLiteral("label"),
        QStringLiteral("start_date"), QStringLiteral("capital_minor"), QStringLiteral("currency"),
        QStringLiteral("capital_basis"), QStringLiteral("source_url") };
    static const QStringList investees = { QStringLiteral("name"), QStringLiteral("name_zh"),
        QStringLiteral("kind"), QStringLiteral("fund_id"), QStringLiteral("sector_id"),
        QStringLiteral("segment_id"), QStringLiteral("country_id"), QStringLiteral("province_id"),
        QStringLiteral("city_id"), QStringLiteral("ticker"), QStringLiteral("founded"),
        QStringLiteral("notes"), QStringLiteral("source_url") };
    static const QStringList disbursements = { QStringLiteral("phase_id"), QStringLiteral("investee_id"),
        QStringLiteral("value_date"), QStringLiteral("type"), QStringLiteral("amount_minor"),
        QStringLiteral("currency"), QStringLiteral("stake_pct"), QStringLiteral("status"),
        QStringLiteral("confidence"), QStringLiteral("source_url"), QStringLiteral("notes") };
    switch (kind) {
    case RecordKind::Fund:
        return funds;
    case RecordKind::Phase:
        return phases;
    case RecordKind::Investee:
        return investees;
    case RecordKind::Disbursement:
        return disbursements;
    }
    return funds;
}

bool RecordStore::isColumn(RecordKind kind, const QString &column)
{
    return columns(kind).contains(column);
}

bool RecordStore::exec(const QString &sql, const QVariantList &binds, QString *error, QVariant *first) const
{
    return RecordChecks::run(m_db, sql, binds, error, first);
}

QList<qint64> RecordStore::idList(const QString &sql, qint64 id) const
{
    QList<qint64> ids;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

std::optional<RowValues> RecordStore::read(RecordKind kind, qint64 id, QString *error) const
{
    const QStringList &cols = columns(kind);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                  .arg(cols.join(QStringLiteral(", ")), tableName(kind)));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error
                = m_db.describeError(q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    RowValues row;
    row.kind = kind;
    row.id = id;
    for (int c = 0; c < cols.size(); ++c) {
        const QVariant v = normalized(cols.at(c), q.value(c));
        if (v.isValid())
            row.values.insert(cols.at(c), v);
    }
    return row;
}

std::optional<RowValues> RecordStore::readExisting(RecordKind kind, qint64 id, QString *error) const
{
    QString readError;
    std::optional<RowValues> row = read(kind, id, &readError);
    if (!row && error)
        *error = readError.isEmpty() ? QCoreApplication::translate("RecordStore", "The %1 #%2 no longer exists.")
                                           .arg(Validation::kindName(kind))
                                           .arg(id)
                                     : readError;
    return row;
}

QList<FieldIssue> RecordStore::validate(const RowValues &row) const
{
    RowValues clean = row;
    clean.values = normalizedMap(row.values);
    QList<FieldIssue> issues = Validation::row(clean);
    for (auto it = row.values.cbegin(); it != row.values.cend(); ++it) {
        if (!isColumn(row.kind, it.key()))
            issues.append({ it.key(),
                QCoreApplication::translate("RecordStore", "'%1' is not a column of %2.")
                    .arg(it.key(), tableName(row.kind)) });
    }
    issues += RecordChecks(m_db).issues(clean);
    return issues;
}

bool RecordStore::insertRow(RowValues &row, QString *error, bool check)
{
    row.values = normalizedMap(row.values);
    if (const QList<FieldIssue> issues = check ? validate(row) : QList<FieldIssue>(); !issues.isEmpty()) {
        if (error)
            *error = issuesText(row.kind, issues);
        return false;
    }
    QStringList names;
    QStringList marks;
    QVariantList binds;
    if (row.id != 0) {
        names.append(QStringLiteral("id"));
        marks.append(QStringLiteral("?"));
        binds.append(row.id);
    }
    for (const QString &column : columns(row.kind)) {
        names.append(column);
        marks.append(QStringLiteral("?"));
        binds.append(row.values.value(column));
    }
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
            .arg(tableName(row.kind), names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error
                = m_db.describeError(q.lastError());
        return false;
    }
    if (row.id == 0)
        row.id = q.lastInsertId().toLongLong();
    return HistoryRepository(m_db).append(QStringLiteral("insert"), tableName(row.kind), row.id, QString(),
        QVariant(), rowJson(row.values), error);
}

bool RecordStore::updateRow(
    RecordKind kind, qint64 id, const QVariantMap &changes, QVariantMap *previous, QString *error)
{
    const std::optional<RowValues> current = readExisting(kind, id, error);
    if (!current)
        return false;
    RowValues merged = *current;
    QStringList changed;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (!isColumn(kind, it.key())) {
            if (error)
                *error = QCoreApplication::translate("RecordStore", "'%1' is not a column of %2.")
                             .arg(it.key(), tableName(kind));
            return false;
        }
        const QVariant v = normalized(it.key(), it.value());
        if (sameValue(v, current->value(it.key())))
            continue;
        changed.append(it.key());
        if (v.isValid())
            merged.values.insert(it.key(), v);
        else
            merged.values.remove(it.key());
    }
    if (changed.isEmpty())
        return true;
    if (const QList<FieldIssue> issues = validate(merged); !issues.isEmpty()) {
        if (error)
            *error = issuesText(kind, issues);
        return false;
    }
    QStringList sets;
    QVariantList binds;
    for (const QString &column : std::as_const(changed)) {
        sets.append(column + QStringLiteral(" = ?"));
        binds.append(merged.value(column));
    }
    binds.append(id);
    if (!exec(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                  .arg(tableName(kind), sets.join(QStringLiteral(", "))),
            binds, error))
        return false;
    HistoryRepository history(m_db);
    for (const QString &column : std::as_const(changed)) {
        if (previous)
            previous->insert(column, current->value(column));
        if (!history.append(QStringLiteral("update"), tableName(kind), id, column, current->value(column),
                merged.value(column), error))
            return false;
    }
    return true;
}

bool RecordStore::deleteRow(RecordKind kind, qint64 id, Removal *removed, QString *error)
{
    const std::optional<RowValues> row = readExisting(kind, id, error);
    if (!row)
        return false;
    if (!exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(tableName(kind)), { id }, error))
        return false;
    removed->rows.append(*row);
    return HistoryRepository(m_db).append(
        QStringLiteral("delete"), tableName(kind), id, QString(), rowJson(row->values), QVariant(), error);
}

Dependents RecordStore::dependents(RecordKind kind, qint64 id, QString *error) const
{
    Dependents d;
    auto count = [&](const QString &sql) {
        QVariant v;
        if (!exec(sql, { id }, error, &v))
            return qint64(0);
        return v.toLongLong();
    };
    // The words in a description are bound before the id: they are the reader's language.
    auto items = [&](RecordKind itemKind, const QString &sql, const QVariantList &words) {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        q.prepare(sql + QStringLiteral(" LIMIT %1").arg(Dependents::MaxItems));
        for (const QVariant &word : words)
            q.addBindValue(word);
        q.addBindValue(id);
        if (!q.exec())
            return;
        while (q.next() && d.items.size() < Dependents::MaxItems)
            d.items.append({ itemKind, q.value(0).toLongLong(), q.value(1).toString() });
    };
    // Each dependent is described by what tells it apart within the record being deleted.
    const QString when = QStringLiteral("coalesce(d.value_date, ?) || ' ' || d.type");
    const QString dateUnknown = QCoreApplication::translate("RecordStore", "date unknown");
    const QString disbursementFrom = QStringLiteral(
        " FROM disbursements d JOIN phases p ON p.id = d.phase_id JOIN funds f ON f.id = p.fund_id "
        "JOIN investees i ON i.id = d.investee_id ");
    switch (kind) {
    case RecordKind::Disbursement:
        break;
    case RecordKind::Investee:
        d.disbursements = count(QStringLiteral("SELECT count(*) FROM disbursements WHERE investee_id = ?"));
        items(RecordKind::Disbursement,
            QStringLiteral("SELECT d.id, ") + when + QStringLiteral(" || ? || f.name || ' — ' || p.label")
                + disbursementFrom + QStringLiteral("WHERE d.investee_id = ? ORDER BY d.value_date, d.id"),
            { dateUnknown,
                QCoreApplication::translate("RecordStore", " from ", "a disbursement from a fund") });
        break;
    case RecordKind::Phase:
        d.disbursements = count(QStringLiteral("SELECT count(*) FROM disbursements WHERE phase_id = ?"));
        items(RecordKind::Disbursement,
            QStringLiteral("SELECT d.id, ") + when + QStringLiteral(" || ' → ' || i.name") + disbursementFrom
                + QStringLiteral("WHERE d.phase_id = ? ORDER BY d.value_date, d.id"),
            { dateUnknown });
        break;
    case RecordKind::Fund:
        d.phases = count(QStringLiteral("SELECT count(*) FROM phases WHERE fund_id = ?"));
        d.disbursements = count(QStringLiteral("SELECT count(*) FROM disbursements WHERE phase_id IN (SELECT "
                                               "id FROM phases WHERE fund_id = ?)"));
        d.childFunds = count(QStringLiteral("SELECT count(*) FROM funds WHERE parent_fund_id = ?"));
        d.lookThrough = count(QStringLiteral("SELECT count(*) FROM investees WHERE fund_id = ?"));
        items(RecordKind::Phase,
            QStringLiteral("SELECT id, label FROM phases WHERE fund_id = ? ORDER BY start_date, label"), {});
        items(RecordKind::Fund,
            QStringLiteral("SELECT id, name || ? FROM funds WHERE parent_fund_id = ? ORDER BY name"),
            { QCoreApplication::translate("RecordStore", " (parent unlinked)") });
        items(RecordKind::Investee,
            QStringLiteral("SELECT id, name || ? FROM investees WHERE fund_id = ? ORDER BY name"),
            { QCoreApplication::translate("RecordStore", " (look-through unlinked)") });
        items(RecordKind::Disbursement,
            QStringLiteral("SELECT d.id, ") + when + QStringLiteral(" || ' · ' || p.label || ' → ' || i.name")
                + disbursementFrom + QStringLiteral("WHERE f.id = ? ORDER BY d.value_date, d.id"),
            { dateUnknown });
        break;
    }
    return d;
}

bool RecordStore::removeOne(RecordKind kind, qint64 id, bool withDependents, Removal *removed, QString *error)
{
    if (!withDependents) {
        const Dependents d = dependents(kind, id);
        if (!d.isEmpty()) {
            if (error) {
                QStringList parts;
                if (!d.deletedText().isEmpty())
                    parts.append(
                        QCoreApplication::translate("RecordStore", "%1 depend on it").arg(d.deletedText()));
                if (!d.unlinkedText().isEmpty())
                    parts.append(d.unlinkedText());
                *error = QCoreApplication::translate("RecordStore", "The %1 #%2 was not deleted: %3.")
                             .arg(Validation::kindName(kind))
                             .arg(id)
                             .arg(parts.join(QStringLiteral("; ")));
            }
            return false;
        }
    }
    auto unlink = [&](RecordKind childKind, const QString &sql, const QString &column) {
        for (qint64 child : idList(sql, id)) {
            QVariantMap previous;
            if (!updateRow(childKind, child, { { column, QVariant() } }, &previous, error))
                return false;
            removed->unlinked.append({ childKind, child, column, previous.value(column) });
        }
        return true;
    };
    auto deleteAll = [&](RecordKind childKind, const QString &sql) {
        for (qint64 child : idList(sql, id)) {
            if (!deleteRow(childKind, child, removed, error))
                return false;
        }
        return true;
    };
    switch (kind) {
    case RecordKind::Disbursement:
        break;
    case RecordKind::Investee:
        if (!deleteAll(RecordKind::Disbursement,
                QStringLiteral("SELECT id FROM disbursements WHERE investee_id = ? ORDER BY id")))
            return false;
        break;
    case RecordKind::Phase:
        if (!deleteAll(RecordKind::Disbursement,
                QStringLiteral("SELECT id FROM disbursements WHERE phase_id = ? ORDER BY id")))
            return false;
        break;
    case RecordKind::Fund:
        if (!unlink(RecordKind::Fund,
                QStringLiteral("SELECT id FROM funds WHERE parent_fund_id = ? ORDER BY id"),
                QStringLiteral("parent_fund_id"))
            || !unlink(RecordKind::Investee,
                QStringLiteral("SELECT id FROM investees WHERE fund_id = ? ORDER BY id"),
                QStringLiteral("fund_id"))
            || !deleteAll(RecordKind::Disbursement,
                QStringLiteral("SELECT id FROM disbursements WHERE phase_id IN "
                               "(SELECT id FROM phases WHERE fund_id = ?) ORDER BY id"))
            || !deleteAll(
                RecordKind::Phase, QStringLiteral("SELECT id FROM phases WHERE fund_id = ? ORDER BY id")))
            return false;
        break;
    }
    return deleteRow(kind, id, removed, error);
}

bool RecordStore::insert(RowValues &row, QString *error)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    const qint64 givenId = row.id;
    if (!insertRow(row, error) || !transaction.commit()) {
        row.id = givenId;
        if (error && error->isEmpty())
            *error = m_db.errorString();
        return false;
    }
    return true;
}

bool RecordStore::insertAll(QList<RowValues> &rows, QString *error)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    QList<RowValues> work = rows;
    for (RowValues &row : work) {
        if (!insertRow(row, error))
            return false;
    }
    if (!transaction.commit()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    rows = work;
    return true;
}

bool RecordStore::update(
    RecordKind kind, qint64 id, const QVariantMap &changes, QString *error, QVariantMap *previous)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    QVariantMap old;
    if (!updateRow(kind, id, changes, &old, error))
        return false;
    if (!transaction.commit()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    if (previous)
        *previous = old;
    return true;
}

bool RecordStore::remove(
    RecordKind kind, const QList<qint64> &ids, bool withDependents, Removal *removed, QString *error)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    Removal work;
    for (qint64 id : ids) {
        // A record may already have gone as another one's dependent (a phase and its fund).
        if (work.ids(kind).contains(id))
            continue;
        if (!removeOne(kind, id, withDependents, &work, error))
            return false;
    }
    if (!transaction.commit()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    if (removed)
        *removed = work;
    return true;
}

bool RecordStore::restore(const Removal &removal, QString *error)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    for (auto it = removal.rows.crbegin(); it != removal.rows.crend(); ++it) {
        RowValues row = *it;
        // These rows were read from the database as they stood: the rules held then, and the
        // foreign keys still guard every reference. Skipping the checks keeps a big undo quick.
        if (!insertRow(row, error, false))
            return false;
    }
    for (auto it = removal.unlinked.crbegin(); it != removal.unlinked.crend(); ++it) {
        if (!updateRow(it->kind, it->id, { { it->column, it->previous } }, nullptr, error))
            return false;
    }
    if (!transaction.commit()) {
        if (error)
            *error = m_db.errorString();
        return false;
    }
    return true;
}
