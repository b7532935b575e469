-- The import baseline: the sqlite3 tool's .import of the same five CSV files into plain tables
-- (every column TEXT, named by the header row; no validation, no constraints), then the same
-- nine indexes Fundscope keeps on disbursements, over the corresponding columns. @CSV@ is the
-- folder of the CSV files. Run on a new, empty database file with the tool's defaults.
-- Fundscope's phase, investee, date, amount, type, confidence and stake indexes end in
-- (id, status) (schema steps 3 and 6). These plain tables have no id column, and SQLite refuses
-- `rowid` in an index; every entry ends with the rowid anyway, so the status is the column to add.
.import --csv @CSV@/funds.csv funds
.import --csv @CSV@/phases.csv phases
.import --csv @CSV@/investees.csv investees
.import --csv @CSV@/exchange_rates.csv exchange_rates
.import --csv @CSV@/disbursements.csv disbursements
BEGIN;
CREATE INDEX disbursements_by_phase ON disbursements(fund, phase, date, status);
CREATE INDEX disbursements_by_investee ON disbursements(investee, date, status);
CREATE INDEX disbursements_by_date ON disbursements(date, status);
CREATE INDEX disbursements_by_amount ON disbursements(amount, status);
CREATE INDEX disbursements_by_type ON disbursements(type, status);
CREATE INDEX disbursements_by_status ON disbursements(status);
CREATE INDEX disbursements_by_confidence ON disbursements(confidence, status);
CREATE INDEX disbursements_by_stake ON disbursements(stake_pct, status);
CREATE INDEX disbursements_by_year ON disbursements(substr(date, 1, 4), currency);
COMMIT;
