#include "TextEncoding.h"

#include "TranscodingDevice.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

#include <cstring>
#include <iconv.h>
#include <uchardet.h>

namespace TextEncoding {

namespace {

bool startsWith(QByteArrayView bytes, const char *prefix, qsizetype n)
{
    return bytes.size() >= n && std::memcmp(bytes.data(), prefix, size_t(n)) == 0;
}

bool iconvKnows(const QByteArray &name)
{
    const iconv_t cd = iconv_open("UTF-8", name.constData());
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    iconv_close(cd);
    return true;
}

// Encodings whose characters take more than one byte: uchardet names them from patterns that
// a few stray bytes do not make.
bool isMultiByte(const QString &encoding)
{
    const QString e = encoding.toUpper();
    for (const char *prefix : { "UTF-", "UCS-", "GB", "BIG5", "EUC-", "SHIFT_JIS", "ISO-2022", "HZ", "CP9", "UHC",
                                "JOHAB" }) {
        if (e.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

// The length of the valid UTF-8 sequence at bytes[i] (a byte of 0x80 or more), or 0.
qsizetype utf8Sequence(QByteArrayView bytes, qsizetype i)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const uchar c = s[i];
    const qsizetype length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (length == 0 || i + length > bytes.size())
        return 0;
    for (qsizetype k = 1; k < length; ++k) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    }
    const uchar second = s[i + 1];
    if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90)
        || (c == 0xF4 && second > 0x8F))
        return 0; // overlong, surrogate, past U+10FFFF
    return length;
}

} // namespace

QString doubt(QByteArrayView sample, const QString &encoding, qint64 *line)
{
    if (encoding.isEmpty() || isUtf8(encoding) || isMultiByte(encoding))
        return QString();
    qsizetype high = 0;
    qsizetype validSequences = 0;
    qsizetype firstInvalid = -1;
    for (qsizetype i = 0; i < sample.size();) {
        if (uchar(sample[i]) < 0x80) {
            ++i;
            continue;
        }
        const qsizetype length = utf8Sequence(sample, i);
        if (length > 0 && i + length <= sample.size()) {
            ++validSequences;
            high += length;
            i += length;
            continue;
        }
        if (firstInvalid < 0)
            firstInvalid = i;
        ++high;
        ++i;
    }
    if (firstInvalid < 0 || (validSequences == 0 && high >= 4))
        return QString();
    const QByteArrayView before = sample.first(firstInvalid);
    const qint64 lineNumber = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    if (line)
        *line = lineNumber;
    const QString why = validSequences > 0
        ? QCoreApplication::translate(
            "TextEncoding", "the rest of the file reads as UTF-8, so it may be damaged UTF-8")
        : QCoreApplication::translate("TextEncoding",
            "the file has too few bytes outside ASCII to tell a code page from damaged UTF-8");
    return QCoreApplication::translate("TextEncoding",
        "column %1: byte 0x%2 is not UTF-8, and %3 is only a guess: %4; name the file's "
        "encoding (--encoding, or the import wizard's encoding)")
        .arg(QString::fromUtf8(sample.sliced(lineStart, firstInvalid - lineStart)).size() + 1)
        .arg(uint(uchar(sample[firstInvalid])), 2, 16, QLatin1Char('0'))
        .arg(encoding, why);
}

QString detect(QByteArrayView sample)
{
    if (startsWith(sample, "\xEF\xBB\xBF", 3))
        return QStringLiteral("UTF-8");
    if (startsWith(sample, "\xFF\xFE\x00\x00", 4))
        return QStringLiteral("UTF-32LE");
    if (startsWith(sample, "\x00\x00\xFE\xFF", 4))
        return QStringLiteral("UTF-32BE");
    if (startsWith(sample, "\xFF\xFE", 2))
        return QStringLiteral("UTF-16LE");
    if (startsWith(sample, "\xFE\xFF", 2))
        return QStringLiteral("UTF-16BE");
    uchardet_t detector = uchardet_new();
    uchardet_handle_data(detector, sample.data(), size_t(sample.size()));
    uchardet_data_end(detector);
    QString found = QString::fromLatin1(uchardet_get_charset(detector)).toUpper();
    uchardet_delete(detector);
    if (found.isEmpty() || found == QLatin1String("ASCII") || found == QLatin1String("UTF-8"))
        return QStringLiteral("UTF-8");
    // An ASCII file with a lone "5万" is named a Greek code page by uchardet, yet legacy 8-bit
    // text is practically never valid UTF-8. A sequence cut off by the sample's end is pending
    // in the decoder, not an error.
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(sample);
    if (!utf8.hasError())
        return QStringLiteral("UTF-8");
    if (found == QLatin1String("GB2312") || found == QLatin1String("GBK")
        || found == QLatin1String("HZ-GB-2312"))
        return QStringLiteral("GB18030");
    return found;
}

QString detectFile(const QString &path, QString *error, QString *doubtText, qint64 *doubtLine)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("TextEncoding", "%1: cannot be opened: %2")
                         .arg(path, file.errorString());
        return QString();
    }
    const QByteArray sample = file.read(sampleBytes());
    const QString encoding = detect(sample);
    if (doubtText)
        *doubtText = doubt(sample, encoding, doubtLine);
    return encoding;
}

bool isUtf8(const QString &encoding)
{
    const QString e = encoding.toUpper();
    return e.isEmpty() || e == QLatin1String("UTF-8") || e == QLatin1String("UTF8")
        || e == QLatin1String("ASCII") || e == QLatin1String("US-ASCII");
}

QString normalized(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    if (upper.isEmpty())
        return QString();
    if (isUtf8(upper))
        return QStringLiteral("UTF-8");
    const QByteArray latin = upper.toLatin1();
    if (QStringDecoder(latin.constData()).isValid() || iconvKnows(latin))
        return upper;
    return QString();
}

std::unique_ptr<QIODevice> openAsUtf8(const QString &path, const QString &encoding, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("TextEncoding", "cannot be opened: %1")
                         .arg(file->errorString());
        return nullptr;
    }
    if (isUtf8(encoding))
        return file;
    auto device = std::make_unique<TranscodingDevice>(std::move(file), encoding);
    if (!device->isOpen()) {
        if (error)
            *error = device->errorString();
        return nullptr;
    }
    return device;
}

} // namespace TextEncoding
