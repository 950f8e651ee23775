package io.warnews.events;

import java.time.LocalDate;
import java.util.List;

/** A party rejects terms of another party's proposal, with its reason if given. */
public record TermsRejected(
        String talksId,
        String conflictId,
        String proposalId,
        String party,
        List<String> termIds,
        String reason,
        LocalDate date,
        Source source) implements TalksEvent {

    public TermsRejected {
        termIds = List.copyOf(termIds);
    }
}
