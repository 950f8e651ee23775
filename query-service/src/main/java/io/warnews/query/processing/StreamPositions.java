package io.warnews.query.processing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last version of each stream a processing group has applied. A handler first
 * {@link #advance advances} the position and applies the event only when that moved it, in the
 * same transaction, so an event delivered twice changes nothing.
 */
@Component
public class StreamPositions {

    private final NamedParameterJdbcTemplate jdbc;

    public StreamPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code version} is newer than what the group has applied of the stream (and records it). */
    public boolean advance(String group, String streamId, long version) {
        return jdbc.update("""
                INSERT INTO read_model.stream_position (processing_group, stream_id, version)
                VALUES (:group, :stream, :version)
                ON CONFLICT (processing_group, stream_id) DO UPDATE SET version = EXCLUDED.version
                WHERE read_model.stream_position.version < EXCLUDED.version
                """, Map.of("group", group, "stream", streamId, "version", version)) > 0;
    }

    /** The groups among {@code groups} that have not yet applied the stream up to {@code version}. */
    public List<String> behind(Collection<String> groups, String streamId, long version) {
        List<String> reached = jdbc.queryForList("""
                SELECT processing_group FROM read_model.stream_position
                WHERE stream_id = :stream AND version >= :version AND processing_group IN (:groups)
                """, Map.of("stream", streamId, "version", version, "groups", groups), String.class);
        return groups.stream().filter(group -> !reached.contains(group)).toList();
    }

    /** Forgets the group's positions, for a rebuild. */
    public void clear(String group) {
        jdbc.update("DELETE FROM read_model.stream_position WHERE processing_group = :group", Map.of("group", group));
    }
}
