package io.warnews.events;

import java.time.LocalDate;
import java.util.List;

/** Talks between parties of a conflict (party codes), with mediators and a venue. */
public record TalksOpened(
        String talksId,
        String conflictId,
        String title,
        List<String> parties,
        List<String> mediators,
        String venue,
        LocalDate date,
        Source source) implements TalksEvent {

    public TalksOpened {
        parties = List.copyOf(parties);
        mediators = List.copyOf(mediators);
    }
}
