#include "HistoryTableModel.h"

#include "Database.h"
#include "EditSession.h"
#include "Format.h"
#include "InterfaceLanguage.h"
#include "RecordStore.h"
#include "Validation.h"
#include "VocabularyRepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString tableTitle(const QString &table)
{
    if (table == QLatin1String("funds"))
        return HistoryTableModel::tr("Fund");
    if (table == QLatin1String("phases"))
        return HistoryTableModel::tr("Phase");
    if (table == QLatin1String("investees"))
        return HistoryTableModel::tr("Investee");
    if (table == QLatin1String("disbursements"))
        return HistoryTableModel::tr("Disbursement");
    if (table == QLatin1String("exchange_rates"))
        return HistoryTableModel::tr("Exchange rate");
    return table;
}

} // namespace

HistoryTableModel::HistoryTableModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{
}

void HistoryTableModel::setQuery(const HistoryQuery &query)
{
    beginResetModel();
    m_fetchPending = false;
    m_query = query;
    m_entries = HistoryRepository(m_db).page(query, 0, PageSize);
    m_total = HistoryRepository(m_db).count(query);
    m_newestId = m_entries.isEmpty() ? HistoryRepository(m_db).lastId() : m_entries.constFirst().id;
    forgetLabels();
    endResetModel();
}

void HistoryTableModel::setEditSession(EditSession *session)
{
    connect(session, &EditSession::historyChanged, this, &HistoryTableModel::fetchNewer);
}

void HistoryTableModel::fetchNewer()
{
    const QList<HistoryEntry> newer = HistoryRepository(m_db).newerThan(m_query, m_newestId);
    m_newestId = std::max(m_newestId, HistoryRepository(m_db).lastId());
    if (newer.isEmpty())
        return;
    // A record's label may have changed with the entries (a rename): forget them.
    forgetLabels();
    beginInsertRows({}, 0, int(newer.size()) - 1);
    m_entries = newer + m_entries;
    m_total += newer.size();
    endInsertRows();
    if (m_entries.size() > newer.size())
        Q_EMIT dataChanged(index(int(newer.size()), Record), index(int(m_entries.size()) - 1, Record));
}

void HistoryTableModel::forgetLabels()
{
    m_labels.clear();
    m_amountCurrencies.clear();
    m_currencyDigits.clear();
}

void HistoryTableModel::setChineseUnits(bool chineseUnits)
{
    if (chineseUnits == m_chineseUnits)
        return;
    m_chineseUnits = chineseUnits;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, OldValue), index(int(m_entries.size()) - 1, NewValue),
            { Qt::DisplayRole, Qt::ToolTipRole });
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool HistoryTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetchPending && m_entries.size() < m_total;
}

void HistoryTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_fetchPending)
        return;
    // Views ask from inside their own layout and signal handling: the rows arrive on the next
    // turn of the event loop instead, so no insertion ever nests inside another change.
    m_fetchPending = true;
    QMetaObject::invokeMethod(this, &HistoryTableModel::fetchNextPage, Qt::QueuedConnection);
}

void HistoryTableModel::fetchNextPage()
{
    if (!m_fetchPending)
        return; // a new query came first
    m_fetchPending = false;
    const QList<HistoryEntry> more = HistoryRepository(m_db).page(m_query, m_entries.size(), PageSize);
    if (more.isEmpty()) {
        m_total = m_entries.size();
        return;
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + more.size()) - 1);
    m_entries += more;
    endInsertRows();
}

QString HistoryTableModel::recordText(const HistoryEntry &entry) const
{
    if (m_labelsChinese != InterfaceLanguage::isChinese()) {
        m_labels.clear();
        m_labelsChinese = InterfaceLanguage::isChinese();
    }
    const QString key = entry.table + QLatin1Char('/') + QString::number(entry.rowId);
    auto it = m_labels.constFind(key);
    if (it == m_labels.constEnd())
        it = m_labels.insert(key, HistoryRepository(m_db).recordLabel(entry.table, entry.rowId));
    return tr("%1: %2", "a record's kind: its name").arg(tableTitle(entry.table), *it);
}

