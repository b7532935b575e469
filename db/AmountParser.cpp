#include "AmountParser.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QRegularExpression>

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Scale words and suffixes → power of ten. Longer Chinese units first so that 万亿 is not read as
// 万 followed by garbage.
int unitExponent(const QString &unit, bool *known)
{
    static const QList<QPair<QString, int>> units = {
        { QString(), 0 },
        { QStringLiteral("k"), 3 },
        { QStringLiteral("thousand"), 3 },
        { QStringLiteral("千"), 3 },
        { QStringLiteral("万"), 4 },
        { QStringLiteral("十万"), 5 },
        { QStringLiteral("m"), 6 },
        { QStringLiteral("mn"), 6 },
        { QStringLiteral("mio"), 6 },
        { QStringLiteral("million"), 6 },
        { QStringLiteral("millions"), 6 },
        { QStringLiteral("百万"), 6 },
        { QStringLiteral("千万"), 7 },
        { QStringLiteral("亿"), 8 },
        { QStringLiteral("十亿"), 9 },
        { QStringLiteral("b"), 9 },
        { QStringLiteral("bn"), 9 },
        { QStringLiteral("billion"), 9 },
        { QStringLiteral("billions"), 9 },
        { QStringLiteral("百亿"), 10 },
        { QStringLiteral("千亿"), 11 },
        { QStringLiteral("t"), 12 },
        { QStringLiteral("tn"), 12 },
        { QStringLiteral("trillion"), 12 },
        { QStringLiteral("万亿"), 12 },
    };
    for (const auto &u : units) {
        if (u.first == unit) {
            *known = true;
            return u.second;
        }
    }
    *known = false;
    return 0;
}

QString normalized(const QString &text)
{
    // NFKC turns full-width digits, points and commas (１２．３，) into ASCII and ￥ into ¥.
    QString t = text.normalized(QString::NormalizationForm_KC).trimmed();
    t.replace(QChar(0x3001), QLatin1Char(',')); // 、 sometimes stands in for a grouping comma
    return t;
}

// Pulls a currency named before or after the number out of `t`; returns the code (empty when
// none). *error is set when the text names a currency that is not known.
QString takeCurrency(QString &t, const QHash<QString, int> &known, QString *error)
{
    static const QList<QPair<QString, QString>> symbols = {
        { QStringLiteral("US$"), QStringLiteral("USD") },
        { QStringLiteral("HK$"), QStringLiteral("HKD") },
        { QStringLiteral("$"), QStringLiteral("USD") },
        { QStringLiteral("¥"), QStringLiteral("CNY") },
        { QStringLiteral("RMB"), QStringLiteral("CNY") },
        { QStringLiteral("€"), QStringLiteral("EUR") },
        { QStringLiteral("£"), QStringLiteral("GBP") },
    };
    for (const auto &s : symbols) {
        if (t.startsWith(s.first, Qt::CaseInsensitive)) {
            t = t.mid(s.first.size()).trimmed();
            return s.second;
        }
    }
    static const QRegularExpression prefix(QStringLiteral("^([A-Za-z]{3})(?=[\\s\\d.])\\s*"));
    if (const QRegularExpressionMatch m = prefix.match(t); m.hasMatch()) {
        const QString code = m.captured(1).toUpper();
        if (!known.contains(code)) {
            *error = QCoreApplication::translate(
                "AmountParser", "'%1' is not a currency Fundscope knows; choose one from the list.")
                         .arg(m.captured(1));
            return {};
        }
        t = t.mid(m.capturedLength());
        return code;
    }
    static const QRegularExpression suffix(QStringLiteral("\\s([A-Za-z]{3})$"));
    if (const QRegularExpressionMatch m = suffix.match(t);
        m.hasMatch() && known.contains(m.captured(1).toUpper())) {
        t.chop(m.capturedLength());
        return m.captured(1).toUpper();
    }
    if (t.endsWith(QStringLiteral("元"))) {
        t.chop(1);
        return QStringLiteral("CNY");
    }
    return {};
}

} // namespace

