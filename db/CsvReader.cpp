#include "CsvReader.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstring>

namespace {

constexpr qsizetype ChunkSize = 1 << 20;

bool isDelimiter(char c, char separator)
{
    return c == separator || c == '\n' || c == '\r';
}

} // namespace

CsvReader::CsvReader(QIODevice *device, const QString &fileName) : m_device(device), m_fileName(fileName)
{
    if (!m_device || !m_device->isReadable())
        m_openError
            = QCoreApplication::translate("CsvReader", "cannot be read: the device is not open for reading");
}

CsvReader::CsvReader(const QString &path) : m_fileName(path)
{
    auto file = std::make_unique<QFile>(path);
    if (file->open(QIODevice::ReadOnly)) {
        m_owned = std::move(file);
        m_device = m_owned.get();
    } else {
        m_openError
            = QCoreApplication::translate("CsvReader", "cannot be opened: %1").arg(file->errorString());
    }
}

CsvReader::~CsvReader() = default;

QString CsvReader::errorString() const
{
    if (m_error.isEmpty())
        return QString();
    if (m_errorLine > 0)
        return QStringLiteral("%1:%2: %3").arg(m_fileName).arg(m_errorLine).arg(m_error);
    return QStringLiteral("%1: %2").arg(m_fileName, m_error);
}

QString CsvReader::recordErrorString() const
{
    if (m_recordError.isEmpty())
        return QString();
    return QStringLiteral("%1:%2: %3").arg(m_fileName).arg(m_recordErrorLine).arg(m_recordError);
}

QString CsvReader::field(qsizetype i) const
{
    const QByteArrayView bytes = fieldBytes(i);
    return QString::fromUtf8(bytes.data(), bytes.size());
}

QStringList CsvReader::fields() const
{
    QStringList list;
    list.reserve(fieldCount());
    for (qsizetype i = 0; i < fieldCount(); ++i)
        list.append(field(i));
    return list;
}

qsizetype CsvReader::invalidUtf8Offset(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    auto continuation = [&](qsizetype k) { return k < n && (s[k] & 0xC0) == 0x80; };
    while (i < n) {
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const uchar c = s[i];
        if (c < 0x80) {
            ++i;
        } else if (c < 0xC2) {
            return i; // a stray continuation byte or an overlong two-byte form
        } else if (c < 0xE0) {
            if (!continuation(i + 1))
                return i;
            i += 2;
        } else if (c < 0xF0) {
            if (!continuation(i + 1) || !continuation(i + 2))
                return i;
            const uchar c1 = s[i + 1];
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))
                return i; // overlong, or a UTF-16 surrogate
            i += 3;
        } else if (c < 0xF5) {
            if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3))
                return i;
            const uchar c1 = s[i + 1];
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
                return i; // overlong, or past U+10FFFF
            i += 4;
        } else {
            return i;
        }
    }
    return -1;
}

// Moves the unparsed tail to the front and appends the next chunk. A record longer than the
// buffer doubles the read, so a huge quoted field costs linear time, not quadratic.
bool CsvReader::fill()
{
    if (m_pos > 0) {
        const qsizetype rest = m_filled - m_pos;
        if (rest > 0)
            std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, size_t(rest));
        m_consumed += m_pos;
        m_filled = rest;
        m_pos = 0;
    }
    const qsizetype want = std::max(ChunkSize, m_filled);
    if (m_buffer.size() < m_filled + want)
        m_buffer.resize(m_filled + want);
    qint64 got = m_device->read(m_buffer.data() + m_filled, want);
    // A pipe or socket may simply have nothing yet; only its end is the end of the input.
    while (got == 0 && m_device->isSequential() && !m_device->atEnd() && m_device->waitForReadyRead(30000))
        got = m_device->read(m_buffer.data() + m_filled, want);
    if (got < 0) {
        m_error = QCoreApplication::translate("CsvReader", "read error: %1").arg(m_device->errorString());
        m_errorLine = m_line;
        return false;
    }
    if (got == 0)
        m_eof = true;
    m_filled += got;
    return true;
}

