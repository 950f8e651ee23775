-- Every talks move keeps the source it was recorded from: the opening, each round, each proposal
-- and each response (the prisoner exchanges kept theirs already), so that the read API and the
-- dashboard can link each of them. The talks processing group replays the event store from the
-- start to fill the columns (its tokens and stream positions are forgotten here).
ALTER TABLE talks ADD COLUMN source JSONB;
ALTER TABLE talks_round ADD COLUMN source JSONB;
ALTER TABLE talks_proposal ADD COLUMN source JSONB;
ALTER TABLE talks_response ADD COLUMN source JSONB;

DELETE FROM token_entry WHERE processor_name = 'talks';
DELETE FROM stream_position WHERE processing_group = 'talks';
TRUNCATE talks, talks_round, talks_proposal, talks_term, talks_response, talks_exchange, talks_version;
