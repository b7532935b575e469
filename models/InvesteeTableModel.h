#pragma once

#include "InvesteeRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

/// An investee with what it received under the current filter, in the base currency.
struct InvesteeRow
{
    InvesteeRecord investee;
    double invested = 0;
    double committed = 0;
    double divested = 0;
    qint64 events = 0;
    qint64 funds = 0;
    qint64 undisclosed = 0;
    qint64 withoutRate = 0;
    QString firstDate;
    QString lastDate;
    std::optional<double> latestStake;
};

/// Investees with their totals: the Holdings page (for the chosen fund or phase) and the
/// Investees page (everyone in view) show the same rows with different columns. At most tens of
/// thousands of rows, so they are held as structs and sorted by a proxy on SortRole.
class InvesteeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, NameZh, Sector, Segment, Region, Invested, Committed, Divested, Stake, FirstDate,
                  LastDate, Events, Funds, Undisclosed, Ticker, Kind, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        SortRole,
        SubFundIdRole,   ///< for sub-fund investees: the fund record to look through to; 0 otherwise
    };

    explicit InvesteeTableModel(QObject *parent = nullptr);

    /// Bulk reload: resets the model.
    void setRows(const QList<InvesteeRow> &rows, const QString &currency);
    const QList<InvesteeRow> &rows() const { return m_rows; }
    QString currency() const { return m_currency; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<InvesteeRow> m_rows;
    QString m_currency = QStringLiteral("CNY");
};
