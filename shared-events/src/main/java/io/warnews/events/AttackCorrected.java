package io.warnews.events;

/** An attack's details replaced by corrected ones, with the reason; the original stays in history. */
public record AttackCorrected(String attackId, String conflictId, AttackDetails details, String reason, Source source)
        implements AttackEvent {
}
