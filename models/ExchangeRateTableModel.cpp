#include "ExchangeRateTableModel.h"

#include "EditSession.h"
#include "Validation.h"

#include <QLocale>
#include <QRegularExpression>

ExchangeRateTableModel::ExchangeRateTableModel(EditSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    m_rates = ExchangeRateRepository(m_session.database()).all();
    connect(&m_session, &EditSession::exchangeRatesChanged, this, &ExchangeRateTableModel::refresh);
}

int ExchangeRateTableModel::rowOf(const QString &currency, int year) const
{
    for (qsizetype i = 0; i < m_rates.size(); ++i) {
        if (m_rates.at(i).currency == currency && m_rates.at(i).year == year)
            return int(i);
    }
    return -1;
}

void ExchangeRateTableModel::refresh()
{
    const QList<ExchangeRate> fresh = ExchangeRateRepository(m_session.database()).all();
    auto key = [](const ExchangeRate &r) { return std::make_pair(r.currency, r.year); };
    // Both lists are ordered by (currency, year): walk them together.
    for (int row = int(m_rates.size()) - 1; row >= 0; --row) {
        const auto k = key(m_rates.at(row));
        const bool kept
            = std::any_of(fresh.cbegin(), fresh.cend(), [&](const ExchangeRate &r) { return key(r) == k; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rates.removeAt(row);
            endRemoveRows();
        }
    }
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        const ExchangeRate &r = fresh.at(i);
        if (i < m_rates.size() && key(m_rates.at(i)) == key(r)) {
            if (!(m_rates.at(i) == r)) {
                m_rates[i] = r;
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, int(i), int(i));
        m_rates.insert(i, r);
        endInsertRows();
    }
}

int ExchangeRateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rates.size());
}

int ExchangeRateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExchangeRateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExchangeRate &r = m_rates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Currency:
            return r.currency;
        case Year:
            return r.year;
        case Rate:
            return QString::number(r.cnyPerUnit, 'g', QLocale::FloatingPointShortest);
        case Source:
            return r.source;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Year:
            return r.year;
        case Rate:
            return r.cnyPerUnit;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            (index.column() == Rate || index.column() == Year ? Qt::AlignRight : Qt::AlignLeft)
            | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return index.column() == Rate ? tr("CNY for one %1 in %2").arg(r.currency).arg(r.year) : r.source;
    }
    return {};
}

QVariant ExchangeRateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Currency:
        return tr("Currency");
    case Year:
        return tr("Year");
    case Rate:
        return tr("CNY per unit");
    case Source:
        return tr("Source");
    }
    return {};
}

Qt::ItemFlags ExchangeRateTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == Rate || index.column() == Source))
        f |= Qt::ItemIsEditable;
    return f;
}

bool ExchangeRateTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (index.column() != Rate && index.column() != Source))
        return false;
    ExchangeRate rate = m_rates.at(index.row());
    if (index.column() == Rate) {
        const QString text = value.toString().trimmed();
        static const QRegularExpression number(QStringLiteral("^(\\d+(\\.\\d*)?|\\.\\d+)$"));
        if (!number.match(text).hasMatch()) {
            Q_EMIT editFailed(tr("'%1' is not a rate: write a number such as 7.1884.").arg(text));
            return false;
        }
        rate.cnyPerUnit = text.toDouble();
        if (const QString why = Validation::rate(rate.cnyPerUnit); !why.isEmpty()) {
            Q_EMIT editFailed(why);
            return false;
        }
    } else {
        rate.source = value.toString().trimmed();
    }
    if (!m_session.setExchangeRate(rate.currency, rate.year, rate)) {
        Q_EMIT editFailed(m_session.lastError());
        return false;
    }
    return true;
}
