package io.warnews.events;

import java.time.LocalDate;

/** Suspended talks resumed. */
public record TalksResumed(String talksId, String conflictId, String reason, LocalDate date, Source source)
        implements TalksEvent {
}
