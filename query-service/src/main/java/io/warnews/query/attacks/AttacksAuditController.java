package io.warnews.query.attacks;

import io.warnews.events.WeaponType;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.KnownAtParam;
import io.warnews.query.web.NotFound;
import io.warnews.query.web.Params;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' reads of attacks: what the public could have read at a recorded instant
 * ({@code knownAt}, required), and every version of one attack. Each is one indexed query over the
 * versions of the attack read model; nothing is replayed.
 */
@RestController
@RequestMapping("/api/audit")
@ReadsFrom({ProcessingGroups.ATTACKS, ProcessingGroups.CONFLICTS})
class AttacksAuditController {

    private final Conflicts conflicts;
    private final AttackQueries queries;
    private final AttackAnomalies anomalies;

    AttacksAuditController(Conflicts conflicts, AttackQueries queries, AttackAnomalies anomalies) {
        this.conflicts = conflicts;
        this.queries = queries;
        this.anomalies = anomalies;
    }

    /** {@code GET /api/conflicts/{id}/attacks} as known at {@code knownAt}, with the same filters. */
    @GetMapping("/conflicts/{conflictId}/attacks")
    List<AttackView> attacks(@PathVariable String conflictId,
                             @RequestParam(required = false) String knownAt,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String region,
                             @RequestParam(required = false) String weaponType) {
        Instant at = KnownAtParam.required(knownAt);
        conflicts.require(conflictId);
        return queries.list(conflictId, Optional.of(at), Params.from("from", from), Params.upTo("to", to),
                Optional.ofNullable(region).filter(text -> !text.isBlank()),
                Params.oneOf("weaponType", weaponType, WeaponType.class));
    }

    /** {@code GET /api/conflicts/{id}/attacks/daily} as known at {@code knownAt}. */
    @GetMapping("/conflicts/{conflictId}/attacks/daily")
    List<DailyAttacks> daily(@PathVariable String conflictId,
                             @RequestParam(required = false) String knownAt,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to) {
        Instant at = KnownAtParam.required(knownAt);
        conflicts.require(conflictId);
        return queries.daily(conflictId, Optional.of(at), Params.from("from", from), Params.upTo("to", to));
    }

    /** {@code GET /api/conflicts/{id}/attacks/records} as known at {@code knownAt}. */
    @GetMapping("/conflicts/{conflictId}/attacks/records")
    AttackRecords records(@PathVariable String conflictId, @RequestParam(required = false) String knownAt) {
        Instant at = KnownAtParam.required(knownAt);
        conflicts.require(conflictId);
        return queries.records(conflictId, Optional.of(at));
    }

    /**
     * {@code GET /api/conflicts/{id}/attack-anomalies} as known at {@code knownAt}: the anomalies
     * opened by then, open if the attack's version current then still had them.
     */
    @GetMapping("/conflicts/{conflictId}/attack-anomalies")
    AttackAnomaliesView anomalies(@PathVariable String conflictId,
                                  @RequestParam(required = false) String knownAt,
                                  @RequestParam(required = false) String status) {
        Instant at = KnownAtParam.required(knownAt);
        Optional<String> theStatus = Params.openOrResolved("status", status);
        conflicts.require(conflictId);
        return anomalies.of(conflictId, theStatus, Optional.of(at));
    }

    /** One attack as known at {@code knownAt}; 404 when it was not recorded then, or had been retracted. */
    @GetMapping("/attacks/{attackId}")
    AttackView attack(@PathVariable String attackId, @RequestParam(required = false) String knownAt) {
        Instant at = KnownAtParam.required(knownAt);
        return queries.find(attackId, Optional.of(at))
                .orElseThrow(() -> new NotFound("attack", attackId + "' as known at '" + at));
    }

    /** Every version of one attack, oldest first: who recorded it, when, why, on what source. */
    @GetMapping("/attacks/{attackId}/history")
    List<AttackVersion> history(@PathVariable String attackId) {
        List<AttackVersion> versions = queries.history(attackId);
        if (versions.isEmpty()) {
            throw new NotFound("attack", attackId);
        }
        return versions;
    }
}
