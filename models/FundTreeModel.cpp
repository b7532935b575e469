#include "FundTreeModel.h"

#include "EditSession.h"
#include "Figures.h"
#include "Format.h"
#include "FundRepository.h"
#include "InterfaceLanguage.h"

#include <utility>

// Fund rows carry internalId 0; phase rows carry their fund's row + 1, which is all parent() needs.

FundTreeModel::FundTreeModel(QObject *parent) : QAbstractItemModel(parent) { }

void FundTreeModel::setFunds(const QList<FundRecord> &funds)
{
    beginResetModel();
    m_funds = funds;
    m_byPhase.clear(); // another database's ids may coincide: no figures until setTotals()
    endResetModel();
}

void FundTreeModel::setUnits(Units units)
{
    const bool chinese = units == Units::Yi || units == Units::Wan;
    if (std::exchange(m_chineseUnits, chinese) == chinese || m_funds.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, Invested), index(int(m_funds.size()) - 1, Invested), { Qt::DisplayRole });
    for (int row = 0; row < m_funds.size(); ++row) {
        if (const int phases = int(m_funds.at(row).phases.size())) {
            const QModelIndex fund = index(row, 0);
            Q_EMIT dataChanged(index(0, Invested, fund), index(phases - 1, Invested, fund), { Qt::DisplayRole });
        }
    }
}

void FundTreeModel::setTotals(const QHash<qint64, PhaseTotal> &byPhase, const QString &currency)
{
    const QHash<qint64, PhaseTotal> before = std::exchange(m_byPhase, byPhase);
    const bool headerChanged = currency != m_currency;
    m_currency = currency;
    if (headerChanged)
        Q_EMIT headerDataChanged(Qt::Horizontal, Invested, Invested);
    // One range for the fund rows, one per fund whose phases changed: a filter change touches
    // most of ~2,000 phases, and every signal costs each attached view a pass.
    int firstFund = -1;
    int lastFund = -1;
    for (int row = 0; row < m_funds.size(); ++row) {
        const FundRecord &fund = m_funds.at(row);
        if (!headerChanged && !phasesChanged(fund, before))
            continue;
        if (firstFund < 0)
            firstFund = row;
        lastFund = row;
        if (fund.phases.isEmpty())
            continue;
        const QModelIndex parentIndex = index(row, 0);
        Q_EMIT dataChanged(index(0, Invested, parentIndex), index(int(fund.phases.size()) - 1, Events, parentIndex));
    }
    if (firstFund >= 0)
        Q_EMIT dataChanged(index(firstFund, Invested), index(lastFund, Events));
    Q_EMIT totalsChanged();
}

bool FundTreeModel::phasesChanged(const FundRecord &fund, const QHash<qint64, PhaseTotal> &before) const
{
    for (const PhaseRecord &p : fund.phases) {
        const PhaseTotal now = m_byPhase.value(p.id);
        const PhaseTotal then = before.value(p.id);
        if (now.invested != then.invested || now.events != then.events)
            return true;
    }
    return false;
}

QModelIndex FundTreeModel::indexOfPhase(qint64 phaseId) const
{
    for (int f = 0; f < m_funds.size(); ++f) {
        const auto &phases = m_funds.at(f).phases;
        for (int p = 0; p < phases.size(); ++p) {
            if (phases.at(p).id == phaseId)
                return createIndex(p, 0, quintptr(f + 1));
        }
    }
    return {};
}

QModelIndex FundTreeModel::indexOfFund(qint64 fundId) const
{
    for (int f = 0; f < m_funds.size(); ++f) {
        if (m_funds.at(f).id == fundId)
            return createIndex(f, 0, quintptr(0));
    }
    return {};
}

QModelIndex FundTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    if (parent.internalId() == 0)
        return createIndex(row, column, quintptr(parent.row() + 1));
    return {};
}

QModelIndex FundTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int FundTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_funds.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_funds.at(parent.row()).phases.size());
}

int FundTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

FundTreeModel::PhaseTotal FundTreeModel::fundTotal(const FundRecord &fund) const
{
    PhaseTotal total;
    for (const PhaseRecord &p : fund.phases) {
        const PhaseTotal phase = m_byPhase.value(p.id);
        total.invested += phase.invested;
        total.events += phase.events;
    }
    return total;
}

