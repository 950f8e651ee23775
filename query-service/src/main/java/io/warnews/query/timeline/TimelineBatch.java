package io.warnews.query.timeline;

import io.warnews.query.processing.RowBatch;
import io.warnews.query.processing.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeline rows of one batch of events. The events' changes are kept in order and applied at
 * {@link #flush}: first the entries they touch are read from the tables with one query (the last
 * version of each entry, and every current entry of a stream whose entries all close), then the
 * changes are applied in memory, in the order of the events, and written with one JDBC batch (the
 * closing of the stored versions they replaced) and multi-row {@code INSERT}s (the new versions).
 * The rows are the same as if each event had been written on its own.
 */
final class TimelineBatch implements RowBatch {

    static final List<String> COLUMNS = List.of("conflict_id", "stream_id", "entry_key", "kind", "world_date",
            "date_start", "date_end", "summary", "claimant", "source", "corrected", "recorded_at", "first_version",
            "version", "recorded_from", "recorded_to");
    /** Keys a statement: two parameters each, well under PostgreSQL's 65,535. */
    private static final int KEYS_A_QUERY = 10_000;

    private final JdbcTemplate jdbc;
    private final List<Consumer<State>> changes = new ArrayList<>();
    private final Set<Key> keys = new LinkedHashSet<>();
    private final Set<String> wholeStreams = new LinkedHashSet<>();

    TimelineBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Key(String stream, String entry) {
    }

    /** One row of {@code timeline_entry}: a version of an entry. */
    static final class Row {
        String conflict;
        String stream;
        String entry;
        String kind;
        String worldDate;
        LocalDate start;
        LocalDate end;
        String summary;
        String claimant;
        PGobject source;
        boolean corrected;
        OffsetDateTime recordedAt;
        long firstVersion;
        long version;
        OffsetDateTime recordedFrom;
        OffsetDateTime recordedTo;
        boolean stored;

        Row next(long nextVersion, OffsetDateTime at) {
            Row next = new Row();
            next.conflict = conflict;
            next.stream = stream;
            next.entry = entry;
            next.kind = kind;
            next.worldDate = worldDate;
            next.start = start;
            next.end = end;
            next.summary = summary;
            next.claimant = claimant;
            next.source = source;
            next.corrected = corrected;
            next.recordedAt = recordedAt;
            next.firstVersion = firstVersion;
            next.version = nextVersion;
            next.recordedFrom = at;
            return next;
        }

        Key key() {
            return new Key(stream, entry);
        }

        boolean current() {
            return recordedTo == null;
        }

        Object[] values() {
            return new Object[] {conflict, stream, entry, kind, worldDate, start, end, summary, claimant, source,
                    corrected, recordedAt, firstVersion, version, recordedFrom, recordedTo};
        }
    }

    /**
     * A new version of an entry, current from its {@code recordedFrom}: when the entry has a current
     * version, that one closes then and the new one keeps its first recording; otherwise the entry
     * starts with it.
     */
    void put(Row row) {
        keys.add(row.key());
        changes.add(state -> state.put(row));
    }

    /**
     * A correction of the entry: its current version's world date, sentence and (when given) source
     * change; nothing when the entry has no current version.
     */
    void correct(String stream, String entry, long version, OffsetDateTime at, String worldDate, LocalDate start,
                 LocalDate end, String summary, PGobject source) {
        keys.add(new Key(stream, entry));
        changes.add(state -> {
            Row current = state.current(new Key(stream, entry));
            if (current == null) {
                return;
            }
            Row next = current.next(version, at);
            next.worldDate = worldDate;
            next.start = start;
            next.end = end;
            next.summary = summary;
            next.source = source == null ? current.source : source;
            next.corrected = true;
            state.put(next);
        });
    }

    /**
     * A new entry dated as the current version of {@code datedBy} (of the same stream); nothing when
     * that entry has no current version.
     */
    void putDatedAs(String datedBy, Row row) {
        keys.add(new Key(row.stream, datedBy));
        keys.add(row.key());
        changes.add(state -> {
            Row dating = state.current(new Key(row.stream, datedBy));
            if (dating == null) {
                return;
            }
            row.worldDate = dating.worldDate;
            row.start = dating.start;
            row.end = dating.end;
            state.put(row);
        });
    }

    /** The entry stops being current knowledge at {@code at}; its versions stay for "as known at". */
    void close(String stream, String entry, OffsetDateTime at) {
        keys.add(new Key(stream, entry));
        changes.add(state -> state.close(state.current(new Key(stream, entry)), at));
    }

    /** Every current entry of the stream stops being current knowledge at {@code at}. */
    void closeAll(String stream, OffsetDateTime at) {
        wholeStreams.add(stream);
        changes.add(state -> state.last.values().stream()
                .filter(row -> row.stream.equals(stream) && row.current()).toList()
                .forEach(row -> state.close(row, at)));
    }

