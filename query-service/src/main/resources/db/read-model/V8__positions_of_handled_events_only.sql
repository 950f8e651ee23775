-- A read model's processor no longer records a stream position for the events it has no handler
-- for (processing.Projection has no catch-all): a group's position of a stream is now the version
-- of the stream's last event that the group handles, and a stream none of whose events it handles
-- has no position. The positions the catch-all wrote are brought to that form, so that the first
-- rebuild after this version compares like with like (its checksums cover the positions). The
-- event types are each projection's @EventHandler payloads. A position is only lowered (to the last
-- handled event the processor has passed), never raised: a processor whose token lags the store
-- must still apply the handled events after it. Without the PostgreSQL event store
-- (the axonserver profile) nothing is changed here: a rebuild there brings the positions to that
-- form, once, with a checksum that differs that time.
DO $$
BEGIN
    IF to_regclass('event_store.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    UPDATE stream_position p SET version = handled.version
    FROM (SELECT e.aggregate_identifier AS stream_id, max(e.sequence_number) AS version
          FROM event_store.domain_event_entry e
          WHERE e.payload_type IN ('io.warnews.events.ConflictRegistered')
          GROUP BY e.aggregate_identifier) handled
    WHERE p.processing_group = 'conflicts' AND p.stream_id = handled.stream_id AND handled.version < p.version;
    DELETE FROM stream_position p
    WHERE p.processing_group = 'conflicts' AND NOT EXISTS (
        SELECT 1 FROM event_store.domain_event_entry e
        WHERE e.aggregate_identifier = p.stream_id AND e.payload_type IN ('io.warnews.events.ConflictRegistered'));
    UPDATE stream_position p SET version = handled.version
    FROM (SELECT e.aggregate_identifier AS stream_id, max(e.sequence_number) AS version
          FROM event_store.domain_event_entry e
          WHERE e.payload_type IN ('io.warnews.events.LossesReported', 'io.warnews.events.LossReportCorrected', 'io.warnews.events.LossReportRevised', 'io.warnews.events.LossReportRetracted', 'io.warnews.events.LossReportRestored')
          GROUP BY e.aggregate_identifier) handled
    WHERE p.processing_group = 'losses' AND p.stream_id = handled.stream_id AND handled.version < p.version;
    DELETE FROM stream_position p
    WHERE p.processing_group = 'losses' AND NOT EXISTS (
        SELECT 1 FROM event_store.domain_event_entry e
        WHERE e.aggregate_identifier = p.stream_id AND e.payload_type IN ('io.warnews.events.LossesReported', 'io.warnews.events.LossReportCorrected', 'io.warnews.events.LossReportRevised', 'io.warnews.events.LossReportRetracted', 'io.warnews.events.LossReportRestored'));
    UPDATE stream_position p SET version = handled.version
    FROM (SELECT e.aggregate_identifier AS stream_id, max(e.sequence_number) AS version
          FROM event_store.domain_event_entry e
          WHERE e.payload_type IN ('io.warnews.events.AttackLaunched', 'io.warnews.events.AttackCorrected', 'io.warnews.events.AttackCasualtiesRevised', 'io.warnews.events.AttackRetracted')
          GROUP BY e.aggregate_identifier) handled
    WHERE p.processing_group = 'attacks' AND p.stream_id = handled.stream_id AND handled.version < p.version;
    DELETE FROM stream_position p
    WHERE p.processing_group = 'attacks' AND NOT EXISTS (
        SELECT 1 FROM event_store.domain_event_entry e
        WHERE e.aggregate_identifier = p.stream_id AND e.payload_type IN ('io.warnews.events.AttackLaunched', 'io.warnews.events.AttackCorrected', 'io.warnews.events.AttackCasualtiesRevised', 'io.warnews.events.AttackRetracted'));
    UPDATE stream_position p SET version = handled.version
    FROM (SELECT e.aggregate_identifier AS stream_id, max(e.sequence_number) AS version
          FROM event_store.domain_event_entry e
          WHERE e.payload_type IN ('io.warnews.events.TalksOpened', 'io.warnews.events.TermsProposed', 'io.warnews.events.TermsAccepted', 'io.warnews.events.TermsRejected', 'io.warnews.events.RoundHeld', 'io.warnews.events.PrisonersExchanged', 'io.warnews.events.AgreementSigned', 'io.warnews.events.TalksSuspended', 'io.warnews.events.TalksResumed', 'io.warnews.events.TalksCollapsed')
          GROUP BY e.aggregate_identifier) handled
    WHERE p.processing_group = 'talks' AND p.stream_id = handled.stream_id AND handled.version < p.version;
    DELETE FROM stream_position p
    WHERE p.processing_group = 'talks' AND NOT EXISTS (
        SELECT 1 FROM event_store.domain_event_entry e
        WHERE e.aggregate_identifier = p.stream_id AND e.payload_type IN ('io.warnews.events.TalksOpened', 'io.warnews.events.TermsProposed', 'io.warnews.events.TermsAccepted', 'io.warnews.events.TermsRejected', 'io.warnews.events.RoundHeld', 'io.warnews.events.PrisonersExchanged', 'io.warnews.events.AgreementSigned', 'io.warnews.events.TalksSuspended', 'io.warnews.events.TalksResumed', 'io.warnews.events.TalksCollapsed'));
    UPDATE stream_position p SET version = handled.version
    FROM (SELECT e.aggregate_identifier AS stream_id, max(e.sequence_number) AS version
          FROM event_store.domain_event_entry e
          WHERE e.payload_type IN ('io.warnews.events.ConflictRegistered', 'io.warnews.events.LossesReported', 'io.warnews.events.LossReportCorrected', 'io.warnews.events.LossReportRevised', 'io.warnews.events.LossReportRetracted', 'io.warnews.events.LossReportRestored', 'io.warnews.events.AttackLaunched', 'io.warnews.events.AttackCorrected', 'io.warnews.events.AttackCasualtiesRevised', 'io.warnews.events.AttackRetracted', 'io.warnews.events.TalksOpened', 'io.warnews.events.TermsProposed', 'io.warnews.events.TermsAccepted', 'io.warnews.events.TermsRejected', 'io.warnews.events.RoundHeld', 'io.warnews.events.PrisonersExchanged', 'io.warnews.events.AgreementSigned', 'io.warnews.events.TalksSuspended', 'io.warnews.events.TalksResumed', 'io.warnews.events.TalksCollapsed')
          GROUP BY e.aggregate_identifier) handled
    WHERE p.processing_group = 'timeline' AND p.stream_id = handled.stream_id AND handled.version < p.version;
    DELETE FROM stream_position p
    WHERE p.processing_group = 'timeline' AND NOT EXISTS (
        SELECT 1 FROM event_store.domain_event_entry e
        WHERE e.aggregate_identifier = p.stream_id AND e.payload_type IN ('io.warnews.events.ConflictRegistered', 'io.warnews.events.LossesReported', 'io.warnews.events.LossReportCorrected', 'io.warnews.events.LossReportRevised', 'io.warnews.events.LossReportRetracted', 'io.warnews.events.LossReportRestored', 'io.warnews.events.AttackLaunched', 'io.warnews.events.AttackCorrected', 'io.warnews.events.AttackCasualtiesRevised', 'io.warnews.events.AttackRetracted', 'io.warnews.events.TalksOpened', 'io.warnews.events.TermsProposed', 'io.warnews.events.TermsAccepted', 'io.warnews.events.TermsRejected', 'io.warnews.events.RoundHeld', 'io.warnews.events.PrisonersExchanged', 'io.warnews.events.AgreementSigned', 'io.warnews.events.TalksSuspended', 'io.warnews.events.TalksResumed', 'io.warnews.events.TalksCollapsed'));
END
$$;
