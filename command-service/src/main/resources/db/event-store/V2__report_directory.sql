-- Which ledger holds which report, so that a correction or a retraction addressed by report id
-- alone finds its stream. Written in the same transaction as the report's event.
CREATE TABLE report_directory (
    conflict_id VARCHAR(255) NOT NULL,
    report_id   VARCHAR(255) NOT NULL,
    ledger_id   VARCHAR(255) NOT NULL,
    PRIMARY KEY (conflict_id, report_id)
);
