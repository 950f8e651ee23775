package io.warnews.events;

import java.time.LocalDate;
import java.util.Map;

/**
 * An exchange agreed in the talks: prisoners released by each party (party code to count) and
 * bodies returned by each party. A count that was not reported is absent from its map.
 */
public record PrisonersExchanged(
        String talksId,
        String conflictId,
        Map<String, Integer> prisonersReleased,
        Map<String, Integer> bodiesReturned,
        String description,
        LocalDate date,
        Source source) implements TalksEvent {

    public PrisonersExchanged {
        prisonersReleased = prisonersReleased == null ? Map.of() : Map.copyOf(prisonersReleased);
        bodiesReturned = bodiesReturned == null ? Map.of() : Map.copyOf(bodiesReturned);
    }
}
