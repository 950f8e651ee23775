package io.warnews.query.attacks;

import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.Params;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsFrom({ProcessingGroups.ATTACKS, ProcessingGroups.CONFLICTS})
class AttackAnomaliesController {

    private final Conflicts conflicts;
    private final AttackAnomalies anomalies;

    AttackAnomaliesController(Conflicts conflicts, AttackAnomalies anomalies) {
        this.conflicts = conflicts;
        this.anomalies = anomalies;
    }

    /**
     * Attacks whose figures contradict themselves (intercepted above launched and the like), newest
     * attack first (at most 1,000; {@code total} counts them all); {@code status=open|resolved}.
     */
    @GetMapping("/api/conflicts/{conflictId}/attack-anomalies")
    AttackAnomaliesView anomalies(@PathVariable String conflictId,
                                  @RequestParam(required = false) String status) {
        Optional<String> theStatus = Params.openOrResolved("status", status);
        conflicts.require(conflictId);
        return anomalies.of(conflictId, theStatus, Optional.empty());
    }
}
