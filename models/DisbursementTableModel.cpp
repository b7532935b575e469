#include "DisbursementTableModel.h"
#include "RecordFields.h"

#include "ConversionSql.h"
#include "EditSession.h"
#include "FieldText.h"
#include "Format.h"
#include "Validation.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

DisbursementTableModel::DisbursementTableModel(Database &db, QObject *parent)
    : EditableTableModel(RecordKind::Disbursement, parent), m_repository(db)
{
    reload();
}

void DisbursementTableModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void DisbursementTableModel::setUnits(Units units)
{
    if (units == m_units)
        return;
    m_units = units;
    Q_EMIT headerDataChanged(Qt::Horizontal, Amount, Converted);
    if (m_total > 0)
        Q_EMIT dataChanged(index(0, Amount), index(int(m_total) - 1, Converted),
                           { Qt::DisplayRole, Qt::ToolTipRole });
}

void DisbursementTableModel::reload()
{
    beginResetModel();
    clearPages();
    QString error;
    const std::optional<qint64> known = m_counter ? m_counter(m_filter) : std::nullopt;
    m_total = known ? *known : m_repository.count(m_filter, &error);
    if (m_total < 0) {
        m_total = 0;
        Q_EMIT queryFailed(error);
    }
    endResetModel();
}

QList<qint64> DisbursementTableModel::allIds() const
{
    return m_repository.ids(m_filter, sortFor(m_sortColumn), m_sortOrder == Qt::DescendingOrder);
}

DisbursementRepository::Sort DisbursementTableModel::sortFor(int column)
{
    using Sort = DisbursementRepository::Sort;
    switch (column) {
    case Date: return Sort::Date;
    case Fund: return Sort::Fund;
    case Phase: return Sort::Phase;
    case Investee: return Sort::Investee;
    case Sector: return Sort::Sector;
    case Region: return Sort::Region;
    case Type: return Sort::Type;
    case Amount: return Sort::Amount;
    case Stake: return Sort::Stake;
    case Status: return Sort::Status;
    case Confidence: return Sort::Confidence;
    // No index orders the currency or the converted amount (it depends on two rates): they sort
    // by id like source and notes, rather than sorting a million rows for every page.
    default: return Sort::Id;
    }
}

const QList<DisbursementRecord> *DisbursementTableModel::page(qint64 pageIndex) const
{
    auto it = m_pages.find(pageIndex);
    if (it != m_pages.end()) {
        m_pageAge.removeOne(pageIndex);
        m_pageAge.append(pageIndex);
        return &it.value();
    }
    QList<DisbursementRecord> rows;
    if (m_neighbour && m_neighbour->first == pageIndex) {
        rows = std::move(m_neighbour->second);
        m_neighbour.reset();
    } else {
        // Deep in the result, finding a window's place (OFFSET) costs far more than its rows,
        // and the rows in view often straddle two pages: a page not near the top is read with
        // its uncached neighbour, below it or else above it, in one query. The neighbour is kept
        // apart (one at a time) until it is asked for, so it never pushes a page out of the cache.
        qint64 first = pageIndex;
        qint64 pages = 1;
        const auto uncached = [this](qint64 p) { return p >= 0 && p * PageSize < m_total && !m_pages.contains(p); };
        if (pageIndex >= PairFromPage) {
            if (uncached(pageIndex + 1))
                pages = 2;
            else if (uncached(pageIndex - 1))
                first = pageIndex - 1, pages = 2;
        }
        QString error;
        rows = m_repository.window(m_filter, sortFor(m_sortColumn), m_sortOrder == Qt::DescendingOrder,
                                   first * PageSize, int(pages * PageSize), m_total, &error);
        if (!error.isEmpty())
            Q_EMIT const_cast<DisbursementTableModel *>(this)->queryFailed(error);
        if (pages == 2) {
            const qint64 neighbour = first == pageIndex ? pageIndex + 1 : first;
            m_neighbour.emplace(neighbour, rows.mid((neighbour - first) * PageSize, PageSize));
            rows = rows.mid((pageIndex - first) * PageSize, PageSize);
        }
    }
    if (m_pages.size() >= MaxCachedPages && !m_pageAge.isEmpty())
        m_pages.remove(m_pageAge.takeFirst());
    m_pageAge.append(pageIndex);
    return &m_pages.insert(pageIndex, std::move(rows)).value();
}

