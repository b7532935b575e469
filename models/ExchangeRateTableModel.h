#pragma once

#include "ExchangeRateRepository.h"

#include <QAbstractTableModel>
#include <QList>

class EditSession;

/// Every exchange rate (currency, year, CNY per unit, source). The rate and its source are
/// editable in place; each edit is a SetExchangeRate undo step through the EditSession, and the
/// rows follow the session's rate changes narrowly (a changed rate emits dataChanged, a new one
/// is inserted at its sorted place, a deleted one removed).
class ExchangeRateTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Currency, Year, Rate, Source, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ExchangeRateTableModel(EditSession &session, QObject *parent = nullptr);

    /// Reads every rate again and applies the differences (also called on the session's signal).
    void refresh();
    const QList<ExchangeRate> &rates() const { return m_rates; }
    int rowOf(const QString &currency, int year) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    EditSession &m_session;
    QList<ExchangeRate> m_rates;
};
