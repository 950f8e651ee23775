package io.warnews.query.audit;

import java.util.List;

/**
 * A page of a stream's history in version order.
 *
 * @param next the next page's number, null on the last page
 */
record EventPage(String streamId, int page, int size, long total, Integer next, List<RecordedEvent> events) {

    /**
     * A slice of the global order: events after a global position.
     *
     * @param next the {@code after} that continues where this slice ends, null when it reached the end
     */
    record Global(long after, int size, Long next, List<RecordedEvent> events) {
    }
}
