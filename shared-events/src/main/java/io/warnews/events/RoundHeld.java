package io.warnews.events;

import java.time.LocalDate;

/** A round of talks held, numbered from 1. */
public record RoundHeld(
        String talksId, String conflictId, int round, String venue, String summary, LocalDate date, Source source)
        implements TalksEvent {
}
