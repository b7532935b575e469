#include "CsvWriter.h"

#include <QCoreApplication>
#include <QIODevice>

namespace {

constexpr qsizetype FlushThreshold = 1 << 16;

bool needsQuotes(QByteArrayView field)
{
    if (field.isEmpty())
        return false;
    if (field.front() == ' ' || field.back() == ' ' || field.front() == '\t' || field.back() == '\t')
        return true;
    for (char c : field) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return true;
    }
    return false;
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device, bool byteOrderMark) : m_device(device)
{
    m_buffer.reserve(FlushThreshold + 4096);
    if (!m_device || !m_device->isWritable())
        m_error = QCoreApplication::translate("CsvWriter", "the device is not open for writing");
    else if (byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
}

CsvWriter::~CsvWriter()
{
    flush();
}

QByteArray CsvWriter::encodeField(QByteArrayView field)
{
    return needsQuotes(field) ? quoted(field) : field.toByteArray();
}

QByteArray CsvWriter::quoted(QByteArrayView field)
{
    QByteArray out;
    out.reserve(field.size() + 2);
    out.append('"');
    for (char c : field) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
    return out;
}

void CsvWriter::appendField(QByteArrayView field, bool alwaysQuote)
{
    if (m_fieldsInRecord > 0)
        m_buffer.append(',');
    if (alwaysQuote || needsQuotes(field)) {
        m_buffer.append(quoted(field));
    } else {
        m_buffer.append(field.data(), field.size());
    }
    ++m_fieldsInRecord;
    m_lastFieldEmpty = field.isEmpty();
}

void CsvWriter::writeField(QStringView field)
{
    appendField(field.toUtf8());
}

void CsvWriter::writeField(QByteArrayView utf8Field)
{
    appendField(utf8Field);
}

void CsvWriter::writeQuotedField(QByteArrayView utf8Field)
{
    appendField(utf8Field, true);
}

void CsvWriter::endRecord()
{
    // A record of one empty field would be a blank line, which readers skip: quote it.
    if (m_fieldsInRecord == 1 && m_lastFieldEmpty)
        m_buffer.append("\"\"");
    m_buffer.append("\r\n");
    m_fieldsInRecord = 0;
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

void CsvWriter::writeRecord(const QStringList &fields)
{
    for (const QString &f : fields)
        writeField(QStringView(f));
    endRecord();
}

bool CsvWriter::flush()
{
    if (!m_device || m_buffer.isEmpty())
        return !hasError();
    if (!hasError()) {
        const qint64 written = m_device->write(m_buffer);
        if (written != m_buffer.size())
            m_error
                = QCoreApplication::translate("CsvWriter", "write error: %1").arg(m_device->errorString());
    }
    // Keep the capacity: releasing and regrowing the buffer on every flush costs more than the
    // writing itself on million-row exports.
    m_buffer.resize(0);
    return !hasError();
}
