package io.warnews.query.talks;

import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.NotFound;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TalksController {

    private final Conflicts conflicts;
    private final TalksQueries queries;

    TalksController(Conflicts conflicts, TalksQueries queries) {
        this.conflicts = conflicts;
        this.queries = queries;
    }

    @GetMapping("/api/talks/{talksId}")
    @ReadsFrom(ProcessingGroups.TALKS)
    TalksView talks(@PathVariable String talksId) {
        return queries.find(talksId).orElseThrow(() -> new NotFound("talks", talksId));
    }

    @GetMapping("/api/conflicts/{conflictId}/talks")
    @ReadsFrom({ProcessingGroups.TALKS, ProcessingGroups.CONFLICTS})
    List<TalksSummary> talksOfConflict(@PathVariable String conflictId) {
        conflicts.require(conflictId);
        return queries.ofConflict(conflictId).stream().map(TalksSummary::of).toList();
    }
}
