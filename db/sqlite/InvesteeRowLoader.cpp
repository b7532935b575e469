#include "InvesteeRowLoader.h"

#include "InterchangeFields.h"

#include <QCoreApplication>

using namespace InterchangeFields;

bool InvesteeRowLoader::prepare()
{
    return m_session.prepareKept(m_insertInvestee,
                                 "INSERT INTO investees(name, name_zh, kind, fund_id, sector_id, segment_id, "
                                 "country_id, province_id, city_id, ticker, founded, notes, source_url) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
}

qint64 InvesteeRowLoader::readSector()
{
    using namespace InterchangeColumns::InvesteeCol;
    const QByteArrayView sector = value(Sector);
    const QByteArrayView segment = value(Segment);
    if (sector.isEmpty()) {
        if (!segment.isEmpty())
            rowIssue(Segment,
                QCoreApplication::translate("InterchangeLoader", "segment '%1' needs a sector").arg(text(segment)));
        return 0;
    }
    const qint64 sectorId = m_names.sectors().value(borrowed(sector));
    if (sectorId == 0) {
        QStringList known;
        for (auto it = m_names.sectors().cbegin(); it != m_names.sectors().cend(); ++it) {
            if (!it.key().isEmpty() && uchar(it.key().front()) < 0x80)
                known.append(text(it.key()));
        }
        known.sort();
        rowIssue(Sector,
            QCoreApplication::translate("InterchangeLoader", "unknown sector '%1' (known: %2)")
                .arg(text(sector), known.join(QStringLiteral(", "))));
    }
    return sectorId;
}

void InvesteeRowLoader::loadRow()
{
    using namespace InterchangeColumns::InvesteeCol;
    const QByteArrayView name = value(Name);
    bool duplicate = false;
    if (name.isEmpty()) {
        rowIssue(Name, QCoreApplication::translate("InterchangeLoader", "the investee has no name"));
    } else if (m_names.investees().value(borrowed(name)) > 0) {
        const qint64 first = m_investeeLines.value(borrowed(name), 0);
        const QString why = first > 0
            ? QCoreApplication::translate("InterchangeLoader", "duplicate investee '%1' (already on %2)")
                  .arg(text(name), m_session.place(first))
            : QCoreApplication::translate("InterchangeLoader", "investee '%1' is already in the database")
                  .arg(text(name));
        if (skipRepeat(Name, QStringLiteral("name"), why))
            return;
        duplicate = true;
    }
    const int kind = readWord(Kind, InvesteeKinds,
        QT_TRANSLATE_NOOP("InterchangeLoader", "unknown investee kind '%1' (expected one of: %2)"));
    const QByteArrayView segment = value(Segment);
    const qint64 sectorId = readSector();
    int founded = 0;
    readDate(Founded, &founded);
    NameResolver::Region region = m_names.resolveRegion(Country, Province, City);
    m_session.checkSources(SourceUrl);
    if (!m_session.rowOk()) {
        if (!name.isEmpty() && !duplicate)
            rememberRejected(m_names.rejectedInvestees(), name.toByteArray());
        return;
    }
    const qint64 segmentRow = (sectorId > 0 && !segment.isEmpty()) ? m_names.segmentId(sectorId, segment) : 0;
    if ((sectorId > 0 && !segment.isEmpty() && segmentRow == 0) || !m_names.materialize(region))
        return;
    const qint64 fundId = kind == 1 ? m_names.funds().value(borrowed(name)) : 0;
    sqlite3_stmt *s = m_insertInvestee.handle();
    m_session.bindText(s, 1, name);
    m_session.bindText(s, 2, value(NameZh));
    m_session.bindWord(s, 3, InvesteeKinds[size_t(kind)]);
    m_session.bindId(s, 4, fundId);
    m_session.bindId(s, 5, sectorId);
    m_session.bindId(s, 6, segmentRow);
    m_session.bindId(s, 7, region.country);
    m_session.bindId(s, 8, region.province);
    m_session.bindId(s, 9, region.city);
    m_session.bindText(s, 10, value(Ticker));
    m_session.bindText(s, 11, value(Founded));
    m_session.bindText(s, 12, value(Notes));
    m_session.bindText(s, 13, value(SourceUrl));
    if (!m_session.step(m_insertInvestee))
        return;
    const qint64 id = m_session.lastId();
    m_session.stored(QStringLiteral("investees"), id);
    const QByteArray key = name.toByteArray();
    m_names.investees().insert(key, id);
    NameResolver::addName(m_names.investees(), value(NameZh).toByteArray(), id);
    m_investeeLines.insert(key, m_session.here());
}
