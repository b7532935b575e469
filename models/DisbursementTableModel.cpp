#include "DisbursementTableModel.h"

#include "Format.h"

#include <QBrush>
#include <QColor>
#include <QFont>

DisbursementTableModel::DisbursementTableModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent), m_repository(db)
{
    reload();
}

void DisbursementTableModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

void DisbursementTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_pageAge.clear();
    QString error;
    m_total = m_repository.count(m_filter, &error);
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
    default: return Sort::Id;
    }
}

const QList<DisbursementRecord> *DisbursementTableModel::page(qint64 pageIndex) const
{
    auto it = m_pages.find(pageIndex);
    if (it == m_pages.end()) {
        QString error;
        auto rows = m_repository.window(m_filter, sortFor(m_sortColumn), m_sortOrder == Qt::DescendingOrder,
                                        pageIndex * PageSize, PageSize, m_total, &error);
        if (!error.isEmpty())
            Q_EMIT const_cast<DisbursementTableModel *>(this)->queryFailed(error);
        if (m_pages.size() >= MaxCachedPages && !m_pageAge.isEmpty())
            m_pages.remove(m_pageAge.takeFirst());
        it = m_pages.insert(pageIndex, std::move(rows));
    } else {
        m_pageAge.removeOne(pageIndex);
    }
    m_pageAge.append(pageIndex);
    return &it.value();
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

QVariant DisbursementTableModel::displayValue(const DisbursementRecord &r, int column) const
{
    switch (column) {
    case Date: return r.valueDate.isEmpty() ? QStringLiteral("unknown") : r.valueDate;
    case Fund: return r.fundName;
    case Phase: return r.phaseLabel;
    case Investee: return r.investeeName;
    case Sector: return r.segment.isEmpty() ? r.sector : r.sector + QStringLiteral(" / ") + r.segment;
    case Region: return r.region;
    case Type: return r.type;
    case Amount: return Format::amount(r.amountMinor, r.minorDigits, r.currency);
    case Stake: return Format::percent(r.stakePct);
    case Status: return r.status;
    case Confidence: return r.confidence;
    case Source: return r.sourceUrl.section(QStringLiteral(" | "), 0, 0);
    case Notes: return r.notes.left(200);
    }
    return {};
}

QVariant DisbursementTableModel::sortValue(const DisbursementRecord &r, int column) const
{
    switch (column) {
    case Amount: return r.amountMinor ? QVariant(*r.amountMinor) : QVariant();
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
    case Qt::ToolTipRole: {
        QString tip = Format::bilingual(r->investeeName, r->investeeNameZh) + QLatin1Char('\n')
                + Format::bilingual(r->fundName, r->fundNameZh) + QStringLiteral(" — ") + r->phaseLabel;
        if (!r->sourceUrl.isEmpty())
            tip += QStringLiteral("\nSource: ") + r->sourceUrl;
        if (index.column() == Notes && !r->notes.isEmpty())
            tip = r->notes;
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Amount || index.column() == Stake)
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
    }
    return {};
}

QVariant DisbursementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == Amount || section == Stake ? Qt::AlignRight : Qt::AlignLeft)
                                   | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    static const char *const titles[ColumnCount] = { "Date", "Fund", "Phase", "Investee", "Sector", "Region",
                                                     "Type", "Amount", "Stake", "Status", "Confidence",
                                                     "Source", "Notes" };
    return tr(titles[section]);
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
    m_pages.clear();
    m_pageAge.clear();
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
