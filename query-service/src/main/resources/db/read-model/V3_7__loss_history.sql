-- Losses, bitemporal: every version of every report, each with the interval of recorded time
-- [recorded_from, recorded_to) in which it was the current knowledge (recorded_to NULL: it still is).
-- "As known at T" is a condition on that interval. A retraction and a restoration are versions too
-- (retracted = TRUE while the report is withdrawn). The losses processing group is replayed from
-- the start to fill the new tables.
DROP TABLE loss_figure;
DROP TABLE loss_report;

CREATE TABLE loss_report (
    ledger_id     VARCHAR(255) NOT NULL,
    report_id     VARCHAR(255) NOT NULL,
    revision      BIGINT       NOT NULL, -- the ledger's version (event sequence number) that wrote this version
    conflict_id   VARCHAR(255) NOT NULL,
    side          VARCHAR(50)  NOT NULL,
    claimant      TEXT         NOT NULL,
    as_of         VARCHAR(10)  NOT NULL,
    as_of_start   DATE         NOT NULL,
    as_of_end     DATE         NOT NULL,
    -- the first world date on which the figure is shown by an asOf read: the end of its period, or
    -- for a month or a year the day it was published when that is earlier
    visible_from  DATE         NOT NULL,
    basis         VARCHAR(20)  NOT NULL,
    source        JSONB,
    recorded_at   TIMESTAMPTZ  NOT NULL, -- when the report was first recorded
    change        VARCHAR(20)  NOT NULL, -- REPORTED, CORRECTED, REVISED, RETRACTED, RESTORED
    reason        TEXT,
    recorded_by   TEXT,
    retracted     BOOLEAN      NOT NULL,
    recorded_from TIMESTAMPTZ  NOT NULL,
    recorded_to   TIMESTAMPTZ,
    PRIMARY KEY (ledger_id, report_id, revision)
);
CREATE INDEX loss_report_current ON loss_report (conflict_id, side, visible_from)
    WHERE recorded_to IS NULL AND NOT retracted;
CREATE INDEX loss_report_current_ledger ON loss_report (ledger_id, as_of_end)
    WHERE recorded_to IS NULL AND NOT retracted;
CREATE INDEX loss_report_known ON loss_report (conflict_id, side, recorded_from, recorded_to);
CREATE INDEX loss_report_history ON loss_report (conflict_id, report_id, revision);

CREATE TABLE loss_figure (
    ledger_id   VARCHAR(255) NOT NULL,
    report_id   VARCHAR(255) NOT NULL,
    revision    BIGINT       NOT NULL,
    category    VARCHAR(50)  NOT NULL,
    value       BIGINT       NOT NULL,
    qualifier   VARCHAR(20)  NOT NULL,
    lower_bound BIGINT,
    upper_bound BIGINT,
    PRIMARY KEY (ledger_id, report_id, revision, category),
    FOREIGN KEY (ledger_id, report_id, revision) REFERENCES loss_report ON DELETE CASCADE
);

-- Two cumulative figures of one claimant that contradict each other: the earlier one's floor is
-- above the later one's ceiling (on neighbouring world dates, or the same one). Open while both
-- stand as they are; resolved by the change that removed the contradiction.
CREATE TABLE loss_anomaly (
    ledger_id          VARCHAR(255) NOT NULL,
    category           VARCHAR(50)  NOT NULL,
    earlier_report_id  VARCHAR(255) NOT NULL,
    later_report_id    VARCHAR(255) NOT NULL,
    opened_at          TIMESTAMPTZ  NOT NULL,
    conflict_id        VARCHAR(255) NOT NULL,
    side               VARCHAR(50)  NOT NULL,
    claimant           TEXT         NOT NULL,
    earlier_as_of      VARCHAR(10)  NOT NULL,
    earlier_as_of_end  DATE         NOT NULL,
    earlier_value      BIGINT       NOT NULL,
    later_as_of        VARCHAR(10)  NOT NULL,
    later_as_of_end    DATE         NOT NULL,
    later_value        BIGINT       NOT NULL,
    opened_by          VARCHAR(255) NOT NULL, -- the report whose change opened it
    resolved_at        TIMESTAMPTZ,
    resolved_by        VARCHAR(255),
    PRIMARY KEY (ledger_id, category, earlier_report_id, later_report_id, opened_at)
);
CREATE INDEX loss_anomaly_conflict ON loss_anomaly (conflict_id, side, opened_at);
CREATE INDEX loss_anomaly_ledger ON loss_anomaly (ledger_id, category, earlier_as_of_end) WHERE resolved_at IS NULL;

DELETE FROM token_entry WHERE processor_name = 'losses';
DELETE FROM stream_position WHERE processing_group = 'losses';