QString HistoryTableModel::fieldText(const QString &column, const QString &raw, const QString &currency) const
{
    if (HistoryRepository::isReference(column)) {
        const QString key = column + QLatin1Char('/') + raw;
        auto it = m_labels.constFind(key);
        if (it == m_labels.constEnd())
            it = m_labels.insert(key, HistoryRepository(m_db).referenceLabel(column, raw.toLongLong()));
        return *it;
    }
    bool ok = false;
    if (HistoryRepository::isAmount(column)) {
        const qint64 minor = raw.toLongLong(&ok);
        if (!ok)
            return raw;
        if (m_currencyDigits.isEmpty())
            m_currencyDigits = VocabularyRepository(m_db).currencyDigits();
        // Without a known currency the number still reads in units; 2 is the schema's default.
        return Format::typedAmount(minor, m_currencyDigits.value(currency, 2), currency, m_chineseUnits)
            .trimmed();
    }
    if (column.endsWith(QLatin1String("_pct"))) {
        const double pct = raw.toDouble(&ok);
        return ok ? Format::percent(pct) : raw;
    }
    return raw;
}

QString HistoryTableModel::valueText(const HistoryEntry &entry, Side side) const
{
    const QVariant &value = side == Side::Old ? entry.oldValue : entry.newValue;
    if (value.isNull() || !value.isValid()) {
        // An amount that is not there was stored as undisclosed, never as 0: say so.
        const bool undisclosed
            = entry.action == QLatin1String("update") && HistoryRepository::isAmount(entry.field);
        return undisclosed ? Format::typedAmount(std::nullopt, 0, QString()) : QString();
    }
    const QString text = value.toString();
    if (entry.field.isEmpty()) {
        // A whole row, added or deleted.
        const QJsonObject row = QJsonDocument::fromJson(text.toUtf8()).object();
        if (row.isEmpty())
            return text;
        const std::optional<RecordKind> kind = RecordStore::kindOfTable(entry.table);
        const QString currency = row.value(columnOf(DisbursementField::Currency)).toString();
        QStringList parts;
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            const QString label = kind ? Validation::label(*kind, it.key()) : it.key();
            QString shown = fieldText(it.key(), it.value().toString(), currency);
            if (kind && Validation::words(*kind, it.key()).contains(shown))
                shown = Format::vocabulary(shown);
            parts.append(tr("%1: %2", "a field's label: its value").arg(label, shown));
        }
        return parts.join(QStringLiteral("; "));
    }
    QString currency;
    if (HistoryRepository::isAmount(entry.field)) {
        auto it = m_amountCurrencies.constFind(entry.id);
        if (it == m_amountCurrencies.constEnd())
            it = m_amountCurrencies.insert(entry.id, HistoryRepository(m_db).amountCurrencies(entry));
        currency = side == Side::Old ? it->before : it->after;
    }
    const QString shown = fieldText(entry.field, text, currency);
    const std::optional<RecordKind> kind = RecordStore::kindOfTable(entry.table);
    return kind && Validation::words(*kind, entry.field).contains(shown) ? Format::vocabulary(shown) : shown;
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case When: {
            const QDateTime at = QDateTime::fromString(e.at, Qt::ISODateWithMs);
            return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : e.at;
        }
        case Who:
            return e.user;
        case Action:
            if (e.action == QLatin1String("insert"))
                return tr("added");
            if (e.action == QLatin1String("delete"))
                return tr("deleted");
            return tr("changed");
        case Record:
            return recordText(e);
        case Field: {
            if (e.field.isEmpty())
                return QString();
            const std::optional<RecordKind> kind = RecordStore::kindOfTable(e.table);
            return kind ? Validation::label(*kind, e.field) : e.field;
        }
        case OldValue: {
            const QString text = valueText(e, Side::Old);
            return role == Qt::DisplayRole ? text.left(300) : text;
        }
        case NewValue: {
            const QString text = valueText(e, Side::New);
            return role == Qt::DisplayRole ? text.left(300) : text;
        }
        }
        return {};
    case IdRole:
        return e.id;
    case TableRole:
        return e.table;
    case RowIdRole:
        return e.rowId;
    }
    return {};
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Action:
        return tr("What");
    case Record:
        return tr("Record");
    case Field:
        return tr("Field");
    case OldValue:
        return tr("Old value");
    case NewValue:
        return tr("New value");
    }
    return {};
}
