-- Run first on every sqlite3 connection of the baselines: a 64 MB page cache instead of the
-- tool's 2 MB default, so that a join's lookups (names, rates) stay in memory rather than
-- being read again from the operating system for every row — the best the tool can do.
PRAGMA cache_size = -65536;
