package io.warnews.events;

import java.time.LocalDate;

/** Talks paused; they may resume. */
public record TalksSuspended(String talksId, String conflictId, String reason, LocalDate date, Source source)
        implements TalksEvent {
}
