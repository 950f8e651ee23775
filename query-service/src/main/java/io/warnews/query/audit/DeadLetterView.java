package io.warnews.query.audit;

import java.time.Instant;

/**
 * One dead-lettered event. Letters of one sequence (one stream) are retried and dropped together,
 * oldest first: a later event of the stream waits behind an earlier one that failed.
 *
 * @param sequenceId     the sequence the event belongs to: its stream id
 * @param index          its place in the sequence's queue (0 is the one that failed first)
 * @param globalPosition its position in the event store, when known
 * @param retries        failed retries since it was enqueued
 */
record DeadLetterView(String processingGroup, String sequenceId, long index, String letterId, String eventId,
                      String eventType, String streamId, Long version, Long globalPosition, String causeType,
                      String causeMessage, Instant enqueuedAt, Instant lastTouched, long retries) {
}
