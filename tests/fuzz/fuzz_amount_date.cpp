// libFuzzer target: the parsers of typed values on any text (the input read as UTF-8):
// AmountParser (parse, parseUtf8, parsePlain, parseWithCurrency, toText) at 0, 2 and 3 minor
// digits, and Validation's dates (normalizedDate, partialDate), stakes and source addresses.
// Besides memory errors and undefined behaviour it checks that
// - parseUtf8() on the bytes and parse() on the text agree, and parsePlain() never disagrees
//   with parse() (the header promises both);
// - an accepted amount is positive and reads back from toText(), grouped or not;
// - parseWithCurrency() only names a currency it was given;
// - a date normalizedDate() makes valid is normalized already (normalizing twice changes nothing).

#include "AmountParser.h"
#include "FuzzSupport.h"
#include "Validation.h"

#include <QHash>
#include <QVariant>

namespace {

QHash<QString, int> currencies()
{
    return { { QStringLiteral("CNY"), 2 }, { QStringLiteral("USD"), 2 }, { QStringLiteral("HKD"), 2 },
        { QStringLiteral("EUR"), 2 }, { QStringLiteral("GBP"), 2 }, { QStringLiteral("JPY"), 0 },
        { QStringLiteral("KWD"), 3 } };
}

void checkAmount(const QByteArray &bytes, const QString &text, int minorDigits)
{
    const AmountParser::Result parsed = AmountParser::parse(text, minorDigits);
    const AmountParser::Result utf8 = AmountParser::parseUtf8(bytes, minorDigits);
    FUZZ_CHECK(parsed.ok == utf8.ok && (!parsed.ok || parsed.minor == utf8.minor),
        "digits %d: parse() %d %lld, parseUtf8() %d %lld", minorDigits, parsed.ok, parsed.minor, utf8.ok,
        utf8.minor);
    FUZZ_CHECK(parsed.ok == parsed.error.isEmpty(), "digits %d: ok %d with error '%s'", minorDigits, parsed.ok,
        qPrintable(parsed.error));
    FUZZ_CHECK(parsed.ok == (parsed.problem == AmountParser::Problem::None), "digits %d: ok %d, problem %d",
        minorDigits, parsed.ok, int(parsed.problem));

    qint64 plain = 0;
    if (AmountParser::parsePlain(QByteArrayView(bytes), minorDigits, &plain))
        FUZZ_CHECK(parsed.ok && parsed.minor == plain, "digits %d: parsePlain() %lld, parse() %d %lld", minorDigits,
            plain, parsed.ok, parsed.minor);
    if (AmountParser::parsePlain(QStringView(text), minorDigits, &plain))
        FUZZ_CHECK(parsed.ok && parsed.minor == plain, "digits %d: parsePlain(text) %lld, parse() %d %lld",
            minorDigits, plain, parsed.ok, parsed.minor);

    if (!parsed.ok)
        return;
    FUZZ_CHECK(parsed.minor > 0, "digits %d: accepted %lld", minorDigits, parsed.minor);
    for (const bool grouped : { true, false }) {
        const QString shown = AmountParser::toText(parsed.minor, minorDigits, grouped);
        const AmountParser::Result again = AmountParser::parse(shown, minorDigits);
        FUZZ_CHECK(again.ok && again.minor == parsed.minor, "digits %d: %lld shown as '%s' reads back as %d %lld",
            minorDigits, parsed.minor, qPrintable(shown), again.ok, again.minor);
    }
}

void checkDate(const QString &text)
{
    const QString normal = Validation::normalizedDate(text);
    const QString why = Validation::partialDate(normal);
    (void)Validation::partialDate(text);
    if (why.isEmpty())
        FUZZ_CHECK(Validation::normalizedDate(normal) == normal, "'%s' normalizes to '%s', then to '%s'",
            qPrintable(text), qPrintable(normal), qPrintable(Validation::normalizedDate(normal)));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    for (const int minorDigits : { 0, 2, 3 })
        checkAmount(bytes, text, minorDigits);

    static const QHash<QString, int> known = currencies();
    for (const QString &fallback : { QStringLiteral("CNY"), QString() }) {
        const AmountParser::Result r = AmountParser::parseWithCurrency(text, known, fallback);
        if (r.ok) {
            FUZZ_CHECK(known.contains(r.currency), "parseWithCurrency() named '%s'", qPrintable(r.currency));
            FUZZ_CHECK(r.minor > 0, "parseWithCurrency() accepted %lld", r.minor);
        }
    }

    checkDate(text);

    QVariant stake;
    if (Validation::parseStake(text, &stake).isEmpty() && stake.isValid())
        FUZZ_CHECK(Validation::stake(stake).isEmpty(), "parseStake() accepted a stake stake() refuses");
    const bool accepted = Validation::sourceUrls(text).isEmpty();
    if (Validation::isPlainWebAddress(bytes))
        FUZZ_CHECK(accepted, "isPlainWebAddress() passed an address sourceUrls() refuses");
    return 0;
}
