-- The query-service instances sharing the processing: each writes a heartbeat here, and an instance
-- that holds more than its share of a processor's segments releases one for another to claim.
CREATE TABLE processing_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
