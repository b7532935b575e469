#include "InterchangeReader.h"

#include "FormulaGuard.h"
#include "InterchangeFields.h"
#include "InterchangeLoader.h"
#include "InterchangeReportBuilder.h"
#include "TextEncoding.h"
#include "TranscodingDevice.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <array>

using InterchangeFields::text;
using InterchangeFields::trimmed;

qint64 InterchangeFile::position() const
{
    if (transcoder)
        return transcoder->sourcePosition();
    return reader ? reader->bytesConsumed() : 0;
}

QByteArrayView InterchangeFile::value(int column) const
{
    const int at = columnOf[size_t(column)];
    if (at < 0)
        return QByteArrayView();
    // Exports guard formula-like text with an apostrophe and write it quoted (FormulaGuard);
    // reading drops that apostrophe again, from quoted fields only: an unquoted '=1+1 was typed.
    const QByteArrayView text = trimmed(reader->fieldBytes(at));
    return reader->fieldWasQuoted(at) ? FormulaGuard::unguard(text) : text;
}

QString InterchangeFile::columnName(int column) const
{
    return QString::fromLatin1(InterchangeColumns::of(kind).columns[size_t(column)].name);
}

int InterchangeReader::kindOfHeader(const QList<QByteArray> &header, const QString &path)
{
    const QString base = QFileInfo(path).completeBaseName().toLower();
    std::array<int, InterchangeColumns::KindCount> score {};
    for (int k = 0; k < InterchangeColumns::KindCount; ++k) {
        for (const InterchangeColumns::Column &c : InterchangeColumns::of(k).columns)
            score[size_t(k)] += header.contains(QByteArray(c.name)) ? 1 : 0;
    }
    const int top = *std::max_element(score.begin(), score.end());
    QList<int> candidates, named;
    for (int k = 0; k < InterchangeColumns::KindCount; ++k) {
        if (top > 0 && score[size_t(k)] == top) {
            candidates.append(k);
            if (base.contains(InterchangeColumns::kindName(k)))
                named.append(k);
        }
    }
    return candidates.size() == 1 ? candidates.front() : (named.size() == 1 ? named.front() : -1);
}

// Opens the file in its encoding, reads the header (unless there is none), tells the kind from it
// (unless given) and maps its columns.
InterchangeFile InterchangeReader::open(const ImportSource &source, qint64 order)
{
    InterchangeFile file;
    const QString path = source.path;
    file.path = path;
    file.source = source;
    file.order = order;
    file.size = QFileInfo(path).size();
    QString error;
    QString doubt;
    qint64 doubtLine = 0;
    file.encoding = source.encoding.isEmpty() ? TextEncoding::detectFile(path, &error, &doubt, &doubtLine)
                                              : source.encoding;
    if (!error.isEmpty()) {
        m_report.error(path, 0, QString(), error.mid(path.size() + 2));
        return file;
    }
    if (!doubt.isEmpty()) {
        m_report.error(path, doubtLine, QString(), doubt);
        return file;
    }
    file.device = TextEncoding::openAsUtf8(path, file.encoding, &error);
    if (!file.device) {
        m_report.error(path, 0, QString(), error);
        return file;
    }
    file.transcoder = dynamic_cast<TranscodingDevice *>(file.device.get());
    file.reader = std::make_unique<CsvReader>(file.device.get(), path);
    CsvReader &reader = *file.reader;
    if (file.transcoder)
        reader.setSourceEncoding(file.encoding);
    reader.setDelimiter(source.delimiter ? source.delimiter : ',');
    if (!reader.next()) {
        if (reader.hasError())
            m_report.error(path, reader.errorLine(), QString(), reader.errorMessage());
        else
            m_report.error(path, 0, QString(),
                QCoreApplication::translate(
                    "InterchangeLoader", "the file is empty: expected a header row and data rows"));
        return file;
    }
    file.headerLine = source.hasHeader ? reader.line() : 0;
    file.headerWidth = reader.fieldCount();
    file.pendingFirst = !source.hasHeader;
    if (source.hasHeader && !reader.recordError().isEmpty()) {
        m_report.error(path, reader.recordErrorLine(), QString(), reader.recordError());
        return file;
    }
    QList<QByteArray> header;
    for (qsizetype i = 0; source.hasHeader && i < reader.fieldCount(); ++i)
        header.append(trimmed(reader.fieldBytes(i)).toByteArray().toLower());

    int best = -1;
    for (int k = 0; k < InterchangeColumns::KindCount; ++k) {
        if (!source.kind.isEmpty() && source.kind == QLatin1String(InterchangeColumns::of(k).name))
            best = k;
    }
    if (!source.kind.isEmpty() && best < 0) {
        m_report.error(path, 0, QString(),
            QCoreApplication::translate(
                "InterchangeLoader", "unknown kind of file '%1' (expected one of: %2)")
                .arg(source.kind, InterchangeLoader::kinds().join(QStringLiteral(", "))));
        return file;
    }
    if (best < 0 && !source.hasHeader) {
        m_report.error(path, 0, QString(),
            QCoreApplication::translate(
                "InterchangeLoader", "a file without a header needs its kind and column mapping given"));
        return file;
    }
    if (best < 0)
        best = kindOfHeader(header, path);
    if (best < 0) {
        m_report.error(path, file.headerLine, QString(),
            QCoreApplication::translate("InterchangeLoader",
                "cannot tell what this file holds from its header; expected the header of one of: "
                "%1 (see the interchange format)")
                .arg(InterchangeLoader::kinds().join(QStringLiteral(", "))));
        return file;
    }
    file.kind = best;
    file.usable = mapColumns(file, header);
    return file;
}

