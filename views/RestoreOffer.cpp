#include "RestoreOffer.h"

#include "RollingBackups.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

bool RestoreOffer::offer(const QString &path, const QString &damage, QWidget *parent)
{
    const QString title = QApplication::translate("RestoreOffer", "Damaged database");
    // The words the launcher has always used for a damaged last database (its context kept: the
    // catalogue already translates them).
    const QString notOpened = QApplication::translate("MainWindowLauncher",
        "%1\n\nIt was not opened and nothing in it was changed. 'fundscope check --db FILE' lists what is damaged.")
        .arg(damage);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString backup = RollingBackups().newestGood(path);
    QApplication::restoreOverrideCursor();
    if (backup.isEmpty()) {
        QMessageBox::warning(parent, title, notOpened);
        return false;
    }
    QMessageBox box(QMessageBox::Warning, title,
        notOpened + QStringLiteral("\n\n")
            + QApplication::translate("RestoreOffer",
                "A backup of this file made on %1 passes the check. Restore it? The damaged file is kept "
                "beside it, renamed; changes made after the backup are not in it.")
                  .arg(QLocale().toString(QFileInfo(backup).lastModified(), QLocale::ShortFormat)),
        QMessageBox::NoButton, parent);
    QPushButton *restore = box.addButton(QApplication::translate("RestoreOffer", "Restore the backup"),
                                         QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() != restore)
        return false;
    QString aside;
    QString error;
    if (!RollingBackups::restore(path, backup, &aside, &error)) {
        QMessageBox::warning(parent, title,
            QApplication::translate("RestoreOffer", "The backup could not be restored: %1").arg(error));
        return false;
    }
    QMessageBox::information(parent, title,
        QApplication::translate("RestoreOffer", "The backup was restored. The damaged file is kept as %1.")
            .arg(QDir::toNativeSeparators(aside)));
    return true;
}
