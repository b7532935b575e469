#include "SqliteStorage.h"

#include "BulkLoadScope.h"
#include "Database.h"
#include "DisbursementRowLoader.h"
#include "ExchangeRateRowLoader.h"
#include "FundRowLoader.h"
#include "InterchangeFields.h"
#include "InterchangeLoader.h"
#include "InterchangeReader.h"
#include "InterchangeReportBuilder.h"
#include "InterchangeSession.h"
#include "InvesteeRowLoader.h"
#include "NameResolver.h"
#include "PhaseRowLoader.h"
#include "SqliteBackend.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <memory>

using InterchangeFields::trimmed;

namespace {

using namespace InterchangeColumns;

// One load: opens the files, reads the names, runs each file's rows through the loader of its
// kind, in reference order, inside one transaction, and commits when nothing went wrong.
class Load
{
public:
    Load(Database &db, const ImportOptions &options, LoadReport &report)
        : m_db(db),
          m_options(options),
          m_report(report),
          m_builder(report),
          m_session(db, options, m_builder),
          m_names(m_session),
          m_funds(new FundRowLoader(m_session, m_names)),
          m_disbursements(new DisbursementRowLoader(m_session, m_names)),
          m_loaders { std::unique_ptr<InterchangeRowLoader>(m_funds),
                      std::make_unique<PhaseRowLoader>(m_session, m_names),
                      std::make_unique<InvesteeRowLoader>(m_session, m_names),
                      std::unique_ptr<InterchangeRowLoader>(m_disbursements),
                      std::make_unique<ExchangeRateRowLoader>(m_session, m_names) }
    {
        m_report.dryRun = options.dryRun;
    }

    void run(const QList<ImportSource> &sources);

private:
    void loadFile(InterchangeFile &file);
    bool prepare();
    /// True, with the cancel reported, when the load was cancelled.
    bool stopIfCancelled();

