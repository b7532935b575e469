-- The same sums as Fundscope's grouping, in plain SQL over the covering indexes of
-- covering_indexes.sql: invested, committed and divested in CNY (each amount converted at its
-- value date's yearly rate; CNY needs none), events and undisclosed amounts per group, cancelled
-- events left out. Every currency in the generated data has 2 minor digits. Flows into sub-funds are left out, as Fundscope does for years.
SELECT substr(d.value_date, 1, 4) AS year,
       total(CASE WHEN d.type NOT IN ('commitment', 'equity sale') THEN d.amount_minor * CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE (SELECT r.cny_per_unit FROM exchange_rates r WHERE r.currency = d.currency AND r.year = CAST(substr(d.value_date, 1, 4) AS INTEGER)) END END) / 100.0 AS invested,
       total(CASE WHEN d.type = 'commitment' THEN d.amount_minor * CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE (SELECT r.cny_per_unit FROM exchange_rates r WHERE r.currency = d.currency AND r.year = CAST(substr(d.value_date, 1, 4) AS INTEGER)) END END) / 100.0 AS committed,
       total(CASE WHEN d.type = 'equity sale' THEN d.amount_minor * CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE (SELECT r.cny_per_unit FROM exchange_rates r WHERE r.currency = d.currency AND r.year = CAST(substr(d.value_date, 1, 4) AS INTEGER)) END END) / 100.0 AS divested,
       count(*) AS events,
       count(*) - count(d.amount_minor) AS undisclosed
FROM disbursements d INDEXED BY baseline_by_year
CROSS JOIN investees i INDEXED BY baseline_investees_kind ON i.id = d.investee_id
WHERE i.kind <> 'fund' AND d.status <> 'cancelled'
GROUP BY substr(d.value_date, 1, 4);
