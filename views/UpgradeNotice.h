#pragma once

#include <QString>

#include <memory>

class QProgressDialog;
class QWidget;

/// Says, while a database is opened, that it is being upgraded to this version's schema: once,
/// and at a million events some seconds (schema step 6 rebuilds five indexes), during which
/// the window cannot answer. Shown only when the file's stored version is older than the build's;
/// it then makes the rolling backup of the file as it was (RollingBackups::beforeUpgrade).
class UpgradeNotice
{
public:
    /// Shows the notice if opening `path` will upgrade it; it closes when the result is dropped.
    static std::unique_ptr<QProgressDialog> showIfNeeded(const QString &path, QWidget *parent = nullptr);
};
