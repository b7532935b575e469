#include "UpgradeNotice.h"

#include "Database.h"
#include "RollingBackups.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>

std::unique_ptr<QProgressDialog> UpgradeNotice::showIfNeeded(const QString &path, QWidget *parent)
{
    const int stored = Database::storedVersion(path);
    if (stored <= 0 || stored >= Database::schemaVersion())
        return nullptr;
    auto notice = std::make_unique<QProgressDialog>(
        QApplication::translate("UpgradeNotice",
            "Upgrading %1 to this version of Fundscope (once; a large database takes some seconds)…")
            .arg(QFileInfo(path).fileName()),
        QString(), 0, 0, parent);
    notice->setWindowTitle(QApplication::translate("UpgradeNotice", "Upgrading the database"));
    notice->setMinimumDuration(0);
    notice->setWindowModality(Qt::ApplicationModal);
    notice->show();
    // Painted now: the upgrade that follows holds the event loop until it is done.
    for (int round = 0; round < 3; ++round)
        QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    // The file as this version found it, before the upgrade changes it (rolling backups).
    QString error;
    RollingBackups().beforeUpgrade(path, &error);
    if (!error.isEmpty())
        QMessageBox::warning(parent, QApplication::translate("UpgradeNotice", "Upgrading the database"),
            QApplication::translate("UpgradeNotice", "No backup could be made before the upgrade: %1").arg(error));
    return notice;
}