// Kind column -> record position, from the header or from the source's mapping.
bool InterchangeReader::mapColumns(InterchangeFile &file, const QList<QByteArray> &header)
{
    const InterchangeColumns::KindColumns &info = InterchangeColumns::of(file.kind);
    const QStringList names = InterchangeColumns::names(file.kind);
    const QString &path = file.path;
    file.columnOf.assign(info.columns.size(), -1);
    bool usable = true;
    const auto columnName = [&](qsizetype i) {
        const QString shown = i < header.size() ? text(header.at(i)) : QString();
        return shown.isEmpty()
            ? QCoreApplication::translate("InterchangeLoader", "column %1").arg(i + 1)
            : QCoreApplication::translate("InterchangeLoader", "column %1 ('%2')").arg(i + 1).arg(shown);
    };
    if (!file.source.mapping.isEmpty()) {
        QHash<int, QString> fieldOfColumn;
        for (auto it = file.source.mapping.cbegin(); it != file.source.mapping.cend(); ++it) {
            const QByteArray field = it.key().toUtf8();
            const auto c = std::find_if(info.columns.begin(), info.columns.end(),
                                        [&](const InterchangeColumns::Column &column) { return field == column.name; });
            if (c == info.columns.end()) {
                m_report.error(path, file.headerLine, it.key(),
                    QCoreApplication::translate(
                        "InterchangeLoader", "no such field in a %1 file (its fields are: %2)")
                        .arg(QString::fromLatin1(info.name), names.join(QStringLiteral(", "))));
                usable = false;
                continue;
            }
            const int at = it.value();
            if (at < 0 || at >= file.headerWidth) {
                m_report.error(path, file.headerLine, it.key(),
                    QCoreApplication::translate(
                        "InterchangeLoader", "mapped to column %1, but the file has %2 columns")
                        .arg(at + 1)
                        .arg(file.headerWidth));
                usable = false;
                continue;
            }
            if (fieldOfColumn.contains(at)) {
                m_report.error(path, file.headerLine, columnName(at),
                    QCoreApplication::translate("InterchangeLoader",
                        "the column is mapped twice: to %1 and to %2 (map each column to one field)")
                        .arg(fieldOfColumn.value(at), it.key()));
                usable = false;
                continue;
            }
            fieldOfColumn.insert(at, it.key());
            file.columnOf[size_t(c - info.columns.begin())] = at;
        }
    } else {
        for (qsizetype i = 0; i < header.size(); ++i) {
            const QString shown = text(header.at(i));
            const auto it = std::find_if(info.columns.begin(), info.columns.end(),
                                         [&](const InterchangeColumns::Column &c) { return header.at(i) == c.name; });
            if (it == info.columns.end()) {
                m_report.error(path, file.headerLine,
                    shown.isEmpty() ? QCoreApplication::translate("InterchangeLoader", "column %1").arg(i + 1)
                                    : shown,
                    QCoreApplication::translate(
                        "InterchangeLoader", "unknown column in a %1 file (its columns are: %2)")
                        .arg(QString::fromLatin1(info.name), names.join(QStringLiteral(", "))));
                continue;
            }
            int &slot = file.columnOf[size_t(it - info.columns.begin())];
            if (slot >= 0) {
                m_report.error(path, file.headerLine, shown,
                    QCoreApplication::translate(
                        "InterchangeLoader", "the column appears twice in the header"));
                usable = false;
                continue;
            }
            slot = int(i);
        }
    }
    for (size_t c = 0; c < info.columns.size(); ++c) {
        if (!info.columns[c].required || file.columnOf[c] >= 0)
            continue;
        m_report.error(path, file.headerLine, QString::fromLatin1(info.columns[c].name),
            file.source.mapping.isEmpty() ? QCoreApplication::translate(
                "InterchangeLoader", "required column missing from the header of this %1 file")
                                                .arg(QString::fromLatin1(info.name))
                                          : QCoreApplication::translate("InterchangeLoader",
                                              "required field of a %1 file is not mapped to a column")
                                                .arg(QString::fromLatin1(info.name)));
        usable = false;
    }
    return usable;
}

