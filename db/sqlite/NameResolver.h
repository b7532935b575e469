#pragma once

#include "InterchangeSession.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

using NameMap = QHash<QByteArray, qint64>;

/// Turns the names an interchange file refers by (funds, phases, investees, sectors, segments,
/// regions, currencies) into ids: from the database, read once at the start, and from the rows
/// loaded so far. An unknown fund, phase or investee name is noted for the report, or resolved as
/// ImportOptions::names says (mapped to another name, or created); cities and segments are
/// created on first use. Remembers the names whose rows were rejected, so that a reference to
/// one can say where.
class NameResolver
{
public:
    struct CurrencyInfo
    {
        int index = -1;
        int minorDigits = 2;
    };
    struct Region
    {
        qint64 country = 0;
        qint64 province = 0;
        qint64 city = 0;
        qint64 cityParent = 0; ///< a city to create on first use, once the row is valid
        QByteArrayView cityName;
    };

    explicit NameResolver(InterchangeSession &session) : m_session(session) { }

    /// Reads the stored names and prepares the statements that create rows; false when the load
    /// must stop (reported).
    bool preload();

    /// An unknown name the user has answered for: the id it maps to or was created as; 0
    /// otherwise (the name noted as unknown).
    qint64 resolveName(const QString &kind, QByteArrayView fund, qint64 fundId, QByteArrayView name);
    void noteUnknown(const QString &kind, QByteArrayView fund, QByteArrayView name);
    /// `message` about an unknown name, saying where its own row was rejected when it was.
    QString rejectedHint(const QString &message, const QHash<QByteArray, QString> &rejected, QByteArrayView key) const;

    /// The row's country, province and city columns as ids; a new city is only named (problems
    /// are reported on the row).
    Region resolveRegion(int countryCol, int provinceCol, int cityCol);
    /// Creates the row's new city, if any; false when the database refused it (reported).
    bool materialize(Region &region);
    /// The segment of the sector, created on first use; 0 when refused (reported).
    qint64 segmentId(qint64 sector, QByteArrayView name);

    /// A name and, when given, its Chinese name (unless another row has it) for `id`.
    static void addName(NameMap &map, const QByteArray &name, qint64 id);

    NameMap &funds() { return m_funds; }
    QHash<qint64, qint64> &fundParent() { return m_fundParent; }
    QHash<qint64, QByteArray> &fundName() { return m_fundName; }
    QHash<qint64, NameMap> &phasesByFund() { return m_phasesByFund; }
    NameMap &investees() { return m_investees; }
    const NameMap &sectors() const { return m_sectors; }
    const QHash<QByteArray, CurrencyInfo> &currencies() const { return m_currencies; }
    const QList<QByteArray> &currencyCodes() const { return m_currencyCodes; }

    /// Rows rejected in this load, by name ("fund\x1fphase" for phases) -> "file:line".
    QHash<QByteArray, QString> &rejectedFunds() { return m_rejectedFunds; }
    QHash<QByteArray, QString> &rejectedInvestees() { return m_rejectedInvestees; }
    QHash<QByteArray, QString> &rejectedPhases() { return m_rejectedPhases; }

private:
    /// Creates a row with `insert`, its name bound at `nameParameter`, remembered in `names` and
    /// counted as created in `table`; 0 when refused (reported).
    qint64 createNamed(SqliteStatement &insert, int nameParameter, QByteArrayView name, NameMap &names,
        const QString &table);
    qint64 createFund(QByteArrayView name);
    qint64 createPhase(qint64 fundId, QByteArrayView label);
    qint64 createInvestee(QByteArrayView name);
    qint64 cityId(qint64 parent, QByteArrayView name);
    /// Stores a city or segment named for the first time; 0 when refused (reported).
    qint64 insertVocabulary(SqliteStatement &insert, NameMap &names, qint64 parent, QByteArrayView name,
                            const QString &table, const QString &counted);

    InterchangeSession &m_session;
    NameMap m_funds;
    QHash<qint64, qint64> m_fundParent;
    QHash<qint64, QByteArray> m_fundName;
    QHash<qint64, NameMap> m_phasesByFund;
    NameMap m_investees;
    NameMap m_sectors;
    QHash<qint64, NameMap> m_segmentsBySector;
    NameMap m_countries;
    QHash<qint64, NameMap> m_provincesByCountry;
    NameMap m_provincesAnywhere;
    QHash<qint64, qint64> m_provinceCountry;
    QHash<qint64, NameMap> m_citiesByParent;
    QHash<QByteArray, CurrencyInfo> m_currencies;
    QList<QByteArray> m_currencyCodes;
    QHash<QByteArray, QString> m_rejectedFunds, m_rejectedInvestees, m_rejectedPhases;
    SqliteStatement m_insertCity, m_insertSegment, m_createFund, m_createPhase, m_createInvestee;
};
