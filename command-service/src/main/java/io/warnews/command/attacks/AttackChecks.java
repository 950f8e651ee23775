package io.warnews.command.attacks;

import io.warnews.events.AttackConsistency;
import io.warnews.events.AttackDetails;

import java.util.List;

/**
 * Consistency of an attack report with itself ({@link AttackConsistency}, the rule the query-service
 * flags anomalous attacks by). A report is what the claimant published: an inconsistent one is
 * recorded as it is and answered with warnings, never refused or rewritten.
 */
final class AttackChecks {

    /** The consistency rules an attack report is checked against. */
    enum Check {
        INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
        SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED,
        INTERCEPTED_AND_LOST_MAY_NOT_EXCEED_LAUNCHED,
        DECOYS_MAY_NOT_EXCEED_LAUNCHED
    }

    /** One inconsistency, by the check's name and in words. */
    record Warning(Check check, String message) {
    }

    private AttackChecks() {
    }

    static List<Warning> warnings(AttackDetails details) {
        return AttackConsistency.of(details).stream()
                .map(found -> new Warning(Check.valueOf(found.check().name()), found.message()))
                .toList();
    }
}
