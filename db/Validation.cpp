#include "Validation.h"

#include "Vocabulary.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace Validation {

QString required(const QString &text, const QString &what)
{
    if (text.trimmed().isEmpty())
        return QCoreApplication::translate("Validation", "Enter the %1.").arg(what);
    if (text.size() > 1000)
        return QCoreApplication::translate("Validation", "The %1 is too long (%2 characters; at most 1000).")
            .arg(what)
            .arg(text.size());
    return {};
}

QString withoutNul(const QString &text, const QString &what)
{
    const qsizetype at = text.indexOf(QChar(0));
    if (at < 0)
        return {};
    return QCoreApplication::translate(
        "Validation", "The %1 has a NUL character at character %2 (\\0 in \"%3\"), which text cannot hold.")
        .arg(what)
        .arg(at + 1)
        .arg(QString(text.left(80)).replace(QChar(0), QStringLiteral("\\0")));
}

QString partialDate(const QString &text)
{
    if (text.isEmpty())
        return {};
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch())
        return QCoreApplication::translate("Validation",
            "'%1' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (for example 2021, 2021-05 or "
            "2021-05-17).")
            .arg(text);
    const int year = m.captured(1).toInt();
    if (year < 1000 || year > 2999)
        return QCoreApplication::translate("Validation", "'%1': the year %2 is out of range.")
            .arg(text)
            .arg(year);
    if (m.hasCaptured(2)) {
        const int month = m.captured(2).toInt();
        if (month < 1 || month > 12)
            return QCoreApplication::translate("Validation", "'%1' is not a date: there is no month %2.")
                .arg(text)
                .arg(month);
        if (m.hasCaptured(3)) {
            const int day = m.captured(3).toInt();
            if (!QDate(year, month, day).isValid())
                return QCoreApplication::translate("Validation", "'%1' is not a date: %2 has %3 days.")
                    .arg(text,
                        QDate(year, month, 1)
                            .toString(QCoreApplication::translate("Validation", "MMMM yyyy",
                                "a month in a message: the QDate format of \"May 2021\"")))
                    .arg(QDate(year, month, 1).daysInMonth());
        }
    }
    return {};
}

QString normalizedDate(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression separated(
        QStringLiteral("^(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?$"));
    static const QRegularExpression chinese(QStringLiteral("^(\\d{4})年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?$"));
    QRegularExpressionMatch m = separated.match(t);
    if (!m.hasMatch())
        m = chinese.match(t);
    if (!m.hasMatch())
        return t;
    QString out = m.captured(1);
    if (m.hasCaptured(2))
        out += QStringLiteral("-%1").arg(m.captured(2).toInt(), 2, 10, QLatin1Char('0'));
    if (m.hasCaptured(3))
        out += QStringLiteral("-%1").arg(m.captured(3).toInt(), 2, 10, QLatin1Char('0'));
    return out;
}

QString stake(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return {};
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok || std::isnan(v))
        return QCoreApplication::translate("Validation", "The stake is not a number.");
    if (v < 0)
        return QCoreApplication::translate("Validation", "A stake cannot be negative.");
    if (v > 100)
        return QCoreApplication::translate("Validation", "A stake is a percentage from 0 to 100; %1 is more.")
            .arg(v);
    return {};
}

