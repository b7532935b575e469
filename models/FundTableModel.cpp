#include "FundTableModel.h"
#include "RecordFields.h"

#include "EditSession.h"
#include "Figures.h"
#include "FieldText.h"
#include "Format.h"
#include "FundRepository.h"
#include "Validation.h"

#include <QMap>

FundTableModel::FundTableModel(QObject *parent)
    : EditableTableModel(RecordKind::Fund, parent)
{
}

void FundTableModel::setFunds(const QList<FundRecord> &funds)
{
    beginResetModel();
    m_funds = funds;
    endResetModel();
}

void FundTableModel::setDeployed(const QHash<qint64, Deployed> &byFund, const QString &currency)
{
    m_deployed = byFund;
    if (currency != m_currency) {
        m_currency = currency;
        Q_EMIT headerDataChanged(Qt::Horizontal, Invested, Committed);
    }
    if (!m_funds.isEmpty())
        Q_EMIT dataChanged(index(0, Invested), index(int(m_funds.size()) - 1, Events));
}

void FundTableModel::setUnits(Units units)
{
    if (units == m_units)
        return;
    m_units = units;
    Q_EMIT headerDataChanged(Qt::Horizontal, Invested, Capital);
    if (!m_funds.isEmpty())
        Q_EMIT dataChanged(index(0, Invested), index(int(m_funds.size()) - 1, Capital), { Qt::DisplayRole });
}

int FundTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_funds.size());
}

int FundTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FundTableModel::capitalText(const FundRecord &fund, Units units)
{
    QMap<QString, qint64> byCurrency;
    QMap<QString, int> digits;
    for (const PhaseRecord &p : fund.phases) {
        if (p.capitalMinor) {
            byCurrency[p.currency] += *p.capitalMinor;
            digits[p.currency] = p.minorDigits;
        }
    }
    QStringList parts;
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it)
        parts.append(it.key() + QLatin1Char(' ') + Format::scaledMinor(it.value(), digits.value(it.key()), units)
                     + (units.suffix().isEmpty() ? QString() : QLatin1Char(' ') + units.suffix()));
    return parts.join(QStringLiteral(" + "));
}

QVariant FundTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FundRecord &f = m_funds.at(index.row());
    const Deployed deployed = m_deployed.value(f.id);
    const bool numeric = index.column() == Invested || index.column() == Committed || index.column() == Events
            || index.column() == Phases || index.column() == Capital;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return f.name;
        case NameZh: return f.nameZh;
        case Kind: return Format::vocabulary(f.kind);
        case Level: return Format::vocabulary(f.level);
        case Region: return f.city.isEmpty() || f.city == f.region ? f.region : f.region + QStringLiteral(" / ") + f.city;
        case Parent: return f.parentName;
        case Phases: return qint64(f.phases.size());
        case Capital: return capitalText(f, m_units);
        case Invested: return deployed.invested != 0 ? Format::scaledMoney(deployed.invested, m_units) : QString();
        case Committed: return deployed.committed != 0 ? Format::scaledMoney(deployed.committed, m_units) : QString();
        case Events: return deployed.events;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Invested: return deployed.invested;
        case Committed: return deployed.committed;
        case Events: return deployed.events;
        case Phases: return qint64(f.phases.size());
        case Capital: {
            qint64 sum = 0;
            for (const PhaseRecord &p : f.phases)
                sum += p.capitalMinor.value_or(0);
            return sum;
        }
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole: {
        QString tip = Format::bilingual(f.name, f.nameZh);
        // The exact figure behind a cell shown in a unit.
        if (index.column() == Invested && deployed.invested != 0)
            tip = tr("%1: %2 %3", "measure: currency amount")
                      .arg(Figures::measureName(Figures::Measure::Invested), m_currency,
                          Format::money(deployed.invested))
                + QLatin1Char('\n') + tip;
        if (index.column() == Committed && deployed.committed != 0)
            tip = tr("%1: %2 %3", "measure: currency amount")
                      .arg(Figures::measureName(Figures::Measure::Committed), m_currency,
                          Format::money(deployed.committed))
                + QLatin1Char('\n') + tip;
        if (index.column() == Capital && !f.phases.isEmpty())
            tip = tr("Registered capital: %1").arg(capitalText(f)) + QLatin1Char('\n') + tip;
        if (!f.manager.isEmpty())
            tip += QLatin1Char('\n') + tr("Manager: %1").arg(f.manager);
        if (!f.notes.isEmpty())
            tip += QStringLiteral("\n") + f.notes;
        if (!f.sourceUrl.isEmpty())
            tip += QLatin1Char('\n') + tr("Source: %1").arg(f.sourceUrl);
        return tip;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case IdRole:
        return f.id;
    case Qt::EditRole:
        // The schema's word, as stored and as the editor offers it; the cell shows it translated.
        if (index.column() == Kind)
            return f.kind;
        if (index.column() == Level)
            return f.level;
        return data(index, Qt::DisplayRole);
    case FieldText::FieldRole:
        if (editColumn(index.column()).isEmpty())
            return {};
        return QVariantMap { { QStringLiteral("kind"), int(RecordKind::Fund) },
                             { QStringLiteral("column"), editColumn(index.column()) } };
    case FieldText::ChoicesRole:
        return Validation::words(RecordKind::Fund, editColumn(index.column()));
    }
    return {};
}

