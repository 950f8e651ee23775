package io.warnews.query.conflicts;

import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.Params;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsFrom(ProcessingGroups.CONFLICTS)
class ConflictController {

    private final Conflicts conflicts;
    private final Clock clock;

    ConflictController(Conflicts conflicts, Clock clock) {
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** The conflict and its day of war on {@code asOf} (a day; a month or year means its last day; default today). */
    @GetMapping("/api/conflicts/{conflictId}")
    ConflictView conflict(@PathVariable String conflictId, @RequestParam(required = false) String asOf) {
        LocalDate day = Params.upTo("asOf", asOf).orElseGet(() -> LocalDate.now(clock));
        return ConflictView.of(conflicts.require(conflictId), day);
    }
}
