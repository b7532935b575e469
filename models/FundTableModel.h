#pragma once

#include "EditableTableModel.h"
#include "FundRecord.h"
#include "Units.h"

#include <QHash>
#include <QList>

class EditSession;
struct RecordChange;

/// The Funds page: each fund with level, region, parent fund, phases, registered capital and
/// what it deployed under the current filter. Hundreds of rows: held whole, sorted by a proxy.
///
/// Amounts read in the Units choice (setUnits()): what a fund deployed in the base currency, the
/// currency and unit in the titles ("Invested (CNY bn)"); registered capital per currency
/// ("CNY 98.72 bn + USD 1.50 bn"). SortRole keeps the raw numbers.
///
/// With an EditSession the names, kind and level are editable in place (through undo commands),
/// and the rows follow the session's changes narrowly (updateFunds()).
class FundTableModel : public EditableTableModel
{
    Q_OBJECT
public:
    /// The name first (the frozen column), the money right beside it, then the Chinese name.
    enum Column { Name, Invested, Committed, Capital, Events, NameZh, Kind, Level, Region, Parent, Phases,
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

    /// Bulk reload: resets the model.
    void setFunds(const QList<FundRecord> &funds);
    /// Brings the rows in line with `funds` without a reset: changed funds emit dataChanged,
    /// new ones are appended, gone ones removed; the current order is kept (the proxy sorts).
    void updateFunds(const QList<FundRecord> &funds);
    /// The stored column a table column edits; empty when it is not editable in place.
    static QString editColumn(int column);
    /// Updates the deployed columns only (a filter change), emitting dataChanged for them.
    void setDeployed(const QHash<qint64, Deployed> &byFund, const QString &currency);
    /// Shows the amounts in `units` (titles and cells).
    void setUnits(Units units);
    Units units() const { return m_units; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "CNY 98,720,000,000.00 + USD …": registered capital summed per currency over phases;
    /// in a unit "CNY 98.72 bn + USD …".
    static QString capitalText(const FundRecord &fund, Units units = Units::Full);

private:
    QString editableColumn(int column) const override;
    std::optional<qint64> recordIdAt(int row) const override;
    void onRecordsChanged(const RecordChange &change) override;

    QList<FundRecord> m_funds;
    QHash<qint64, Deployed> m_deployed;
    QString m_currency = QStringLiteral("CNY");
    Units m_units;
};
