#include "CsvSniffer.h"

#include "CsvReader.h"
#include "InterchangeLoader.h"
#include "TextEncoding.h"

#include <QBuffer>
#include <QIODevice>
#include <QSet>

#include <memory>

namespace {

constexpr qint64 SampleBytes = 256 * 1024;

QList<QStringList> parse(const QByteArray &utf8, char delimiter, int maxRows)
{
    QByteArray copy = utf8;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setDelimiter(delimiter);
    QList<QStringList> rows;
    while (rows.size() < maxRows && reader.next())
        rows.append(reader.fields());
    return rows;
}

bool looksNumeric(const QString &text)
{
    bool ok = false;
    text.trimmed().toDouble(&ok);
    return ok || (text.size() >= 4 && text.at(0).isDigit() && text.at(4 % text.size()) == QLatin1Char('-'));
}

// The first row is a header when it names interchange columns, or when a column holds numbers
// (or dates) below a first row that has none in that column.
bool firstRowIsHeader(const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return true;
    QSet<QString> known;
    for (const QString &kind : InterchangeLoader::kinds()) {
        for (const QString &c : InterchangeLoader::columns(kind))
            known.insert(c);
    }
    for (const QString &field : rows.first()) {
        if (known.contains(field.trimmed().toLower()))
            return true;
    }
    if (rows.size() < 2)
        return true;
    for (qsizetype c = 0; c < rows.first().size(); ++c) {
        if (looksNumeric(rows.first().at(c)))
            continue;
        bool numbersBelow = true;
        for (qsizetype r = 1; r < rows.size() && numbersBelow; ++r)
            numbersBelow = c < rows.at(r).size() && looksNumeric(rows.at(r).at(c));
        if (numbersBelow)
            return true;
    }
    for (const QString &field : rows.first()) {
        if (looksNumeric(field))
            return false;
    }
    return true;
}

} // namespace

QList<char> CsvSniffer::delimiters()
{
    return { ',', ';', '\t', '|' };
}

CsvSniffer::Result CsvSniffer::read(
    const QString &path, const QString &encoding, char delimiter, bool hasHeader, int previewRows)
{
    Result result;
    result.encoding = encoding;
    result.delimiter = delimiter;
    result.hasHeader = hasHeader;
    QString error;
    const std::unique_ptr<QIODevice> device = TextEncoding::openAsUtf8(path, encoding, &error);
    if (!device) {
        result.error = QStringLiteral("%1: %2").arg(path, error);
        return result;
    }
    result.rows = parse(device->read(SampleBytes), delimiter, previewRows + 1);
    return result;
}

CsvSniffer::Result CsvSniffer::sniff(const QString &path, int previewRows)
{
    QString error;
    const QString encoding = TextEncoding::detectFile(path, &error);
    if (encoding.isEmpty()) {
        Result failed;
        failed.error = error;
        return failed;
    }
    const std::unique_ptr<QIODevice> device = TextEncoding::openAsUtf8(path, encoding, &error);
    if (!device) {
        Result failed;
        failed.error = QStringLiteral("%1: %2").arg(path, error);
        return failed;
    }
    const QByteArray sample = device->read(SampleBytes);
    // The delimiter that splits the first rows into the same number of fields, the most fields
    // winning; a comma when none does better than one field.
    char best = ',';
    qsizetype bestFields = 1;
    for (char candidate : delimiters()) {
        const QList<QStringList> rows = parse(sample, candidate, 20);
        if (rows.isEmpty())
            continue;
        const qsizetype fields = rows.first().size();
        bool consistent = true;
        for (const QStringList &row : rows)
            consistent = consistent && row.size() == fields;
        if (consistent && fields > bestFields) {
            best = candidate;
            bestFields = fields;
        }
    }
    Result result;
    result.encoding = encoding;
    result.delimiter = best;
    result.rows = parse(sample, best, previewRows + 1);
    result.hasHeader = firstRowIsHeader(result.rows);
    return result;
}