void DisbursementTableModel::clearPages()
{
    m_pages.clear();
    m_pageAge.clear();
    m_neighbour.reset();
}

const DisbursementRecord *DisbursementTableModel::record(int row) const
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const QList<DisbursementRecord> *rows = page(row / PageSize);
    const int offset = row % PageSize;
    return offset < rows->size() ? &rows->at(offset) : nullptr;
}

int DisbursementTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_total);
}

int DisbursementTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

bool isNumeric(int column)
{
    using C = DisbursementTableModel::Column;
    return column == C::Amount || column == C::Converted || column == C::Stake;
}

} // namespace

QVariant DisbursementTableModel::displayValue(const DisbursementRecord &r, int column) const
{
    switch (column) {
    case Date: return r.valueDate.isEmpty() ? tr("unknown", "a date nobody reported") : r.valueDate;
    case Fund: return r.fundName;
    case Phase: return r.phaseLabel;
    case Investee: return r.investeeName;
    case Sector: return r.segment.isEmpty() ? r.sector : r.sector + QStringLiteral(" / ") + r.segment;
    case Region: return r.region;
    case Type: return Format::vocabulary(r.type);
    case Amount:
        return r.amountMinor ? Format::scaledMinor(*r.amountMinor, r.minorDigits, m_units)
                             : Format::undisclosed();
    case Currency: return r.currency;
    case Converted: return r.converted ? Format::scaledMoney(*r.converted, m_units) : QString();
    case Stake: return Format::percent(r.stakePct);
    case Status: return Format::vocabulary(r.status);
    case Confidence: return Format::vocabulary(r.confidence);
    case Source: return r.sourceUrl.section(QStringLiteral(" | "), 0, 0);
    case Notes: return r.notes.left(200);
    }
    return {};
}

QVariant DisbursementTableModel::sortValue(const DisbursementRecord &r, int column) const
{
    switch (column) {
    case Amount: return r.amountMinor ? QVariant(*r.amountMinor) : QVariant();
    case Converted: return r.converted ? QVariant(*r.converted) : QVariant();
    case Stake: return r.stakePct ? QVariant(*r.stakePct) : QVariant();
    case Date: return r.valueDate;
    default: return displayValue(r, column);
    }
}

QVariant DisbursementTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DisbursementRecord *r = record(index.row());
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*r, index.column());
    case Qt::ToolTipRole:
        return toolTip(*r, index.column());
    case Qt::TextAlignmentRole:
        if (isNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if ((index.column() == Amount && !r->amountMinor) || (index.column() == Date && r->valueDate.isEmpty()))
            return QBrush(QColor(128, 128, 128));
        if (index.column() == Source)
            return QBrush(QColor(0x1a, 0x5f, 0xb4));
        return {};
    case Qt::FontRole:
        if (index.column() == Amount && !r->amountMinor) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case IdRole: return r->id;
    case SortRole: return sortValue(*r, index.column());
    case SourceUrlRole: return r->sourceUrl.section(QStringLiteral(" | "), 0, 0);
    case InvesteeIdRole: return r->investeeId;
    case PhaseIdRole: return r->phaseId;
    case Qt::EditRole: return editValue(*r, index.column());
    case FieldText::FieldRole:
        if (editColumn(index.column()).isEmpty())
            return {};
        return QVariantMap { { QStringLiteral("kind"), int(RecordKind::Disbursement) },
                             { QStringLiteral("column"), editColumn(index.column()) },
                             { QStringLiteral("currency"), r->currency } };
    case FieldText::ChoicesRole:
        return Validation::words(RecordKind::Disbursement, editColumn(index.column()));
    }
    return {};
}

