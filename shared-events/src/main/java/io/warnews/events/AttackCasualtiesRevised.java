package io.warnews.events;

/** A new toll for an attack (a toll usually rises as rubble is cleared), with who reports it. */
public record AttackCasualtiesRevised(
        String attackId, String conflictId, Casualties casualties, String claimant, Source source)
        implements AttackEvent {
}
