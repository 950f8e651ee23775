package io.warnews.query.audit;

import io.warnews.query.processing.ReadModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables of a rebuild, beside the live ones: a read model is replayed into empty copies of its
 * tables in a schema of its own ({@code read_model_rebuild_<group>}), while the live tables go on
 * serving reads and the live processor goes on writing them; the copies then take the live tables'
 * place in one transaction, and the replaced tables are kept in {@code read_model_before_<group>}
 * until they have been compared with the new ones. A reader sees the old model or the new one,
 * never one half replayed.
 * <p>
 * The copies have the live tables' columns, defaults, checks, keys and the indexes the projection's
 * own statements use from the start; the indexes that only reads use ({@link ReadModel#laterIndexes})
 * are built once the replay has filled the tables. Index names stay those of the live tables (names
 * are per schema), so that after the swap the read model has the same tables and indexes under the
 * same names as before.
 */
final class SideBySide {

    private final JdbcTemplate jdbc;
    private final ReadModel model;
    private final String rebuild;
    private final String before;
    private final Pattern liveNames;
    /** The indexes {@link #create} left for {@link #finish}, as the live tables define them. */
    private final List<Index> later = new ArrayList<>();

    SideBySide(JdbcTemplate jdbc, ReadModel model) {
        this.jdbc = jdbc;
        this.model = model;
        this.rebuild = rebuildSchema(model.name());
        this.before = beforeSchema(model.name());
        List<String> names = new ArrayList<>(model.tables());
        names.add("stream_position");
        this.liveNames = Pattern.compile("\\bread_model\\.(" + String.join("|", names) + ")\\b");
    }

    static String rebuildSchema(String group) {
        return "read_model_rebuild_" + identifier(group);
    }

    static String beforeSchema(String group) {
        return "read_model_before_" + identifier(group);
    }

    /** A processing group's name as part of a schema's name (they are lower-case words). */
    private static String identifier(String group) {
        if (!group.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a processing group's name: " + group);
        }
        return group;
    }

    ReadModel model() {
        return model;
    }

    String rebuildSchema() {
        return rebuild;
    }

    String beforeSchema() {
        return before;
    }

    /** Drops what a rebuild of this read model may have left (a service stopped during one). */
    void dropLeftovers() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + rebuild + " CASCADE");
        jdbc.execute("DROP SCHEMA IF EXISTS " + before + " CASCADE");
    }

    /**
     * Creates the empty copies: every table of the read model, and {@code stream_position} for the
     * group's positions, with the indexes the projection needs while it writes. What an earlier rebuild
     * left has been dropped first ({@link #dropLeftovers}, under the rebuild's lock).
     */
    void create() {
        jdbc.execute("CREATE SCHEMA " + rebuild);
        List<String> missing = new ArrayList<>(model.laterIndexes());
        for (String table : model.tables()) {
            jdbc.execute("CREATE TABLE " + rebuild + "." + table + " (LIKE read_model." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING STORAGE)");
            for (Index index : indexesOf(table)) {
                missing.remove(index.name());
                if (model.laterIndexes().contains(index.name())) {
                    later.add(index);
                } else {
                    create(index);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the " + model.name() + " read model declares indexes its tables do not have: "
                    + missing);
        }
        jdbc.execute("CREATE TABLE " + rebuild + ".stream_position (LIKE read_model.stream_position INCLUDING ALL)");
    }

    /** An index of a live table: its definition, and the constraint it backs (a primary key, a unique one). */
    private record Index(String name, String definition, String constraint, String constraintType) {
    }

    private List<Index> indexesOf(String table) {
        return jdbc.query("""
                SELECT i.relname, pg_get_indexdef(i.oid), c.conname, c.contype
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.contype IN ('p', 'u')
                WHERE x.indrelid = to_regclass(?)
                ORDER BY i.relname
                """, (rs, row) -> new Index(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                "read_model." + table);
    }

    /** The index on the copy of its table, and the constraint it backs. */
    private void create(Index index) {
        String definition = index.definition().replace(" ON read_model.", " ON " + rebuild + ".");
        if (definition.equals(index.definition())) {
            throw new IllegalStateException("unexpected definition of index " + index.name() + ": " + definition);
        }
        jdbc.execute(definition);
        if (index.constraint() != null) {
            String table = definition.replaceFirst("(?s).* ON " + Pattern.quote(rebuild) + "\\.(\\w+) .*", "$1");
            jdbc.execute("ALTER TABLE " + rebuild + "." + table + " ADD CONSTRAINT " + index.constraint()
                    + (index.constraintType().equals("p") ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX "
                    + index.name());
        }
    }

    /** Builds the indexes left for after the replay, and refreshes the copies' planner statistics. */
    void finish() {
        later.forEach(this::create);
        for (String table : model.tables()) {
            jdbc.execute("ANALYZE " + rebuild + "." + table);
        }
    }

    /**
     * Puts the copies in the live tables' place, in the caller's transaction: the live tables move to
     * {@code read_model_before_<group>} (with the group's stream positions), the copies to
     * {@code read_model}, and the group's positions are replaced by the replay's.
     */
    void swap() {
        jdbc.execute("CREATE SCHEMA " + before);
        for (String table : model.tables()) {
            jdbc.execute("ALTER TABLE read_model." + table + " SET SCHEMA " + before);
            jdbc.execute("ALTER TABLE " + rebuild + "." + table + " SET SCHEMA read_model");
        }
        jdbc.update("CREATE TABLE " + before + ".stream_position AS"
                + " SELECT * FROM read_model.stream_position WHERE processing_group = ?", model.name());
        jdbc.update("DELETE FROM read_model.stream_position WHERE processing_group = ?", model.name());
        jdbc.update("INSERT INTO read_model.stream_position SELECT * FROM " + rebuild + ".stream_position");
        jdbc.execute("DROP SCHEMA " + rebuild + " CASCADE");
    }

    /** {@code dataSource} with the read model's tables (and {@code stream_position}) sent to their copies. */
    DataSource redirecting(DataSource dataSource) {
        return RewrittenSql.dataSource(dataSource, this::redirect);
    }

    String redirect(String sql) {
        Matcher matcher = liveNames.matcher(sql);
        return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(rebuild) + ".$1") : sql;
    }
}
