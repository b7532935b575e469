// libFuzzer target: the encoding side of an import on any bytes: TextEncoding (detection by BOM
// and uchardet, doubt(), normalized()), TranscodingDevice (Qt's and ICU's decoders, and glibc's
// iconv for an encoding Qt does not know) and CsvSniffer (detection, delimiter, header, preview
// through TextEncoding::openAsUtf8). Besides memory errors and undefined behaviour it checks that
// - the transcoded text is UTF-8 wherever it is not the InvalidMark byte, and that the marks
//   are what invalidSequences() counts;
// - transcoding the input whole and a few bytes at a time (in one encoding per input, the
//   detected one or another) gives the same text, up to the documented imprecision (a U+FFFD in the
//   source may or may not count as undecodable, depending on whether the decoder had met an
//   error before). For the encodings Qt decodes through ICU (GB18030, Big5, …) only up to what
//   Qt 6.4 does there: after an invalid sequence cut by a read, ICU may take the next byte or
//   two for another character, so there only the verdict (undecodable somewhere or not) and
//   valid text must not depend on the reads;
// - UTF-16 with an odd number of bytes or an unpaired surrogate has undecodable text, and
//   UTF-16 without either has none (a character cut off by the end of the file included);
// - detection always names an encoding, and doubt() names a line of the sample.

#include "CsvReader.h"
#include "CsvSniffer.h"
#include "FuzzSupport.h"
#include "TextEncoding.h"
#include "TranscodingDevice.h"

#include <QBuffer>
#include <QFile>
#include <QStringDecoder>
#include <QTemporaryDir>

#include <iconv.h>
#include <memory>
#include <optional>

namespace {

QTemporaryDir *g_dir = nullptr; // removed at exit (a static in LLVMFuzzerInitialize)
QStringList g_encodings; // every input is transcoded from each of these too

// An encoding glibc's iconv knows and Qt (with ICU) does not, so that TranscodingDevice's iconv
// path is fuzzed as well; empty when there is none.
QString iconvOnlyEncoding()
{
    for (const char *name : { "ARMSCII-8", "GEORGIAN-PS", "TSCII", "EUC-TW", "CP1125", "MULELAO-1" }) {
        if (QStringDecoder(name).isValid())
            continue;
        const iconv_t cd = iconv_open("UTF-8", name);
        if (cd == reinterpret_cast<iconv_t>(-1))
            continue;
        iconv_close(cd);
        return QString::fromLatin1(name);
    }
    return {};
}

bool iconvOnly(const QString &encoding)
{
    return !QStringDecoder(encoding.toLatin1().constData()).isValid();
}

// Whether the bytes are well-formed UTF-16 (an even number of bytes, every surrogate paired);
// nullopt for other encodings.
std::optional<bool> utf16Valid(const QByteArray &bytes, const QString &encoding)
{
    const bool little = encoding == QLatin1String("UTF-16LE");
    if (!little && encoding != QLatin1String("UTF-16BE"))
        return std::nullopt;
    if (bytes.size() % 2 != 0)
        return false;
    const auto unit = [&](qsizetype i) {
        const auto lo = uchar(bytes[little ? i : i + 1]);
        const auto hi = uchar(bytes[little ? i + 1 : i]);
        return char16_t(hi << 8 | lo);
    };
    for (qsizetype i = 0; i < bytes.size(); i += 2) {
        const char16_t u = unit(i);
        if (QChar::isLowSurrogate(u))
            return false;
        if (QChar::isHighSurrogate(u)) {
            if (i + 2 >= bytes.size() || !QChar::isLowSurrogate(unit(i + 2)))
                return false;
            i += 2;
        }
    }
    return true;
}

struct Transcoded
{
    QByteArray text;
    qint64 invalid = 0;
};

Transcoded transcode(std::unique_ptr<QIODevice> source, const QString &encoding)
{
    TranscodingDevice device(std::move(source), encoding);
    FUZZ_CHECK(device.isOpen(), "%s: %s", qPrintable(encoding), qPrintable(device.errorString()));
    Transcoded out;
    char buffer[4096];
    for (int round = 0;; ++round) {
        // Reads of varying sizes, down to one byte.
        const qint64 want = round % 3 == 0 ? qint64(sizeof buffer) : 1 + round % 17;
        const qint64 got = device.read(buffer, want);
        FUZZ_CHECK(got >= 0, "%s: read error %s", qPrintable(encoding), qPrintable(device.errorString()));
        if (got == 0)
            break;
        out.text.append(buffer, got);
    }
    FUZZ_CHECK(device.atEnd(), "%s: no more bytes but not at the end", qPrintable(encoding));
    out.invalid = device.invalidSequences();
    return out;
}

// Reading a few bytes at a time costs a refill each (TranscodingDevice takes a megabyte buffer
// per refill, which ASan makes slow to get and to free), so each input is read that way in one
// encoding only, in at most about a hundred reads.
void checkTranscoding(const QByteArray &input, const QString &encoding, bool trickle)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(input);
    buffer->open(QIODevice::ReadOnly);
    const Transcoded whole = transcode(std::move(buffer), encoding);
    const Transcoded trickled = trickle
        ? transcode(std::make_unique<fuzz::TrickleDevice>(
                        input, 1 + int(input.size() % 23) + int(input.size() / 50)), encoding)
        : whole;

