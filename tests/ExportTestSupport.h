#pragma once

// Shared by the export tests: a database with the embedded sample, and the real readers the
// exports are checked with (pdftotext and pdfinfo from poppler-utils, unzip), which the tests
// require rather than skip: scripts/lib.sh installs them.

#include "Database.h"
#include "SampleDatabase.h"

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace ExportTestSupport {

/// The files in `folder` other than the test database (sample.db and its WAL companions).
inline QStringList filesBeside(const QString &folder)
{
    QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    files.removeIf([](const QString &name) { return name.startsWith(QLatin1String("sample.db")); });
    return files;
}

/// Opens a new database at `path` and loads the sample; false with *error on failure.
inline bool openSample(Database &db, const QString &path, QString *error)
{
    if (db.open(path, Database::OpenMode::CreateNew) != Database::Status::Ok) {
        *error = db.errorString();
        return false;
    }
    return SampleDatabase::load(db, error);
}

/// Runs a tool and returns its standard output; *ok false (with *error) when the tool is missing,
/// fails to start or exits with an error.
inline QByteArray runTool(const QString &tool, const QStringList &arguments, bool *ok, QString *error)
{
    *ok = false;
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        *error = QStringLiteral("%1 is not installed (scripts/lib.sh installs it)").arg(tool);
        return {};
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3").arg(tool, arguments.join(QLatin1Char(' ')),
                                                        QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    *ok = true;
    return process.readAllStandardOutput();
}

/// The text of a PDF as pdftotext extracts it (what search and copy-paste see).
inline QString pdfText(const QString &path, bool *ok, QString *error)
{
    return QString::fromUtf8(runTool(QStringLiteral("pdftotext"), { QStringLiteral("-enc"), QStringLiteral("UTF-8"), path,
                                                                    QStringLiteral("-") },
                                     ok, error));
}

/// pdfinfo's "Pages:" value, -1 on failure.
inline int pdfPages(const QString &path, QString *error)
{
    bool ok = false;
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), { path }, &ok, error));
    if (!ok)
        return -1;
    for (const QString &line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

/// One member of a zip archive (an .xlsx is one), through unzip -p.
inline QByteArray zipMember(const QString &archive, const QString &member, bool *ok, QString *error)
{
    return runTool(QStringLiteral("unzip"), { QStringLiteral("-p"), archive, member }, ok, error);
}

/// Characters that only look like ideographs: the CJK radicals supplement and Kangxi radicals
/// (⾦ U+2FA6 for 金). Text extracted as these cannot be searched or pasted.
inline QString lookAlikeRadicals(const QString &text)
{
    QString found;
    for (const QChar c : text) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF)
            found.append(c);
    }
    return found;
}

/// Every <text> element's content of an SVG; *ok false on an XML error.
inline QStringList svgTexts(const QByteArray &svg, bool *ok, QString *error, int *images = nullptr)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    int imageCount = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
        else if (xml.isStartElement() && xml.name() == QLatin1String("image"))
            ++imageCount;
    }
    *ok = !xml.hasError();
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    if (images)
        *images = imageCount;
    return texts;
}

} // namespace ExportTestSupport
