-- Fundscope schema, step 4: a revision number that every change to the data raises.
-- What is computed from the data and kept between sessions (the unfiltered dashboard, shown
-- before the aggregation cache has loaded) is stamped with (token, revision) and used only while
-- both still match. Triggers, not the application, keep the number, so a change made by any
-- program (the sqlite3 tool, a script) makes the stamp stale too. The token tells apart two
-- databases that happen to sit at the same path with the same revision.
-- A trigger gives each INSERT a statement journal, which at a million rows costs seconds, so a
-- bulk import drops the disbursements' triggers for its transaction and raises the revision once
-- by the rows it stored (InterchangeLoader).

CREATE TABLE data_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL,
    token    TEXT NOT NULL
);
INSERT INTO data_revision (id, revision, token) VALUES (1, 0, lower(hex(randomblob(16))));

CREATE TRIGGER currencies_insert_revision AFTER INSERT ON currencies BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER currencies_update_revision AFTER UPDATE ON currencies BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER currencies_delete_revision AFTER DELETE ON currencies BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER regions_insert_revision AFTER INSERT ON regions BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER regions_update_revision AFTER UPDATE ON regions BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER regions_delete_revision AFTER DELETE ON regions BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER sectors_insert_revision AFTER INSERT ON sectors BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER sectors_update_revision AFTER UPDATE ON sectors BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER sectors_delete_revision AFTER DELETE ON sectors BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER segments_insert_revision AFTER INSERT ON segments BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER segments_update_revision AFTER UPDATE ON segments BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER segments_delete_revision AFTER DELETE ON segments BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER funds_insert_revision AFTER INSERT ON funds BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER funds_update_revision AFTER UPDATE ON funds BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER funds_delete_revision AFTER DELETE ON funds BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER phases_insert_revision AFTER INSERT ON phases BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER phases_update_revision AFTER UPDATE ON phases BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER phases_delete_revision AFTER DELETE ON phases BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER investees_insert_revision AFTER INSERT ON investees BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER investees_update_revision AFTER UPDATE ON investees BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER investees_delete_revision AFTER DELETE ON investees BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER disbursements_insert_revision AFTER INSERT ON disbursements BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER disbursements_update_revision AFTER UPDATE ON disbursements BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER disbursements_delete_revision AFTER DELETE ON disbursements BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER exchange_rates_insert_revision AFTER INSERT ON exchange_rates BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER exchange_rates_update_revision AFTER UPDATE ON exchange_rates BEGIN UPDATE data_revision SET revision = revision + 1; END;
CREATE TRIGGER exchange_rates_delete_revision AFTER DELETE ON exchange_rates BEGIN UPDATE data_revision SET revision = revision + 1; END;
