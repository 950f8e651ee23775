-- The event store written by the command-service through Axon's JdbcEventStorageEngine.
-- Payload and metadata are JSON text (Jackson): an auditor can read them with plain SQL,
-- e.g. SELECT payload::jsonb FROM event_store.domain_event_entry WHERE aggregate_identifier = '...'.

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              TEXT         NOT NULL,
    meta_data            TEXT,
    CONSTRAINT domain_event_entry_stream_version UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              TEXT         NOT NULL,
    meta_data            TEXT,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- Readers (the query-service, downstream Axon applications) get SELECT only, through this role,
-- when the database has it; see README "Database roles".
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'event_reader') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA ' || current_schema() || ' TO event_reader';
        EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || current_schema() || ' TO event_reader';
        EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || current_schema() || ' GRANT SELECT ON TABLES TO event_reader';
    END IF;
END
$$;
