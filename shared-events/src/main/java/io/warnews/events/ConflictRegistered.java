package io.warnews.events;

import java.time.LocalDate;
import java.util.List;

/** A conflict, its parties (such as {@code RU} and {@code UA}) and the day it started (day 1 of the war). */
public record ConflictRegistered(String conflictId, String name, List<Party> parties, LocalDate startDate)
        implements ConflictEvent {

    public ConflictRegistered {
        parties = List.copyOf(parties);
    }
}
