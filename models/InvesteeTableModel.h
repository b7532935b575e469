#pragma once

#include "EditableTableModel.h"
#include "InvesteeRecord.h"
#include "Units.h"

#include <QList>
#include <optional>

class EditSession;
struct RecordChange;

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
///
/// Amounts read in the Units choice (setUnits()), the base currency and the unit in their titles
/// ("Invested (CNY bn)"); SortRole keeps the raw totals.
///
/// With an EditSession the names and the ticker are editable in place (through undo commands),
/// and the rows follow the session's changes narrowly: an edited investee's row is read again
/// (dataChanged), an added one is appended (with no totals yet), a deleted one removed.
class InvesteeTableModel : public EditableTableModel
{
    Q_OBJECT
public:
    /// The name first (the frozen column), the money right beside it, then the Chinese name.
    enum Column { Name, Invested, Committed, Divested, Stake, NameZh, Sector, Segment, Region, FirstDate,
                  LastDate, Events, Funds, Undisclosed, Ticker, Kind, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        SortRole,
        SubFundIdRole,   ///< for sub-fund investees: the fund record to look through to; 0 otherwise
    };

    explicit InvesteeTableModel(QObject *parent = nullptr);

    /// Bulk reload. When the rows are the same investees in the same order (totals refreshed
    /// after an edit) it emits dataChanged instead of a reset, so selection and scroll stay.
    void setRows(const QList<InvesteeRow> &rows, const QString &currency);
    /// Shows the amounts in `units` (titles and cells).
    void setUnits(Units units);
    Units units() const { return m_units; }
    /// The row of an investee, -1 when it is not shown.
    int rowOf(qint64 investeeId) const;
    const QList<InvesteeRow> &rows() const { return m_rows; }
    QString currency() const { return m_currency; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The stored column a table column edits ("name", "name_zh", "ticker"); empty otherwise.
    static QString editColumn(int column);

private:
    QString editableColumn(int column) const override;
    std::optional<qint64> recordIdAt(int row) const override;
    void onRecordsChanged(const RecordChange &change) override;

    QList<InvesteeRow> m_rows;
    QString m_currency = QStringLiteral("CNY");
    Units m_units;
};
