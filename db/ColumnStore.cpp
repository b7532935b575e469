#include "ColumnStore.h"

int32_t ColumnStore::dateKey(const QString &text)
{
    if (text.size() < 4)
        return -1;
    int32_t key = text.left(4).toInt() * 10000;
    if (text.size() >= 7)
        key += text.mid(5, 2).toInt() * 100;
    if (text.size() >= 10)
        key += text.mid(8, 2).toInt();
    return key;
}

QString ColumnStore::dateText(int32_t key)
{
    if (key < 0)
        return QString();
    const int year = key / 10000;
    const int month = key / 100 % 100;
    const int day = key % 100;
    QString text = QString::number(year);
    if (month > 0)
        text += QStringLiteral("-%1").arg(month, 2, 10, QLatin1Char('0'));
    if (day > 0)
        text += QStringLiteral("-%1").arg(day, 2, 10, QLatin1Char('0'));
    return text;
}

void ColumnStore::clear()
{
    for (auto *v : { &investee, &phase, &dateKeys })
        *v = {};
    year = {};
    latestYear = 0;
    for (auto *v : { &type, &status, &confidence, &currency })
        *v = {};
    valueCny = {};
    valueUsd = {};
    stake = {};
    investeeIsFund = {};
    for (auto *v : { &investeeId, &investeeSector, &investeeSegment, &investeeRegion, &investeeCountry,
                     &investeeProvince, &investeeCity, &phaseId, &phaseFund })
        *v = {};
    investeeIndex.clear();
    phaseIndex.clear();
    currencyCodes.clear();
    rates.clear();
}
