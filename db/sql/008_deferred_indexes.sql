-- Fundscope schema, step 8: the indexes a big import leaves to be built after its commit.
-- Such an import commits its rows with the indexes the totals and the fund and investee filters
-- read, and lists here the ones that only the Disbursements page's sorts and the filters by date,
-- amount, type, status, confidence and stake read (DeferredIndexes). They are then built one
-- transaction each while the data is in use; until then those sorts and filters are slower, never
-- wrong. A crash between the two stages leaves the list, and the next session builds what it
-- names.
CREATE TABLE IF NOT EXISTS deferred_indexes (
    name TEXT PRIMARY KEY,
    sql  TEXT NOT NULL
);
