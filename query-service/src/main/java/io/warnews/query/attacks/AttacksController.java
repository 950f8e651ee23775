package io.warnews.query.attacks;

import io.warnews.events.WeaponType;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.Params;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conflicts/{conflictId}/attacks")
@ReadsFrom({ProcessingGroups.ATTACKS, ProcessingGroups.CONFLICTS})
class AttacksController {

    private final Conflicts conflicts;
    private final AttackQueries queries;

    AttacksController(Conflicts conflicts, AttackQueries queries) {
        this.conflicts = conflicts;
        this.queries = queries;
    }

    /** Attacks that started within [from, to], on a region (case-insensitive, part of the name) or with a weapon type. */
    @GetMapping
    List<AttackView> attacks(@PathVariable String conflictId,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String region,
                             @RequestParam(required = false) String weaponType) {
        conflicts.require(conflictId);
        return queries.list(conflictId, Optional.empty(), Params.from("from", from), Params.upTo("to", to),
                Optional.ofNullable(region).filter(text -> !text.isBlank()),
                Params.oneOf("weaponType", weaponType, WeaponType.class));
    }

    /**
     * Per day an attack started: the number of attacks, and each figure (launched, intercepted, shot
     * down, suppressed, lost, decoys, killed, injured) as a {@link Tally}: its sum and how many attacks
     * gave it whole, in part, or not at all.
     */
    @GetMapping("/daily")
    List<DailyAttacks> daily(@PathVariable String conflictId,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to) {
        conflicts.require(conflictId);
        return queries.daily(conflictId, Optional.empty(), Params.from("from", from), Params.upTo("to", to));
    }

    /** The records as known now; as known at an instant: {@code /api/audit/conflicts/{id}/attacks/records}. */
    @GetMapping("/records")
    AttackRecords records(@PathVariable String conflictId) {
        conflicts.require(conflictId);
        return queries.records(conflictId, Optional.empty());
    }
}
