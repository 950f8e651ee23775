package io.warnews.query.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last version of each stream a processing group has applied. A handler first
 * {@link #advance advances} the position and applies the event only when that moved it, in the
 * same transaction, so an event delivered twice changes nothing.
 *
 * <p>Inside a processor's unit of work (a batch of events and its token, one transaction) the
 * positions are kept in memory: each stream's position is read once per batch and all moved
 * positions are written with one statement when the batch commits. Updating the same row once per
 * event, as earlier versions did, left PostgreSQL chasing multixacts under load. Outside a unit of
 * work (a replay into temporary tables) each advance is written at once.
 */
@Component
public class StreamPositions {

    private final NamedParameterJdbcTemplate jdbc;
    private final String resource = StreamPositions.class.getName() + "@" + System.identityHashCode(this);

    public StreamPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code version} is newer than what the group has applied of the stream (and records it). */
    public boolean advance(String group, String streamId, long version) {
        if (!CurrentUnitOfWork.isStarted()) {
            return jdbc.update("""
                    INSERT INTO read_model.stream_position (processing_group, stream_id, version)
                    VALUES (:group, :stream, :version)
                    ON CONFLICT (processing_group, stream_id) DO UPDATE SET version = EXCLUDED.version
                    WHERE read_model.stream_position.version < EXCLUDED.version
                    """, Map.of("group", group, "stream", streamId, "version", version)) > 0;
        }
        Batch batch = batch(CurrentUnitOfWork.get());
        Key key = new Key(group, streamId);
        Long known = batch.known.computeIfAbsent(key, this::stored);
        if (known != null && known >= version) {
            return false;
        }
        batch.known.put(key, version);
        batch.moved.put(key, version);
        return true;
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
        if (CurrentUnitOfWork.isStarted()) {
            Batch batch = batch(CurrentUnitOfWork.get());
            batch.known.keySet().removeIf(key -> key.group().equals(group));
            batch.moved.keySet().removeIf(key -> key.group().equals(group));
        }
        jdbc.update("DELETE FROM read_model.stream_position WHERE processing_group = :group", Map.of("group", group));
    }

    /**
     * What the current batch holds in memory, to be put back with {@link #restore} when the writes of
     * one handler call are undone (see the processors' savepoint for a failing event); null outside a
     * unit of work.
     */
    public static Object remember() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        List<Object[]> copies = new ArrayList<>();
        CurrentUnitOfWork.get().resources().forEach((name, value) -> {
            if (value instanceof Batch batch) {
                copies.add(new Object[]{name, batch.copy()});
            }
        });
        return copies;
    }

    /** Puts back what {@link #remember} answered. */
    @SuppressWarnings("unchecked")
    public static void restore(Object remembered) {
        if (remembered == null || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, Object> resources = CurrentUnitOfWork.get().resources();
        resources.values().removeIf(value -> value instanceof Batch);
        for (Object[] copy : (List<Object[]>) remembered) {
            resources.put((String) copy[0], copy[1]);
        }
    }

    private Long stored(Key key) {
        List<Long> versions = jdbc.queryForList("""
                SELECT version FROM read_model.stream_position WHERE processing_group = :group AND stream_id = :stream
                """, Map.of("group", key.group(), "stream", key.stream()), Long.class);
        return versions.isEmpty() ? null : versions.get(0);
    }

    private Batch batch(UnitOfWork<?> unitOfWork) {
        Batch batch = (Batch) unitOfWork.resources().get(resource);
        if (batch == null) {
            batch = new Batch(new HashMap<>(), new HashMap<>());
            unitOfWork.resources().put(resource, batch);
            unitOfWork.onPrepareCommit(this::write);
        }
        return batch;
    }

    /** Writes the positions the batch moved, in one statement, in the batch's transaction. */
    private void write(UnitOfWork<?> unitOfWork) {
        Batch batch = (Batch) unitOfWork.resources().get(resource);
        if (batch == null || batch.moved.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        int i = 0;
        for (Map.Entry<Key, Long> moved : batch.moved.entrySet()) {
            values.append(i == 0 ? "" : ", ").append("(:g").append(i).append(", :s").append(i).append(", :v")
                    .append(i).append(')');
            parameters.addValue("g" + i, moved.getKey().group()).addValue("s" + i, moved.getKey().stream())
                    .addValue("v" + i, moved.getValue());
            i++;
        }
        jdbc.update("""
                INSERT INTO read_model.stream_position (processing_group, stream_id, version)
                VALUES %s
                ON CONFLICT (processing_group, stream_id) DO UPDATE SET version = EXCLUDED.version
                WHERE read_model.stream_position.version < EXCLUDED.version
                """.formatted(values), parameters);
        batch.moved.clear();
    }

    private record Key(String group, String stream) {
    }

    /** Positions known in this batch (null: the stream is new to the group) and those it moved. */
    private record Batch(Map<Key, Long> known, Map<Key, Long> moved) {

        Batch copy() {
            return new Batch(new HashMap<>(known), new HashMap<>(moved));
        }
    }
}
