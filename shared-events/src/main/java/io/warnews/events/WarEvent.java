package io.warnews.events;

/**
 * Every event of the record. Each one names the conflict it belongs to, so a consumer can
 * filter the stream by conflict without knowing every event type.
 */
public sealed interface WarEvent permits ConflictEvent, LossLedgerEvent, AttackEvent, TalksEvent {

    String conflictId();
}
