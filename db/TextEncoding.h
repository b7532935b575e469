#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

class QIODevice;

/// The text encoding of an input file, decided by uchardet (never guessed by hand), and a way
/// to read any such file as UTF-8, which is what CsvReader parses.
///
/// A byte order mark settles it first (UTF-8, UTF-16LE/BE, UTF-32LE/BE). Otherwise uchardet reads
/// the first sampleBytes() of the file. Plain ASCII is reported as "UTF-8" (a subset of it), and so
/// is a sample that is valid UTF-8 whatever uchardet says (it takes a mostly ASCII file with one
/// "5万" for a Greek code page); the Chinese GB2312 and GBK are reported as "GB18030", the
/// superset a Chinese source may use anywhere further down the file.
namespace TextEncoding {

/// How much of a file detection reads.
constexpr qsizetype sampleBytes()
{
    return 1 << 20;
}

/// The encoding of these bytes (see the namespace comment); "UTF-8" when there is nothing to go on.
QString detect(QByteArrayView sample);
/// The encoding of the file's first sampleBytes(); empty with *error when it cannot be read.
/// *doubt (optional) gets doubt()'s verdict on it, *doubtLine the line it concerns.
QString detectFile(const QString &path, QString *error, QString *doubt = nullptr, qint64 *doubtLine = nullptr);

/// Why a detected encoding is not to be trusted, or empty. uchardet names a one-byte code page
/// (Windows-1252, ISO-8859-x …) for any sample that is not valid UTF-8; that is a guess, not a
/// finding, when the sample also holds valid UTF-8 sequences (damaged UTF-8, more likely) or
/// fewer than four bytes outside ASCII (one stray byte cannot tell a code page from damaged
/// UTF-8). The reason names the first byte that is not UTF-8; *line (optional) gets its line.
QString doubt(QByteArrayView sample, const QString &encoding, qint64 *line = nullptr);

/// True for UTF-8 and its subset ASCII: such files are read as they are.
bool isUtf8(const QString &encoding);
/// A user-given name in the spelling the converters accept ("gbk" -> "GBK", "utf8" -> "UTF-8"),
/// or empty when neither Qt nor iconv knows it.
QString normalized(const QString &name);

/// Opens the file as UTF-8 bytes: the file itself when it is UTF-8 already, otherwise a
/// TranscodingDevice over it. Null, with *error naming the file, when it cannot be opened or the
/// encoding is unknown.
std::unique_ptr<QIODevice> openAsUtf8(const QString &path, const QString &encoding, QString *error);

} // namespace TextEncoding
