-- Fundscope schema, step 1. Amounts are integers in minor units of an ISO 4217 currency;
-- an undisclosed amount is NULL amount and NULL currency, never 0. Dates are ISO text at their
-- reported precision: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; NULL when unknown.
-- Word lists are checked as `x = 'a' OR x = 'b'`: SQLite evaluates `x IN ('a', 'b')` in a CHECK
-- by building a temporary table for every row written, which made bulk inserts several times slower. A full date must
-- survive date(d, '+0 days'): the modifier makes SQLite normalise an impossible day (2021-02-30
-- becomes 2021-03-02), whereas date(d) alone echoes it back unchanged.

CREATE TABLE currencies (
    code          TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
    name          TEXT NOT NULL,
    minor_digits  INTEGER NOT NULL DEFAULT 2 CHECK (minor_digits BETWEEN 0 AND 4)
);

CREATE TABLE regions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind = 'country' OR kind = 'province' OR kind = 'city'),
    parent_id  INTEGER REFERENCES regions(id) ON DELETE RESTRICT,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_zh    TEXT,
    code       TEXT,
    CHECK ((kind = 'country') = (parent_id IS NULL))
);
CREATE UNIQUE INDEX regions_by_parent_name ON regions(ifnull(parent_id, 0), kind, name);

CREATE TABLE sectors (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    name_zh  TEXT
);

CREATE TABLE segments (
    id         INTEGER PRIMARY KEY,
    sector_id  INTEGER NOT NULL REFERENCES sectors(id) ON DELETE RESTRICT,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_zh    TEXT,
    UNIQUE (sector_id, name)
);

CREATE TABLE funds (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    name_zh         TEXT,
    kind            TEXT NOT NULL CHECK (kind = 'fund' OR kind = 'platform' OR kind = 'bank' OR kind = 'soe'),
    level           TEXT NOT NULL CHECK (level = 'national' OR level = 'provincial' OR level = 'municipal' OR level = 'district'),
    country_id      INTEGER REFERENCES regions(id) ON DELETE RESTRICT,
    province_id     INTEGER REFERENCES regions(id) ON DELETE RESTRICT,
    city_id         INTEGER REFERENCES regions(id) ON DELETE RESTRICT,
    parent_fund_id  INTEGER REFERENCES funds(id) ON DELETE RESTRICT CHECK (parent_fund_id <> id),
    manager         TEXT,
    notes           TEXT,
    source_url      TEXT
);
CREATE INDEX funds_by_parent ON funds(parent_fund_id);

CREATE TABLE phases (
    id             INTEGER PRIMARY KEY,
    fund_id        INTEGER NOT NULL REFERENCES funds(id) ON DELETE RESTRICT,
    label          TEXT NOT NULL CHECK (length(trim(label)) > 0),
    start_date     TEXT CHECK (start_date IS NULL
                       OR (start_date GLOB '[12][0-9][0-9][0-9]')
                       OR (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                           AND substr(start_date, 6, 2) BETWEEN '01' AND '12')
                       OR (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                           AND date(start_date, '+0 days') IS start_date)),
    capital_minor  INTEGER CHECK (capital_minor IS NULL OR (typeof(capital_minor) = 'integer' AND capital_minor > 0)),
    currency       TEXT REFERENCES currencies(code) ON DELETE RESTRICT,
    capital_basis  TEXT,
    source_url     TEXT,
    CHECK ((capital_minor IS NULL) = (currency IS NULL)),
    UNIQUE (fund_id, label)
);

