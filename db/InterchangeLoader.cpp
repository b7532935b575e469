#include "InterchangeLoader.h"

#include "Database.h"
#include "InterchangeColumns.h"
#include "InterchangeReader.h"
#include "InterchangeReportBuilder.h"
#include "StorageBackend.h"

InterchangeLoader::InterchangeLoader(Database &db) : m_db(db) { }

QStringList InterchangeLoader::kinds()
{
    QStringList list;
    for (int kind = 0; kind < InterchangeColumns::KindCount; ++kind)
        list.append(InterchangeColumns::kindName(kind));
    return list;
}

QString InterchangeLoader::kindOfHeader(const QStringList &header, const QString &fileName)
{
    QList<QByteArray> names;
    for (const QString &h : header)
        names.append(h.trimmed().toLower().toUtf8());
    const int kind = InterchangeReader::kindOfHeader(names, fileName);
    return kind < 0 ? QString() : InterchangeColumns::kindName(kind);
}

QStringList InterchangeLoader::requiredColumns(const QString &kind)
{
    const int k = int(kinds().indexOf(kind));
    return k < 0 ? QStringList() : InterchangeColumns::requiredNames(k);
}

QStringList InterchangeLoader::columns(const QString &kind)
{
    const int k = int(kinds().indexOf(kind));
    return k < 0 ? QStringList() : InterchangeColumns::names(k);
}

LoadReport InterchangeLoader::load(const QStringList &files)
{
    QList<ImportSource> sources;
    for (const QString &file : files) {
        ImportSource source;
        source.path = file;
        sources.append(source);
    }
    return load(sources);
}

LoadReport InterchangeLoader::load(const QList<ImportSource> &sources)
{
    LoadReport report;
    {
        m_db.backend().loadInterchange(m_db, sources, m_options, report);
    }
    InterchangeReportBuilder(report).finish(m_db.path());
    return report;
}
