-- For scale only: the bare form of each grouping, one sum of raw minor units (no currency
-- conversion, no measures) over the same covering indexes. Not the same answer as Fundscope's.
SELECT i.sector_id, total(d.amount_minor), count(*)
FROM investees i INDEXED BY baseline_investees_by_sector
CROSS JOIN disbursements d INDEXED BY baseline_by_investee ON d.investee_id = i.id
WHERE i.kind <> 'fund' AND d.status <> 'cancelled' GROUP BY i.sector_id;
SELECT coalesce(i.province_id, i.country_id), total(d.amount_minor), count(*)
FROM investees i INDEXED BY baseline_investees_by_region
CROSS JOIN disbursements d INDEXED BY baseline_by_investee ON d.investee_id = i.id
WHERE i.kind <> 'fund' AND d.status <> 'cancelled' GROUP BY i.province_id, i.country_id;
SELECT d.phase_id, total(d.amount_minor), count(*)
FROM disbursements d INDEXED BY baseline_by_phase
WHERE d.status <> 'cancelled' GROUP BY d.phase_id;
SELECT substr(d.value_date, 1, 4), total(d.amount_minor), count(*)
FROM disbursements d INDEXED BY baseline_by_year
CROSS JOIN investees i INDEXED BY baseline_investees_kind ON i.id = d.investee_id
WHERE i.kind <> 'fund' AND d.status <> 'cancelled' GROUP BY substr(d.value_date, 1, 4);