void CsvReader::setRecordError(qsizetype field, qint64 line, const QString &message)
{
    if (!m_recordError.isEmpty())
        return;
    m_recordError = message;
    m_recordErrorField = field;
    m_recordErrorLine = line;
}

// Parses one record starting at m_pos. On NeedMore nothing is committed, so the caller can
// refill the buffer and scan the same record again from its start.
CsvReader::Scan CsvReader::scanRecord(bool atEof)
{
    const char *b = m_buffer.constData();
    const char sep = m_delimiter;
    const qsizetype n = m_filled;
    qsizetype p = m_pos;
    qint64 line = m_line;

    m_record.resize(0);
    m_ends.clear();
    m_fieldLines.clear();
    m_quoted.clear();
    m_recordError.clear();
    m_recordErrorField = -1;
    m_recordErrorLine = 0;
    m_recordErrorUndecodable = false;

    // Blank lines are not records.
    for (;;) {
        if (p >= n) {
            if (!atEof)
                return Scan::NeedMore;
            m_pos = p;
            m_line = line;
            return Scan::Fatal; // the caller tells the end from an error by m_error
        }
        if (b[p] == '\n') {
            ++p;
            ++line;
        } else if (b[p] == '\r') {
            if (p + 1 >= n && !atEof)
                return Scan::NeedMore;
            p += (p + 1 < n && b[p + 1] == '\n') ? 2 : 1;
            ++line;
        } else {
            break;
        }
    }

    const qint64 recordLine = line;
    for (;;) {
        m_fieldLines.push_back(line);
        const qsizetype fieldIndex = qsizetype(m_ends.size());
        m_quoted.push_back(p < n && b[p] == '"');
        if (p < n && b[p] == '"') {
            const qint64 quoteLine = line;
            ++p;
            for (;;) {
                qsizetype q = p;
                while (q < n && b[q] != '"' && b[q] != '\n' && b[q] != '\r')
                    ++q;
                m_record.append(b + p, q - p);
                if (q >= n) {
                    if (!atEof)
                        return Scan::NeedMore;
                    m_error = QCoreApplication::translate("CsvReader",
                        "the quoted field that starts on line %1 is never closed "
                        "(unbalanced quote at the end of the file)")
                                  .arg(quoteLine);
                    m_errorLine = quoteLine;
                    return Scan::Fatal;
                }
                const char c = b[q];
                if (c == '\n') {
                    m_record.append('\n');
                    ++line;
                    p = q + 1;
                } else if (c == '\r') {
                    if (q + 1 >= n && !atEof)
                        return Scan::NeedMore;
                    m_record.append('\r');
                    if (q + 1 < n && b[q + 1] == '\n') {
                        m_record.append('\n');
                        p = q + 2;
                    } else {
                        p = q + 1;
                    }
                    ++line;
                } else if (q + 1 >= n && !atEof) {
                    return Scan::NeedMore;
                } else if (q + 1 < n && b[q + 1] == '"') {
                    m_record.append('"');
                    p = q + 2;
                } else {
                    p = q + 1;
                    break;
                }
            }
            if (p < n && !isDelimiter(b[p], sep)) {
                qsizetype q = p;
                while (q < n && !isDelimiter(b[q], sep))
                    ++q;
                if (q >= n && !atEof)
                    return Scan::NeedMore;
                m_record.append(b + p, q - p);
                setRecordError(fieldIndex, line,
                    QCoreApplication::translate("CsvReader",
                        "unexpected text after the closing quote of field %1 "
                        "(a quote inside a quoted field must be doubled)")
                        .arg(fieldIndex + 1));
                p = q;
            }
        } else {
            qsizetype q = p;
            while (q < n && !isDelimiter(b[q], sep))
                ++q;
            if (q >= n && !atEof)
                return Scan::NeedMore;
            m_record.append(b + p, q - p);
            p = q;
        }
        m_ends.push_back(m_record.size());

        if (p >= n)
            break;
        const char c = b[p];
        if (c == sep) {
            ++p;
            continue;
        }
        if (c == '\n') {
            ++p;
        } else {
            if (p + 1 >= n && !atEof)
                return Scan::NeedMore;
            p += (p + 1 < n && b[p + 1] == '\n') ? 2 : 1;
        }
        ++line;
        break;
    }

    m_recordLine = recordLine;
    m_pos = p;
    m_line = line;
    return Scan::Record;
}

