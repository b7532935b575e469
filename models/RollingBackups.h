#pragma once

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

class QTimer;

/// The window's rolling backups of the open database (issue 15): made before a schema upgrade
/// and once a day while the database is in use, kept in
/// QStandardPaths::AppDataLocation/backups/<file name>/ as "<yyyyMMdd-HHmmss>-<why>.<suffix>",
/// the newest `backup/keep` of them (QSettings, default 7; 0 makes none). Each is made through
/// Maintenance::backup (consistent while the file is open, checked before it is kept). When the
/// database is found damaged, restore() puts the newest backup that passes Maintenance::check in
/// its place, keeping the damaged file aside. No widgets: RestoreOffer (views/) asks the user.
class RollingBackups : public QObject
{
    Q_OBJECT
public:
    /// `root` holds one folder per database file name; empty: AppDataLocation + "/backups".
    explicit RollingBackups(const QString &root = {}, QObject *parent = nullptr);
    ~RollingBackups() override;

    static QString defaultRoot();
    /// How many backups of each file are kept: QSettings `backup/keep`, default 7; 0 turns them off.
    static int keepSetting();

    /// The folder the backups of `databasePath` are kept in.
    QString folderFor(const QString &databasePath) const;
    /// Its backups, newest first (full paths).
    QStringList list(const QString &databasePath) const;
    /// Makes a backup now (on the calling thread), named with `now` and `why` ("daily",
    /// "before-upgrade"), then prunes to keep(). The backup's path, or empty with *error.
    QString make(const QString &databasePath, const QString &why, QString *error,
                 const QDateTime &now = QDateTime::currentDateTime()) const;
    /// Deletes all but the newest `keep` backups of `databasePath`.
    void prune(const QString &databasePath, int keep) const;

    /// True when the daily backup of `databasePath` is due at `now`: backups are on and none was
    /// made on `now`'s day.
    bool dailyDue(const QString &databasePath, const QDateTime &now = QDateTime::currentDateTime()) const;
    /// Before open() upgrades `databasePath` (its stored schema version older than this build's):
    /// a backup of the file as it is, synchronously. Empty without an upgrade or with backups off.
    QString beforeUpgrade(const QString &databasePath, QString *error) const;

    /// The newest backup of `databasePath` that passes Maintenance::check; empty when none does.
    QString newestGood(const QString &databasePath) const;
    /// Puts `backup` in the place of the damaged `databasePath` (closed): the damaged file and its
    /// -wal/-shm/-journal are renamed aside ("<file>.damaged-<yyyyMMdd-HHmmss>", never deleted),
    /// then the backup is copied in. *aside: the damaged file's new name. False with *error.
    static bool restore(const QString &databasePath, const QString &backup, QString *aside, QString *error);

    /// The window's schedule: watch `databasePath` (empty: none) and make the daily backup off the
    /// UI thread when due: a minute after watch() and then each hour the database stays open.
    void watch(const QString &databasePath);
    /// How long after watch() the first daily check waits (60 s; tests use 0).
    void setFirstDelay(int ms) { m_firstDelayMs = ms; }
    int keep() const { return m_keep; }
    void setKeep(int keep) { m_keep = keep; }

Q_SIGNALS:
    /// A scheduled backup finished: its path, or empty with the error.
    void backupMade(const QString &path, const QString &error);

private:
    void runDailyIfDue();

    QString m_root;
    int m_keep;
    QString m_watched;
    QTimer *m_timer = nullptr;
    int m_firstDelayMs = 60 * 1000;
    QFutureWatcher<QPair<QString, QString>> m_running;
};
