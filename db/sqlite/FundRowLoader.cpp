#include "FundRowLoader.h"

#include "InterchangeFields.h"
#include "InterchangeLoader.h"
#include "InterchangeReportBuilder.h"

#include <QCoreApplication>

using namespace InterchangeFields;

bool FundRowLoader::prepare()
{
    return m_session.prepareKept(m_insertFund,
                                 "INSERT INTO funds(name, name_zh, kind, level, country_id, province_id, city_id, "
                                 "manager, notes, source_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        && m_session.prepareKept(m_setParent, "UPDATE funds SET parent_fund_id = ?1 WHERE id = ?2");
}

void FundRowLoader::loadRow()
{
    using namespace InterchangeColumns::FundCol;
    const QByteArrayView name = value(Name);
    const qint64 line = m_session.line();
    bool duplicate = false;
    if (name.isEmpty()) {
        rowIssue(Name, QCoreApplication::translate("InterchangeLoader", "the fund has no name"));
    } else if (m_names.funds().value(borrowed(name)) > 0) {
        const qint64 first = m_fundLines.value(borrowed(name), 0);
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate fund '%1' (already on %2)")
                  .arg(text(name), m_session.place(first))
            : QCoreApplication::translate("InterchangeLoader", "fund '%1' is already in the database")
                  .arg(text(name));
        if (skipRepeat(Name, QStringLiteral("name"), why))
            return;
        duplicate = true;
    }
    const int kind = readWord(Kind, FundKinds,
                              QT_TRANSLATE_NOOP("InterchangeLoader", "unknown fund kind '%1' (expected one of: %2)"));
    const int level = readWord(Level, FundLevels,
                               QT_TRANSLATE_NOOP("InterchangeLoader", "unknown level '%1' (expected one of: %2)"));
    NameResolver::Region region = m_names.resolveRegion(Country, Province, City);
    m_session.checkSources(SourceUrl);
    if (!m_session.rowOk()) {
        if (!name.isEmpty() && !duplicate)
            rememberRejected(m_names.rejectedFunds(), name.toByteArray());
        return;
    }
    if (!m_names.materialize(region))
        return;
    sqlite3_stmt *s = m_insertFund.handle();
    m_session.bindText(s, 1, name);
    m_session.bindText(s, 2, value(NameZh));
    m_session.bindWord(s, 3, FundKinds[size_t(kind)]);
    m_session.bindWord(s, 4, FundLevels[size_t(level)]);
    m_session.bindId(s, 5, region.country);
    m_session.bindId(s, 6, region.province);
    m_session.bindId(s, 7, region.city);
    m_session.bindText(s, 8, value(Manager));
    m_session.bindText(s, 9, value(Notes));
    m_session.bindText(s, 10, value(SourceUrl));
    if (!m_session.step(m_insertFund))
        return;
    const qint64 id = m_session.lastId();
    m_session.stored(QStringLiteral("funds"), id);
    const QByteArray key = name.toByteArray();
    m_names.funds().insert(key, id);
    NameResolver::addName(m_names.funds(), value(NameZh).toByteArray(), id);
    m_names.fundName().insert(id, key);
    m_names.fundParent().insert(id, 0);
    m_fundLines.insert(key, m_session.here());
    if (!value(ParentFund).isEmpty())
        m_pendingParents.push_back({ id, value(ParentFund).toByteArray(), m_session.file()->path, line });
}

bool FundRowLoader::setParent(qint64 fund, qint64 parent, int *rc)
{
    if (parent > 0)
        m_session.bound(sqlite3_bind_int64(m_setParent.handle(), 1, parent));
    else
        m_session.bound(sqlite3_bind_null(m_setParent.handle(), 1));
    m_session.bound(sqlite3_bind_int64(m_setParent.handle(), 2, fund));
    if (m_session.bindsFailed(m_setParent)) {
        *rc = SQLITE_OK;
        return false;
    }
    *rc = sqlite3_step(m_setParent.handle());
    sqlite3_reset(m_setParent.handle());
    return *rc == SQLITE_DONE;
}

// With skipInvalid the fund stays, without its parent; the problem is listed with the rejected.
void FundRowLoader::parentProblem(const PendingParent &p, const QString &reason, bool unlink)
{
    const QString column = QStringLiteral("parent_fund");
    if (!m_session.options().skipInvalid) {
        m_session.issue(p.file, p.line, column, reason);
        return;
    }
    if (unlink) {
        int rc = SQLITE_OK;
        if (!setParent(p.fund, 0, &rc) && rc != SQLITE_OK && m_session.stopOn(rc, m_session.lastError()))
            return;
        m_names.fundParent().insert(p.fund, 0);
    }
    m_session.report().rejected(p.file, p.line, column,
        QCoreApplication::translate("InterchangeLoader", "%1; the fund was imported without a parent fund")
            .arg(reason));
}

// The second pass over funds: a parent may be any fund, including one further down the file.
void FundRowLoader::resolveParents()
{
    std::vector<size_t> linked;
    for (const PendingParent &p : m_pendingParents) {
        const qint64 parent = m_names.funds().value(p.parent);
        if (parent == 0) {
            parentProblem(p,
                m_names.rejectedHint(
                    QCoreApplication::translate("InterchangeLoader", "unknown parent fund '%1'").arg(text(p.parent)),
                    m_names.rejectedFunds(), p.parent),
                false);
            continue;
        }
        if (parent == p.fund) {
            parentProblem(p,
                QCoreApplication::translate("InterchangeLoader", "a fund cannot be its own parent fund"), false);
            continue;
        }
        int rc = SQLITE_OK;
        if (!setParent(p.fund, parent, &rc)) {
            if (rc == SQLITE_OK) // a bind failed: reported
                continue;
            if (m_session.stopOn(rc, m_session.lastError()))
                return;
            parentProblem(p,
                QCoreApplication::translate("InterchangeLoader", "the database refused the parent fund: %1")
                    .arg(m_session.lastError()),
                false);
            continue;
        }
        m_names.fundParent().insert(p.fund, parent);
        linked.push_back(size_t(&p - m_pendingParents.data()));
    }
    QHash<qint64, qint64> &parents = m_names.fundParent();
    for (size_t i : linked) {
        const PendingParent &p = m_pendingParents[i];
        QStringList chain { text(m_names.fundName().value(p.fund)) };
        qint64 at = parents.value(p.fund);
        for (qsizetype steps = 0; at > 0 && steps <= parents.size(); ++steps) {
            chain.append(text(m_names.fundName().value(at)));
            if (at == p.fund) {
                parentProblem(p,
                    QCoreApplication::translate("InterchangeLoader", "parent funds form a cycle: %1")
                        .arg(chain.join(QStringLiteral(" -> "))),
                    true);
                break;
            }
            at = parents.value(at);
        }
    }
}