QVariant FundTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isPhase = index.internalId() != 0;
    const FundRecord &fund = m_funds.at(isPhase ? int(index.internalId() - 1) : index.row());
    const PhaseRecord *phase = isPhase ? &fund.phases.at(index.row()) : nullptr;
    const PhaseTotal total = phase ? m_byPhase.value(phase->id) : fundTotal(fund);
    const double invested = total.invested;
    const qint64 events = total.events;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            if (phase)
                return phase->startDate.isEmpty() ? phase->label
                                                  : phase->label + QStringLiteral(" (") + phase->startDate.left(4) + QLatin1Char(')');
            if (fund.nameZh.isEmpty())
                return fund.name;
            // The interface's language first; the other name stays for searching by eye.
            return InterfaceLanguage::isChinese() ? QString(fund.nameZh + QStringLiteral("  ") + fund.name)
                                                  : QString(fund.name + QStringLiteral("  ") + fund.nameZh);
        case Invested:
            return invested > 0 ? Format::compactMoney(invested, m_chineseUnits) : QString();
        case Events:
            return events;
        }
        return {};
    case Qt::ToolTipRole:
        if (phase) {
            QString tip = Format::bilingual(fund.name, fund.nameZh) + QStringLiteral(" — ") + phase->label;
            if (phase->capitalMinor) {
                const QString capital
                    = Format::amount(phase->capitalMinor, phase->minorDigits, phase->currency);
                tip += QLatin1Char('\n')
                    + (phase->capitalBasis.isEmpty() ? tr("Capital: %1").arg(capital)
                                                     : tr("Capital: %1 (%2)", "the amount (its basis)")
                                                           .arg(capital, phase->capitalBasis));
            }
            return tip;
        }
        return QString(Format::bilingual(fund.name, fund.nameZh) + QLatin1Char('\n')
            + tr("%1, %2", "a fund's kind, its level")
                  .arg(Format::vocabulary(fund.kind), Format::vocabulary(fund.level)));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((index.column() == Name ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    case FundIdRole:
        return fund.id;
    case PhaseIdRole:
        return phase ? phase->id : qint64(0);
    case SearchTextRole:
        return QString(fund.name + QLatin1Char(' ') + fund.nameZh
                       + (phase ? QLatin1Char(' ') + phase->label : QString()));
    case SortRole:
        switch (index.column()) {
        case Invested: return invested;
        case Events: return events;
        default: return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant FundTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Fund / phase");
    case Invested: return Figures::columnTitle(Figures::Measure::Invested, m_currency);
    case Events: return tr("Events");
    }
    return {};
}

void FundTreeModel::updatePhases(int fundRow, const FundRecord &fund)
{
    const QModelIndex parentIndex = index(fundRow, 0);
    const QList<PhaseRecord> &old = m_funds.at(fundRow).phases;
    bool sameIds = old.size() == fund.phases.size();
    for (qsizetype i = 0; sameIds && i < old.size(); ++i)
        sameIds = old.at(i).id == fund.phases.at(i).id;
    if (sameIds) {
        m_funds[fundRow] = fund;
        Q_EMIT dataChanged(parentIndex, index(fundRow, ColumnCount - 1));
        if (!fund.phases.isEmpty())
            Q_EMIT dataChanged(index(0, 0, parentIndex), index(int(fund.phases.size()) - 1, ColumnCount - 1, parentIndex));
        return;
    }
    if (!old.isEmpty()) {
        beginRemoveRows(parentIndex, 0, int(old.size()) - 1);
        m_funds[fundRow].phases.clear();
        endRemoveRows();
    }
    FundRecord withoutPhases = fund;
    withoutPhases.phases.clear();
    m_funds[fundRow] = withoutPhases;
    Q_EMIT dataChanged(parentIndex, index(fundRow, ColumnCount - 1));
    if (!fund.phases.isEmpty()) {
        beginInsertRows(parentIndex, 0, int(fund.phases.size()) - 1);
        m_funds[fundRow].phases = fund.phases;
        endInsertRows();
    }
}

void FundTreeModel::updateFunds(const QList<FundRecord> &funds)
{
    QHash<qint64, qsizetype> wanted;
    for (qsizetype i = 0; i < funds.size(); ++i)
        wanted.insert(funds.at(i).id, i);
    for (const FundRecord &f : std::as_const(m_funds)) {
        if (!wanted.contains(f.id)) {
            // Phase rows name their fund by its row (internalId), so removing a fund would leave
            // the phases of the funds after it pointing at the wrong row: a deletion resets.
            setFunds(funds);
            return;
        }
    }
    QHash<qint64, int> present;
    for (int row = 0; row < m_funds.size(); ++row)
        present.insert(m_funds.at(row).id, row);
    for (const FundRecord &f : funds) {
        const auto it = present.constFind(f.id);
        if (it != present.constEnd()) {
            updatePhases(*it, f);
            continue;
        }
        const int row = int(m_funds.size());
        beginInsertRows({}, row, row);
        m_funds.append(f);
        endInsertRows();
    }
}

void FundTreeModel::setEditSession(EditSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &EditSession::recordsChanged, this, &FundTreeModel::onRecordsChanged);
}

void FundTreeModel::onRecordsChanged(const RecordChange &change)
{
    if (change.kind == RecordKind::Fund || change.kind == RecordKind::Phase)
        updateFunds(FundRepository(m_session->database()).all());
}