QString parseStake(const QString &text, QVariant *value)
{
    QString t = text.trimmed();
    if (t.endsWith(QLatin1Char('%')))
        t.chop(1);
    t = t.trimmed();
    if (t.isEmpty()) {
        *value = QVariant();
        return {};
    }
    static const QRegularExpression number(QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$"));
    if (!number.match(t).hasMatch())
        return QCoreApplication::translate(
            "Validation", "'%1' is not a percentage: write a number such as 15.9.")
            .arg(text.trimmed());
    const double v = t.toDouble();
    if (const QString why = stake(v); !why.isEmpty())
        return why;
    *value = v;
    return {};
}

QString sourceUrls(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        const QUrl url(part, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            return QCoreApplication::translate(
                "Validation", "'%1' is not a web address: it must start with http:// or https://.")
                .arg(part);
        if (!url.isValid() || url.host().isEmpty() || part.contains(QLatin1Char(' ')))
            return QCoreApplication::translate("Validation", "'%1' is not a valid web address.").arg(part);
    }
    return {};
}

bool isPlainWebAddress(QByteArrayView bytes)
{
    // Kept well inside what QUrl accepts: no port, user, query, fragment or percent sign; no
    // upper case; no "--" (which could be an "xn--" label that QUrl decodes and may refuse);
    // and a last label that starts with a letter, so the host is never read as an IP address.
    constexpr qsizetype MaxBytes = 2000;
    constexpr qsizetype MaxLabel = 63;
    constexpr qsizetype MaxHost = 253;
    qsizetype at = 0;
    if (bytes.startsWith("https://"))
        at = 8;
    else if (bytes.startsWith("http://"))
        at = 7;
    else
        return false;
    if (bytes.size() > MaxBytes)
        return false;
    const auto lowerOrDigit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    const qsizetype hostStart = at;
    qsizetype labelStart = at;
    for (;; ++at) {
        const char c = at < bytes.size() ? bytes[at] : '/';
        if (c == '.' || c == '/') {
            const qsizetype length = at - labelStart;
            if (length == 0 || length > MaxLabel || !lowerOrDigit(bytes[labelStart]) || !lowerOrDigit(bytes[at - 1]))
                return false;
            if (c == '/') {
                if (!(bytes[labelStart] >= 'a' && bytes[labelStart] <= 'z') || at - hostStart > MaxHost)
                    return false;
                break;
            }
            labelStart = at + 1;
        } else if (c == '-') {
            if (bytes[at - 1] == '-')
                return false;
        } else if (!lowerOrDigit(c)) {
            return false;
        }
    }
    for (; at < bytes.size(); ++at) {
        const char c = bytes[at];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.'
              || c == '_' || c == '~' || c == '-'))
            return false;
    }
    return true;
}

QString word(const QString &value, const QStringList &allowed, const QString &what)
{
    if (allowed.contains(value))
        return {};
    if (value.isEmpty())
        return QCoreApplication::translate("Validation", "Choose the %1: %2.")
            .arg(what, allowed.join(QStringLiteral(", ")));
    return QCoreApplication::translate("Validation", "'%1' is not a %2; choose one of %3.")
        .arg(value, what, allowed.join(QStringLiteral(", ")));
}

QString rate(double cnyPerUnit)
{
    if (std::isnan(cnyPerUnit) || cnyPerUnit <= 0)
        return QCoreApplication::translate(
            "Validation", "A rate is the number of CNY one unit buys; it must be above zero.");
    if (cnyPerUnit > 1e6)
        return QCoreApplication::translate("Validation", "%1 CNY per unit is implausibly high.")
            .arg(cnyPerUnit);
    return {};
}

QString year(int year)
{
    if (year < 1900 || year > 2200)
        return QCoreApplication::translate("Validation", "The year %1 is out of range (1900–2200).")
            .arg(year);
    return {};
}

QStringList words(RecordKind kind, const QString &column)
{
    switch (kind) {
    case RecordKind::Fund:
        if (column == QLatin1String("kind"))
            return Vocabulary::fundKinds();
        if (column == QLatin1String("level"))
            return Vocabulary::fundLevels();
        break;
    case RecordKind::Investee:
        if (column == QLatin1String("kind"))
            return Vocabulary::investeeKinds();
        break;
    case RecordKind::Disbursement:
        if (column == QLatin1String("type"))
            return Vocabulary::eventTypes();
        if (column == QLatin1String("status"))
            return Vocabulary::statuses();
        if (column == QLatin1String("confidence"))
            return Vocabulary::confidences();
        break;
    case RecordKind::Phase:
        break;
    }
    return {};
}