QString DisbursementTableModel::toolTip(const DisbursementRecord &r, int column) const
{
    const QString year = r.valueDate.left(4);
    const QString exact = Format::amount(r.amountMinor, r.minorDigits, r.currency);
    switch (column) {
    case Notes:
        if (!r.notes.isEmpty())
            return r.notes;
        break;
    case Amount:
        return exact;
    case Converted: {
        if (!r.amountMinor)
            return tr("The amount is undisclosed");
        if (r.converted) {
            const QString value = r.baseCurrency + QLatin1Char(' ') + Format::money(*r.converted);
            if (r.currency == r.baseCurrency)
                return value;
            QStringList rates;
            for (const auto &[code, rate] :
                 { std::pair { r.currency, r.rate }, std::pair { r.baseCurrency, r.baseRate } }) {
                if (code != QLatin1String("CNY") && rate)
                    rates.append(tr("1 %1 = %2 CNY").arg(code, QString::number(*rate, 'g', 12)));
            }
            return tr("%1 from %2 at the %3 rate (%4)").arg(value, exact, year, rates.join(QStringLiteral(", ")));
        }
        const QStringList codes = ConversionSql::missingRates(
            r.currency, r.baseCurrency, r.rate.has_value(), r.baseRate.has_value());
        const QString missing = codes.size() == 2
            ? tr("%1 or %2", "one currency or the other").arg(codes.constFirst(), codes.constLast())
            : codes.join(QStringLiteral(", "));
        if (r.valueDate.isEmpty())
            return tr("No %1 rate: the date is unknown, so no year's rate applies").arg(missing).simplified();
        return tr("No %1 rate for %2").arg(missing, year).simplified();
    }
    default:
        break;
    }
    QString tip = Format::bilingual(r.investeeName, r.investeeNameZh) + QLatin1Char('\n')
            + Format::bilingual(r.fundName, r.fundNameZh) + QStringLiteral(" — ") + r.phaseLabel;
    if (!r.sourceUrl.isEmpty())
        tip += QLatin1Char('\n') + tr("Source: %1").arg(r.sourceUrl);
    return tip;
}

QString DisbursementTableModel::editColumn(int column)
{
    switch (column) {
    case Date: return columnOf(DisbursementField::Date);
    case Type: return columnOf(DisbursementField::Type);
    case Amount: return columnOf(DisbursementField::Amount);
    case Stake: return columnOf(DisbursementField::Stake);
    case Status: return columnOf(DisbursementField::Status);
    case Confidence: return columnOf(DisbursementField::Confidence);
    case Source: return columnOf(DisbursementField::Source);
    case Notes: return columnOf(DisbursementField::Notes);
    default: return {};
    }
}

QVariant DisbursementTableModel::editValue(const DisbursementRecord &r, int column) const
{
    switch (column) {
    case Date: return r.valueDate;
    // The schema's words, as stored and as the editor offers them; the cells show them translated.
    case Type: return r.type;
    case Status: return r.status;
    case Confidence: return r.confidence;
    case Amount: return FieldText::amountText(r.amountMinor, r.minorDigits, r.currency);
    case Stake: return r.stakePct ? QString::number(*r.stakePct, 'g', QLocale::FloatingPointShortest) : QString();
    case Source: return r.sourceUrl;
    case Notes: return r.notes;
    default: return displayValue(r, column);
    }
}

QString DisbursementTableModel::editableColumn(int column) const
{
    return editColumn(column);
}

std::optional<qint64> DisbursementTableModel::recordIdAt(int row) const
{
    const DisbursementRecord *r = record(row);
    return r ? std::optional<qint64>(r->id) : std::nullopt;
}

QString DisbursementTableModel::currencyAt(int row) const
{
    const DisbursementRecord *r = record(row);
    return r ? r->currency : QString();
}

