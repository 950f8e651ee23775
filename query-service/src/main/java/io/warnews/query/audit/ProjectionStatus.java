package io.warnews.query.audit;

import java.util.List;

/**
 * A processing group's processor and read model, for auditors.
 *
 * @param running     whether the processor is running
 * @param error       whether a segment is in error (it retries)
 * @param replaying   whether it is replaying (after a reset) up to where it was
 * @param position    the lowest position its segments have processed (-1: none yet)
 * @param head        the event store's head position (-1: no events)
 * @param percent     position / head, in percent (100 when there is nothing to process)
 * @param tables      the read-model tables of the group the rebuild checksums cover (with its stream positions)
 * @param deadLetters events waiting in the group's dead-letter queue
 * @param lastRebuild the group's latest rebuild, if any
 */
record ProjectionStatus(String name, boolean running, boolean error, boolean replaying, int segments, long position,
                        long head, double percent, List<String> tables, long deadLetters, Rebuild lastRebuild) {
}
