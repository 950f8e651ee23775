package io.warnews.query.audit;

import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.talks.TalksKnownAt;
import io.warnews.query.web.NotFound;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the public could have read at a recorded instant: the same answers as the public
 * endpoints, computed only from the events stored at or before {@code knownAt}.
 */
@RestController
@RequestMapping("/api/audit")
class KnownAtController {

    private final KnownAt knownAt;
    private final TalksKnownAt talksKnownAt;

    KnownAtController(KnownAt knownAt, TalksKnownAt talksKnownAt) {
        this.knownAt = knownAt;
        this.talksKnownAt = talksKnownAt;
    }

    /** {@code /api/conflicts/{id}/losses?side=&asOf=} as known at {@code knownAt} (ISO-8601 instant, required). */
    @GetMapping("/conflicts/{conflictId}/losses")
    Object losses(@PathVariable String conflictId,
                  @RequestParam(required = false) String knownAt,
                  @RequestParam(required = false) String side,
                  @RequestParam(required = false) String asOf) {
        return this.knownAt.losses(conflictId, AuditParams.knownAt(knownAt), side, asOf);
    }

    /** {@code /api/conflicts/{id}/losses/{side}/{category}/series?claimant=&from=&to=} as known at {@code knownAt}. */
    @GetMapping("/conflicts/{conflictId}/losses/{side}/{category}/series")
    Object series(@PathVariable String conflictId,
                  @PathVariable String side,
                  @PathVariable String category,
                  @RequestParam(required = false) String knownAt,
                  @RequestParam(required = false) String claimant,
                  @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to) {
        return this.knownAt.series(conflictId, AuditParams.knownAt(knownAt), side, category, claimant, from, to);
    }

    /**
     * {@code /api/conflicts/{id}/milestones?side=&category=} as known at {@code knownAt}: the round
     * numbers passed by the series as they were known then.
     */
    @GetMapping("/conflicts/{conflictId}/milestones")
    @ReadsFrom({ProcessingGroups.LOSSES, ProcessingGroups.CONFLICTS})
    Object milestones(@PathVariable String conflictId,
                      @RequestParam(required = false) String knownAt,
                      @RequestParam(required = false) String side,
                      @RequestParam(required = false) String category) {
        return this.knownAt.milestones(conflictId, AuditParams.knownAt(knownAt), side, category);
    }

    /**
     * {@code /api/conflicts/{id}/loss-anomalies?side=&claimant=&category=&status=} as known at
     * {@code knownAt}: the anomalies opened by then, open or resolved as they were then.
     */
    @GetMapping("/conflicts/{conflictId}/loss-anomalies")
    @ReadsFrom({ProcessingGroups.LOSSES, ProcessingGroups.CONFLICTS})
    Object lossAnomalies(@PathVariable String conflictId,
                         @RequestParam(required = false) String knownAt,
                         @RequestParam(required = false) String side,
                         @RequestParam(required = false) String claimant,
                         @RequestParam(required = false) String category,
                         @RequestParam(required = false) String status) {
        return this.knownAt.lossAnomalies(conflictId, AuditParams.knownAt(knownAt), side, claimant, category, status);
    }

    /**
     * {@code /api/talks/{id}} as known at {@code knownAt}; 404 when the talks had not been opened then.
     * One indexed query over the versions of the talks' view (the talks' attacks and timeline
     * counterparts are {@code /api/audit/attacks/...} and {@code /api/audit/conflicts/{id}/timeline}).
     */
    @GetMapping("/talks/{talksId}")
    @ReadsFrom(ProcessingGroups.TALKS)
    Object talks(@PathVariable String talksId, @RequestParam(required = false) String knownAt) {
        Instant at = AuditParams.knownAt(knownAt);
        return talksKnownAt.talks(talksId, at)
                .orElseThrow(() -> new NotFound("talks", talksId + "' as known at '" + at));
    }
}
