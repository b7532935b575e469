-- Fundscope schema, step 5: every change to the data draws a new token as well as raising the
-- revision. Two copies of one database share their token; if each were then changed apart up to
-- the same revision, their stamps would be equal over different data, and a result kept for one
-- (the unfiltered dashboard) would be shown for the other. With a new token at every change, a
-- stamp matches only the very state it was taken from. (Step 4's triggers, redefined; a bulk
-- import draws the token once, with its single raise of the revision.)

DROP TRIGGER IF EXISTS currencies_insert_revision;
CREATE TRIGGER currencies_insert_revision AFTER INSERT ON currencies BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS currencies_update_revision;
CREATE TRIGGER currencies_update_revision AFTER UPDATE ON currencies BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS currencies_delete_revision;
CREATE TRIGGER currencies_delete_revision AFTER DELETE ON currencies BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS regions_insert_revision;
CREATE TRIGGER regions_insert_revision AFTER INSERT ON regions BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS regions_update_revision;
CREATE TRIGGER regions_update_revision AFTER UPDATE ON regions BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS regions_delete_revision;
CREATE TRIGGER regions_delete_revision AFTER DELETE ON regions BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS sectors_insert_revision;
CREATE TRIGGER sectors_insert_revision AFTER INSERT ON sectors BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS sectors_update_revision;
CREATE TRIGGER sectors_update_revision AFTER UPDATE ON sectors BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS sectors_delete_revision;
CREATE TRIGGER sectors_delete_revision AFTER DELETE ON sectors BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS segments_insert_revision;
CREATE TRIGGER segments_insert_revision AFTER INSERT ON segments BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS segments_update_revision;
CREATE TRIGGER segments_update_revision AFTER UPDATE ON segments BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS segments_delete_revision;
CREATE TRIGGER segments_delete_revision AFTER DELETE ON segments BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS funds_insert_revision;
CREATE TRIGGER funds_insert_revision AFTER INSERT ON funds BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS funds_update_revision;
CREATE TRIGGER funds_update_revision AFTER UPDATE ON funds BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS funds_delete_revision;
CREATE TRIGGER funds_delete_revision AFTER DELETE ON funds BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS phases_insert_revision;
CREATE TRIGGER phases_insert_revision AFTER INSERT ON phases BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS phases_update_revision;
CREATE TRIGGER phases_update_revision AFTER UPDATE ON phases BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS phases_delete_revision;
CREATE TRIGGER phases_delete_revision AFTER DELETE ON phases BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS investees_insert_revision;
CREATE TRIGGER investees_insert_revision AFTER INSERT ON investees BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS investees_update_revision;
CREATE TRIGGER investees_update_revision AFTER UPDATE ON investees BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS investees_delete_revision;
CREATE TRIGGER investees_delete_revision AFTER DELETE ON investees BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS disbursements_insert_revision;
CREATE TRIGGER disbursements_insert_revision AFTER INSERT ON disbursements BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS disbursements_update_revision;
CREATE TRIGGER disbursements_update_revision AFTER UPDATE ON disbursements BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS disbursements_delete_revision;
CREATE TRIGGER disbursements_delete_revision AFTER DELETE ON disbursements BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS exchange_rates_insert_revision;
CREATE TRIGGER exchange_rates_insert_revision AFTER INSERT ON exchange_rates BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS exchange_rates_update_revision;
CREATE TRIGGER exchange_rates_update_revision AFTER UPDATE ON exchange_rates BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
DROP TRIGGER IF EXISTS exchange_rates_delete_revision;
CREATE TRIGGER exchange_rates_delete_revision AFTER DELETE ON exchange_rates BEGIN UPDATE data_revision SET revision = revision + 1, token = lower(hex(randomblob(16))); END;
