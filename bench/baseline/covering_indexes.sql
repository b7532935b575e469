-- Covering indexes for the baseline groupings, created in a COPY of the benchmark database
-- (never in the original). Each lists every column its query reads, leading with the column
-- the query groups by, so SQLite scans the index in group order: no table lookups and no
-- temporary b-tree for GROUP BY. The year index leads with the expression the query groups by.
CREATE INDEX baseline_by_phase ON disbursements(phase_id, status, type, currency, value_date, amount_minor);
CREATE INDEX baseline_by_investee ON disbursements(investee_id, status, type, currency, value_date, amount_minor);
CREATE INDEX baseline_by_year ON disbursements(substr(value_date, 1, 4), investee_id, status, type, currency, value_date, amount_minor);
CREATE INDEX baseline_investees_by_sector ON investees(sector_id, kind, id);
CREATE INDEX baseline_investees_by_region ON investees(province_id, country_id, kind, id);
CREATE INDEX baseline_investees_kind ON investees(id, kind);
ANALYZE;
