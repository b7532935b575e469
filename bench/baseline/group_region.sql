-- The same sums as Fundscope's grouping, in plain SQL over the covering indexes of
-- covering_indexes.sql: invested, committed and divested in CNY (each amount converted at its
-- value date's yearly rate; CNY needs none), events and undisclosed amounts per group, cancelled
-- events left out. Every currency in the generated data has 2 minor digits. Flows into sub-funds are left out; the group is the province, else the country.
SELECT coalesce(i.province_id, i.country_id) AS region,
       total(CASE WHEN d.type NOT IN ('commitment', 'equity sale') THEN d.amount_minor * CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE (SELECT r.cny_per_unit FROM exchange_rates r WHERE r.currency = d.currency AND r.year = CAST(substr(d.value_date, 1, 4) AS INTEGER)) END END) / 100.0 AS invested,
       total(CASE WHEN d.type = 'commitment' THEN d.amount_minor * CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE (SELECT r.cny_per_unit FROM exchange_rates r WHERE r.currency = d.currency AND r.year = CAST(substr(d.value_date, 1, 4) AS INTEGER)) END END) / 100.0 AS committed,
       total(CASE WHEN d.type = 'equity sale' THEN d.amount_minor * CASE WHEN d.currency = 'CNY' THEN 1.0 ELSE (SELECT r.cny_per_unit FROM exchange_rates r WHERE r.currency = d.currency AND r.year = CAST(substr(d.value_date, 1, 4) AS INTEGER)) END END) / 100.0 AS divested,
       count(*) AS events,
       count(*) - count(d.amount_minor) AS undisclosed
FROM investees i INDEXED BY baseline_investees_by_region
CROSS JOIN disbursements d INDEXED BY baseline_by_investee ON d.investee_id = i.id
WHERE i.kind <> 'fund' AND d.status <> 'cancelled'
GROUP BY i.province_id, i.country_id;
