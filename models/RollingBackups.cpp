#include "RollingBackups.h"

#include "BackgroundWork.h"
#include "Database.h"
#include "StorageBackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent>

namespace {

const QString StampFormat = QStringLiteral("yyyyMMdd-HHmmss");

// "<stamp>-<why>.<suffix>": the stamp sorts by time, so a name sort is a time sort.
bool isBackupName(const QString &name)
{
    return name.size() > StampFormat.size() + 1
           && QDateTime::fromString(name.left(StampFormat.size()), StampFormat).isValid()
           && name.at(StampFormat.size()) == QLatin1Char('-');
}

QDateTime stampOf(const QString &name)
{
    return QDateTime::fromString(name.left(StampFormat.size()), StampFormat);
}

} // namespace

RollingBackups::RollingBackups(const QString &root, QObject *parent)
    : QObject(parent), m_root(root.isEmpty() ? defaultRoot() : root), m_keep(keepSetting())
{
}

RollingBackups::~RollingBackups()
{
    // A backup still running finishes first: it must not outlive the folder's owner half-written.
    m_running.waitForFinished();
}

QString RollingBackups::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/backups");
}

int RollingBackups::keepSetting()
{
    bool ok = false;
    const int keep = QSettings().value(QStringLiteral("backup/keep"), 7).toInt(&ok);
    return ok ? qMax(0, keep) : 7;
}

QString RollingBackups::folderFor(const QString &databasePath) const
{
    return m_root + QLatin1Char('/') + QFileInfo(databasePath).fileName();
}

QStringList RollingBackups::list(const QString &databasePath) const
{
    const QDir dir(folderFor(databasePath));
    QStringList out;
    const QStringList names = dir.entryList(QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        if (isBackupName(name))
            out.append(dir.filePath(name));
    }
    return out;
}

QString RollingBackups::make(const QString &databasePath, const QString &why, QString *error,
                             const QDateTime &now) const
{
    const QString folder = folderFor(databasePath);
    if (!QDir().mkpath(folder)) {
        *error = QCoreApplication::translate("RollingBackups", "cannot create the backup folder %1")
                     .arg(QDir::toNativeSeparators(folder));
        return {};
    }
    const QString suffix = QFileInfo(databasePath).suffix().isEmpty() ? QStringLiteral("db")
                                                                      : QFileInfo(databasePath).suffix();
    QString target = QStringLiteral("%1/%2-%3.%4").arg(folder, now.toString(StampFormat), why, suffix);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1/%2-%3-%4.%5").arg(folder, now.toString(StampFormat), why).arg(n).arg(suffix);
    if (!StorageBackend::of(databasePath).backup(databasePath, target, error, nullptr))
        return {};
    prune(databasePath, qMax(1, m_keep));
    return target;
}

void RollingBackups::prune(const QString &databasePath, int keep) const
{
    const QStringList all = list(databasePath);
    for (qsizetype i = qMax(0, keep); i < all.size(); ++i)
        QFile::remove(all.at(i));
}

bool RollingBackups::dailyDue(const QString &databasePath, const QDateTime &now) const
{
    if (m_keep <= 0 || databasePath.isEmpty())
        return false;
    const QStringList all = list(databasePath);
    return all.isEmpty() || stampOf(QFileInfo(all.constFirst()).fileName()).date() < now.date();
}

QString RollingBackups::beforeUpgrade(const QString &databasePath, QString *error) const
{
    const int stored = Database::storedVersion(databasePath);
    if (m_keep <= 0 || stored <= 0 || stored >= Database::schemaVersion())
        return {};
    return make(databasePath, QStringLiteral("before-upgrade-v%1").arg(stored), error);
}

QString RollingBackups::newestGood(const QString &databasePath) const
{
    const QStringList all = list(databasePath);
    for (const QString &backup : all) {
        if (StorageBackend::of(backup).check(backup, 1).ok())
            return backup;
    }
    return {};
}

bool RollingBackups::restore(const QString &databasePath, const QString &backup, QString *aside, QString *error)
{
    const QString stamp = QDateTime::currentDateTime().toString(StampFormat);
    QString base = databasePath + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(base); ++n)
        base = databasePath + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);
    // Copy the backup beside the database first: nothing is moved unless the copy is whole.
    const QString incoming = databasePath + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(backup, incoming)) {
        *error = QCoreApplication::translate("RollingBackups", "cannot copy %1 to %2")
                     .arg(QDir::toNativeSeparators(backup), QDir::toNativeSeparators(incoming));
        return false;
    }
    QFile::setPermissions(incoming, QFile::permissions(incoming) | QFileDevice::WriteOwner);
    if (QFileInfo::exists(databasePath) && !QFile::rename(databasePath, base)) {
        QFile::remove(incoming);
        *error = QCoreApplication::translate("RollingBackups", "cannot move the damaged file %1 aside")
                     .arg(QDir::toNativeSeparators(databasePath));
        return false;
    }
    // The damaged file's log and shared memory belong to it: they go aside with it, or SQLite
    // would replay them into the restored file.
    for (const char *side : { "-wal", "-shm", "-journal" }) {
        const QString from = databasePath + QLatin1String(side);
        if (QFileInfo::exists(from))
            QFile::rename(from, base + QLatin1String(side));
    }
    if (!QFile::rename(incoming, databasePath)) {
        QFile::rename(base, databasePath);
        *error = QCoreApplication::translate("RollingBackups", "cannot put the backup in place of %1")
                     .arg(QDir::toNativeSeparators(databasePath));
        return false;
    }
    if (aside)
        *aside = base;
    return true;
}

void RollingBackups::watch(const QString &databasePath)
{
    m_watched = databasePath;
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(60 * 60 * 1000);
        connect(m_timer, &QTimer::timeout, this, &RollingBackups::runDailyIfDue);
        connect(&m_running, &QFutureWatcher<QPair<QString, QString>>::finished, this, [this] {
            const auto result = m_running.result();
            Q_EMIT backupMade(result.first, result.second);
        });
    }
    if (m_watched.isEmpty()) {
        m_timer->stop();
        return;
    }
    m_timer->start();
    // Not at once: the window's first minute belongs to opening and the totals load.
    QTimer::singleShot(m_firstDelayMs, this, [this, databasePath] {
        if (m_watched == databasePath)
            runDailyIfDue();
    });
}

void RollingBackups::runDailyIfDue()
{
    if (m_running.isRunning() || !dailyDue(m_watched))
        return;
    // A large file takes a while: the copy runs on a worker (the backend's backup opens its own
    // connection and reads one consistent snapshot while the window goes on writing).
    const QString path = m_watched;
    m_running.setFuture(QtConcurrent::run(BackgroundWork::pool(), [this, path] {
        BackgroundWork::lowerThisThread();
        QString error;
        const QString made = make(path, QStringLiteral("daily"), &error);
        return qMakePair(made, error);
    }));
}