void DisbursementTableModel::onRecordsChanged(const RecordChange &change)
{
    // Counts come from SQL here: the analytics cache (setCounter) is stale until it reloads.
    if (change.kind == RecordKind::Disbursement) {
        static const QStringList inPlace = columnsOf({ DisbursementField::Notes, DisbursementField::Source });
        bool movesRows = change.type != RecordChange::Type::Changed || change.ids.isEmpty() || change.columns.isEmpty();
        for (const QString &column : change.columns)
            movesRows = movesRows || !inPlace.contains(column);
        if (!movesRows) {
            refreshRecords(change.ids);
            return;
        }
        // A date, status, amount … may take rows in or out of the filter or move them in the order.
        const qint64 total = m_repository.count(m_filter);
        if (total != m_total || change.type != RecordChange::Type::Changed)
            resetTo(total);
        else
            refreshAll();
        return;
    }
    // Names shown in the rows (fund, phase, investee, sector, region) may have changed. Rows of
    // removed funds, phases or investees go with their disbursements, reported above.
    if (change.type == RecordChange::Type::Changed)
        refreshAll();
}

void DisbursementTableModel::resetTo(qint64 total)
{
    beginResetModel();
    clearPages();
    m_total = std::max<qint64>(0, total);
    endResetModel();
}

void DisbursementTableModel::refreshRecords(const QList<qint64> &ids)
{
    QList<qint64> stale;
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (const DisbursementRecord &r : it.value()) {
            if (ids.contains(r.id)) {
                stale.append(it.key());
                break;
            }
        }
    }
    if (m_neighbour) {
        for (const DisbursementRecord &r : std::as_const(m_neighbour->second)) {
            if (ids.contains(r.id)) {
                m_neighbour.reset(); // not in view: dropped without a signal
                break;
            }
        }
    }
    for (qint64 pageIndex : std::as_const(stale)) {
        m_pages.remove(pageIndex);
        m_pageAge.removeOne(pageIndex);
        const int first = int(pageIndex * PageSize);
        const int last = int(std::min<qint64>(m_total, (pageIndex + 1) * PageSize)) - 1;
        if (last >= first)
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
}

void DisbursementTableModel::refreshAll()
{
    clearPages();
    if (m_total > 0)
        Q_EMIT dataChanged(index(0, 0), index(int(m_total) - 1, ColumnCount - 1));
}

QVariant DisbursementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (section == Amount)
            return tr("The amount as reported, in its own currency");
        if (section == Converted)
            return tr("The amount in %1 at the value date's yearly rate; empty where no rate exists")
                    .arg(m_filter.currency);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    const auto inUnits = [this](const QString &title, const QString &currency) {
        const QString unit = Format::unitLabel(currency, m_units);
        return unit.isEmpty() ? title : title + QStringLiteral(" (") + unit + QLatin1Char(')');
    };
    switch (section) {
    case Investee: return tr("Investee");
    case Amount: return inUnits(tr("Amount"), QString());
    case Currency: return tr("Currency");
    case Converted: return inUnits(tr("Amount"), m_filter.currency);
    case Date: return tr("Date");
    case Type: return tr("Type");
    case Fund: return tr("Fund");
    case Phase: return tr("Phase");
    case Sector: return tr("Sector");
    case Region: return tr("Region");
    case Stake: return tr("Stake");
    case Status: return tr("Status");
    case Confidence: return tr("Confidence");
    case Source: return tr("Source");
    case Notes: return tr("Notes");
    }
    return {};
}

void DisbursementTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_sortColumn = column;
    m_sortOrder = order;
    clearPages();
    // No persistent indexes survive a re-sort of a windowed cursor: rows are re-read by position.
    const QModelIndexList persistent = persistentIndexList();
    changePersistentIndexList(persistent, QModelIndexList(persistent.size()));
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QString DisbursementTableModel::toTsv(int first, int last, const QList<int> &columns) const
{
    QString out;
    auto clean = [](QString text) {
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        text.replace(QLatin1Char('\r'), QLatin1Char(' '));
        return text;
    };
    m_repository.stream(m_filter, sortFor(m_sortColumn), m_sortOrder == Qt::DescendingOrder, first,
                        qint64(last) - first + 1, [&](const DisbursementRecord &r) {
                            QStringList cells;
                            for (int c : columns)
                                cells.append(clean(displayValue(r, c).toString()));
                            out += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
                            return true;
                        });
    return out;
}