    Database &m_db;
    const ImportOptions &m_options;
    LoadReport &m_report;
    InterchangeReportBuilder m_builder;
    InterchangeSession m_session;
    NameResolver m_names;
    FundRowLoader *m_funds;
    DisbursementRowLoader *m_disbursements;
    std::array<std::unique_ptr<InterchangeRowLoader>, KindCount> m_loaders;
};

void Load::loadFile(InterchangeFile &file)
{
    m_session.setFile(&file);
    m_session.startFile();
    CsvReader &reader = *file.reader;
    InterchangeRowLoader &rows = *m_loaders[size_t(file.kind)];
    bool first = file.pendingFirst;
    while (first || reader.next()) {
        first = false;
        m_session.startRow();
        m_session.countRow();
        if (m_session.cancelled() || m_session.transactionLost())
            return;
        m_session.reportReading();
        if (reader.fieldCount() == 1 && trimmed(reader.fieldBytes(0)).isEmpty() && file.headerWidth > 1)
            continue; // a line of spaces
        if (!reader.recordError().isEmpty()) {
            const qsizetype at = reader.recordErrorField();
            const auto it = std::find(file.columnOf.begin(), file.columnOf.end(), int(at));
            const QString column = it != file.columnOf.end()
                ? file.columnName(int(it - file.columnOf.begin()))
                : (at >= 0 ? QCoreApplication::translate("InterchangeLoader", "column %1").arg(at + 1)
                           : QString());
            // Text that does not decode in a detected encoding may mean the guess is wrong: the
            // file is refused whole. Only an encoding the user gave lets --skip-invalid pass over it.
            if (reader.recordErrorIsUndecodable() && file.source.encoding.isEmpty())
                m_session.issue(file.path, reader.recordErrorLine(), column, reader.recordError());
            else
                m_session.rowProblem(reader.recordErrorLine(), column, reader.recordError());
            continue;
        }
        if (reader.fieldCount() != file.headerWidth) {
            const bool fewer = reader.fieldCount() < file.headerWidth;
            QString column;
            if (fewer) {
                const auto it = std::find(file.columnOf.begin(), file.columnOf.end(), int(reader.fieldCount()));
                column = it != file.columnOf.end()
                    ? file.columnName(int(it - file.columnOf.begin()))
                    : QCoreApplication::translate("InterchangeLoader", "column %1")
                          .arg(reader.fieldCount() + 1);
            } else {
                column
                    = QCoreApplication::translate("InterchangeLoader", "column %1").arg(file.headerWidth + 1);
            }
            m_session.rowProblem(reader.line(), column,
                (fewer ? QCoreApplication::translate("InterchangeLoader",
                     "wrong number of columns: the row has %1, the header has %2 (a comma too few, or "
                     "an unquoted line break?)")
                       : QCoreApplication::translate("InterchangeLoader",
                           "wrong number of columns: the row has %1, the header has %2 (an unquoted comma?)"))
                    .arg(reader.fieldCount())
                    .arg(file.headerWidth));
            continue;
        }
        if (m_session.fieldsFit())
            rows.loadRow();
    }
    if (reader.hasError())
        m_session.issue(file.path, reader.errorLine(), QString(), reader.errorMessage());
    const QString kind = InterchangeColumns::kindName(file.kind);
    const qint64 stored = m_session.storedInFile();
    m_report.files.append({ file.path, kind, stored, file.encoding, file.rejected, file.duplicates });
    m_report.inserted[kind] += stored;
    m_session.addDoneBytes(file.size);
}

bool Load::prepare()
{
    if (!m_names.preload())
        return false;
    for (const std::unique_ptr<InterchangeRowLoader> &loader : m_loaders) {
        if (!loader->prepare())
            return false;
    }
    return true;
}

bool Load::stopIfCancelled()
{
    if (!m_session.cancelled())
        return false;
    m_report.cancelled = true;
    m_session.issue(QString(), 0, QString(),
        QCoreApplication::translate("InterchangeLoader", "the import was cancelled; nothing was changed"));
    return true;
}

void Load::run(const QList<ImportSource> &sources)
{
    m_session.startClock();
    if (!m_session.sql()) {
        m_session.issue(m_db.path(), 0, QString(),
            QCoreApplication::translate("InterchangeLoader", "the database is not open"));
        return;
    }
    if (sources.isEmpty()) {
        m_session.issue(QString(), 0, QString(), QCoreApplication::translate("InterchangeLoader", "no files to load"));
        return;
    }
    std::vector<InterchangeFile> &files = m_session.files();
    InterchangeReader reader(m_builder);
    for (const ImportSource &source : sources)
        files.push_back(reader.open(source, qint64(files.size())));
    for (const InterchangeFile &f : files)
        m_session.addTotalBytes(f.size);
    std::stable_sort(files.begin(), files.end(),
                     [](const InterchangeFile &a, const InterchangeFile &b) { return a.kind < b.kind; });

    qint64 eventBytes = 0;
    for (const InterchangeFile &f : files) {
        if (f.usable && f.kind == Disbursements)
            eventBytes += f.size;
    }
    // Rough rows-to-come from the file size (a disbursement row is 100-300 bytes).
    const qint64 estimatedRows = eventBytes / 150;
    BulkLoadScope bulk(m_session, estimatedRows >= 50000, m_options.dryRun);

    // Every import is a bulk write: the file is checked inside the transaction first.
    Transaction transaction(m_db, Database::WriteKind::Bulk);
    if (!transaction.isActive()) {
        m_session.issue(m_db.path(), 0, QString(), m_db.errorString());
        return;
    }
    // Lets a cancel interrupt SQLite too, during the index builds that take seconds.
    const SqliteBackend::CancelHandler cancelHandler(m_session.sql(), m_options.cancel);
    m_session.readLimits();
    m_disbursements->setReadStored(eventBytes > 0);
    if (!prepare())
        return;

    // A big load rebuilds the indexes once at the end when it is big compared with what is stored.
    const bool rebuildIndexes = bulk.isBulk() && estimatedRows >= m_disbursements->known() / 2;
    if (bulk.isBulk()) {
        m_disbursements->reserve(estimatedRows);
        if (!bulk.begin())
            return;
        m_report.bulk = rebuildIndexes;
    }

    bool fundsDone = false;
    for (InterchangeFile &file : files) {
        if (!file.usable)
            continue;
        if (!fundsDone && file.kind > Funds) {
            m_funds->resolveParents();
            fundsDone = true;
        }
        if (file.kind == Disbursements && rebuildIndexes && !bulk.indexesDropped()) {
            if (!bulk.dropDisbursementIndexes(m_report.inserted.value(QStringLiteral("disbursements"))))
                return;
        }
        m_session.setFile(&file);
        m_session.reportProgress(ImportProgress::Stage::Reading, true);
        loadFile(file);
        if (m_session.cancelled() || m_session.transactionLost())
            break;
    }
    m_session.setFile(nullptr);
    if (stopIfCancelled() || m_session.transactionLost())
        return;
    if (!fundsDone)
        m_funds->resolveParents();
    if (bulk.indexesDropped() && m_report.ok() && !m_report.dryRun) {
        m_session.reportProgress(ImportProgress::Stage::Indexing, true);
        if (!bulk.rebuildIndexes(m_report.inserted.value(QStringLiteral("disbursements")),
                m_options.deferSortIndexes, &m_report.deferredIndexes)) {
            stopIfCancelled();
            return;
        }
    }

    m_session.finalizeAll();
    if (stopIfCancelled())
        return;
    if (m_report.ok() && !m_report.dryRun) {
        m_session.reportProgress(ImportProgress::Stage::Saving, true);
        if (!transaction.commit()) {
            m_session.issue(m_db.path(), 0, QString(),
                QCoreApplication::translate("InterchangeLoader", "saving the import failed: %1")
                    .arg(m_db.errorString()));
            m_db.rollback();
        }
    }
    // Otherwise the transaction rolls back as it goes out of scope, indexes included.
}

} // namespace

void SqliteStorage::loadInterchange(
    Database &db, const QList<ImportSource> &sources, const ImportOptions &options, LoadReport &report) const
{
    Load load(db, options, report);
    load.run(sources);
}
