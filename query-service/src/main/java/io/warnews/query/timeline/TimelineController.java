package io.warnews.query.timeline;

import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.consistency.ReadsFrom;
import io.warnews.query.processing.JsonColumns;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.web.Params;
import java.util.List;
import io.warnews.query.processing.Filters;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsFrom({ProcessingGroups.TIMELINE, ProcessingGroups.CONFLICTS})
class TimelineController {

    private final Conflicts conflicts;
    private final NamedParameterJdbcTemplate jdbc;

    TimelineController(Conflicts conflicts, NamedParameterJdbcTemplate jdbc) {
        this.conflicts = conflicts;
        this.jdbc = jdbc;
    }

    /** The conflict's facts in world-date order (by the end of each date's period), within [from, to]. */
    @GetMapping("/api/conflicts/{conflictId}/timeline")
    List<TimelineEntry> timeline(@PathVariable String conflictId,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        conflicts.require(conflictId);
        Filters filters = new Filters(new MapSqlParameterSource("conflict", conflictId))
                .and(Params.from("from", from), "date_end >= :from", "from")
                .and(Params.upTo("to", to), "date_end <= :to", "to");
        return jdbc.query("""
                SELECT world_date, kind, summary, claimant, source::text AS source, stream_id, corrected
                FROM read_model.timeline_entry WHERE conflict_id = :conflict
                """ + filters + " ORDER BY date_end, date_start, recorded_at, stream_id, version, entry_key",
                filters.params(), (rs, i) -> new TimelineEntry(
                WorldDate.parse(rs.getString("world_date")),
                rs.getString("kind"),
                rs.getString("summary"),
                rs.getString("claimant"),
                JsonColumns.read(rs.getString("source"), Source.class),
                rs.getString("stream_id"),
                rs.getBoolean("corrected")));
    }
}
