-- Audit: dead letters of the processing groups, and the rebuilds auditors ask for.

-- Axon's JdbcSequencedDeadLetterQueue (one queue per processing group, told apart by
-- processing_group). Column names are set in DeadLetterConfiguration; types follow Axon's
-- GenericDeadLetterTableFactory with PostgreSQL's: serialized values (Jackson JSON) as BYTEA,
-- times as the ISO-8601 text Axon writes. Written in the processor's transaction, with its token.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255) NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        TEXT,
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- A rebuild of one processing group's read model: the checksum of its tables before the reset,
-- the checksum once the replay has caught up with the head captured at the start, and the rows
-- that differ (a few, as JSON) when they do not match.
CREATE TABLE rebuild (
    rebuild_id       UUID         NOT NULL PRIMARY KEY,
    processing_group VARCHAR(100) NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    requested_by     VARCHAR(255),
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ,
    head_position    BIGINT,
    rows_before      BIGINT,
    rows_after       BIGINT,
    checksum_before  VARCHAR(64),
    checksum_after   VARCHAR(64),
    matches          BOOLEAN,
    differences      JSONB,
    failure          TEXT
);
CREATE INDEX rebuild_group ON rebuild (processing_group, started_at);

-- The live rows of a group's tables taken just before its reset, each as PostgreSQL's text form
-- of the row; compared with the rebuilt rows, then deleted.
CREATE TABLE rebuild_snapshot_row (
    rebuild_id UUID         NOT NULL REFERENCES rebuild ON DELETE CASCADE,
    table_name VARCHAR(100) NOT NULL,
    row_text   TEXT         NOT NULL
);
CREATE INDEX rebuild_snapshot_row_rebuild ON rebuild_snapshot_row (rebuild_id);
