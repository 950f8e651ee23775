package io.warnews.events;

import java.time.LocalDate;
import java.util.List;

/** A party accepts terms of another party's proposal (the term ids; all of them when the proposal is accepted whole). */
public record TermsAccepted(
        String talksId,
        String conflictId,
        String proposalId,
        String party,
        List<String> termIds,
        LocalDate date,
        Source source) implements TalksEvent {

    public TermsAccepted {
        termIds = List.copyOf(termIds);
    }
}
