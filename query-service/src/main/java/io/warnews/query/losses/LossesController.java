package io.warnews.query.losses;

import io.warnews.query.conflicts.Conflict;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.Params;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conflicts/{conflictId}")
@ReadsFrom({ProcessingGroups.LOSSES, ProcessingGroups.CONFLICTS})
class LossesController {

    private final Conflicts conflicts;
    private final RunningTotals runningTotals;
    private final NamedParameterJdbcTemplate jdbc;

    LossesController(Conflicts conflicts, RunningTotals runningTotals, NamedParameterJdbcTemplate jdbc) {
        this.conflicts = conflicts;
        this.runningTotals = runningTotals;
        this.jdbc = jdbc;
    }

    /** Running totals per side and category; {@code asOf} keeps figures whose world date ends on or before it. */
    @GetMapping("/losses")
    LossesView losses(@PathVariable String conflictId,
                      @RequestParam(required = false) String side,
                      @RequestParam(required = false) String asOf) {
        Conflict conflict = conflicts.require(conflictId);
        return runningTotals.of(conflict, Conflicts.side(conflict, "side", side), Params.worldDate("asOf", asOf));
    }

    /** One side's daily cumulative series for a category, of one claimant or of all. */
    @GetMapping("/losses/{side}/{category}/series")
    Object series(@PathVariable String conflictId,
                  @PathVariable String side,
                  @PathVariable String category,
                  @RequestParam(required = false) String claimant,
                  @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to) {
        Conflict conflict = conflicts.require(conflictId);
        return LossReadModel.series(jdbc, conflict, side, category, claimant, from, to, Optional.empty());
    }

    /**
     * Figures of a claimant that contradict its own neighbouring figures, newest first (at most
     * 1,000; {@code total} counts them all): {@code status=open|resolved}, {@code side},
     * {@code claimant}, {@code category} narrow the list.
     */
    @GetMapping("/loss-anomalies")
    AnomaliesView anomalies(@PathVariable String conflictId,
                            @RequestParam(required = false) String side,
                            @RequestParam(required = false) String claimant,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) String status) {
        Conflict conflict = conflicts.require(conflictId);
        return LossReadModel.anomaliesView(jdbc, conflict, side, claimant, category, status, Optional.empty());
    }

    /** Round numbers passed by claimants' running totals (see {@link MilestoneRule}). */
    @GetMapping("/milestones")
    MilestonesView milestones(@PathVariable String conflictId,
                              @RequestParam(required = false) String side,
                              @RequestParam(required = false) String category) {
        Conflict conflict = conflicts.require(conflictId);
        return LossReadModel.milestonesView(jdbc, conflict, side, category, Optional.empty());
    }
}
