#include "SqliteBackend.h"

#include "ExactSum.h"

#include <sqlite3.h>

namespace SqliteBackend {

namespace {

void exactSumStep(sqlite3_context *context, int, sqlite3_value **values)
{
    if (sqlite3_value_type(values[0]) == SQLITE_NULL)
        return;
    auto *sum = static_cast<ExactSum *>(sqlite3_aggregate_context(context, int(sizeof(ExactSum))));
    if (!sum) {
        sqlite3_result_error_nomem(context);
        return;
    }
    sum->add(sqlite3_value_double(values[0])); // the zeroed context is an empty sum
}

void exactSumFinal(sqlite3_context *context)
{
    const auto *sum = static_cast<const ExactSum *>(sqlite3_aggregate_context(context, 0));
    const double parts[2] = { sum ? sum->value() : 0.0, sum ? sum->tail() : 0.0 };
    sqlite3_result_blob(context, parts, int(sizeof(parts)), SQLITE_TRANSIENT);
}

} // namespace

void installErrorLog(void (*log)(void *, int, const char *))
{
    sqlite3_config(SQLITE_CONFIG_LOG, log, nullptr);
}

int exec(sqlite3 *db, QByteArrayView sql, QString *message)
{
    const QByteArray text = sql.toByteArray(); // NUL-terminated
    char *why = nullptr;
    const int rc = sqlite3_exec(db, text.constData(), nullptr, nullptr, &why);
    if (rc != SQLITE_OK && message)
        *message = QString::fromUtf8(why ? why : sqlite3_errstr(rc));
    sqlite3_free(why);
    return rc;
}

void rollback(sqlite3 *db)
{
    if (db && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

QString lastMessage(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

// SQLite refuses to redefine a function while any statement of the connection runs (the window
// keeps queries open), while adding a new one is always allowed: preparing a use of it tells
// whether it exists.
bool defineExactSum(sqlite3 *db)
{
    if (!db)
        return false;
    sqlite3_stmt *probe = nullptr;
    const bool defined = sqlite3_prepare_v2(db, "SELECT fundscope_sum(1)", -1, &probe, nullptr) == SQLITE_OK;
    sqlite3_finalize(probe);
    return defined
        || sqlite3_create_function_v2(db, "fundscope_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr,
               exactSumStep, exactSumFinal, nullptr)
        == SQLITE_OK;
}

CancelHandler::CancelHandler(sqlite3 *db, const std::atomic_bool *cancel) : m_db(db)
{
    if (cancel) {
        sqlite3_progress_handler(
                db, 100000, [](void *flag) { return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0; },
                const_cast<std::atomic_bool *>(cancel));
    }
}

CancelHandler::~CancelHandler()
{
    sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
}

} // namespace SqliteBackend
