#include "FieldText.h"
#include "RecordFields.h"

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

namespace {

// Whether `column` of a `kind` record is one of `fields`.
template<RecordField... F>
bool isField(RecordKind kind, const QString &column, F... fields)
{
    return ((kind == kindOf(fields) && column == columnOf(fields)) || ...);
}

} // namespace

bool parse(RecordKind kind, const QString &column, const QString &text, const Context &context,
    QVariantMap *changes, QString *error)
{
    const QString t = text.trimmed();
    auto fail = [&](const QString &message) {
        *error = message;
        return false;
    };
    if (isField(kind, column, DisbursementField::Amount, PhaseField::Capital)) {
        const QString currency = kind == RecordKind::Phase ? columnOf(PhaseField::Currency)
                                                           : columnOf(DisbursementField::Currency);
        if (t.isEmpty() || t.compare(QLatin1String("undisclosed"), Qt::CaseInsensitive) == 0
            || t.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0 || t == QStringLiteral("未披露")
            || t.compare(Format::undisclosed(), Qt::CaseInsensitive) == 0) {
            changes->insert(column, QVariant());
            changes->insert(currency, QVariant());
            return true;
        }
        const AmountParser::Result r = AmountParser::parseWithCurrency(
            t, context.currencyDigits, context.currency.isEmpty() ? QStringLiteral("CNY") : context.currency);
        if (!r.ok)
            return fail(r.error);
        changes->insert(column, r.minor);
        changes->insert(currency, r.currency);
        return true;
    }
    if (isField(kind, column, DisbursementField::Date, PhaseField::Start, InvesteeField::Founded)) {
        const QString date = Validation::normalizedDate(t);
        if (const QString why = Validation::partialDate(date); !why.isEmpty())
            return fail(why);
        changes->insert(column, date);
        return true;
    }
    if (isField(kind, column, DisbursementField::Stake)) {
        QVariant stake;
        if (const QString why = Validation::parseStake(t, &stake); !why.isEmpty())
            return fail(why);
        changes->insert(column, stake);
        return true;
    }
    if (isField(kind, column, FundField::Source, PhaseField::Source, InvesteeField::Source,
            DisbursementField::Source)) {
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
    if (isField(kind, column, FundField::Name, InvesteeField::Name, PhaseField::Label)) {
        if (const QString why = Validation::required(t, Validation::label(kind, column)); !why.isEmpty())
            return fail(why);
        changes->insert(column, t);
        return true;
    }
    if (isField(kind, column, FundField::Notes, InvesteeField::Notes, DisbursementField::Notes)) {
        changes->insert(column, text.trimmed());
        return true;
    }
    if (isField(kind, column, FundField::NameZh, InvesteeField::NameZh, InvesteeField::Ticker, FundField::Manager,
            PhaseField::CapitalBasis)) {
        changes->insert(column, t);
        return true;
    }
    return fail(QCoreApplication::translate("FieldText", "This column cannot be edited here."));
}

} // namespace FieldText
