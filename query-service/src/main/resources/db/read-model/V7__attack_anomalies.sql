-- Attacks whose figures contradict themselves (intercepted above launched, shot down and
-- suppressed not adding up to intercepted, intercepted and lost above launched, decoys above
-- launched): every version of an attack keeps the inconsistencies of its own figures, as a JSON
-- list of {check, message} (empty: none). An attack is anomalous while its version current at an
-- instant has any; the list of attack anomalies, open or resolved, is derived from the versions.
-- The attacks processing group replays the event store from the start to fill the column.
ALTER TABLE attack ADD COLUMN anomalies JSONB NOT NULL DEFAULT '[]'::jsonb;
CREATE INDEX attack_anomalous ON attack (conflict_id, attack_id) WHERE anomalies <> '[]'::jsonb;

DELETE FROM token_entry WHERE processor_name = 'attacks';
DELETE FROM stream_position WHERE processing_group = 'attacks';
TRUNCATE attack;
