package io.warnews.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rebuild of one processing group's read model and its verification.
 *
 * @param state          STARTED (capturing the live model), REPLAYING, VERIFIED (compared), FAILED
 * @param headPosition   the event store's head when the rebuild started: the replay is compared once it reaches it
 * @param checksumBefore SHA-256 of the live model just before the reset
 * @param checksumAfter  SHA-256 of the rebuilt model once the replay reached {@code headPosition}
 * @param matches        whether both are equal; null until compared
 * @param differences    the first rows only the live model had ({@code in: before}) and only the rebuilt one has
 *                       ({@code in: after}); empty when they match
 */
record Rebuild(UUID rebuildId, String processingGroup, String state, String requestedBy, Instant startedAt,
               Instant finishedAt, Long headPosition, Long rowsBefore, Long rowsAfter, String checksumBefore,
               String checksumAfter, Boolean matches, List<ModelChecksums.Difference> differences, String failure) {
}
