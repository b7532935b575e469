#include "FormulaGuard.h"

namespace FormulaGuard {

namespace {

bool isTrigger(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

bool needsPrefixSlow(QByteArrayView utf8)
{
    qsizetype i = 0;
    while (i < utf8.size() && utf8[i] == '\'')
        ++i;
    return i < utf8.size() && isTrigger(utf8[i]);
}

QByteArray guard(QByteArrayView utf8)
{
    if (!needsPrefix(utf8))
        return utf8.toByteArray();
    QByteArray out;
    out.reserve(utf8.size() + 1);
    out.append('\'');
    out.append(utf8.data(), utf8.size());
    return out;
}

QByteArrayView unguard(QByteArrayView utf8)
{
    if (utf8.size() >= 2 && utf8.front() == '\'' && needsPrefix(utf8.sliced(1)))
        return utf8.sliced(1);
    return utf8;
}

} // namespace FormulaGuard