CREATE TABLE investees (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    name_zh      TEXT,
    kind         TEXT NOT NULL CHECK (kind = 'company' OR kind = 'fund'),
    fund_id      INTEGER REFERENCES funds(id) ON DELETE RESTRICT,
    sector_id    INTEGER REFERENCES sectors(id) ON DELETE RESTRICT,
    segment_id   INTEGER REFERENCES segments(id) ON DELETE RESTRICT,
    country_id   INTEGER REFERENCES regions(id) ON DELETE RESTRICT,
    province_id  INTEGER REFERENCES regions(id) ON DELETE RESTRICT,
    city_id      INTEGER REFERENCES regions(id) ON DELETE RESTRICT,
    ticker       TEXT,
    founded      TEXT CHECK (founded IS NULL
                     OR (founded GLOB '[12][0-9][0-9][0-9]')
                     OR (founded GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                         AND substr(founded, 6, 2) BETWEEN '01' AND '12')
                     OR (founded GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                         AND date(founded, '+0 days') IS founded)),
    notes        TEXT,
    source_url   TEXT,
    CHECK (kind = 'fund' OR fund_id IS NULL),
    CHECK (segment_id IS NULL OR sector_id IS NOT NULL)
);
CREATE INDEX investees_by_sector ON investees(sector_id, segment_id);
CREATE INDEX investees_by_province ON investees(province_id, city_id);
CREATE INDEX investees_by_fund ON investees(fund_id);
CREATE INDEX investees_by_name_zh ON investees(name_zh);

CREATE TABLE disbursements (
    id            INTEGER PRIMARY KEY,
    phase_id      INTEGER NOT NULL REFERENCES phases(id) ON DELETE RESTRICT,
    investee_id   INTEGER NOT NULL REFERENCES investees(id) ON DELETE RESTRICT,
    value_date    TEXT CHECK (value_date IS NULL
                      OR (value_date GLOB '[12][0-9][0-9][0-9]')
                      OR (value_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                          AND substr(value_date, 6, 2) BETWEEN '01' AND '12')
                      OR (value_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                          AND date(value_date, '+0 days') IS value_date)),
    type          TEXT NOT NULL CHECK (type = 'commitment' OR type = 'disbursement' OR type = 'equity purchase' OR type = 'equity sale' OR type = 'loan' OR type = 'grant'),
    amount_minor  INTEGER CHECK (amount_minor IS NULL OR (typeof(amount_minor) = 'integer' AND amount_minor > 0)),
    currency      TEXT REFERENCES currencies(code) ON DELETE RESTRICT,
    stake_pct     REAL CHECK (stake_pct IS NULL OR (stake_pct >= 0 AND stake_pct <= 100)),
    status        TEXT NOT NULL CHECK (status = 'announced' OR status = 'committed' OR status = 'completed' OR status = 'cancelled'),
    confidence    TEXT NOT NULL DEFAULT 'medium' CHECK (confidence = 'high' OR confidence = 'medium' OR confidence = 'low'),
    source_url    TEXT,
    notes         TEXT,
    year          INTEGER GENERATED ALWAYS AS (CAST(substr(value_date, 1, 4) AS INTEGER)) VIRTUAL,
    CHECK ((amount_minor IS NULL) = (currency IS NULL))
);
CREATE INDEX disbursements_by_phase ON disbursements(phase_id, value_date);
CREATE INDEX disbursements_by_investee ON disbursements(investee_id, value_date);
CREATE INDEX disbursements_by_date ON disbursements(value_date);
CREATE INDEX disbursements_by_amount ON disbursements(amount_minor);
CREATE INDEX disbursements_by_type ON disbursements(type);
CREATE INDEX disbursements_by_status ON disbursements(status);
CREATE INDEX disbursements_by_confidence ON disbursements(confidence);
CREATE INDEX disbursements_by_stake ON disbursements(stake_pct);
CREATE INDEX disbursements_by_year ON disbursements(year, currency);

CREATE TABLE exchange_rates (
    currency      TEXT NOT NULL REFERENCES currencies(code) ON DELETE RESTRICT,
    year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    cny_per_unit  REAL NOT NULL CHECK (cny_per_unit > 0),
    source        TEXT,
    PRIMARY KEY (currency, year)
) WITHOUT ROWID;

CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    user        TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
    table_name  TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    field       TEXT,
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX history_by_row ON history(table_name, row_id);
