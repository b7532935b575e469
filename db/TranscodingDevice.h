#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringDecoder>
#include <QStringEncoder>

#include <memory>

/// A read-only, sequential device that yields the text of another device as UTF-8, decoding it
/// from any encoding Qt's QStringDecoder knows (with ICU: GB18030, GBK, Big5, Shift_JIS,
/// windows-1252 …) or, failing that, glibc's iconv. It streams in chunks, so a file of any size
/// costs a few megabytes; a multi-byte character cut by a chunk boundary is carried over.
///
/// What the source encoding cannot decode becomes one byte InvalidMark (0xFF, never part of
/// UTF-8) and is counted (invalidSequences()): the CSV reader still sees every line break where
/// the file has it, and reports the mark as undecodable text at its line and column
/// (CsvReader::setSourceEncoding()) instead of storing a U+FFFD in its place.
class TranscodingDevice : public QIODevice
{
public:
    static constexpr char InvalidMark = char(0xFF);

    /// Takes ownership of source, which must be open for reading. isOpen() is false (and
    /// errorString() says why) when the encoding is unknown to both Qt and iconv.
    TranscodingDevice(std::unique_ptr<QIODevice> source, const QString &encoding);
    ~TranscodingDevice() override;

    bool isSequential() const override { return true; }
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

    /// Bytes of the source read so far, for progress against the source's size.
    qint64 sourcePosition() const { return m_source ? m_source->pos() : 0; }
    qint64 invalidSequences() const { return m_invalid; }
    QString encoding() const { return m_encoding; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    bool refill();
    bool convertIconv(const QByteArray &in, bool last);
    bool holdsCutCharacter();

    std::unique_ptr<QIODevice> m_source;
    QString m_encoding;
    QStringDecoder m_decoder;
    QStringEncoder m_encoder { QStringEncoder::Utf8 };
    void *m_iconv = nullptr; ///< iconv_t when Qt does not know the encoding
    QByteArray m_pendingIn; ///< iconv: an incomplete sequence at the end of the last chunk
    QString m_pendingHigh;  ///< a high surrogate at the end of the last chunk, waiting for its low half
    QByteArray m_out; ///< converted bytes not handed out yet
    qsizetype m_outPos = 0;
    bool m_sourceDone = false;
    bool m_failed = false;
    qint64 m_invalid = 0;
    qint64 m_sourceBytes = 0; ///< read from the source so far
};
