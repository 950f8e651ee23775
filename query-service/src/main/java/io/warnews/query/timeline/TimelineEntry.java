package io.warnews.query.timeline;

import io.warnews.events.Source;
import io.warnews.events.WorldDate;

/** One fact of a conflict on its world date, with who claims it, where it was published and its stream. */
record TimelineEntry(WorldDate date, String kind, String summary, String claimant, Source source, String streamId,
                     boolean corrected) {
}
