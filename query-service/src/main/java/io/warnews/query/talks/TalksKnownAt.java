package io.warnews.query.talks;

import io.warnews.query.processing.JsonColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Talks as known at a recorded instant: the version of their view whose recorded interval contains
 * it, one indexed query ({@code talks_version}), nothing replayed.
 */
@Component
public class TalksKnownAt {

    private final NamedParameterJdbcTemplate jdbc;

    TalksKnownAt(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@code GET /api/talks/{id}} answered at {@code knownAt}; empty when the talks were not open then. */
    public Optional<Object> talks(String talksId, Instant knownAt) {
        return jdbc.queryForList("""
                SELECT view::text FROM read_model.talks_version
                WHERE talks_id = :talks AND recorded_from <= :knownAt
                  AND (recorded_to IS NULL OR recorded_to > :knownAt)
                ORDER BY version DESC LIMIT 1
                """, new MapSqlParameterSource("talks", talksId).addValue("knownAt", Timestamp.from(knownAt)),
                String.class).stream().findFirst().map(json -> JsonColumns.read(json, TalksView.class));
    }
}
