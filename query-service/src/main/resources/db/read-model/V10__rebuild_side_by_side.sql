-- A rebuild replays a read model into copies of its tables beside the live ones and puts them in
-- the live tables' place when the replay has caught up; the replaced tables are compared with the
-- new ones and dropped. The live rows no longer need to be kept row by row for the comparison, and
-- a rebuild shows how far its replay has come.
DROP TABLE rebuild_snapshot_row;
ALTER TABLE rebuild ADD COLUMN replayed_position BIGINT;
ALTER TABLE rebuild ADD COLUMN replayed_events BIGINT;
