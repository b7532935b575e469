#pragma once

#include <QString>

class QSaveFile;

/// Writing an export file safely, shared by the chart, report and table exporters: every export
/// goes to a QSaveFile (a temporary file in the target's folder, renamed when complete), and
/// every failure reads "cannot write FILE: reason".
class QWidget;

namespace ExportFile {

/// "cannot write PATH: DETAIL". Write errors often arrive without a reason ("Unknown error"):
/// when the target's disk has (almost) no space left, the message says so.
QString failure(const QString &path, const QString &detail);

/// Flushes what is buffered and commits (renames into place); on any error, including one in the
/// last flush, cancels so that no file is left, and sets *error. A file that already had a
/// write error is cancelled too.
bool commit(QSaveFile &file, const QString &path, QString *error);

/// The folder an export dialog offers: `remembered` while it still exists, else the user's
/// documents folder (created if missing), else the home folder, so the first export of a new
/// account lands in a folder that exists.
QString startFolder(const QString &remembered = {});

/// Checks before any work that `path` can be written: it is not a database file this process has
/// open (refuse()), its folder exists (created if missing) and takes a temporary file. False with
/// *error ("cannot write PATH: reason") otherwise.
bool checkWritable(const QString &path, QString *error);

/// The last step of an export dialog's OK: asks before replacing an existing `path`, then
/// checkWritable(). False when the dialog must stay open: with *problem to show, or with it empty
/// when the user chose not to replace the file.
bool confirmTarget(QWidget *dialog, const QString &path, QString *problem);

/// True, with *error ("cannot write PATH: that is the database file …"), when writing `path`
/// would replace a database this process has open or a file SQLite keeps beside it
/// (Database::overwritesOpenDatabase). Every exporter calls it before it writes; so does
/// checkWritable() for the dialogs.
bool refuse(const QString &path, QString *error);

} // namespace ExportFile
