#pragma once

#include "RowValues.h"

#include <QHash>
#include <QString>
#include <QVariantMap>

/// Turns what a user typed into a table cell into the column values to store, with the same
/// rules as the forms (Validation, AmountParser): "2021/5" becomes value_date '2021-05',
/// "USD 1.2bn" amount_minor 120000000000 with currency USD, "undisclosed" (or nothing) clears
/// amount and currency, "15.9%" a stake of 15.9.
namespace FieldText {

/// Custom roles the editable models answer, so one delegate can edit them all.
enum Role {
    FieldRole
    = Qt::UserRole + 64, ///< QVariantMap {kind: int(RecordKind), column: QString, currency: QString}
    ChoicesRole, ///< QStringList of allowed words for a choice column; empty otherwise
};

/// What parse() needs besides the text.
struct Context
{
    QHash<QString, int> currencyDigits;
    QString currency; ///< the amount's current currency, used when the text names none
};

/// The changes to store, or false with a plain-words *error.
bool parse(RecordKind kind, const QString &column, const QString &text, const Context &context,
    QVariantMap *changes, QString *error);
/// A text parse() reads back unchanged: the amount as "USD 1,166,000,000.00" or empty.
QString amountText(const std::optional<qint64> &minor, int minorDigits, const QString &currency);

} // namespace FieldText
