#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// A first look at a CSV file for the import wizard: its encoding (TextEncoding, uchardet),
/// delimiter and whether its first row is a header, and its first rows for a preview. Reads
/// about a megabyte, whatever the file's size.
class CsvSniffer
{
public:
    struct Result
    {
        QString encoding;
        char delimiter = ',';
        bool hasHeader = true;
        /// The first rows as read with the format above (the header row included).
        QList<QStringList> rows;
        QString error; ///< set when the file cannot be read; the rest is then empty
    };

    /// Detects everything.
    static Result sniff(const QString &path, int previewRows = 20);
    /// Reads the first rows with the format given (the user overrode the detection).
    static Result read(
        const QString &path, const QString &encoding, char delimiter, bool hasHeader, int previewRows = 20);

    /// The delimiters the wizard offers: comma, semicolon, tab, bar.
    static QList<char> delimiters();
};
