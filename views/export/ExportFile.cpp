#include "ExportFile.h"

#include "Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryFile>

namespace ExportFile {

QString failure(const QString &path, const QString &detail)
{
    QString why = detail;
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    if (storage.isValid() && storage.bytesAvailable() < 256 * 1024) {
        const QString full
                = QCoreApplication::translate("ExportFile", "the disk is full (%L1 bytes free on %2)")
                          .arg(storage.bytesAvailable())
                          .arg(QDir::toNativeSeparators(storage.rootPath()));
        // Qt's "Unknown error" arrives in the language in effect: a fresh QFile says it in that one.
        const bool unknown = detail.contains(QLatin1String("Unknown error"))
                || detail.contains(QFile().errorString());
        why = detail.isEmpty() || unknown
                ? full
                : QCoreApplication::translate("ExportFile", "%1; %2", "a reason, then another").arg(detail, full);
    }
    if (why.isEmpty())
        why = QCoreApplication::translate("ExportFile", "the file could not be written");
    return QCoreApplication::translate("ExportFile", "cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), why);
}

bool commit(QSaveFile &file, const QString &path, QString *error)
{
    // QSaveFile::commit() can miss an error in its own final flush: flush first and look.
    if (file.error() != QFileDevice::NoError || !file.flush() || file.error() != QFileDevice::NoError) {
        const QString why = file.errorString();
        file.cancelWriting();
        if (error)
            *error = failure(path, why);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = failure(path, file.errorString());
        return false;
    }
    return true;
}

QString startFolder(const QString &remembered)
{
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir().mkpath(documents))
        return documents;
    return QDir::homePath();
}

bool refuse(const QString &path, QString *error)
{
    const QString why = Database::overwritesOpenDatabase(path);
    if (why.isEmpty())
        return false;
    if (error)
        *error = QCoreApplication::translate("ExportFile", "cannot write %1: %2; choose another file")
                         .arg(QDir::toNativeSeparators(path), why);
    return true;
}

bool checkWritable(const QString &path, QString *error)
{
    if (refuse(path, error))
        return false;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        // Say which part of the path is in the way: the nearest one that exists.
        QFileInfo nearest(folder);
        while (!nearest.exists() && !nearest.isRoot() && nearest.absolutePath() != nearest.absoluteFilePath())
            nearest.setFile(nearest.absolutePath());
        const QString why = nearest.exists() && !nearest.isDir()
                ? QCoreApplication::translate("ExportFile", "%1 is a file, not a folder")
                          .arg(QDir::toNativeSeparators(nearest.absoluteFilePath()))
                : QCoreApplication::translate("ExportFile", "the folder %1 cannot be created")
                          .arg(QDir::toNativeSeparators(folder));
        if (error)
            *error = failure(path, why);
        return false;
    }
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".fundscope-XXXXXX")));
    if (!probe.open()) {
        if (error)
            *error = failure(path, probe.errorString());
        return false;
    }
    return true;
}

bool confirmTarget(QWidget *dialog, const QString &path, QString *problem)
{
    problem->clear();
    const QFileInfo info(path);
    if (info.exists()
        && QMessageBox::question(dialog, dialog->windowTitle(),
                                 QCoreApplication::translate("ExportFile", "%1 exists. Replace it?").arg(info.fileName()))
                != QMessageBox::Yes)
        return false;
    return checkWritable(info.absoluteFilePath(), problem);
}

} // namespace ExportFile
