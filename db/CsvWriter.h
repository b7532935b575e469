#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

class QIODevice;

/// Writes RFC 4180 CSV to a device: UTF-8, CRLF line ends, a field quoted only when it needs
/// to be (a comma, quote, line break, or a space at either end), quotes doubled inside. Output is
/// buffered; call flush() (or let the destructor do it) and check hasError().
class CsvWriter
{
public:
    /// The device must be open for writing and outlive the writer. With byteOrderMark, the
    /// UTF-8 BOM goes first (spreadsheet programs use it to recognise UTF-8).
    explicit CsvWriter(QIODevice *device, bool byteOrderMark = false);
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    void writeRecord(const QStringList &fields);
    /// Field-by-field form for streaming large tables without building lists.
    void writeField(QStringView field);
    void writeField(QByteArrayView utf8Field);
    /// Writes the field between quotes even when it does not need them: formula-guarded cells
    /// (FormulaGuard) are written so, which is how the importer knows the apostrophe is ours.
    void writeQuotedField(QByteArrayView utf8Field);
    void endRecord();

    /// Writes out what is buffered; false on a write error.
    bool flush();
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    /// The field as it appears in a file (quoted and escaped when needed), without separators.
    static QByteArray encodeField(QByteArrayView utf8Field);

private:
    static QByteArray quoted(QByteArrayView utf8Field);
    void appendField(QByteArrayView utf8Field, bool alwaysQuote = false);

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_fieldsInRecord = 0;
    bool m_lastFieldEmpty = false;
    QString m_error;
};
