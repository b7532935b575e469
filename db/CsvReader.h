#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QIODevice;

/// A streaming RFC 4180 reader (comma-separated unless setDelimiter() says otherwise). It parses bytes, not characters: quoted fields with embedded
/// commas, line breaks and doubled quotes; CRLF, LF or a lone CR (mixed in one file too); UTF-8
/// with or without a byte order mark. Each record remembers the physical line it starts on, so
/// messages can point at the line a user sees in an editor.
///
/// Two kinds of problem are told apart:
/// - a *record* problem (invalid UTF-8 or bytes the source encoding could not decode, a NUL byte,
///   text after a closing quote) spoils one record only: next()
///   still returns true, recordError() says what is wrong and the following records read normally;
/// - a *fatal* problem (a quote left open at the end of the file, a read error) ends the file:
///   next() returns false and errorString() says why, naming the file and line.
///
/// A line with nothing on it is skipped (it is not a record with one empty field).
class CsvReader
{
public:
    /// Reads from an already open device, which must outlive the reader. fileName names the
    /// source in messages.
    explicit CsvReader(QIODevice *device, const QString &fileName = QString());
    /// Opens the file itself (Qt resource paths such as ":/..." work). When it cannot be opened,
    /// the first next() returns false with errorString() set.
    explicit CsvReader(const QString &path);
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    /// The field separator: ',' unless set (';', '\t' and '|' are common too). Set it before the
    /// first next(); it must not be a quote or a line break.
    void setDelimiter(char delimiter) { m_delimiter = delimiter; }
    char delimiter() const { return m_delimiter; }

    /// Advances to the next record. False at the end of the input or on a fatal error (see
    /// hasError()).
    bool next();

    qsizetype fieldCount() const { return qsizetype(m_ends.size()); }
    /// The raw UTF-8 bytes of field i of the current record, unquoted; valid until next().
    QByteArrayView fieldBytes(qsizetype i) const
    {
        const qsizetype begin = i == 0 ? 0 : m_ends[size_t(i - 1)];
        return QByteArrayView(m_record.constData() + begin, m_ends[size_t(i)] - begin);
    }
    QString field(qsizetype i) const;
    QStringList fields() const;
    /// True when field i of the current record was written between quotes in the file. The
    /// importer needs it to tell an exported, formula-guarded cell from text typed by hand.
    bool fieldWasQuoted(qsizetype i) const { return m_quoted[size_t(i)]; }

    /// The 1-based physical line on which the current record starts.
    qint64 line() const { return m_recordLine; }

    /// Empty unless the current record has a problem (see the class comment).
    QString recordError() const { return m_recordError; }
    /// The field the record problem is in, or -1.
    qsizetype recordErrorField() const { return m_recordErrorField; }
    /// The physical line of the record problem (a quoted field may span lines).
    qint64 recordErrorLine() const { return m_recordErrorLine; }
    /// True when the record problem is text that cannot be decoded (invalid UTF-8, or what the
    /// source encoding could not decode): a sign that the file's encoding may be misread.
    bool recordErrorIsUndecodable() const { return m_recordErrorUndecodable; }

    /// The encoding the bytes were transcoded from (TranscodingDevice), for messages: its marks of
    /// undecodable input are then reported as such, not as invalid UTF-8. Empty: the file is UTF-8.
    void setSourceEncoding(const QString &encoding) { m_sourceEncoding = encoding; }

    /// Field text for a message: at most 80 characters, a NUL shown as \0 (so nothing cuts it there).
    static QString shown(QByteArrayView bytes);
    /// "file:line: message" for the record problem; empty when there is none.
    QString recordErrorString() const;

    bool hasError() const { return !m_error.isEmpty(); }
    /// "file:line: message" for a fatal error.
    QString errorString() const;
    /// The fatal error without the file and line.
    QString errorMessage() const { return m_error; }
    qint64 errorLine() const { return m_errorLine; }

    QString fileName() const { return m_fileName; }
    bool hadByteOrderMark() const { return m_hadBom; }
    /// Bytes consumed so far, for progress reports.
    qint64 bytesConsumed() const { return m_consumed + m_pos; }

    /// The first problem in UTF-8 text: -1 when valid, otherwise the offset of the bad byte.
    static qsizetype invalidUtf8Offset(QByteArrayView bytes);

private:
    enum class Scan { Record, NeedMore, Fatal };
    Scan scanRecord(bool atEof);
    bool fill();
    void checkRecordUtf8();
    void setRecordError(qsizetype field, qint64 line, const QString &message);

    std::unique_ptr<QIODevice> m_owned;
    QIODevice *m_device = nullptr;
    QString m_fileName;
    QString m_openError;

    QByteArray m_buffer;
    qsizetype m_pos = 0;     ///< parse position in m_buffer
    qsizetype m_filled = 0;  ///< bytes of m_buffer holding data
    qint64 m_consumed = 0;   ///< bytes dropped from the front of m_buffer
    bool m_eof = false;
    bool m_started = false;
    bool m_hadBom = false;
    char m_delimiter = ',';
    qint64 m_line = 1;       ///< physical line at m_pos

    QByteArray m_record;     ///< current record's field bytes, end to end
    std::vector<qsizetype> m_ends;
    std::vector<qint64> m_fieldLines;
    std::vector<bool> m_quoted;
    qint64 m_recordLine = 0;
    QString m_recordError;
    qsizetype m_recordErrorField = -1;
    qint64 m_recordErrorLine = 0;
    bool m_recordErrorUndecodable = false;
    QString m_sourceEncoding;

    QString m_error;
    qint64 m_errorLine = 0;
};
