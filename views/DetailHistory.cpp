#include "DetailHistory.h"

#include "DetailPane.h"
#include "HistoryTableModel.h"
#include "RecordChange.h"
#include "RecordLookup.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

DetailHistory::DetailHistory(
    Database &db, DetailPane *detail, const HistoryTableModel &historyModel, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_detail(detail)
    , m_historyModel(historyModel)
{
}

void DetailHistory::forget()
{
    m_kind.reset();
    m_id = 0;
}

void DetailHistory::show(RecordKind kind, qint64 id)
{
    if (id == 0) {
        m_kind.reset();
        m_id = 0;
        return;
    }
    m_kind = kind;
    m_id = id;
    append();
}

void DetailHistory::append()
{
    if (!m_detail || !m_kind || m_id == 0)
        return;
    // Appended as a section of its own: inserting at the end would land inside the pane's last
    // list item (its sources).
    QString page = m_detail->toHtml();
    const QString section = html(*m_kind, m_id);
    const qsizetype end = page.lastIndexOf(QStringLiteral("</body>"));
    if (end >= 0)
        page.insert(end, section);
    else
        page += section;
    m_detail->setHtml(page);
}

QString DetailHistory::html(RecordKind recordKind, qint64 rowId) const
{
    const QList<HistoryEntry> entries = RecordLookup(m_db).history(recordKind, rowId, 12);
    QString html = QStringLiteral("<h4>%1</h4>").arg(QCoreApplication::translate("EditActions", "History"));
    if (entries.isEmpty())
        return html
            + QCoreApplication::translate(
                "EditActions", "<p style='color:gray'><i>No changes recorded since it was loaded.</i></p>");
    html += QStringLiteral("<table cellspacing='2'>");
    for (const HistoryEntry &e : entries) {
        const QDateTime at = QDateTime::fromString(e.at, Qt::ISODateWithMs).toLocalTime();
        QString what;
        if (e.action == QLatin1String("insert")) {
            what = QCoreApplication::translate("EditActions", "added");
        } else if (e.action == QLatin1String("delete")) {
            what = QCoreApplication::translate("EditActions", "deleted");
        } else {
            const std::optional<RecordKind> kind = RecordLookup::kindOfTable(e.table);
            const QString field = kind ? Validation::label(*kind, e.field) : e.field;
            const QString before = m_historyModel.valueText(e, HistoryTableModel::Side::Old).left(80);
            const QString after = m_historyModel.valueText(e, HistoryTableModel::Side::New).left(80);
            what = QCoreApplication::translate("EditActions", "%1: %2 → %3")
                       .arg(field, before.toHtmlEscaped(), after.toHtmlEscaped());
            if (what.isEmpty())
                what = field;
        }
        html += QStringLiteral("<tr><td style='color:gray'>%1 · %2</td></tr><tr><td>%3</td></tr>")
                    .arg(at.toString(QStringLiteral("yyyy-MM-dd HH:mm")), e.user.toHtmlEscaped(), what);
    }
    html += QStringLiteral("</table>");
    return html;
}

void DetailHistory::recordsChanged(const RecordChange &change)
{
    if (!m_kind)
        return;
    const bool same = *m_kind == change.kind && (change.ids.isEmpty() || change.ids.contains(m_id));
    if (same && change.type == RecordChange::Type::Removed) {
        Q_EMIT stale(*m_kind, m_id); // shows nothing: the record is gone
        m_kind.reset();
        m_id = 0;
        return;
    }
    // A disbursement shows its fund, phase and investee by name: changes to those may matter.
    const bool affected
        = same || (*m_kind == RecordKind::Disbursement && change.kind != RecordKind::Disbursement);
    if (affected)
        refresh();
}

void DetailHistory::refresh()
{
    if (m_refreshPending || !m_kind)
        return;
    // One refresh for all the changes of a step (a cascade reports several).
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        if (!m_kind)
            return;
        Q_EMIT stale(*m_kind, m_id);
        append();
    });
}
