-- A read model's processor no longer records a stream position for the events it has no handler
-- for (processing.Projection has no catch-all): a group's position of a stream is now the version
-- of the stream's last event that the group handles, and a stream none of whose events it handles
-- has no position. The positions the catch-all wrote are brought to that form, so that the first
-- rebuild after this version compares like with like (its checksums cover the positions). The
-- event types are each projection's @EventHandler payloads; the timeline handles all of them. A
-- position is only lowered (to the last handled event the processor has passed), never raised: a
-- processor whose token lags the store must still apply the handled events after it. Without the
-- PostgreSQL event store (the axonserver profile) nothing is changed here: a rebuild there brings
-- the positions to that form, once, with a checksum that differs that time.
DO $$
BEGIN
    IF to_regclass('event_store.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;

    CREATE TEMPORARY TABLE handled (processing_group VARCHAR(100), payload_type VARCHAR(255)) ON COMMIT DROP;
    INSERT INTO handled VALUES
        ('conflicts', 'io.warnews.events.ConflictRegistered'),
        ('losses', 'io.warnews.events.LossesReported'),
        ('losses', 'io.warnews.events.LossReportCorrected'),
        ('losses', 'io.warnews.events.LossReportRevised'),
        ('losses', 'io.warnews.events.LossReportRetracted'),
        ('losses', 'io.warnews.events.LossReportRestored'),
        ('attacks', 'io.warnews.events.AttackLaunched'),
        ('attacks', 'io.warnews.events.AttackCorrected'),
        ('attacks', 'io.warnews.events.AttackCasualtiesRevised'),
        ('attacks', 'io.warnews.events.AttackRetracted'),
        ('talks', 'io.warnews.events.TalksOpened'),
        ('talks', 'io.warnews.events.TermsProposed'),
        ('talks', 'io.warnews.events.TermsAccepted'),
        ('talks', 'io.warnews.events.TermsRejected'),
        ('talks', 'io.warnews.events.RoundHeld'),
        ('talks', 'io.warnews.events.PrisonersExchanged'),
        ('talks', 'io.warnews.events.AgreementSigned'),
        ('talks', 'io.warnews.events.TalksSuspended'),
        ('talks', 'io.warnews.events.TalksResumed'),
        ('talks', 'io.warnews.events.TalksCollapsed');
    INSERT INTO handled SELECT 'timeline', payload_type FROM handled;

    UPDATE stream_position p SET version = last_handled.version
    FROM (SELECT h.processing_group, e.aggregate_identifier AS stream_id, max(e.sequence_number) AS version
          FROM event_store.domain_event_entry e JOIN handled h ON h.payload_type = e.payload_type
          GROUP BY h.processing_group, e.aggregate_identifier) last_handled
    WHERE p.processing_group = last_handled.processing_group AND p.stream_id = last_handled.stream_id
      AND last_handled.version < p.version;

    DELETE FROM stream_position p
    WHERE p.processing_group IN (SELECT processing_group FROM handled) AND NOT EXISTS (
        SELECT 1 FROM event_store.domain_event_entry e JOIN handled h ON h.payload_type = e.payload_type
        WHERE h.processing_group = p.processing_group AND e.aggregate_identifier = p.stream_id);
END
$$;