QVariant FundTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Fund");
    case NameZh: return tr("中文名");
    case Kind: return tr("Kind");
    case Level: return tr("Level");
    case Region: return tr("Region");
    case Parent: return tr("Parent fund");
    case Phases: return tr("Phases");
    case Capital: return tr("Registered capital");
    case Invested: return Figures::columnTitle(Figures::Measure::Invested, Format::unitLabel(m_currency, m_units));
    case Committed: return Figures::columnTitle(Figures::Measure::Committed, Format::unitLabel(m_currency, m_units));
    case Events: return tr("Events");
    }
    return {};
}

QString FundTableModel::editColumn(int column)
{
    switch (column) {
    case Name: return columnOf(FundField::Name);
    case NameZh: return columnOf(FundField::NameZh);
    case Kind: return columnOf(FundField::Kind);
    case Level: return columnOf(FundField::Level);
    default: return {};
    }
}

void FundTableModel::updateFunds(const QList<FundRecord> &funds)
{
    QHash<qint64, qsizetype> wanted;
    for (qsizetype i = 0; i < funds.size(); ++i)
        wanted.insert(funds.at(i).id, i);
    for (int row = int(m_funds.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_funds.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_funds.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<qint64, int> present;
    for (int row = 0; row < m_funds.size(); ++row)
        present.insert(m_funds.at(row).id, row);
    for (const FundRecord &f : funds) {
        const auto it = present.constFind(f.id);
        if (it == present.constEnd()) {
            beginInsertRows({}, int(m_funds.size()), int(m_funds.size()));
            m_funds.append(f);
            endInsertRows();
        } else if (!(m_funds.at(*it).name == f.name && m_funds.at(*it).nameZh == f.nameZh
                     && m_funds.at(*it).kind == f.kind && m_funds.at(*it).level == f.level
                     && m_funds.at(*it).region == f.region && m_funds.at(*it).city == f.city
                     && m_funds.at(*it).parentName == f.parentName && m_funds.at(*it).manager == f.manager
                     && m_funds.at(*it).notes == f.notes && m_funds.at(*it).sourceUrl == f.sourceUrl
                     && capitalText(m_funds.at(*it)) == capitalText(f)
                     && m_funds.at(*it).phases.size() == f.phases.size())) {
            m_funds[*it] = f;
            Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
        } else {
            m_funds[*it] = f; // same as shown; phase event counts may differ
        }
    }
}

QString FundTableModel::editableColumn(int column) const
{
    return editColumn(column);
}

std::optional<qint64> FundTableModel::recordIdAt(int row) const
{
    if (row < 0 || row >= m_funds.size())
        return std::nullopt;
    return m_funds.at(row).id;
}

void FundTableModel::onRecordsChanged(const RecordChange &change)
{
    if (change.kind == RecordKind::Fund || change.kind == RecordKind::Phase)
        updateFunds(FundRepository(m_session->database()).all());
}