    /** A closed entry is current again from {@code at}, as it last read; nothing when it is current. */
    void reopen(String stream, String entry, long version, OffsetDateTime at) {
        keys.add(new Key(stream, entry));
        changes.add(state -> {
            Row last = state.last.get(new Key(stream, entry));
            if (last != null && !last.current() && last.version < version) {
                state.reopen(last.next(version, at));
            }
        });
    }

    @Override
    public void flush() {
        if (changes.isEmpty()) {
            return;
        }
        State state = new State();
        stored(state);
        changes.forEach(change -> change.accept(state));
        Rows.batch(jdbc, """
                UPDATE read_model.timeline_entry SET recorded_to = ?
                WHERE stream_id = ? AND entry_key = ? AND version = ?
                """, state.closedStored.keySet().stream()
                .map(row -> new Object[] {row.recordedTo, row.stream, row.entry, row.version}).toList());
        Rows.insert(jdbc, "timeline_entry", COLUMNS, state.inserted.stream().map(Row::values).toList(),
                "ON CONFLICT DO NOTHING");
        changes.clear();
        keys.clear();
        wholeStreams.clear();
    }

    /** The last stored version of each entry the batch touches, and the current ones of whole streams. */
    private void stored(State state) {
        List<Key> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEYS_A_QUERY) {
            List<Key> part = all.subList(from, Math.min(all.size(), from + KEYS_A_QUERY));
            Object[] parameters = new Object[part.size() * 2];
            for (int i = 0; i < part.size(); i++) {
                parameters[2 * i] = part.get(i).stream();
                parameters[2 * i + 1] = part.get(i).entry();
            }
            read(state, """
                    SELECT DISTINCT ON (t.stream_id, t.entry_key) %s, t.source::text AS source_text
                    FROM (VALUES %s) AS k (stream_id, entry_key)
                    JOIN read_model.timeline_entry t ON t.stream_id = k.stream_id AND t.entry_key = k.entry_key
                    ORDER BY t.stream_id, t.entry_key, t.version DESC
                    """.formatted(String.join(", ", COLUMNS.stream().map(column -> "t." + column).toList()),
                    "(?, ?), ".repeat(part.size() - 1) + "(?, ?)"),
                    parameters);
        }
        for (String stream : wholeStreams) {
            read(state, """
                    SELECT %s, source::text AS source_text FROM read_model.timeline_entry
                    WHERE stream_id = ? AND recorded_to IS NULL
                    """.formatted(String.join(", ", COLUMNS)), stream);
        }
    }

    private void read(State state, String sql, Object... parameters) {
        jdbc.query(sql, rs -> {
            Row row = row(rs);
            state.last.putIfAbsent(row.key(), row);
        }, parameters);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Row row = new Row();
        row.conflict = rs.getString("conflict_id");
        row.stream = rs.getString("stream_id");
        row.entry = rs.getString("entry_key");
        row.kind = rs.getString("kind");
        row.worldDate = rs.getString("world_date");
        row.start = rs.getObject("date_start", LocalDate.class);
        row.end = rs.getObject("date_end", LocalDate.class);
        row.summary = rs.getString("summary");
        row.claimant = rs.getString("claimant");
        row.source = json(rs.getString("source_text"));
        row.corrected = rs.getBoolean("corrected");
        row.recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
        row.firstVersion = rs.getLong("first_version");
        row.version = rs.getLong("version");
        row.recordedFrom = rs.getObject("recorded_from", OffsetDateTime.class);
        row.recordedTo = rs.getObject("recorded_to", OffsetDateTime.class);
        row.stored = true;
        return row;
    }

    private static PGobject json(String text) {
        if (text == null) {
            return null;
        }
        try {
            PGobject json = new PGobject();
            json.setType("jsonb");
            json.setValue(text);
            return json;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries as the batch's changes leave them. */
    private static final class State {
        /** The last version of each entry: stored, or made by this batch. */
        final Map<Key, Row> last = new HashMap<>();
        final List<Row> inserted = new ArrayList<>();
        /** Stored versions this batch closed (by identity). */
        final Map<Row, Boolean> closedStored = new IdentityHashMap<>();

        Row current(Key key) {
            Row row = last.get(key);
            return row != null && row.current() ? row : null;
        }

        void put(Row row) {
            Row current = current(row.key());
            if (current != null) {
                if (current.version >= row.version) {
                    return;
                }
                row.recordedAt = current.recordedAt;
                row.firstVersion = current.firstVersion;
                close(current, row.recordedFrom);
            } else {
                row.recordedAt = row.recordedFrom;
                row.firstVersion = row.version;
            }
            last.put(row.key(), row);
            inserted.add(row);
        }

        void close(Row row, OffsetDateTime at) {
            if (row == null || !row.current()) {
                return;
            }
            row.recordedTo = at;
            if (row.stored) {
                closedStored.put(row, Boolean.TRUE);
            }
        }

        /** A closed entry's next version, current again; it keeps the entry's first recording. */
        void reopen(Row row) {
            last.put(row.key(), row);
            inserted.add(row);
        }
    }
}