    for (const Transcoded *t : { &whole, &trickled }) {
        const QList<QByteArray> pieces = t->text.split(TranscodingDevice::InvalidMark);
        FUZZ_CHECK(pieces.size() - 1 == t->invalid, "%s: %lld marks, invalidSequences() %lld",
            qPrintable(encoding), qlonglong(pieces.size() - 1), t->invalid);
        for (const QByteArray &piece : pieces)
            FUZZ_CHECK(CsvReader::invalidUtf8Offset(piece) < 0, "%s: the output is not UTF-8 at byte %lld of a piece",
                qPrintable(encoding), qlonglong(CsvReader::invalidUtf8Offset(piece)));
    }
    if (const std::optional<bool> valid = utf16Valid(input, encoding))
        FUZZ_CHECK((whole.invalid == 0) == *valid, "%s: %lld undecodable sequences in %s UTF-16 of %lld bytes",
            qPrintable(encoding), whole.invalid, *valid ? "valid" : "invalid", qlonglong(input.size()));
    if (!QStringConverter::encodingForName(encoding.toLatin1().constData()) && !iconvOnly(encoding)) {
        // Through ICU: see the file's comment.
        FUZZ_CHECK((whole.invalid == 0) == (trickled.invalid == 0),
            "%s: %lld undecodable sequences read whole, %lld a few bytes at a time", qPrintable(encoding),
            whole.invalid, trickled.invalid);
        FUZZ_CHECK(whole.invalid > 0 || whole.text == trickled.text,
            "%s: valid text read whole differs from the same read a few bytes at a time", qPrintable(encoding));
        return;
    }
    // A decoded U+FFFD counts as undecodable only once the decoder has reported an error, which
    // depends on where the chunks end: compare with every U+FFFD taken for a mark.
    const QByteArray replacement("\xEF\xBF\xBD");
    const QByteArray mark(1, TranscodingDevice::InvalidMark);
    QByteArray a = whole.text;
    QByteArray b = trickled.text;
    a.replace(replacement, mark);
    b.replace(replacement, mark);
    FUZZ_CHECK(a == b, "%s: %lld bytes transcoded whole, %lld a few at a time", qPrintable(encoding),
        qlonglong(whole.text.size()), qlonglong(trickled.text.size()));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initApplication(argc, argv);
    static QTemporaryDir dir;
    g_dir = &dir;
    if (!g_dir->isValid())
        qFatal("no temporary folder: %s", qPrintable(g_dir->errorString()));
    g_encodings = { QStringLiteral("GB18030"), QStringLiteral("UTF-16LE"), QStringLiteral("UTF-16BE"),
        QStringLiteral("UTF-32LE"), QStringLiteral("Big5"), QStringLiteral("Shift_JIS"),
        QStringLiteral("windows-1252") };
    if (const QString only = iconvOnlyEncoding(); !only.isEmpty())
        g_encodings.append(only);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    const QString detected = TextEncoding::detect(input);
    FUZZ_CHECK(!detected.isEmpty(), "detect() named no encoding");
    qint64 line = 0;
    if (const QString why = TextEncoding::doubt(input, detected, &line); !why.isEmpty())
        FUZZ_CHECK(line >= 1 && line <= input.count('\n') + 1, "doubt() names line %lld", line);
    (void)TextEncoding::normalized(QString::fromUtf8(input.first(qMin(input.size(), qsizetype(40)))));

    const bool detectedTranscodes = !TextEncoding::isUtf8(detected) && !TextEncoding::normalized(detected).isEmpty();
    if (detectedTranscodes)
        checkTranscoding(input, detected, size % 2 == 0);
    const qsizetype trickled = detectedTranscodes && size % 2 == 0 ? -1 : qsizetype(size / 2) % g_encodings.size();
    for (qsizetype i = 0; i < g_encodings.size(); ++i)
        checkTranscoding(input, g_encodings.at(i), i == trickled);

    // The import wizard's first look, and the import's own way of reading a file.
    const QString path = g_dir->filePath(QStringLiteral("input.csv"));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write %s", qPrintable(path));
        file.write(input);
    }
    const CsvSniffer::Result sniffed = CsvSniffer::sniff(path, 5);
    (void)CsvSniffer::read(path, QStringLiteral("GB18030"), ';', false, 5);
    if (sniffed.error.isEmpty()) {
        QString error;
        const std::unique_ptr<QIODevice> device = TextEncoding::openAsUtf8(path, sniffed.encoding, &error);
        FUZZ_CHECK(device, "sniffed %s, but openAsUtf8 fails: %s", qPrintable(sniffed.encoding), qPrintable(error));
        CsvReader reader(device.get(), path);
        reader.setDelimiter(sniffed.delimiter);
        if (!TextEncoding::isUtf8(sniffed.encoding))
            reader.setSourceEncoding(sniffed.encoding);
        while (reader.next())
            (void)reader.recordErrorString();
    }
    return 0;
}
