#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

/// How the interchange loader reads single fields: trimming, the words each vocabulary column
/// takes, partial dates and plain decimals. Works on the UTF-8 bytes of the record, without
/// allocating per row where it can.
namespace InterchangeFields {

extern const std::vector<const char *> FundKinds;
extern const std::vector<const char *> FundLevels;
extern const std::vector<const char *> InvesteeKinds;
extern const std::vector<const char *> EventTypes;
extern const std::vector<const char *> Statuses;
extern const std::vector<const char *> Confidences;

/// "a, b, c": the words, for a message.
QString wordList(const std::vector<const char *> &words);

/// Without the spaces and tabs around it.
QByteArrayView trimmed(QByteArrayView v);
QString text(QByteArrayView v);
/// A lookup key that borrows the bytes: no allocation per row.
QByteArray borrowed(QByteArrayView v);
bool isDigit(char c);
/// The index of the word `v` is (case-insensitive), -1 when none.
int matchWord(QByteArrayView v, const std::vector<const char *> &words);
/// A plain decimal for stakes and rates; *negative tells a minus sign apart from garbage.
bool parseDecimal(QByteArrayView t, double *out, bool *negative);
/// 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' to yyyymmdd with zeros for the missing parts (so that the
/// precision stays part of the value); empty string on success, else the reason.
QString parsePartialDate(QByteArrayView t, int *packed);

} // namespace InterchangeFields
