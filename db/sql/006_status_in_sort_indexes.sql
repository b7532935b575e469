-- Fundscope schema, step 6: the indexes the Disbursements page sorts by (date, amount, type,
-- confidence, stake) carry the id and the status, as step 3 did for phase and investee.
-- Every filter names the statuses it keeps, so a window of rows deep into a sorted result
-- (the scroll bar dragged to the middle of a million rows) finds its ids by stepping through the
-- index alone, instead of reading each passed row from the table to check its status: at a
-- million rows, 3.4 s became about 0.05 s. The id comes before the status so that the index is
-- in the page's order (column, id). The names do not change (the import's drop and rebuild
-- reads the definitions back from sqlite_master). disbursements_by_status needs neither: its
-- entries are (status, rowid) already.

DROP INDEX IF EXISTS disbursements_by_date;
CREATE INDEX disbursements_by_date ON disbursements(value_date, id, status);
DROP INDEX IF EXISTS disbursements_by_amount;
CREATE INDEX disbursements_by_amount ON disbursements(amount_minor, id, status);
DROP INDEX IF EXISTS disbursements_by_type;
CREATE INDEX disbursements_by_type ON disbursements(type, id, status);
DROP INDEX IF EXISTS disbursements_by_confidence;
CREATE INDEX disbursements_by_confidence ON disbursements(confidence, id, status);
DROP INDEX IF EXISTS disbursements_by_stake;
CREATE INDEX disbursements_by_stake ON disbursements(stake_pct, id, status);
