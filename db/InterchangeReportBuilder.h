#pragma once

#include "InterchangeLoader.h"

#include <QHash>

/// Fills a LoadReport as a load goes: errors, rejected rows, duplicates and unknown names, each
/// list capped at InterchangeLoader::maxListedErrors() (past it they are only counted). finish()
/// turns what was gathered into what the caller sees (nothing stored after a failure).
class InterchangeReportBuilder
{
public:
    explicit InterchangeReportBuilder(LoadReport &report) : m_report(report) { }

    LoadReport &report() { return m_report; }
    const LoadReport &report() const { return m_report; }
    bool ok() const { return m_report.ok(); }

    /// An error: the load will not be saved.
    void error(const QString &file, qint64 line, const QString &column, const QString &reason);
    /// A problem of a row let through or left out under skipInvalid (not an error).
    void rejected(const QString &file, qint64 line, const QString &column, const QString &reason);
    /// A duplicate left out (DuplicatePolicy::Skip, or a named row under Keep).
    void duplicate(const QString &file, qint64 line, const QString &column, const QString &reason);
    /// One more use of a name no row has; `place` ("file:line") is kept for its first use.
    void unknownName(const QString &kind, const QString &fund, const QString &name, const QString &place);
    /// A vocabulary row or a name created on first use, for the report and for undo.
    void created(const QString &table, const QString &counted, qint64 id);

    /// The report as the caller gets it: nothing imported after a failure or on a dry run.
    void finish(const QString &databasePath);

private:
    LoadReport &m_report;
    QHash<QString, qsizetype> m_unknownIndex;
};
