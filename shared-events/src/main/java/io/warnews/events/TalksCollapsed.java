package io.warnews.events;

import java.time.LocalDate;

/** The talks ended without agreement; nothing more can be proposed in them. */
public record TalksCollapsed(String talksId, String conflictId, String reason, LocalDate date, Source source)
        implements TalksEvent {
}
