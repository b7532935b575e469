#include "InterchangeReportBuilder.h"

#include <QCoreApplication>

QString LoadIssue::toString() const
{
    QString out = file;
    if (line > 0)
        out += QStringLiteral(":%1").arg(line);
    if (!out.isEmpty())
        out += QStringLiteral(": ");
    if (!column.isEmpty())
        out += column + QStringLiteral(": ");
    return out + reason;
}

qint64 LoadReport::totalInserted() const
{
    qint64 total = 0;
    for (qint64 n : inserted)
        total += n;
    return total;
}

QString UnknownName::key(const QString &kind, const QString &fund, const QString &name)
{
    return kind + QLatin1Char('\x1f') + fund + QLatin1Char('\x1f') + name;
}

QStringList LoadReport::rejectedLines() const
{
    QStringList lines;
    for (const LoadIssue &issue : rejected)
        lines.append(issue.toString());
    if (unlistedRejected > 0)
        lines.append(QCoreApplication::translate("InterchangeLoader", "... and %1 more problems")
                         .arg(unlistedRejected));
    return lines;
}

QStringList LoadReport::errorLines() const
{
    QStringList lines;
    for (const LoadIssue &issue : errors)
        lines.append(issue.toString());
    if (unlistedErrors > 0)
        lines.append(
            QCoreApplication::translate("InterchangeLoader", "... and %1 more errors").arg(unlistedErrors));
    return lines;
}

void InterchangeReportBuilder::error(const QString &file, qint64 line, const QString &column, const QString &reason)
{
    if (m_report.errors.size() < InterchangeLoader::maxListedErrors())
        m_report.errors.append({ file, line, column, reason });
    else
        ++m_report.unlistedErrors;
}

void InterchangeReportBuilder::rejected(
    const QString &file, qint64 line, const QString &column, const QString &reason)
{
    if (m_report.rejected.size() < InterchangeLoader::maxListedErrors())
        m_report.rejected.append({ file, line, column, reason });
    else
        ++m_report.unlistedRejected;
}

void InterchangeReportBuilder::duplicate(
    const QString &file, qint64 line, const QString &column, const QString &reason)
{
    ++m_report.duplicateRows;
    if (m_report.duplicates.size() < InterchangeLoader::maxListedErrors())
        m_report.duplicates.append({ file, line, column, reason });
}

void InterchangeReportBuilder::unknownName(
    const QString &kind, const QString &fund, const QString &name, const QString &place)
{
    const QString key = UnknownName::key(kind, fund, name);
    auto it = m_unknownIndex.constFind(key);
    if (it == m_unknownIndex.constEnd()) {
        UnknownName unknown;
        unknown.kind = kind;
        unknown.name = name;
        unknown.fund = fund;
        unknown.firstPlace = place;
        it = m_unknownIndex.insert(key, m_report.unknownNames.size());
        m_report.unknownNames.append(unknown);
    }
    ++m_report.unknownNames[*it].rows;
}

void InterchangeReportBuilder::created(const QString &table, const QString &counted, qint64 id)
{
    m_report.imported.add(table, id);
    ++m_report.created[counted];
}

void InterchangeReportBuilder::finish(const QString &databasePath)
{
    if (!m_report.ok() || m_report.dryRun)
        m_report.imported = ImportedRows();
    else
        m_report.imported.setDatabasePath(databasePath);
    if (!m_report.ok()) {
        m_report.inserted.clear();
        m_report.created.clear();
        for (LoadReport::FileResult &f : m_report.files)
            f.rows = 0;
    }
}
