#include "Vocabulary.h"

namespace Vocabulary {

namespace {

template <size_t N> QStringList listOf(const std::array<const char *, N> &words)
{
    QStringList list;
    list.reserve(qsizetype(N));
    for (const char *w : words)
        list.append(QString::fromLatin1(w));
    return list;
}

} // namespace

const QStringList &eventTypes()
{
    static const QStringList words = listOf(EventTypeWords);
    return words;
}

const QStringList &statuses()
{
    static const QStringList words = listOf(StatusWords);
    return words;
}

const QStringList &confidences()
{
    static const QStringList words = listOf(ConfidenceWords);
    return words;
}

const QStringList &fundKinds()
{
    static const QStringList words = listOf(FundKindWords);
    return words;
}

const QStringList &fundLevels()
{
    static const QStringList words = listOf(FundLevelWords);
    return words;
}

const QStringList &investeeKinds()
{
    static const QStringList words = listOf(InvesteeKindWords);
    return words;
}

const QStringList &defaultStatuses()
{
    static const QStringList words = [] {
        QStringList all = statuses();
        all.removeAll(QString::fromLatin1(word(Status::Cancelled)));
        return all;
    }();
    return words;
}

} // namespace Vocabulary
