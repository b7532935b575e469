#pragma once

#include "CsvReader.h"
#include "ImportOptions.h"
#include "InterchangeColumns.h"

#include <QByteArrayView>
#include <QIODevice>
#include <QList>

#include <memory>
#include <vector>

class InterchangeReportBuilder;
class TranscodingDevice;

/// One input file of a load: its reader, its kind and where each of the kind's columns sits in
/// its records, with what has been counted of it so far.
struct InterchangeFile
{
    QString path;
    ImportSource source;
    QString encoding;
    int kind = InterchangeColumns::KindCount;
    std::unique_ptr<QIODevice> device;
    TranscodingDevice *transcoder = nullptr; ///< the device, when the file is not UTF-8
    std::unique_ptr<CsvReader> reader;
    std::vector<int> columnOf; ///< kind column -> position in the record, or -1
    qsizetype headerWidth = 0;
    qint64 headerLine = 1;
    qint64 size = 0;
    bool usable = false;
    bool pendingFirst = false; ///< no header: the record read first is data
    qint64 order = 0;
    qint64 rejected = 0;
    qint64 duplicates = 0;
    qint64 lastRejectedLine = -1;

    /// Bytes of the file read so far.
    qint64 position() const;
    /// The current record's field for a kind column, trimmed, with an export's formula guard
    /// taken off; empty when the column is not in the file.
    QByteArrayView value(int column) const;
    /// The name of a kind column of this file.
    QString columnName(int column) const;
};

/// Opens interchange files: the encoding (detected unless given), the header, the kind (from the
/// header unless given) and the mapping of the kind's columns to record positions (from the
/// header or from the source's mapping). Every problem goes to the report; a file that cannot be
/// loaded comes back not usable.
class InterchangeReader
{
public:
    explicit InterchangeReader(InterchangeReportBuilder &report) : m_report(report) { }

    InterchangeFile open(const ImportSource &source, qint64 order);

    /// The kind whose columns the header (lower-case, trimmed) matches best; the file name
    /// settles a tie. -1 when nothing matches or the tie stays.
    static int kindOfHeader(const QList<QByteArray> &header, const QString &path);

private:
    bool mapColumns(InterchangeFile &file, const QList<QByteArray> &header);

    InterchangeReportBuilder &m_report;
};
