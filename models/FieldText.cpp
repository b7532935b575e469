#include "FieldText.h"

#include "AmountParser.h"
#include "Format.h"
#include "Validation.h"

#include <QCoreApplication>

namespace FieldText {

QString amountText(const std::optional<qint64> &minor, int minorDigits, const QString &currency)
{
    if (!minor)
        return {};
    return currency + QLatin1Char(' ') + AmountParser::toText(*minor, minorDigits);
}

bool parse(RecordKind kind, const QString &column, const QString &text, const Context &context,
    QVariantMap *changes, QString *error)
{
    const QString t = text.trimmed();
    auto fail = [&](const QString &message) {
        *error = message;
        return false;
    };
    if (column == QLatin1String("amount_minor") || column == QLatin1String("capital_minor")) {
        if (t.isEmpty() || t.compare(QLatin1String("undisclosed"), Qt::CaseInsensitive) == 0
            || t.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0 || t == QStringLiteral("未披露")
            || t.compare(Format::undisclosed(), Qt::CaseInsensitive) == 0) {
            changes->insert(column, QVariant());
            changes->insert(QStringLiteral("currency"), QVariant());
            return true;
        }
        const AmountParser::Result r = AmountParser::parseWithCurrency(
            t, context.currencyDigits, context.currency.isEmpty() ? QStringLiteral("CNY") : context.currency);
        if (!r.ok)
            return fail(r.error);
        changes->insert(column, r.minor);
        changes->insert(QStringLiteral("currency"), r.currency);
        return true;
    }
    if (column == QLatin1String("value_date") || column == QLatin1String("start_date")
        || column == QLatin1String("founded")) {
        const QString date = Validation::normalizedDate(t);
        if (const QString why = Validation::partialDate(date); !why.isEmpty())
            return fail(why);
        changes->insert(column, date);
        return true;
    }
    if (column == QLatin1String("stake_pct")) {
        QVariant stake;
        if (const QString why = Validation::parseStake(t, &stake); !why.isEmpty())
            return fail(why);
        changes->insert(column, stake);
        return true;
    }
    if (column == QLatin1String("source_url")) {
        if (const QString why = Validation::sourceUrls(t); !why.isEmpty())
            return fail(why);
        changes->insert(column, t);
        return true;
    }
    const QStringList words = Validation::words(kind, column);
    if (!words.isEmpty()) {
        const QString word = t.toLower();
        if (const QString why = Validation::word(word, words, Validation::label(kind, column));
            !why.isEmpty())
            return fail(why);
        changes->insert(column, word);
        return true;
    }
    if (column == QLatin1String("name") || column == QLatin1String("label")) {
        if (const QString why = Validation::required(t, Validation::label(kind, column)); !why.isEmpty())
            return fail(why);
        changes->insert(column, t);
        return true;
    }
    if (column == QLatin1String("notes")) {
        changes->insert(column, text.trimmed());
        return true;
    }
    if (column == QLatin1String("name_zh") || column == QLatin1String("ticker")
        || column == QLatin1String("manager") || column == QLatin1String("capital_basis")) {
        changes->insert(column, t);
        return true;
    }
    return fail(QCoreApplication::translate("FieldText", "This column cannot be edited here."));
}

} // namespace FieldText
