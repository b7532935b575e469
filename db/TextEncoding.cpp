#include "TextEncoding.h"

#include "TranscodingDevice.h"

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

} // namespace

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

QString detectFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot be opened: %2").arg(path, file.errorString());
        return QString();
    }
    return detect(file.read(sampleBytes()));
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
            *error = QStringLiteral("cannot be opened: %1").arg(file->errorString());
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
