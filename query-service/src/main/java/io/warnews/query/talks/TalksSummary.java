package io.warnews.query.talks;

import java.time.LocalDate;

/** One line of a conflict's list of talks. */
record TalksSummary(String talksId, String title, TalksStatus status, String venue, LocalDate openedOn,
                    int openTerms, int settledTerms, LocalDate lastActivity) {

    static TalksSummary of(TalksView talks) {
        return new TalksSummary(talks.talksId(), talks.title(), talks.status(), talks.venue(), talks.openedOn(),
                talks.openTerms(), talks.settledTerms(), talks.lastActivity());
    }
}
