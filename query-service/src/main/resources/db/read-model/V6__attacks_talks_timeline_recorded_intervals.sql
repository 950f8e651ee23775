-- Attacks, talks and the timeline keep every version of their rows, each with the recorded interval
-- [recorded_from, recorded_to) during which it was the current knowledge (recorded_to NULL: it
-- still is). "As known at T" is then one indexed query: recorded_from <= T AND (recorded_to IS NULL
-- OR recorded_to > T). The tables are recreated empty and their processing groups replay the event
-- store from the start (their tokens and stream positions are forgotten here).

DELETE FROM token_entry WHERE processor_name IN ('attacks', 'talks', 'timeline');
DELETE FROM stream_position WHERE processing_group IN ('attacks', 'talks', 'timeline');

-- attacks: one row per version of an attack. A figure over the weapon lines is its sum over the
-- lines that give it (NULL when none does: not reported, never zero) and whether every line gives
-- it (*_complete). A retraction is a version of its own whose interval is empty.
DROP TABLE attack;
CREATE TABLE attack (
    attack_id             VARCHAR(255) NOT NULL,
    version               BIGINT       NOT NULL,
    conflict_id           VARCHAR(255) NOT NULL,
    attacker              VARCHAR(50),
    description           TEXT,
    targets               JSONB        NOT NULL,
    launch_areas          JSONB        NOT NULL,
    start_date            DATE         NOT NULL,
    end_date              DATE,
    started_at            TIMESTAMPTZ,
    ended_at              TIMESTAMPTZ,
    weapons               JSONB        NOT NULL,
    launched              BIGINT,
    launched_complete     BOOLEAN      NOT NULL,
    intercepted           BIGINT,
    intercepted_complete  BOOLEAN      NOT NULL,
    shot_down             BIGINT,
    shot_down_complete    BOOLEAN      NOT NULL,
    suppressed            BIGINT,
    suppressed_complete   BOOLEAN      NOT NULL,
    lost                  BIGINT,
    lost_complete         BOOLEAN      NOT NULL,
    decoys                BIGINT,
    decoys_complete       BOOLEAN      NOT NULL,
    killed                INTEGER,
    injured               INTEGER,
    claimant              TEXT,
    source                JSONB,
    casualties_claimant   TEXT,
    casualties_source     JSONB,
    corrected             BOOLEAN      NOT NULL,
    recorded_at           TIMESTAMPTZ  NOT NULL,
    change                VARCHAR(30)  NOT NULL,
    changed_by            TEXT,
    change_reason         TEXT,
    change_source         JSONB,
    recorded_from         TIMESTAMPTZ  NOT NULL,
    recorded_to           TIMESTAMPTZ,
    PRIMARY KEY (attack_id, version)
);
CREATE INDEX attack_current ON attack (conflict_id, start_date) WHERE recorded_to IS NULL;
CREATE INDEX attack_known_at ON attack (conflict_id, recorded_from, recorded_to);

-- talks: the whole talks view after each move, as JSON, with its recorded interval.
CREATE TABLE talks_version (
    talks_id      VARCHAR(255) NOT NULL,
    version       BIGINT       NOT NULL,
    conflict_id   VARCHAR(255) NOT NULL,
    view          JSONB        NOT NULL,
    recorded_from TIMESTAMPTZ  NOT NULL,
    recorded_to   TIMESTAMPTZ,
    PRIMARY KEY (talks_id, version)
);
CREATE INDEX talks_version_known_at ON talks_version (talks_id, recorded_from);
TRUNCATE talks, talks_round, talks_proposal, talks_term, talks_response, talks_exchange;

-- timeline: one row per version of an entry; recorded_at and first_version are the entry's first.
DROP TABLE timeline_entry;
CREATE TABLE timeline_entry (
    conflict_id   VARCHAR(255) NOT NULL,
    stream_id     VARCHAR(255) NOT NULL,
    entry_key     VARCHAR(255) NOT NULL,
    kind          VARCHAR(50)  NOT NULL,
    world_date    VARCHAR(10)  NOT NULL,
    date_start    DATE         NOT NULL,
    date_end      DATE         NOT NULL,
    summary       TEXT         NOT NULL,
    claimant      TEXT,
    source        JSONB,
    corrected     BOOLEAN      NOT NULL DEFAULT FALSE,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    first_version BIGINT       NOT NULL,
    version       BIGINT       NOT NULL,
    recorded_from TIMESTAMPTZ  NOT NULL,
    recorded_to   TIMESTAMPTZ,
    PRIMARY KEY (stream_id, entry_key, version)
);
CREATE INDEX timeline_entry_current ON timeline_entry (conflict_id, date_end) WHERE recorded_to IS NULL;
CREATE INDEX timeline_entry_known_at ON timeline_entry (conflict_id, recorded_from, recorded_to);
CREATE INDEX timeline_entry_stream ON timeline_entry (stream_id, entry_key) WHERE recorded_to IS NULL;