QString CsvReader::shown(QByteArrayView bytes)
{
    constexpr qsizetype Most = 80;
    QString text = QString::fromUtf8(bytes.first(qMin(bytes.size(), Most)));
    text.replace(QChar(0), QStringLiteral("\\0"));
    return bytes.size() > Most ? text + QStringLiteral("…") : text;
}

// Field by field, so that a multi-byte sequence cut by a comma is caught too.
void CsvReader::checkRecordUtf8()
{
    // The line a byte of field f is on: a quoted field may span lines.
    const auto lineAt = [this](qsizetype f, QByteArrayView bytes, qsizetype at) {
        qint64 line = m_fieldLines[size_t(f)];
        for (qsizetype k = 0; k < at; ++k) {
            if (bytes[k] == '\n' || (bytes[k] == '\r' && (k + 1 >= bytes.size() || bytes[k + 1] != '\n')))
                ++line;
        }
        return line;
    };
    const auto character = [](QByteArrayView bytes, qsizetype at) {
        return QString::fromUtf8(bytes.first(at)).size() + 1;
    };
    for (qsizetype f = 0; f < fieldCount(); ++f) {
        const QByteArrayView bytes = fieldBytes(f);
        const qsizetype bad = invalidUtf8Offset(bytes);
        if (bad < 0)
            continue;
        m_recordErrorUndecodable = true;
        // A TranscodingDevice marks what the source encoding could not decode with 0xFF.
        if (!m_sourceEncoding.isEmpty() && uchar(bytes[bad]) == 0xFF) {
            setRecordError(f, lineAt(f, bytes, bad),
                QCoreApplication::translate("CsvReader",
                    "bytes that are not valid %1 in field %2 at character %3 (read as %1: "
                    "the file is damaged or in another encoding)")
                    .arg(m_sourceEncoding)
                    .arg(f + 1)
                    .arg(character(bytes, bad)));
            return;
        }
        setRecordError(f, lineAt(f, bytes, bad),
            QCoreApplication::translate("CsvReader",
                "invalid UTF-8 in field %1 (byte 0x%2 at character %3); save the "
                "file as UTF-8")
                .arg(f + 1)
                .arg(uint(uchar(bytes[bad])), 2, 16, QLatin1Char('0'))
                .arg(character(bytes, bad)));
        return;
    }
    if (std::memchr(m_record.constData(), 0, size_t(m_record.size())) == nullptr)
        return;
    for (qsizetype f = 0; f < fieldCount(); ++f) {
        const QByteArrayView bytes = fieldBytes(f);
        const void *nul = std::memchr(bytes.data(), 0, size_t(bytes.size()));
        if (!nul)
            continue;
        const qsizetype at = static_cast<const char *>(nul) - bytes.data();
        setRecordError(f, lineAt(f, bytes, at),
            QCoreApplication::translate("CsvReader",
                "a NUL byte (shown as \\0) in field %1 at character %2: '%3'; text cannot "
                "hold it")
                .arg(f + 1)
                .arg(character(bytes, at))
                .arg(shown(bytes)));
        return;
    }
}

bool CsvReader::next()
{
    if (!m_error.isEmpty())
        return false;
    if (!m_device) {
        m_error = m_openError;
        m_errorLine = 0;
        return false;
    }
    if (!m_started) {
        m_started = true;
        while (m_filled < 3 && !m_eof) {
            if (!fill())
                return false;
        }
        if (m_filled >= 3 && std::memcmp(m_buffer.constData(), "\xEF\xBB\xBF", 3) == 0) {
            m_pos = 3;
            m_hadBom = true;
        }
    }
    for (;;) {
        switch (scanRecord(m_eof)) {
        case Scan::Record:
            checkRecordUtf8();
            return true;
        case Scan::Fatal:
            m_ends.clear();
            m_quoted.clear();
            return false;
        case Scan::NeedMore:
            if (!fill())
                return false;
            break;
        }
    }
}
