#include "InterchangeFields.h"

#include "Vocabulary.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>

namespace InterchangeFields {

namespace {

template <size_t N> std::vector<const char *> vectorOf(const std::array<const char *, N> &words)
{
    return { words.begin(), words.end() };
}

} // namespace

const std::vector<const char *> FundKinds = vectorOf(Vocabulary::FundKindWords);
const std::vector<const char *> FundLevels = vectorOf(Vocabulary::FundLevelWords);
const std::vector<const char *> InvesteeKinds = vectorOf(Vocabulary::InvesteeKindWords);
const std::vector<const char *> EventTypes = vectorOf(Vocabulary::EventTypeWords);
const std::vector<const char *> Statuses = vectorOf(Vocabulary::StatusWords);
const std::vector<const char *> Confidences = vectorOf(Vocabulary::ConfidenceWords);

QString wordList(const std::vector<const char *> &words)
{
    QStringList list;
    for (const char *w : words)
        list.append(QString::fromLatin1(w));
    return list.join(QStringLiteral(", "));
}

QByteArrayView trimmed(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t'))
        ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t'))
        --e;
    return v.sliced(b, e - b);
}

QString text(QByteArrayView v)
{
    return QString::fromUtf8(v.data(), v.size());
}

QByteArray borrowed(QByteArrayView v)
{
    return QByteArray::fromRawData(v.data(), v.size());
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int matchWord(QByteArrayView v, const std::vector<const char *> &words)
{
    for (size_t i = 0; i < words.size(); ++i) {
        if (v.compare(QByteArrayView(words[i]), Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

bool parseDecimal(QByteArrayView t, double *out, bool *negative)
{
    qsizetype i = 0;
    *negative = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
        *negative = t[i] == '-';
        ++i;
    }
    qsizetype digits = 0;
    for (; i < t.size() && isDigit(t[i]); ++i)
        ++digits;
    if (i < t.size() && t[i] == '.') {
        for (++i; i < t.size() && isDigit(t[i]); ++i)
            ++digits;
    }
    if (i != t.size() || digits == 0)
        return false;
    bool ok = false;
    *out = t.toByteArray().toDouble(&ok);
    return ok;
}

QString parsePartialDate(QByteArrayView t, int *packed)
{
    const auto shown = [t] { return text(t); };
    const auto shapeOk = [&]() {
        if (t.size() != 4 && t.size() != 7 && t.size() != 10)
            return false;
        for (qsizetype i = 0; i < t.size(); ++i) {
            const bool dash = i == 4 || i == 7;
            if (dash ? t[i] != '-' : !isDigit(t[i]))
                return false;
        }
        return true;
    };
    if (!shapeOk())
        return QCoreApplication::translate(
            "InterchangeLoader", "'%1' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            .arg(shown());
    const int year = t.sliced(0, 4).toInt();
    const int month = t.size() >= 7 ? t.sliced(5, 2).toInt() : 0;
    const int day = t.size() == 10 ? t.sliced(8, 2).toInt() : 0;
    if (year < 1000 || year > 2999)
        return QCoreApplication::translate("InterchangeLoader", "'%1': year %2 is out of range")
            .arg(shown())
            .arg(year);
    if (t.size() >= 7 && (month < 1 || month > 12))
        return QCoreApplication::translate(
            "InterchangeLoader", "'%1' is an impossible date: there is no month %2")
            .arg(shown())
            .arg(month);
    if (t.size() == 10 && !QDate(year, month, day).isValid())
        return QCoreApplication::translate("InterchangeLoader", "'%1' is an impossible date: %2 has %3 days")
            .arg(shown(), QDate(year, month, 1).toString(QStringLiteral("yyyy-MM")))
            .arg(QDate(year, month, 1).daysInMonth());
    *packed = year * 10000 + month * 100 + day;
    return QString();
}

} // namespace InterchangeFields
