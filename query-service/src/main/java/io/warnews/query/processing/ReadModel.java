package io.warnews.query.processing;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A read model, declared once: its name (also the name of its processing group, whose tracking
 * processor feeds it), the tables it writes in dependency order (a table before those that refer to
 * it) and how to make its projection over a database session of the caller's choosing. Reset,
 * rebuild, checksums, the projection's status and the replays into temporary tables all work from
 * these declarations ({@link ReadModels}).
 *
 * @param name       the read model and its processing group ({@link ProcessingGroups})
 * @param tables     the tables of schema {@code read_model} it writes, a referenced table before the tables
 *                   referring to it; its {@code stream_position} rows come with them
 * @param projection makes the projection writing through a template, e.g. into temporary copies
 * @param laterIndexes indexes of those tables that only reads use, never the projection's own statements: a
 *                   rebuild fills its new tables without them and builds them once, after the replay (each
 *                   would otherwise be updated row by row); every other index is there from the start
 */
public record ReadModel(String name, List<String> tables, Factory projection, List<String> laterIndexes) {

    /** A read model whose indexes are all there from a rebuild's start. */
    public ReadModel(String name, List<String> tables, Factory projection) {
        this(name, tables, projection, List.of());
    }

    /** Makes a projection writing through {@code jdbc}; feed it with an {@code AnnotationEventHandlerAdapter}. */
    @FunctionalInterface
    public interface Factory {
        Object create(NamedParameterJdbcTemplate jdbc, StreamPositions positions);
    }

    public ReadModel {
        tables = List.copyOf(tables);
        laterIndexes = List.copyOf(laterIndexes);
    }

    /**
     * Empties the tables (a rebuild's reset), with one {@code TRUNCATE} of all of them in the caller's
     * transaction: no row-by-row delete nor foreign-key cascade, and the tables' space is given back.
     * The stream positions are the caller's.
     */
    public void empty(NamedParameterJdbcTemplate jdbc) {
        jdbc.update("TRUNCATE " + qualifiedTables(), Map.of());
    }

    /**
     * Refreshes the tables' planner statistics ({@code ANALYZE}), e.g. once an import or a replay
     * has grown them: until then the planner plans reads as for the tables it last measured. A table
     * locked at that moment (a rebuild emptying it, an operator's lock) is skipped, not waited for:
     * autovacuum measures it later.
     */
    public void analyze(NamedParameterJdbcTemplate jdbc) {
        jdbc.getJdbcTemplate().execute("ANALYZE (SKIP_LOCKED) " + qualifiedTables());
    }

    /** The tables, schema-qualified and comma-separated, as statements over all of them take them. */
    private String qualifiedTables() {
        return String.join(", ", tables.stream().map(table -> "read_model." + table).toList());
    }
}
