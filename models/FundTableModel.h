#pragma once

#include "FundRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

/// The Funds page: each fund with level, region, parent fund, phases, registered capital and
/// what it deployed under the current filter. Hundreds of rows: held whole, sorted by a proxy.
class FundTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, NameZh, Kind, Level, Region, Parent, Phases, Capital, Invested, Committed, Events,
                  ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    /// What a fund deployed under the filter, in the base currency.
    struct Deployed
    {
        double invested = 0;
        double committed = 0;
        qint64 events = 0;
    };

    explicit FundTableModel(QObject *parent = nullptr);

    void setFunds(const QList<FundRecord> &funds);
    /// Updates the deployed columns only (a filter change), emitting dataChanged for them.
    void setDeployed(const QHash<qint64, Deployed> &byFund, const QString &currency);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "CNY 98,720,000,000.00 + USD …": registered capital summed per currency over phases.
    static QString capitalText(const FundRecord &fund);

private:
    QList<FundRecord> m_funds;
    QHash<qint64, Deployed> m_deployed;
    QString m_currency = QStringLiteral("CNY");
};
