package io.warnews.query.timeline;

import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.Filters;
import io.warnews.query.processing.JsonColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The timeline as known now (the entries' open versions) or at a recorded instant (the versions current then). */
@Component
class TimelineQueries {

    private final NamedParameterJdbcTemplate jdbc;

    TimelineQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The conflict's facts in world-date order (by the end of each date's period), within [from, to]. */
    List<TimelineEntry> entries(String conflictId, Optional<Instant> knownAt, Optional<LocalDate> from,
                                Optional<LocalDate> to) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        String known = "recorded_to IS NULL";
        if (knownAt.isPresent()) {
            params.addValue("knownAt", Timestamp.from(knownAt.get()));
            known = "recorded_from <= :knownAt AND (recorded_to IS NULL OR recorded_to > :knownAt)";
        }
        Filters filters = new Filters(params)
                .and(from, "date_end >= :from", "from")
                .and(to, "date_end <= :to", "to");
        return jdbc.query("""
                SELECT world_date, kind, summary, claimant, source::text AS source, stream_id, corrected
                FROM read_model.timeline_entry WHERE conflict_id = :conflict AND
                """ + known + filters
                        + " ORDER BY date_end, date_start, recorded_at, stream_id, first_version, entry_key",
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
