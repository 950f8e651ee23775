package io.warnews.query.talks;

import io.warnews.events.Source;
import io.warnews.events.TermType;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * Peace talks: status, rounds, proposals with their terms and responses, prisoner exchanges; the
 * opening and every move with the source it was recorded from.
 */
record TalksView(String talksId, String conflictId, String title, TalksStatus status, List<String> parties,
                 List<String> mediators, String venue, LocalDate openedOn, List<Round> rounds,
                 List<Proposal> proposals, int openTerms, int settledTerms, List<PrisonerExchange> prisonerExchanges,
                 LocalDate lastActivity, Source source) {

    record Round(int round, LocalDate date, String venue, String summary, Source source) {
    }

    record Proposal(String proposalId, String proposer, LocalDate date, List<TermView> terms, Source source) {
    }

    /** A term is ACCEPTED once every other party accepted it, REJECTED once any rejected it, OPEN until then. */
    record TermView(String termId, TermType type, String text, SortedMap<String, String> parameters,
                    List<Response> responses, TermStatus status) {
    }

    record Response(String party, String response, LocalDate date, String reason, Source source) {
    }

    enum TermStatus {
        OPEN, ACCEPTED, REJECTED
    }

    record PrisonerExchange(LocalDate date, SortedMap<String, Integer> prisonersReleased,
                            SortedMap<String, Integer> bodiesReturned, String description, Source source) {
    }
}
