-- The CSV export baseline: every disbursement as a row of the interchange format
-- (disbursements.csv: names instead of ids, amounts as decimal text in major units), written
-- by the sqlite3 tool's CSV mode to @OUT@, on the original database opened read-only (with the
-- page cache of connection.sql: the default 2 MB makes the joins take three times as long).
.headers on
.mode csv
.once @OUT@
SELECT f.name AS fund, p.label AS phase, i.name AS investee, d.value_date AS date, d.type AS type,
       CASE WHEN d.amount_minor IS NULL THEN NULL
            WHEN d.amount_minor % 100 = 0 THEN CAST(d.amount_minor / 100 AS TEXT)
            ELSE (d.amount_minor / 100) || '.' || printf('%02d', d.amount_minor % 100) END AS amount,
       d.currency AS currency, d.stake_pct AS stake_pct, d.status AS status, d.confidence AS confidence,
       d.source_url AS source_url, d.notes AS notes
FROM disbursements d
JOIN phases p ON p.id = d.phase_id
JOIN funds f ON f.id = p.fund_id
JOIN investees i ON i.id = d.investee_id
ORDER BY d.id;
