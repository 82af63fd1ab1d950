-- connectome trial store, SQLite dialect, schema version 1.
-- Times are epoch milliseconds (the store's clock, not the database's); JSON is TEXT.
CREATE TABLE studies (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    space       TEXT    NOT NULL,
    strategy    TEXT    NOT NULL,
    evaluator   TEXT    NOT NULL,
    direction   TEXT    NOT NULL CHECK (direction IN ('MAXIMIZE', 'MINIMIZE')),
    seed        INTEGER NOT NULL,
    settings    TEXT    NOT NULL,
    provenance  TEXT    NOT NULL,
    created     INTEGER NOT NULL
);

CREATE TABLE trials (
    study_id     INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 0),
    state        TEXT    NOT NULL CHECK (state IN ('WAITING', 'RUNNING', 'COMPLETE', 'FAILED', 'STALE')),
    architecture TEXT    NOT NULL,
    arch_key     TEXT    NOT NULL,
    value        REAL,
    metrics      TEXT    NOT NULL DEFAULT '{}',
    cost_seconds REAL,
    failure      TEXT,
    worker       TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    enqueued     INTEGER NOT NULL,
    started      INTEGER,
    heartbeat    INTEGER,
    finished     INTEGER,
    PRIMARY KEY (study_id, number)
);

-- claim() looks for the lowest-numbered WAITING/STALE trial; markStale() scans RUNNING ones.
CREATE INDEX trials_by_state ON trials (study_id, state, number);

CREATE TABLE intermediate_values (
    study_id INTEGER NOT NULL,
    number   INTEGER NOT NULL,
    step     INTEGER NOT NULL,
    value    REAL,
    PRIMARY KEY (study_id, number, step),
    FOREIGN KEY (study_id, number) REFERENCES trials (study_id, number) ON DELETE CASCADE
);

-- The latest strategy state per study (the store keeps only the newest).
CREATE TABLE snapshots (
    study_id      INTEGER PRIMARY KEY REFERENCES studies (id) ON DELETE CASCADE,
    through_trial INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    saved         INTEGER NOT NULL
);
