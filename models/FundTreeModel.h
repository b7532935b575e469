#pragma once

#include "FundRecord.h"
#include "Units.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

class EditSession;
struct RecordChange;

/// The navigator: funds at the top level, their phases below, with the amount each invested in
/// the base currency and its number of events under the current filter (setTotals). The search box filters it through a proxy on
/// SearchTextRole (English and Chinese names).
class FundTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Invested, Events, ColumnCount };
    /// What one phase did under the current filter.
    struct PhaseTotal
    {
        double invested = 0;
        qint64 events = 0;
    };
    enum Role {
        FundIdRole = Qt::UserRole + 1,
        PhaseIdRole,        ///< 0 on fund rows
        SearchTextRole,     ///< "English name 中文名" of the fund (phases inherit their fund's)
        SortRole,
    };

    explicit FundTreeModel(QObject *parent = nullptr);

    /// Bulk reload: resets the model.
    void setFunds(const QList<FundRecord> &funds);
    /// Brings the tree in line with `funds` without a reset: changed funds and phases emit
    /// dataChanged, new ones are inserted, gone ones removed; the current order is kept (the
    /// navigator's proxy sorts).
    void updateFunds(const QList<FundRecord> &funds);
    /// Follows the session's changes to funds and phases (totals arrive through setTotals).
    void setEditSession(EditSession *session);
    /// Totals per phase id in the base currency; fund rows show the sum of their phases. Emits
    /// dataChanged only for the rows whose figures changed (one range per level), then
    /// totalsChanged: a sorting proxy re-sorts once instead of once per fund.
    void setTotals(const QHash<qint64, PhaseTotal> &byPhase, const QString &currency);
    const QList<FundRecord> &funds() const { return m_funds; }
    /// The invested column's compact amounts count in 亿 and 万 for those units, else in bn and m.
    void setUnits(Units units);
    QModelIndex indexOfPhase(qint64 phaseId) const;
    QModelIndex indexOfFund(qint64 fundId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void totalsChanged();

private:
    void onRecordsChanged(const RecordChange &change);
    void updatePhases(int fundRow, const FundRecord &fund);
    PhaseTotal fundTotal(const FundRecord &fund) const;
    bool phasesChanged(const FundRecord &fund, const QHash<qint64, PhaseTotal> &before) const;

    EditSession *m_session = nullptr;
    QList<FundRecord> m_funds;
    QHash<qint64, PhaseTotal> m_byPhase;
    QString m_currency = QStringLiteral("CNY");
    bool m_chineseUnits = false;
};
