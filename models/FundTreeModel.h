#pragma once

#include "FundRecord.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

class EditSession;
struct RecordChange;

/// The navigator: funds at the top level, their phases below, with the amount each invested in
/// the base currency under the current filter. The search box filters it through a proxy on
/// SearchTextRole (English and Chinese names).
class FundTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Invested, Events, ColumnCount };
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
    /// Follows the session's changes to funds, phases and (for the event counts) disbursements.
    void setEditSession(EditSession *session);
    /// Invested per phase id in the base currency; fund rows show the sum of their phases.
    void setTotals(const QHash<qint64, double> &investedByPhase, const QString &currency);
    const QList<FundRecord> &funds() const { return m_funds; }
    QModelIndex indexOfPhase(qint64 phaseId) const;
    QModelIndex indexOfFund(qint64 fundId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onRecordsChanged(const RecordChange &change);
    void updatePhases(int fundRow, const FundRecord &fund);
    double fundTotal(const FundRecord &fund) const;

    EditSession *m_session = nullptr;
    QList<FundRecord> m_funds;
    QHash<qint64, double> m_investedByPhase;
    QString m_currency = QStringLiteral("CNY");
};
