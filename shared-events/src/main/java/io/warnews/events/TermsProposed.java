package io.warnews.events;

import java.time.LocalDate;
import java.util.List;

/** A party's proposal: its terms, each open until the other parties respond. */
public record TermsProposed(
        String talksId,
        String conflictId,
        String proposalId,
        String proposer,
        List<Term> terms,
        LocalDate date,
        Source source) implements TalksEvent {

    public TermsProposed {
        terms = List.copyOf(terms);
    }
}
