-- Fundscope schema, step 7: a read-only view for other tools (pandas, R, DB Browser, sqlite3).
-- Analysts open the file directly; without the view each would rebuild the figure rules by hand
-- (which events count, which measure a type is, how amounts convert, which groupings keep flows
-- into sub-funds) and get figures that differ from the application's. The definition the view
-- follows is AggregationEngine's SQL path (db/AggregationEngine.cpp); its expressions are copied
-- from there (the one rewrite says why where it is), and tst_figureviews holds a plain GROUP BY
-- over the view equal to the engine, to the cent, so a change made to one and not to the other
-- fails there.
--
-- figure_events: one row per disbursement event that counts in figures, i.e. every status
-- except 'cancelled' (summary's default; `summary --status cancelled` has no view equivalent).
--   event_id                    disbursements.id
--   fund_id, fund_name, fund_name_zh          the paying fund (name_zh as stored, NULL if none)
--   phase_id, phase_label       the fund's phase
--   phase, phase_zh             the key `summary --by phase` prints: "<fund> / <label>"
--   investee_id, investee_name, investee_name_zh   the receiving company or sub-fund
--   into_sub_fund               1 when the investee is of kind 'fund' (a flow into a sub-fund),
--                               else 0. Phase and fund figures include these flows; sector,
--                               segment, region and year figures leave them out
--                               (WHERE into_sub_fund = 0), as summary does, so no money counts
--                               twice once the sub-fund invests it.
--   sector_id, sector, sector_zh     the key `summary --by sector` prints
--   segment_id, segment, segment_zh  the key `summary --by segment` prints: "<sector> / <segment>"
--   region_id, region, region_zh     the key `summary --by region` prints: the investee's
--                               province, else its city's parent, else its country
--   year                        of the value date; NULL when the date is unknown
--   date                        the value date at its reported precision (YYYY, YYYY-MM,
--                               YYYY-MM-DD); NULL when unknown
--   type, status, confidence    as stored
--   measure                     'invested' (disbursement, equity purchase, loan, grant),
--                               'committed' (commitment) or 'divested' (equity sale); the three
--                               are never added to each other
--   currency, amount            the amount in major units of its own currency; both NULL when
--                               the amount is undisclosed (never 0)
--   amount_cny, amount_usd      the amount converted at the value date's yearly rate:
--                               amount x the currency's cny_per_unit of that year / the target
--                               currency's cny_per_unit of that year; an amount already in the
--                               target currency needs no rate. NULL when undisclosed, or when a
--                               needed rate (or the date that picks it) is missing.
--   invested_cny, committed_cny, divested_cny, invested_usd, committed_usd, divested_usd
--                               amount_cny / amount_usd when the row's measure is that one, else
--                               0. So SUM(invested_cny) over a group is summary's invested figure
--                               (undisclosed and rate-less amounts are in no sum, as in summary).
--                               A row of that measure whose converted amount is unknown holds
--                               NULL, not 0: SUM() is then NULL only for a group whose every
--                               event is of that measure with its amount unknown, where summary
--                               prints 0.00 beside its undisclosed and without-rate counts
--                               (TOTAL() gives 0.0 there).
--                               SQLite's SUM() adds the doubles one by one, while summary sums
--                               them exactly (ExactSum): over very many large amounts the last
--                               cent of a group can differ; an exact sum of the same column
--                               (Python's math.fsum) gives summary's figure.
-- Event counts: COUNT(*) is summary's events; SUM(amount IS NULL) its undisclosed;
-- SUM(amount IS NOT NULL AND amount_cny IS NULL) its without-rate count (amount_usd for USD).
--
-- Filters as summary applies them: --fund/--phase/--sector: fund_id, phase_id, sector_id;
-- --from F: date >= F with trailing "-01" parts dropped ("2020-01-01" -> '2020'); --to T: date <=
-- T || '-99' for a year or a month, T itself for a day (a row counts from the first day of its
-- reported period; rows without a date drop out of any range).

-- Dropped first, as steps 3, 5 and 6 drop what they redefine, so the step can run again over a
-- file that already has it (a file stamped back a version, or a user's own view of the name).
DROP VIEW IF EXISTS figure_events;
CREATE VIEW figure_events AS
SELECT e.*,
    CASE WHEN e.measure = 'invested' THEN e.amount_cny ELSE 0.0 END AS invested_cny,
    CASE WHEN e.measure = 'committed' THEN e.amount_cny ELSE 0.0 END AS committed_cny,
    CASE WHEN e.measure = 'divested' THEN e.amount_cny ELSE 0.0 END AS divested_cny,
    CASE WHEN e.measure = 'invested' THEN e.amount_usd ELSE 0.0 END AS invested_usd,
    CASE WHEN e.measure = 'committed' THEN e.amount_usd ELSE 0.0 END AS committed_usd,
    CASE WHEN e.measure = 'divested' THEN e.amount_usd ELSE 0.0 END AS divested_usd
FROM (
    SELECT
        d.id AS event_id,
        f.id AS fund_id,
        f.name AS fund_name,
        f.name_zh AS fund_name_zh,
        p.id AS phase_id,
        p.label AS phase_label,
        f.name || ' / ' || p.label AS phase,
        coalesce(nullif(f.name_zh, ''), f.name) || ' / ' || p.label AS phase_zh,
        i.id AS investee_id,
        i.name AS investee_name,
        i.name_zh AS investee_name_zh,
        i.kind = 'fund' AS into_sub_fund,
        i.sector_id AS sector_id,
        CASE WHEN i.sector_id IS NULL THEN '(sector unknown)' ELSE s.name END AS sector,
        CASE WHEN i.sector_id IS NULL THEN '（行业不详）'
             ELSE coalesce(nullif(s.name_zh, ''), s.name) END AS sector_zh,
        i.segment_id AS segment_id,
        CASE WHEN i.sector_id IS NULL THEN '(sector unknown)'
             WHEN i.segment_id IS NULL THEN s.name || ' / (segment unknown)'
             ELSE s.name || ' / ' || g.name END AS segment,
        CASE WHEN i.sector_id IS NULL THEN '（行业不详）'
             WHEN i.segment_id IS NULL THEN coalesce(nullif(s.name_zh, ''), s.name) || ' / （细分不详）'
             ELSE coalesce(nullif(s.name_zh, ''), s.name) || ' / '
                  || coalesce(nullif(g.name_zh, ''), g.name) END AS segment_zh,
        k.id AS region_id,
        -- A country whose provinces are listed (China) holds its investees without a province.
        -- The engine's EXISTS (... sub.parent_id = k.id ...) runs once per group; here it would
        -- scan the regions once per event, so the same test is an uncorrelated IN, whose list
        -- SQLite builds once per query.
        CASE WHEN k.id IS NULL THEN '(region unknown)'
             WHEN k.kind = 'country' AND k.id IN (SELECT sub.parent_id FROM regions sub
                  WHERE sub.kind = 'province')
             THEN k.name || ' (province unknown)'
             ELSE k.name END AS region,
        CASE WHEN k.id IS NULL THEN '（地区不详）'
             WHEN k.kind = 'country' AND k.id IN (SELECT sub.parent_id FROM regions sub
                  WHERE sub.kind = 'province')
             THEN coalesce(nullif(k.name_zh, ''), k.name) || '（省份不详）'
             ELSE coalesce(nullif(k.name_zh, ''), k.name) END AS region_zh,
        d.year AS year,
        d.value_date AS date,
        d.type AS type,
        CASE WHEN d.type = 'commitment' THEN 'committed' WHEN d.type = 'equity sale' THEN 'divested'
             ELSE 'invested' END AS measure,
        d.status AS status,
        d.confidence AS confidence,
        d.currency AS currency,
        d.amount_minor / (CASE c.minor_digits WHEN 0 THEN 1.0 WHEN 1 THEN 10.0 WHEN 2 THEN 100.0
             WHEN 3 THEN 1000.0 ELSE 10000.0 END) AS amount,
        -- The engine's conversion with the base currency spelled out; the same operations in the
        -- same order, so each row's value is the very double the engine sums.
        CASE WHEN d.amount_minor IS NULL THEN NULL
             WHEN d.currency = 'CNY' THEN d.amount_minor / (CASE c.minor_digits WHEN 0 THEN 1.0
                  WHEN 1 THEN 10.0 WHEN 2 THEN 100.0 WHEN 3 THEN 1000.0 ELSE 10000.0 END)
             ELSE d.amount_minor / (CASE c.minor_digits WHEN 0 THEN 1.0 WHEN 1 THEN 10.0
                  WHEN 2 THEN 100.0 WHEN 3 THEN 1000.0 ELSE 10000.0 END)
                  * r.cny_per_unit END AS amount_cny,
        CASE WHEN d.amount_minor IS NULL THEN NULL
             WHEN d.currency = 'USD' THEN d.amount_minor / (CASE c.minor_digits WHEN 0 THEN 1.0
                  WHEN 1 THEN 10.0 WHEN 2 THEN 100.0 WHEN 3 THEN 1000.0 ELSE 10000.0 END)
             ELSE d.amount_minor / (CASE c.minor_digits WHEN 0 THEN 1.0 WHEN 1 THEN 10.0
                  WHEN 2 THEN 100.0 WHEN 3 THEN 1000.0 ELSE 10000.0 END)
                  * (CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE r.cny_per_unit END)
                  / u.cny_per_unit END AS amount_usd
    FROM disbursements AS d
    JOIN phases p ON p.id = d.phase_id
    JOIN funds f ON f.id = p.fund_id
    JOIN investees i ON i.id = d.investee_id
    LEFT JOIN sectors s ON s.id = i.sector_id
    LEFT JOIN segments g ON g.id = i.segment_id
    LEFT JOIN regions cr ON cr.id = i.city_id
    LEFT JOIN regions k ON k.id = coalesce(i.province_id, cr.parent_id, i.country_id)
    LEFT JOIN currencies c ON c.code = d.currency
    LEFT JOIN exchange_rates r ON r.currency = d.currency AND r.year = d.year
    LEFT JOIN exchange_rates u ON u.currency = 'USD' AND u.year = d.year
    -- Spelled as the three other statuses, as the engine's filter does, so the status index serves.
    WHERE d.status IN ('announced', 'committed', 'completed')
) AS e;
