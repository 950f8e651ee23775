package io.warnews.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rebuild of one processing group's read model and its verification.
 *
 * @param state          STARTED (waiting for the live model to reach the head), REPLAYING (into the new tables,
 *                       beside the live ones), SWAPPING (the new tables taking the live ones' place), SWAPPED (in
 *                       place, being compared), VERIFIED (swapped and compared), FAILED (before SWAPPED: the live
 *                       model left as it was; {@code failure} says which)
 * @param headPosition   the event store's head when the rebuild started
 * @param replayedPosition the position of the last event the replay has applied so far
 * @param replayedEvents the events the replay has read so far (those of other read models included)
 * @param checksumBefore SHA-256 of the live model as it was when the new tables took its place
 * @param checksumAfter  SHA-256 of the rebuilt model at that moment (same events)
 * @param matches        whether both are equal; null until compared
 * @param differences    the first rows only the live model had ({@code in: before}) and only the rebuilt one has
 *                       ({@code in: after}); empty when they match
 */
record Rebuild(UUID rebuildId, String processingGroup, String state, String requestedBy, Instant startedAt,
               Instant finishedAt, Long headPosition, Long replayedPosition, Long replayedEvents, Long rowsBefore,
               Long rowsAfter, String checksumBefore, String checksumAfter, Boolean matches,
               List<ModelChecksums.Difference> differences, String failure) {
}
