package io.warnews.query.timeline;

import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.KnownAtParam;
import io.warnews.query.web.Params;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsFrom({ProcessingGroups.TIMELINE, ProcessingGroups.CONFLICTS})
class TimelineController {

    private final Conflicts conflicts;
    private final TimelineQueries queries;

    TimelineController(Conflicts conflicts, TimelineQueries queries) {
        this.conflicts = conflicts;
        this.queries = queries;
    }

    /** The conflict's facts in world-date order (by the end of each date's period), within [from, to]. */
    @GetMapping("/api/conflicts/{conflictId}/timeline")
    List<TimelineEntry> timeline(@PathVariable String conflictId,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        conflicts.require(conflictId);
        return queries.entries(conflictId, Optional.empty(), Params.from("from", from), Params.upTo("to", to));
    }

    /**
     * The timeline as known at {@code knownAt} (required, ISO-8601 instant): the entries, in the
     * versions that were current then. An auditor's read; one indexed query, nothing replayed.
     */
    @GetMapping("/api/audit/conflicts/{conflictId}/timeline")
    List<TimelineEntry> timelineKnownAt(@PathVariable String conflictId,
                                        @RequestParam(required = false) String knownAt,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        var at = KnownAtParam.required(knownAt);
        conflicts.require(conflictId);
        return queries.entries(conflictId, Optional.of(at), Params.from("from", from), Params.upTo("to", to));
    }
}
