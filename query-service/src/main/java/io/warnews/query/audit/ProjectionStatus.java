package io.warnews.query.audit;

import java.util.List;

/**
 * A processing group's processor and read model, for auditors. How far it lags is read from
 * {@code position} and {@code head}; {@code caughtUp} is true only when nothing is left to apply:
 * no position behind, no dead letter, no failure being retried.
 *
 * @param running     whether the processor is running
 * @param error       whether a segment is failing; a transient failure is retried with back-off
 * @param failure     the failure a failing segment retries after (type and message), null when none is
 * @param replaying   whether it is replaying (after a reset) up to where it was
 * @param position    the lowest position its segments have processed and committed (-1: none yet)
 * @param head        the event store's head position (-1: no events)
 * @param behind      {@code head - position}: the positions of the store not yet processed (each an event,
 *                    but for the few positions rolled-back writes leave unused); 0 when caught up
 * @param caughtUp    position at the head, no dead letter and no failure
 * @param tables      the read-model tables of the group the rebuild checksums cover (with its stream positions)
 * @param deadLetters events waiting in the group's dead-letter queue (failed deterministically: not applied)
 * @param lastRebuild the group's latest rebuild, if any
 */
record ProjectionStatus(String name, boolean running, boolean error, String failure, boolean replaying,
                        int segments, long position, long head, long behind, boolean caughtUp, List<String> tables,
                        long deadLetters, Rebuild lastRebuild) {
}
