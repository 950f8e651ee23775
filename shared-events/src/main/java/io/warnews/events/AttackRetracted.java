package io.warnews.events;

/** An attack report withdrawn: read models stop counting it; history keeps it. */
public record AttackRetracted(String attackId, String conflictId, String reason) implements AttackEvent {
}
