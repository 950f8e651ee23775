package io.warnews.query.attacks;

import io.warnews.events.AttackConsistency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Attacks whose figures contradict themselves, newest attack first: each entry is one stretch of
 * the attack's versions with the same inconsistencies. It is {@code open} while the attack's
 * current version still has them, {@code resolved} from the version that no longer has them (a
 * correction, or a retraction of the attack).
 */
record AttackAnomaliesView(String conflictId, String status, long total, List<Anomaly> anomalies) {

    /**
     * {@code attackId}, {@code startDate}, {@code attacker}, {@code claimant}: the attack as the
     * version that opened the anomaly gave it; {@code description}: the inconsistencies in words;
     * {@code openedBy}/{@code resolvedBy}: the change that opened/resolved it ({@code LAUNCHED},
     * {@code CORRECTED}, {@code CASUALTIES_REVISED}, {@code RETRACTED}) at the attack's version.
     */
    record Anomaly(String attackId, LocalDate startDate, String attacker, String claimant, String status,
                   String description, List<AttackConsistency.Inconsistency> inconsistencies,
                   Instant openedAt, String openedBy, long openedVersion,
                   Instant resolvedAt, String resolvedBy, Long resolvedVersion, String resolvedReason) {
    }
}