AmountParser::Result AmountParser::parse(const QString &text, int minorDigits)
{
    Result r;
    if (parsePlain(QStringView(text), minorDigits, &r.minor)) {
        r.ok = true;
        return r;
    }
    QString t = normalized(text);
    const QString shown = t;
    if (t.isEmpty()) {
        r.error = QCoreApplication::translate("AmountParser", "Enter an amount, or mark it undisclosed.");
        r.problem = Problem::Empty;
        return r;
    }
    if (t.endsWith(QStringLiteral("元")))
        t.chop(1);
    if (t.startsWith(QLatin1Char('-')) || t.startsWith(QChar(0x2212))) {
        r.error = QCoreApplication::translate(
            "AmountParser", "Amounts are positive; record a sale as its own type (equity sale).");
        r.problem = Problem::Negative;
        return r;
    }
    if (t.startsWith(QLatin1Char('+')))
        t.remove(0, 1);

    // The number: digits with optional grouping commas, then an optional fraction.
    qsizetype i = 0;
    QString whole;
    QList<int> groups; // lengths of the comma-separated groups of the whole part
    int groupLength = 0;
    for (; i < t.size() && (isDigit(t.at(i)) || t.at(i) == QLatin1Char(',')); ++i) {
        if (t.at(i) == QLatin1Char(',')) {
            groups.append(groupLength);
            groupLength = 0;
        } else {
            whole.append(t.at(i));
            ++groupLength;
        }
    }
    QString fraction;
    bool point = false;
    if (i < t.size() && t.at(i) == QLatin1Char('.')) {
        point = true;
        for (++i; i < t.size() && isDigit(t.at(i)); ++i)
            fraction.append(t.at(i));
    }
    if (whole.isEmpty() && fraction.isEmpty()) {
        r.error = QCoreApplication::translate("AmountParser",
            "'%1' is not an amount: write a number, optionally with a unit, such as 1,234.5, "
            "350m, 1.2bn, 5万 or 12.3亿.")
                      .arg(shown);
        r.problem = Problem::NotAnAmount;
        return r;
    }
    if (!groups.isEmpty()) {
        groups.append(groupLength);
        bool regular = groups.constFirst() >= 1 && groups.constFirst() <= 3;
        for (qsizetype g = 1; g < groups.size(); ++g)
            regular = regular && groups.at(g) == 3;
        if (!regular) {
            r.error = QCoreApplication::translate("AmountParser",
                "'%1': commas group the digits in threes (1,234,567.5); use a point for the "
                "decimals.")
                          .arg(shown);
            r.problem = Problem::NotAnAmount;
            return r;
        }
    }
    Q_UNUSED(point);

    const QString unit = t.mid(i).trimmed().toLower();
    if (unit.startsWith(QLatin1Char('.')) || unit.startsWith(QLatin1Char(','))) {
        r.error = QCoreApplication::translate(
            "AmountParser", "'%1' is not an amount: it has more than one decimal point.")
                      .arg(shown);
        r.problem = Problem::NotAnAmount;
        return r;
    }
    if (!unit.isEmpty() && isDigit(unit.at(0))) {
        r.error = QCoreApplication::translate(
            "AmountParser", "'%1' is not an amount: write the number without spaces (1,234,567 or 1234567).")
                      .arg(shown);
        r.problem = Problem::NotAnAmount;
        return r;
    }
    bool known = false;
    const int exponent = unitExponent(unit, &known);
    if (!known) {
        r.error = QCoreApplication::translate("AmountParser",
            "'%1' is not an amount: '%2' is not a unit Fundscope knows (use k, m, bn, 万 or 亿, or "
            "write the number in full).")
                      .arg(shown, t.mid(i).trimmed());
        r.problem = Problem::NotAnAmount;
        return r;
    }

    // value = digits × 10^(exponent + minorDigits − fraction length), exactly.
    QString digits = whole + fraction;
    int shift = exponent + minorDigits - int(fraction.size());
    if (shift < 0) {
        const QString dropped = digits.right(-shift);
        for (QChar c : dropped) {
            if (c != QLatin1Char('0')) {
                r.error = exponent == 0 ? QCoreApplication::translate(
                              "AmountParser", "'%1' has more decimals than the currency has (%2).")
                                              .arg(shown)
                                              .arg(minorDigits)
                                        : QCoreApplication::translate("AmountParser",
                                            "'%1' is more precise than the currency's smallest unit.")
                                              .arg(shown);
                r.problem = Problem::TooPrecise;
                return r;
            }
        }
        digits.chop(-shift);
        shift = 0;
    }
    qint64 value = 0;
    bool overflow = false;
    for (QChar c : std::as_const(digits))
        overflow |= __builtin_mul_overflow(value, 10, &value)
            || __builtin_add_overflow(value, c.unicode() - '0', &value);
    for (int s = 0; s < shift && value != 0; ++s)
        overflow |= __builtin_mul_overflow(value, 10, &value);
    if (overflow) {
        r.error = QCoreApplication::translate("AmountParser", "'%1' is too large to store.").arg(shown);
        r.problem = Problem::TooLarge;
        return r;
    }
    if (value == 0) {
        r.error = QCoreApplication::translate(
            "AmountParser", "The amount is zero; mark it undisclosed when it is not known.");
        r.problem = Problem::Zero;
        return r;
    }
    r.ok = true;
    r.minor = value;
    return r;
}

AmountParser::Result AmountParser::parseWithCurrency(
    const QString &text, const QHash<QString, int> &minorDigits, const QString &defaultCurrency)
{
    QString t = normalized(text);
    QString error;
    QString currency = takeCurrency(t, minorDigits, &error);
    if (!error.isEmpty()) {
        Result r;
        r.error = error;
        r.problem = Problem::Currency;
        return r;
    }
    if (currency.isEmpty())
        currency = defaultCurrency;
    if (!minorDigits.contains(currency)) {
        Result r;
        r.error = currency.isEmpty()
            ? QCoreApplication::translate("AmountParser", "Choose the currency.")
            : QCoreApplication::translate("AmountParser", "'%1' is not a currency Fundscope knows.")
                  .arg(currency);
        r.problem = Problem::Currency;
        return r;
    }
    Result r = parse(t, minorDigits.value(currency));
    r.currency = currency;
    if (!r.ok && t.trimmed().isEmpty() && !text.trimmed().isEmpty())
        r.error = QCoreApplication::translate("AmountParser", "'%1' names a currency but no amount.")
                      .arg(text.trimmed());
    return r;
}

QString AmountParser::toText(qint64 minor, int minorDigits, bool grouped)
{
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(-(minor + 1)) + 1 : quint64(minor);
    quint64 scale = 1;
    for (int i = 0; i < minorDigits; ++i)
        scale *= 10;
    const QString digits = QString::number(magnitude / scale);
    QString out;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (grouped && i > 0 && (digits.size() - i) % 3 == 0)
            out.append(QLatin1Char(','));
        out.append(digits.at(i));
    }
    if (minorDigits > 0)
        out += QLatin1Char('.')
            + QStringLiteral("%1").arg(magnitude % scale, minorDigits, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + out : out;
}