QString label(RecordKind kind, const QString &column)
{
    static const QHash<QString, const char *> common = {
        { QStringLiteral("name"), QT_TRANSLATE_NOOP("Validation", "name") },
        { QStringLiteral("name_zh"), QT_TRANSLATE_NOOP("Validation", "Chinese name") },
        { QStringLiteral("kind"), QT_TRANSLATE_NOOP("Validation", "kind") },
        { QStringLiteral("level"), QT_TRANSLATE_NOOP("Validation", "level") },
        { QStringLiteral("country_id"), QT_TRANSLATE_NOOP("Validation", "country") },
        { QStringLiteral("province_id"), QT_TRANSLATE_NOOP("Validation", "province") },
        { QStringLiteral("city_id"), QT_TRANSLATE_NOOP("Validation", "city") },
        { QStringLiteral("parent_fund_id"), QT_TRANSLATE_NOOP("Validation", "parent fund") },
        { QStringLiteral("manager"), QT_TRANSLATE_NOOP("Validation", "manager") },
        { QStringLiteral("notes"), QT_TRANSLATE_NOOP("Validation", "notes") },
        { QStringLiteral("source_url"), QT_TRANSLATE_NOOP("Validation", "source") },
        { QStringLiteral("label"), QT_TRANSLATE_NOOP("Validation", "phase label") },
        { QStringLiteral("start_date"), QT_TRANSLATE_NOOP("Validation", "start date") },
        { QStringLiteral("capital_minor"), QT_TRANSLATE_NOOP("Validation", "registered capital") },
        { QStringLiteral("currency"), QT_TRANSLATE_NOOP("Validation", "currency") },
        { QStringLiteral("capital_basis"), QT_TRANSLATE_NOOP("Validation", "capital basis") },
        { QStringLiteral("sector_id"), QT_TRANSLATE_NOOP("Validation", "sector") },
        { QStringLiteral("segment_id"), QT_TRANSLATE_NOOP("Validation", "segment") },
        { QStringLiteral("ticker"), QT_TRANSLATE_NOOP("Validation", "ticker") },
        { QStringLiteral("founded"), QT_TRANSLATE_NOOP("Validation", "founding date") },
        { QStringLiteral("phase_id"), QT_TRANSLATE_NOOP("Validation", "phase") },
        { QStringLiteral("investee_id"), QT_TRANSLATE_NOOP("Validation", "investee") },
        { QStringLiteral("value_date"), QT_TRANSLATE_NOOP("Validation", "date") },
        { QStringLiteral("type"), QT_TRANSLATE_NOOP("Validation", "type") },
        { QStringLiteral("amount_minor"), QT_TRANSLATE_NOOP("Validation", "amount") },
        { QStringLiteral("stake_pct"), QT_TRANSLATE_NOOP("Validation", "stake") },
        { QStringLiteral("status"), QT_TRANSLATE_NOOP("Validation", "status") },
        { QStringLiteral("confidence"), QT_TRANSLATE_NOOP("Validation", "confidence") },
    };
    if (column == QLatin1String("fund_id"))
        return kind == RecordKind::Investee ? QCoreApplication::translate("Validation", "look-through fund")
                                            : QCoreApplication::translate("Validation", "fund");
    const auto it = common.constFind(column);
    return it == common.constEnd() ? column : QCoreApplication::translate("Validation", it.value());
}

QString kindName(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Fund:
        return QCoreApplication::translate("Validation", "fund");
    case RecordKind::Phase:
        return QCoreApplication::translate("Validation", "phase");
    case RecordKind::Investee:
        return QCoreApplication::translate("Validation", "investee");
    case RecordKind::Disbursement:
        return QCoreApplication::translate("Validation", "disbursement");
    }
    return {};
}

namespace {

bool isNull(const RowValues &r, const QString &column)
{
    const QVariant v = r.value(column);
    return !v.isValid() || v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isEmpty());
}

void check(QList<FieldIssue> &issues, const QString &column, const QString &message)
{
    if (!message.isEmpty())
        issues.append({ column, message });
}

void checkWord(QList<FieldIssue> &issues, const RowValues &r, const QString &column)
{
    check(issues, column, word(r.text(column), words(r.kind, column), label(r.kind, column)));
}

