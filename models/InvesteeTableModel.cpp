#include "InvesteeTableModel.h"

#include "Format.h"

#include <QBrush>
#include <QColor>

InvesteeTableModel::InvesteeTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void InvesteeTableModel::setRows(const QList<InvesteeRow> &rows, const QString &currency)
{
    beginResetModel();
    m_rows = rows;
    m_currency = currency;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int InvesteeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InvesteeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

bool isNumeric(int column)
{
    using C = InvesteeTableModel::Column;
    return column == C::Invested || column == C::Committed || column == C::Divested || column == C::Stake
            || column == C::Events || column == C::Funds || column == C::Undisclosed;
}

} // namespace

QVariant InvesteeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InvesteeRow &r = m_rows.at(index.row());
    const InvesteeRecord &i = r.investee;
    auto money = [](double v) { return v != 0 ? Format::money(v) : QString(); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return i.name;
        case NameZh: return i.nameZh;
        case Sector: return i.kind == QLatin1String("fund") ? tr("(sub-fund)") : i.sector;
        case Segment: return i.segment;
        case Region: return i.city.isEmpty() || i.city == i.region ? i.region : i.region + QStringLiteral(" / ") + i.city;
        case Invested: return money(r.invested);
        case Committed: return money(r.committed);
        case Divested: return money(r.divested);
        case Stake: return Format::percent(r.latestStake);
        case FirstDate: return r.firstDate;
        case LastDate: return r.lastDate;
        case Events: return r.events;
        case Funds: return r.funds;
        case Undisclosed: return r.undisclosed ? QVariant(r.undisclosed) : QVariant(QString());
        case Ticker: return i.ticker;
        case Kind: return i.kind;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Invested: return r.invested;
        case Committed: return r.committed;
        case Divested: return r.divested;
        case Stake: return r.latestStake ? *r.latestStake : -1.0;
        case Events: return r.events;
        case Funds: return r.funds;
        case Undisclosed: return r.undisclosed;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole: {
        QString tip = Format::bilingual(i.name, i.nameZh);
        if (!i.sector.isEmpty())
            tip += QStringLiteral("\n") + Format::bilingual(i.sector, i.sectorZh)
                    + (i.segment.isEmpty() ? QString() : QStringLiteral(" / ") + i.segment);
        if (!i.region.isEmpty())
            tip += QStringLiteral("\n") + Format::bilingual(i.region, i.regionZh);
        if (r.undisclosed || r.withoutRate)
            tip += tr("\n%1 undisclosed, %2 without a %3 rate (not in the totals)")
                           .arg(r.undisclosed)
                           .arg(r.withoutRate)
                           .arg(m_currency);
        if (i.kind == QLatin1String("fund"))
            tip += tr("\nA sub-fund: select it to look through to its own holdings");
        if (!i.sourceUrl.isEmpty())
            tip += tr("\nSource: ") + i.sourceUrl;
        return tip;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((isNumeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (i.kind == QLatin1String("fund") && index.column() == Sector)
            return QBrush(QColor(0x1a, 0x5f, 0xb4));
        return {};
    case IdRole:
        return i.id;
    case SubFundIdRole:
        return i.kind == QLatin1String("fund") ? i.fundId : qint64(0);
    }
    return {};
}

QVariant InvesteeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Investee");
    case NameZh: return tr("中文名");
    case Sector: return tr("Sector");
    case Segment: return tr("Segment");
    case Region: return tr("Region");
    case Invested: return tr("Invested (%1)").arg(m_currency);
    case Committed: return tr("Committed (%1)").arg(m_currency);
    case Divested: return tr("Divested (%1)").arg(m_currency);
    case Stake: return tr("Latest stake");
    case FirstDate: return tr("First");
    case LastDate: return tr("Last");
    case Events: return tr("Events");
    case Funds: return tr("Funds");
    case Undisclosed: return tr("Undisclosed");
    case Ticker: return tr("Ticker");
    case Kind: return tr("Kind");
    }
    return {};
}
