#include "NameCatalog.h"

#include "Format.h"
#include "FundRepository.h"
#include "InvesteeRepository.h"
#include "VocabularyRepository.h"

#include <QCoreApplication>

namespace {

QString named(const QString &name, const QString &nameZh)
{
    return nameZh.isEmpty() ? name : name + QLatin1Char(' ') + nameZh;
}

template<typename Lookup>
QString joined(const QList<qint64> &ids, Lookup lookup)
{
    QStringList names;
    for (qint64 id : ids)
        names.append(lookup(id));
    return names.join(QStringLiteral(", "));
}

} // namespace

QString NameCatalog::investeeName(qint64 id) const
{
    if (!m_db)
        return QString::number(id);
    const auto investee = InvesteeRepository(*m_db).byId(id);
    return investee ? named(investee->name, investee->nameZh) : QString::number(id);
}

void NameCatalog::load(Database &db)
{
    load(db, FundRepository(db).all());
}

void NameCatalog::load(Database &db, const QList<FundRecord> &funds)
{
    m_db = &db;
    m_funds.clear();
    m_phases.clear();
    m_sectors.clear();
    m_segments.clear();
    m_regions.clear();
    for (const FundRecord &f : funds) {
        m_funds.insert(f.id, f.name);
        for (const PhaseRecord &p : f.phases)
            m_phases.insert(p.id, f.name + QStringLiteral(" / ") + p.label);
    }
    const VocabularyRepository vocabulary(db);
    for (const VocabularyItem &v : vocabulary.sectors())
        m_sectors.insert(v.id, named(v.name, v.nameZh));
    for (const VocabularyItem &v : vocabulary.segments())
        m_segments.insert(v.id, named(v.name, v.nameZh));
    for (const auto &list : { vocabulary.countries(), vocabulary.provinces(), vocabulary.cities() }) {
        for (const VocabularyItem &v : list)
            m_regions.insert(v.id, named(v.name, v.nameZh));
    }
}

QStringList NameCatalog::chips(const Filter &f) const
{
    const auto words = [](const QStringList &list) {
        QStringList shown;
        for (const QString &word : list)
            shown.append(Format::vocabulary(word));
        return shown.join(QStringLiteral(", "));
    };
    QStringList chips;
    if (!f.text.trimmed().isEmpty())
        chips.append(QCoreApplication::translate("NameCatalog", "Text: “%1”").arg(f.text.trimmed()));
    if (!f.funds.isEmpty())
        chips.append(
            QCoreApplication::translate("NameCatalog", "Fund: %1").arg(joined(f.funds, [this](qint64 id) {
                return fundName(id);
            })));
    if (!f.phases.isEmpty())
        chips.append(
            QCoreApplication::translate("NameCatalog", "Phase: %1").arg(joined(f.phases, [this](qint64 id) {
                return phaseName(id);
            })));
    if (!f.investees.isEmpty())
        chips.append(QCoreApplication::translate("NameCatalog", "Investee: %1")
                         .arg(joined(f.investees, [this](qint64 id) { return investeeName(id); })));
    if (!f.sectors.isEmpty())
        chips.append(
            QCoreApplication::translate("NameCatalog", "Sector: %1").arg(joined(f.sectors, [this](qint64 id) {
                return sectorName(id);
            })));
    if (!f.segments.isEmpty())
        chips.append(QCoreApplication::translate("NameCatalog", "Segment: %1")
                         .arg(joined(f.segments, [this](qint64 id) { return segmentName(id); })));
    if (!f.regions.isEmpty())
        chips.append(
            QCoreApplication::translate("NameCatalog", "Region: %1").arg(joined(f.regions, [this](qint64 id) {
                return regionName(id);
            })));
    if (!f.from.isEmpty() || !f.to.isEmpty())
        chips.append(QCoreApplication::translate("NameCatalog", "Date: %1 – %2")
                         .arg(f.from.isEmpty() ? QStringLiteral("…") : f.from,
                             f.to.isEmpty() ? QStringLiteral("…") : f.to));
    if (!f.types.isEmpty())
        chips.append(QCoreApplication::translate("NameCatalog", "Type: %1").arg(words(f.types)));
    if (!f.statuses.isEmpty())
        chips.append(QCoreApplication::translate("NameCatalog", "Status: %1").arg(words(f.statuses)));
    if (!f.confidences.isEmpty())
        chips.append(QCoreApplication::translate("NameCatalog", "Confidence: %1").arg(words(f.confidences)));
    return chips;
}

QString NameCatalog::describe(const Filter &f) const
{
    const QStringList active = chips(f);
    const QString scope = active.isEmpty()
        ? QCoreApplication::translate("NameCatalog", "All data (cancelled events left out)")
        : active.join(QStringLiteral(" · "));
    return QCoreApplication::translate(
        "NameCatalog", "%1 · amounts in %2", "the filter in words · the base currency")
        .arg(scope, f.currency);
}
