#include "TranscodingDevice.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <iconv.h>

namespace {

constexpr qint64 ChunkSize = 1 << 20;
const iconv_t NoIconv = reinterpret_cast<iconv_t>(-1);

} // namespace

TranscodingDevice::TranscodingDevice(std::unique_ptr<QIODevice> source, const QString &encoding)
    : m_source(std::move(source))
    , m_encoding(encoding)
    , m_decoder(encoding.toLatin1().constData())
{
    if (!m_source || !m_source->isReadable()) {
        setErrorString(QCoreApplication::translate("TranscodingDevice", "the source cannot be read"));
        return;
    }
    if (!m_decoder.isValid()) {
        const iconv_t cd = iconv_open("UTF-8", encoding.toLatin1().constData());
        if (cd == NoIconv) {
            setErrorString(
                QCoreApplication::translate("TranscodingDevice", "unknown text encoding '%1'").arg(encoding));
            return;
        }
        m_iconv = cd;
    }
    QIODevice::open(QIODevice::ReadOnly);
}

TranscodingDevice::~TranscodingDevice()
{
    if (m_iconv)
        iconv_close(static_cast<iconv_t>(m_iconv));
}

bool TranscodingDevice::atEnd() const
{
    return m_sourceDone && m_outPos >= m_out.size() && QIODevice::bytesAvailable() == 0;
}

qint64 TranscodingDevice::bytesAvailable() const
{
    return (m_out.size() - m_outPos) + QIODevice::bytesAvailable();
}

bool TranscodingDevice::convertIconv(const QByteArray &chunk, bool last)
{
    QByteArray in = m_pendingIn + chunk;
    m_pendingIn.clear();
    char *src = in.data();
    size_t left = size_t(in.size());
    const iconv_t cd = static_cast<iconv_t>(m_iconv);
    QByteArray out;
    out.resize(qsizetype(left) * 2 + 16);
    char *dst = out.data();
    size_t room = size_t(out.size());
    while (left > 0) {
        const size_t rc = iconv(cd, &src, &left, &dst, &room);
        if (rc != size_t(-1))
            break;
        if (errno == E2BIG) {
            const qsizetype used = dst - out.data();
            out.resize(out.size() * 2);
            dst = out.data() + used;
            room = size_t(out.size() - used);
        } else if (errno == EINVAL && !last) {
            m_pendingIn = QByteArray(src, qsizetype(left)); // cut at the chunk's end
            break;
        } else {
            // EILSEQ, or EINVAL at the very end: one byte becomes the mark.
            if (room < 1) {
                const qsizetype used = dst - out.data();
                out.resize(out.size() * 2);
                dst = out.data() + used;
                room = size_t(out.size() - used);
            }
            *dst++ = InvalidMark;
            --room;
            ++src;
            --left;
            ++m_invalid;
        }
    }
    out.resize(dst - out.data());
    m_out += out;
    return true;
}

bool TranscodingDevice::refill()
{
    if (m_sourceDone)
        return false;
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    qint64 got = m_source->read(chunk.data(), ChunkSize);
    while (got == 0 && m_source->isSequential() && !m_source->atEnd() && m_source->waitForReadyRead(30000))
        got = m_source->read(chunk.data(), ChunkSize);
    if (got < 0) {
        setErrorString(m_source->errorString());
        m_sourceDone = true;
        m_failed = true;
        return false;
    }
    chunk.resize(got);
    m_sourceBytes += got;
    const bool last = got == 0;
    if (last)
        m_sourceDone = true;
    if (m_outPos > 0) {
        m_out.remove(0, m_outPos);
        m_outPos = 0;
    }
    if (m_iconv) {
        convertIconv(chunk, last);
    } else {
        // The decoder is stateful: a character cut by the chunk's end is completed by the next
        // (a high surrogate at the end waits for its low half too). It turns what it cannot
        // decode into U+FFFD, and only says that it has (ever) done so: once it has, every U+FFFD
        // is taken for one (a source that encodes U+FFFD itself and also has undecodable bytes is
        // reported a little more often than it need be). UTF-16 and UTF-32 it decodes without
        // looking at surrogates: a lone one is undecodable too.
        QString text = m_pendingHigh;
        text += QString(m_decoder.decode(chunk));
        m_pendingHigh.clear();
        if (!last && !text.isEmpty() && text.back().isHighSurrogate()) {
            m_pendingHigh = text.back();
            text.chop(1);
        }
        const bool replaced = m_decoder.hasError();
        qsizetype from = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            if (!c.isSurrogate() && !(replaced && c == QChar::ReplacementCharacter))
                continue;
            m_out += m_encoder.encode(QStringView(text).sliced(from, i - from));
            m_out += InvalidMark;
            ++m_invalid;
            from = i + 1;
        }
        m_out += m_encoder.encode(QStringView(text).sliced(from));
        if (last && holdsCutCharacter()) {
            m_out += InvalidMark;
            ++m_invalid;
        }
    }
    return true;
}

// A decoder cannot be flushed: the start of a character cut off by the end of the file stays in
// it and would vanish without a trace. UTF-16 and UTF-32 hold one when the file's length is not a
// multiple of the unit. Any other decoder reads a line break after it differently than a fresh
// decoder does (the byte cannot continue a character in an ASCII-based encoding).
bool TranscodingDevice::holdsCutCharacter()
{
    const QByteArray name = m_encoding.toLatin1();
    switch (QStringConverter::encodingForName(name.constData()).value_or(QStringConverter::System)) {
    case QStringConverter::Utf16:
    case QStringConverter::Utf16LE:
    case QStringConverter::Utf16BE:
        return m_sourceBytes % 2 != 0;
    case QStringConverter::Utf32:
    case QStringConverter::Utf32LE:
    case QStringConverter::Utf32BE:
        return m_sourceBytes % 4 != 0;
    default:
        break;
    }
    QStringDecoder fresh(name.constData());
    const QByteArrayView probe("\n");
    return QString(m_decoder.decode(probe)) != QString(fresh.decode(probe));
}

qint64 TranscodingDevice::readData(char *data, qint64 maxSize)
{
    while (m_outPos >= m_out.size()) {
        if (!refill())
            return m_failed ? -1 : 0;
    }
    const qint64 n = qMin(maxSize, qint64(m_out.size() - m_outPos));
    std::memcpy(data, m_out.constData() + m_outPos, size_t(n));
    m_outPos += n;
    return n;
}
