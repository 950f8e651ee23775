package io.warnews.query.feed;

import io.warnews.events.Basis;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Party;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events for feed tests: conflicts and the Ukrainian MoD's reports on Russian losses. */
final class Events {

    static final Source SOURCE = new Source("Kyiv Independent", "https://kyivindependent.com/", "Втрати",
            Instant.parse("2025-06-12T08:15:00Z"));

    private Events() {
    }

    static ConflictRegistered conflict(String conflictId) {
        return new ConflictRegistered(conflictId, "Russia-Ukraine war (Україна)",
                List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24));
    }

    static String ledger(String conflictId) {
        return conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
    }

    static LossesReported losses(String conflictId, String reportId, String asOf, long personnel) {
        return new LossesReported(ledger(conflictId), reportId, conflictId, "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse(asOf), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT)), SOURCE);
    }
}
