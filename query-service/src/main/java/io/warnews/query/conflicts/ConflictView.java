package io.warnews.query.conflicts;

import io.warnews.events.Party;
import java.time.LocalDate;
import java.util.List;

/** A conflict as of a day: {@code dayOfWar} counts the start date as day 1 (null before the start). */
record ConflictView(String id, String name, List<Party> parties, LocalDate startDate, LocalDate asOf, Long dayOfWar) {

    static ConflictView of(Conflict conflict, LocalDate asOf) {
        Long day = asOf.isBefore(conflict.startDate())
                ? null
                : java.time.temporal.ChronoUnit.DAYS.between(conflict.startDate(), asOf) + 1;
        return new ConflictView(conflict.id(), conflict.name(), conflict.parties(), conflict.startDate(), asOf, day);
    }
}
