package io.warnews.events;

/** An attack as first reported, with who reports it and where. */
public record AttackLaunched(String attackId, String conflictId, AttackDetails details, String claimant, Source source)
        implements AttackEvent {
}
