-- Issue 18's import baseline: the sqlite3 tool's .import of the same five CSV files into plain
-- tables (every column TEXT, named by the header row; no validation, no constraints), then one
-- covering index per grouping the totals need, leading with what the grouping joins or groups
-- by: the investee for sector and region (both reach them through the investee), the fund and
-- phase, and the year. The time until the data is usable for totals, as Fundscope's first stage.
-- @CSV@ is the folder of the CSV files. Run on a new, empty database file with the tool's defaults.
.import --csv @CSV@/funds.csv funds
.import --csv @CSV@/phases.csv phases
.import --csv @CSV@/investees.csv investees
.import --csv @CSV@/exchange_rates.csv exchange_rates
.import --csv @CSV@/disbursements.csv disbursements
BEGIN;
CREATE INDEX usable_by_investee ON disbursements(investee, status, type, currency, date, amount);
CREATE INDEX usable_by_phase ON disbursements(fund, phase, status, type, currency, date, amount);
CREATE INDEX usable_by_year ON disbursements(substr(date, 1, 4), investee, status, type, currency, date, amount);
COMMIT;
