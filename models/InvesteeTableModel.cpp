#include "InvesteeTableModel.h"
#include "RecordFields.h"

#include "EditSession.h"
#include "Figures.h"
#include "FieldText.h"
#include "Format.h"
#include "InvesteeRepository.h"

#include <QBrush>
#include <QColor>

#include <tuple>

InvesteeTableModel::InvesteeTableModel(QObject *parent)
    : EditableTableModel(RecordKind::Investee, parent)
{
}

void InvesteeTableModel::setRows(const QList<InvesteeRow> &rows, const QString &currency)
{
    bool sameIds = rows.size() == m_rows.size() && !rows.isEmpty();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows.at(i).investee.id == m_rows.at(i).investee.id;
    if (sameIds) {
        m_rows = rows;
        const bool headerChanged = m_currency != currency;
        m_currency = currency;
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        if (headerChanged)
            Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        return;
    }
    beginResetModel();
    m_rows = rows;
    m_currency = currency;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void InvesteeTableModel::setUnits(Units units)
{
    if (units == m_units)
        return;
    m_units = units;
    Q_EMIT headerDataChanged(Qt::Horizontal, Invested, Divested);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Invested), index(int(m_rows.size()) - 1, Divested), { Qt::DisplayRole });
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
    auto money = [this](double v) { return v != 0 ? Format::scaledMoney(v, m_units) : QString(); };
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
        case Kind: return Format::vocabulary(i.kind);
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
        // The exact figure behind a cell shown in a unit.
        using M = Figures::Measure;
        for (const auto &[column, measure, amount] : { std::tuple { Invested, M::Invested, r.invested },
                                                       std::tuple { Committed, M::Committed, r.committed },
                                                       std::tuple { Divested, M::Divested, r.divested } }) {
            if (index.column() == column && amount != 0)
                tip = tr("%1: %2 %3", "measure: currency amount")
                          .arg(Figures::measureName(measure), m_currency, Format::money(amount))
                    + QLatin1Char('\n') + tip;
        }
        if (!i.sector.isEmpty())
            tip += QStringLiteral("\n") + Format::bilingual(i.sector, i.sectorZh)
                    + (i.segment.isEmpty() ? QString() : QStringLiteral(" / ") + i.segment);
        if (!i.region.isEmpty())
            tip += QStringLiteral("\n") + Format::bilingual(i.region, i.regionZh);
        if (r.undisclosed || r.withoutRate)
            tip += QLatin1Char('\n')
                + tr("%1 undisclosed, %2 without a %3 rate (not in the totals)")
                      .arg(r.undisclosed)
                      .arg(r.withoutRate)
                      .arg(m_currency);
        if (i.kind == QLatin1String("fund"))
            tip += QLatin1Char('\n') + tr("A sub-fund: select it to look through to its own holdings");
        if (!i.sourceUrl.isEmpty())
            tip += QLatin1Char('\n') + tr("Source: %1").arg(i.sourceUrl);
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
    case Qt::EditRole:
        switch (index.column()) {
        case Name: return i.name;
        case NameZh: return i.nameZh;
        case Ticker: return i.ticker;
        default: return data(index, Qt::DisplayRole);
        }
    case FieldText::FieldRole:
        if (editColumn(index.column()).isEmpty())
            return {};
        return QVariantMap { { QStringLiteral("kind"), int(RecordKind::Investee) },
                             { QStringLiteral("column"), editColumn(index.column()) } };
    case FieldText::ChoicesRole:
        return QStringList();
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
    case Invested: return Figures::columnTitle(Figures::Measure::Invested, Format::unitLabel(m_currency, m_units));
    case Committed: return Figures::columnTitle(Figures::Measure::Committed, Format::unitLabel(m_currency, m_units));
    case Divested: return Figures::columnTitle(Figures::Measure::Divested, Format::unitLabel(m_currency, m_units));
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

QString InvesteeTableModel::editColumn(int column)
{
    switch (column) {
    case Name: return columnOf(InvesteeField::Name);
    case NameZh: return columnOf(InvesteeField::NameZh);
    case Ticker: return columnOf(InvesteeField::Ticker);
    default: return {};
    }
}

int InvesteeTableModel::rowOf(qint64 investeeId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).investee.id == investeeId)
            return int(row);
    }
    return -1;
}

QString InvesteeTableModel::editableColumn(int column) const
{
    return editColumn(column);
}

std::optional<qint64> InvesteeTableModel::recordIdAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row).investee.id;
}

void InvesteeTableModel::onRecordsChanged(const RecordChange &change)
{
    if (change.kind != RecordKind::Investee)
        return;
    const InvesteeRepository repository(m_session->database());
    switch (change.type) {
    case RecordChange::Type::Changed:
        for (qint64 id : change.ids) {
            const int row = rowOf(id);
            const auto record = row >= 0 ? repository.byId(id) : std::nullopt;
            if (!record)
                continue;
            m_rows[row].investee = *record;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        break;
    case RecordChange::Type::Added:
        // Shown at once so that a researcher sees what they added; it has no totals until money
        // is recorded for it (the next totals refresh decides whether it stays in view).
        for (qint64 id : change.ids) {
            const auto record = rowOf(id) < 0 ? repository.byId(id) : std::nullopt;
            if (!record)
                continue;
            InvesteeRow row;
            row.investee = *record;
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
            m_rows.append(row);
            endInsertRows();
        }
        break;
    case RecordChange::Type::Removed:
        for (qint64 id : change.ids) {
            const int row = rowOf(id);
            if (row < 0)
                continue;
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        break;
    }
}
