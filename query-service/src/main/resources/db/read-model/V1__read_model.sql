-- Read models of the query-service. Every table is derived from the event store and can be
-- rebuilt from it: a processing group's reset handler empties its own tables.

-- Axon's token store: how far each processor (and segment) has read the event stream.
-- Written in the same transaction as the projections' rows.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          TEXT,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The last version of each stream that a processing group has applied: handlers skip what they
-- have already seen (idempotency), and readers wait on it (read-your-writes).
CREATE TABLE stream_position (
    processing_group VARCHAR(100) NOT NULL,
    stream_id        VARCHAR(255) NOT NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (processing_group, stream_id)
);

-- conflicts
CREATE TABLE conflict (
    conflict_id VARCHAR(255) PRIMARY KEY,
    name        TEXT  NOT NULL,
    parties     JSONB NOT NULL,
    start_date  DATE  NOT NULL
);

-- losses: one row per report, one per figure of the report (corrections replace the figures)
CREATE TABLE loss_report (
    ledger_id   VARCHAR(255) NOT NULL,
    report_id   VARCHAR(255) NOT NULL,
    conflict_id VARCHAR(255) NOT NULL,
    side        VARCHAR(50)  NOT NULL,
    claimant    TEXT         NOT NULL,
    as_of       VARCHAR(10)  NOT NULL,
    as_of_start DATE         NOT NULL,
    as_of_end   DATE         NOT NULL,
    basis       VARCHAR(20)  NOT NULL,
    source      JSONB,
    recorded_at TIMESTAMPTZ  NOT NULL,
    corrected   BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (ledger_id, report_id)
);
CREATE INDEX loss_report_conflict ON loss_report (conflict_id, side, as_of_end);

CREATE TABLE loss_figure (
    ledger_id VARCHAR(255) NOT NULL,
    report_id VARCHAR(255) NOT NULL,
    category  VARCHAR(50)  NOT NULL,
    value     BIGINT       NOT NULL,
    qualifier VARCHAR(20)  NOT NULL,
    PRIMARY KEY (ledger_id, report_id, category),
    FOREIGN KEY (ledger_id, report_id) REFERENCES loss_report ON DELETE CASCADE
);

-- attacks (retracted attacks are deleted)
CREATE TABLE attack (
    attack_id             VARCHAR(255) PRIMARY KEY,
    conflict_id           VARCHAR(255) NOT NULL,
    attacker              VARCHAR(50),
    description           TEXT,
    targets               JSONB        NOT NULL,
    start_date            DATE         NOT NULL,
    end_date              DATE,
    started_at            TIMESTAMPTZ,
    ended_at              TIMESTAMPTZ,
    weapons               JSONB        NOT NULL,
    launched              INTEGER      NOT NULL,
    intercepted           INTEGER      NOT NULL,
    killed                INTEGER,
    injured               INTEGER,
    claimant              TEXT,
    source                JSONB,
    casualties_claimant   TEXT,
    casualties_source     JSONB,
    corrected             BOOLEAN      NOT NULL DEFAULT FALSE,
    recorded_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX attack_conflict ON attack (conflict_id, start_date);

-- talks
CREATE TABLE talks (
    talks_id      VARCHAR(255) PRIMARY KEY,
    conflict_id   VARCHAR(255) NOT NULL,
    title         TEXT,
    parties       JSONB        NOT NULL,
    mediators     JSONB        NOT NULL,
    venue         TEXT,
    opened_on     DATE,
    status        VARCHAR(20)  NOT NULL,
    last_activity DATE
);
CREATE INDEX talks_conflict ON talks (conflict_id);

CREATE TABLE talks_round (
    talks_id VARCHAR(255) NOT NULL,
    round    INTEGER      NOT NULL,
    date     DATE,
    venue    TEXT,
    summary  TEXT,
    PRIMARY KEY (talks_id, round)
);

CREATE TABLE talks_proposal (
    talks_id    VARCHAR(255) NOT NULL,
    proposal_id VARCHAR(255) NOT NULL,
    proposer    VARCHAR(50)  NOT NULL,
    date        DATE,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (talks_id, proposal_id)
);

CREATE TABLE talks_term (
    talks_id    VARCHAR(255) NOT NULL,
    proposal_id VARCHAR(255) NOT NULL,
    term_id     VARCHAR(255) NOT NULL,
    position    INTEGER      NOT NULL,
    type        VARCHAR(50)  NOT NULL,
    text        TEXT,
    parameters  JSONB        NOT NULL,
    PRIMARY KEY (talks_id, proposal_id, term_id)
);

CREATE TABLE talks_response (
    talks_id    VARCHAR(255) NOT NULL,
    proposal_id VARCHAR(255) NOT NULL,
    term_id     VARCHAR(255) NOT NULL,
    party       VARCHAR(50)  NOT NULL,
    response    VARCHAR(20)  NOT NULL,
    date        DATE,
    reason      TEXT,
    PRIMARY KEY (talks_id, proposal_id, term_id, party)
);

CREATE TABLE talks_exchange (
    talks_id           VARCHAR(255) NOT NULL,
    version            BIGINT       NOT NULL,
    date               DATE,
    prisoners_released JSONB        NOT NULL,
    bodies_returned    JSONB        NOT NULL,
    description        TEXT,
    source             JSONB,
    PRIMARY KEY (talks_id, version)
);

-- timeline: one entry per fact as currently known (corrections rewrite it, retractions remove it)
CREATE TABLE timeline_entry (
    conflict_id VARCHAR(255) NOT NULL,
    stream_id   VARCHAR(255) NOT NULL,
    entry_key   VARCHAR(255) NOT NULL,
    kind        VARCHAR(50)  NOT NULL,
    world_date  VARCHAR(10)  NOT NULL,
    date_start  DATE         NOT NULL,
    date_end    DATE         NOT NULL,
    summary     TEXT         NOT NULL,
    claimant    TEXT,
    source      JSONB,
    corrected   BOOLEAN      NOT NULL DEFAULT FALSE,
    recorded_at TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (stream_id, entry_key)
);
CREATE INDEX timeline_entry_conflict ON timeline_entry (conflict_id, date_end);