void checkMoney(
    QList<FieldIssue> &issues, const RowValues &r, const QString &amountColumn, const QString &what)
{
    const bool noAmount = isNull(r, amountColumn);
    const bool noCurrency = isNull(r, QStringLiteral("currency"));
    if (!noAmount && r.number(amountColumn) <= 0)
        check(issues, amountColumn,
            QCoreApplication::translate(
                "Validation", "The %1 must be above zero (leave it undisclosed when it is not known).")
                .arg(what));
    else if (!noAmount && noCurrency)
        check(issues, QStringLiteral("currency"),
            QCoreApplication::translate("Validation", "Choose the currency of the %1.").arg(what));
    else if (noAmount && !noCurrency)
        check(issues, amountColumn,
            QCoreApplication::translate("Validation", "Enter the %1, or mark it undisclosed.").arg(what));
    if (!noCurrency) {
        static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
        if (!code.match(r.text(QStringLiteral("currency"))).hasMatch())
            check(issues, QStringLiteral("currency"),
                QCoreApplication::translate(
                    "Validation", "'%1' is not a currency code (three capital letters such as CNY).")
                    .arg(r.text(QStringLiteral("currency"))));
    }
}

} // namespace

QList<FieldIssue> row(const RowValues &r)
{
    QList<FieldIssue> issues;
    const QString sourceUrl = QStringLiteral("source_url");
    switch (r.kind) {
    case RecordKind::Fund:
        check(issues, QStringLiteral("name"),
            required(
                r.text(QStringLiteral("name")), QCoreApplication::translate("Validation", "fund's name")));
        checkWord(issues, r, QStringLiteral("kind"));
        checkWord(issues, r, QStringLiteral("level"));
        if (r.id != 0 && r.number(QStringLiteral("parent_fund_id")) == r.id)
            check(issues, QStringLiteral("parent_fund_id"),
                QCoreApplication::translate("Validation", "A fund cannot be its own parent."));
        break;
    case RecordKind::Phase:
        if (isNull(r, QStringLiteral("fund_id")))
            check(issues, QStringLiteral("fund_id"),
                QCoreApplication::translate("Validation", "Choose the fund this phase belongs to."));
        check(issues, QStringLiteral("label"),
            required(
                r.text(QStringLiteral("label")), QCoreApplication::translate("Validation", "phase's label")));
        check(issues, QStringLiteral("start_date"), partialDate(r.text(QStringLiteral("start_date"))));
        checkMoney(issues, r, QStringLiteral("capital_minor"),
            QCoreApplication::translate("Validation", "registered capital"));
        break;
    case RecordKind::Investee:
        check(issues, QStringLiteral("name"),
            required(r.text(QStringLiteral("name")),
                QCoreApplication::translate("Validation", "investee's name")));
        checkWord(issues, r, QStringLiteral("kind"));
        if (!isNull(r, QStringLiteral("fund_id")) && r.text(QStringLiteral("kind")) != QLatin1String("fund"))
            check(issues, QStringLiteral("fund_id"),
                QCoreApplication::translate(
                    "Validation", "Only a sub-fund (kind 'fund') looks through to a fund."));
        if (!isNull(r, QStringLiteral("segment_id")) && isNull(r, QStringLiteral("sector_id")))
            check(issues, QStringLiteral("sector_id"),
                QCoreApplication::translate("Validation", "Choose the sector the segment belongs to."));
        check(issues, QStringLiteral("founded"), partialDate(r.text(QStringLiteral("founded"))));
        break;
    case RecordKind::Disbursement:
        if (isNull(r, QStringLiteral("phase_id")))
            check(issues, QStringLiteral("phase_id"),
                QCoreApplication::translate("Validation", "Choose the fund and the phase that paid."));
        if (isNull(r, QStringLiteral("investee_id")))
            check(issues, QStringLiteral("investee_id"),
                QCoreApplication::translate("Validation", "Choose the investee that received the money."));
        check(issues, QStringLiteral("value_date"), partialDate(r.text(QStringLiteral("value_date"))));
        checkWord(issues, r, QStringLiteral("type"));
        checkMoney(
            issues, r, QStringLiteral("amount_minor"), QCoreApplication::translate("Validation", "amount"));
        check(issues, QStringLiteral("stake_pct"), stake(r.value(QStringLiteral("stake_pct"))));
        checkWord(issues, r, QStringLiteral("status"));
        checkWord(issues, r, QStringLiteral("confidence"));
        break;
    }
    check(issues, sourceUrl, sourceUrls(r.text(sourceUrl)));
    for (auto it = r.values.cbegin(); it != r.values.cend(); ++it) {
        if (it.value().typeId() == QMetaType::QString)
            check(issues, it.key(), withoutNul(it.value().toString(), label(r.kind, it.key())));
    }
    return issues;
}

} // namespace Validation
