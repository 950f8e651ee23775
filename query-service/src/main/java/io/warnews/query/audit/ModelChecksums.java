package io.warnews.query.audit;

import io.warnews.query.processing.ReadModel;
import io.warnews.query.processing.ReadModels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A processing group's read model as rows: every row of the tables its {@link ReadModel} declares
 * (in PostgreSQL's text form of the row) and its {@code stream_position} rows. The checksum is the SHA-256 of that canonical
 * dump, ordered by table and by row text (collation "C"); two models are equal when their dumps
 * are, and the difference is the rows found in only one of them.
 */
@Component
class ModelChecksums {

    private static final int DIFFERENCES_SHOWN = 10;

    /** Rows fetched at a time while a checksum reads a read model (PostgreSQL's driver reads all of them at once otherwise). */
    private static final int FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate transactions;
    private final ReadModels readModels;

    ModelChecksums(NamedParameterJdbcTemplate jdbc, ReadModels readModels, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        // The driver fetches with a cursor only inside a transaction and with a fetch size; without
        // them a checksum of a million-event read model (five million rows) filled the heap.
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A checksum with the number of rows it covers. */
    record Checksum(String sha256, long rows) {
    }

    /** A row found on one side only: {@code in} is {@code before} (the live model) or {@code after} (the rebuilt one). */
    record Difference(String in, String table, String row) {
    }

    /**
     * The checksum of the group's read model in {@code schema}: {@code read_model} for the live one,
     * or a schema holding the same tables (a rebuild's replaced tables, with their positions).
     */
    Checksum of(String schema, String group) {
        return fetched(rows(schema, readModels.tablesOf(group)), Map.of("group", group));
    }

    /** The checksum, reading the rows {@code FETCH_SIZE} at a time (in the caller's transaction, or one of its own). */
    private Checksum fetched(String rows, Map<String, ?> params) {
        return transactions.execute(status -> checksum(cursor, rows, params));
    }

    /** The read model as {@code jdbc} sees it (e.g. a {@link TemporaryReadModel}'s copies). */
    static Checksum of(NamedParameterJdbcTemplate jdbc, ReadModel model) {
        return checksum(jdbc, rows(model.tables()), Map.of("group", model.name()));
    }

    /** The first rows that only the tables in {@code beforeSchema} have, then the first that only the live ones have. */
    List<Difference> differences(String beforeSchema, String group) {
        List<String> tables = readModels.tablesOf(group);
        String before = "SELECT table_name, row_text FROM (" + rows(beforeSchema, tables) + ") replaced";
        String after = "SELECT table_name, row_text FROM (" + rows("read_model", tables) + ") live";
        return jdbc.query("(SELECT 'before' AS side, table_name, row_text FROM (" + before + " EXCEPT ALL " + after
                        + ") only_before ORDER BY table_name, row_text COLLATE \"C\" LIMIT :shown)"
                        + " UNION ALL (SELECT 'after', table_name, row_text FROM (" + after + " EXCEPT ALL " + before
                        + ") only_after ORDER BY table_name, row_text COLLATE \"C\" LIMIT :shown)",
                Map.of("group", group, "shown", DIFFERENCES_SHOWN),
                (rs, i) -> new Difference(rs.getString("side"), rs.getString("table_name"), rs.getString("row_text")));
    }

    private static String rows(List<String> tables) {
        return rows("read_model", tables);
    }

    /** The group's rows in {@code schema}: its stream positions and the rows of the tables (none when it declares none). */
    private static String rows(String schema, List<String> tables) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        StringBuilder sql = new StringBuilder("SELECT 'stream_position'::varchar AS table_name, t::text AS row_text"
                + " FROM " + schema + ".stream_position t WHERE t.processing_group = :group");
        for (String table : tables) {
            sql.append(" UNION ALL SELECT '").append(table).append("', t::text FROM ").append(schema).append('.')
                    .append(table).append(" t");
        }
        return sql.toString();
    }

    private static Checksum checksum(NamedParameterJdbcTemplate jdbc, String rows, Map<String, ?> params) {
        MessageDigest sha256 = sha256();
        long[] count = {0};
        jdbc.query("SELECT table_name, row_text FROM (" + rows + ") dump ORDER BY table_name, row_text COLLATE \"C\"",
                params, (RowCallbackHandler) rs -> {
                    sha256.update((rs.getString(1) + '\t' + rs.getString(2) + '\n').getBytes(StandardCharsets.UTF_8));
                    count[0]++;
                });
        return new Checksum(HexFormat.of().formatHex(sha256.digest()), count[0]);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
