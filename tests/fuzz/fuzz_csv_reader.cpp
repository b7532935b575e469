// libFuzzer target: db/CsvReader on any bytes, with a comma and, by turns, each of the other
// delimiters the import wizard offers. Besides memory errors and undefined behaviour it checks that
// - reading the input whole (QBuffer) and a few bytes at a time (a pipe) gives the same records,
//   the same record problems and the same fatal error: chunk boundaries change nothing;
// - lines only grow, a record problem names a field of its record, and bytesConsumed() stays
//   within the input;
// - a record without problems written back with CsvWriter reads back as the same fields.

#include "CsvReader.h"
#include "CsvWriter.h"
#include "FuzzSupport.h"

#include <QBuffer>

#include <vector>

namespace {

struct Record
{
    QList<QByteArray> fields;
    qint64 line = 0;
    QString error;
    qsizetype errorField = -1;
    qint64 errorLine = 0;
    bool undecodable = false;

    bool operator==(const Record &) const = default;
};

struct Outcome
{
    std::vector<Record> records;
    QString fatal;
    bool byteOrderMark = false;

    bool operator==(const Outcome &) const = default;
};

Outcome readAll(QIODevice *device, qsizetype inputSize, char delimiter)
{
    CsvReader reader(device, QStringLiteral("fuzz.csv"));
    reader.setDelimiter(delimiter);
    Outcome outcome;
    qint64 lastLine = 0;
    while (reader.next()) {
        Record record;
        record.line = reader.line();
        FUZZ_CHECK(record.line > lastLine, "record line %lld after %lld", record.line, lastLine);
        lastLine = record.line;
        FUZZ_CHECK(reader.fieldCount() >= 1, "a record without fields");
        for (qsizetype i = 0; i < reader.fieldCount(); ++i) {
            const QByteArrayView bytes = reader.fieldBytes(i);
            record.fields.append(bytes.toByteArray());
            (void)CsvReader::shown(bytes);
        }
        FUZZ_CHECK(reader.fields().size() == reader.fieldCount(), "fields() and fieldCount() differ");
        record.error = reader.recordError();
        record.errorField = reader.recordErrorField();
        record.errorLine = reader.recordErrorLine();
        record.undecodable = reader.recordErrorIsUndecodable();
        if (!record.error.isEmpty()) {
            FUZZ_CHECK(record.errorField >= 0 && record.errorField < reader.fieldCount(),
                "record problem in field %lld of %lld", qlonglong(record.errorField), qlonglong(reader.fieldCount()));
            FUZZ_CHECK(record.errorLine >= record.line, "problem line %lld before record line %lld",
                record.errorLine, record.line);
            FUZZ_CHECK(!reader.recordErrorString().isEmpty(), "no recordErrorString for a problem");
        }
        FUZZ_CHECK(reader.bytesConsumed() <= inputSize, "consumed %lld of %lld bytes",
            reader.bytesConsumed(), qlonglong(inputSize));
        outcome.records.push_back(std::move(record));
    }
    outcome.fatal = reader.errorString();
    FUZZ_CHECK(reader.hasError() == !outcome.fatal.isEmpty(), "hasError() and errorString() disagree");
    outcome.byteOrderMark = reader.hadByteOrderMark();
    return outcome;
}

// Writes the records without problems with CsvWriter, in one file, and reads them back (one
// reader for all: each reader takes a megabyte buffer, which ASan makes slow to get).
void checkRoundTrip(const std::vector<Record> &records)
{
    std::vector<const Record *> clean;
    for (const Record &record : records) {
        // A record of one empty field is a blank line, which the reader skips by design.
        if (record.error.isEmpty() && !(record.fields.size() == 1 && record.fields.first().isEmpty()))
            clean.push_back(&record);
    }
    QByteArray file;
    {
        QBuffer out(&file);
        out.open(QIODevice::WriteOnly);
        CsvWriter writer(&out);
        // A first record, so that a field starting with U+FEFF is not taken for a byte order mark.
        writer.writeField(QByteArrayView("x"));
        writer.endRecord();
        for (const Record *record : clean) {
            for (const QByteArray &field : record->fields)
                writer.writeField(QByteArrayView(field));
            writer.endRecord();
        }
        FUZZ_CHECK(writer.flush(), "CsvWriter failed on a buffer");
    }
    QBuffer in(&file);
    in.open(QIODevice::ReadOnly);
    CsvReader reader(&in);
    FUZZ_CHECK(reader.next() && reader.fieldBytes(0) == QByteArrayView("x"), "the first record does not read back");
    for (size_t r = 0; r < clean.size(); ++r) {
        const QList<QByteArray> &fields = clean[r]->fields;
        FUZZ_CHECK(reader.next(), "record %zu does not read back: %s", r, qPrintable(reader.errorString()));
        FUZZ_CHECK(reader.recordError().isEmpty(), "record %zu reads back with a problem: %s", r,
            qPrintable(reader.recordError()));
        FUZZ_CHECK(reader.fieldCount() == fields.size(), "record %zu: %lld fields written, %lld read back", r,
            qlonglong(fields.size()), qlonglong(reader.fieldCount()));
        for (qsizetype i = 0; i < reader.fieldCount(); ++i)
            FUZZ_CHECK(reader.fieldBytes(i) == QByteArrayView(fields.at(i)), "record %zu: field %lld changed on the way back",
                r, qlonglong(i));
    }
    FUZZ_CHECK(!reader.next() && !reader.hasError(), "more records read back than written");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    // A comma and one of the other delimiters the wizard offers: each reader takes a megabyte
    // buffer, which ASan makes slow to get and to free, so not all four every time.
    const char other = ";\t|"[size % 3];
    for (const char delimiter : { ',', other }) {
        QByteArray copy = input;
        QBuffer whole(&copy);
        whole.open(QIODevice::ReadOnly);
        const Outcome expected = readAll(&whole, input.size(), delimiter);

        // Steps of 1 to 61 bytes: each read makes the reader scan the record again from its start.
        fuzz::TrickleDevice pipe(input, 1 + int(size % 61));
        const Outcome trickled = readAll(&pipe, input.size(), delimiter);
        FUZZ_CHECK(trickled == expected,
            "delimiter '%c': %zu records read whole, %zu a few bytes at a time (fatal: '%s' / '%s')", delimiter,
            expected.records.size(), trickled.records.size(), expected.fatal.toUtf8().constData(),
            trickled.fatal.toUtf8().constData());

        if (delimiter == ',')
            checkRoundTrip(expected.records);
    }
    return 0;
}
