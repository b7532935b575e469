#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

/// The JSON files the runner and its probes hand each other (measurements, the filter choice),
/// written and read with the same "<path>: <reason>" errors.
namespace JsonFile {

/// Writes `document` to `path`, replacing it only once the whole file is written; false with
/// "<path>: <reason>" in *error.
bool write(const QString &path, const QJsonDocument &document, QString *error);
/// Reads the whole of `path` into *bytes; false with "<path>: <reason>" in *error.
bool read(const QString &path, QByteArray *bytes, QString *error);

} // namespace JsonFile
