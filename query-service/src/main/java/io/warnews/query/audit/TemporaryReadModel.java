package io.warnews.query.audit;

import io.warnews.query.processing.ReadModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A throwaway copy of some read-model tables: empty temporary tables of the same shape (columns,
 * keys, foreign keys) in one database session, and a JDBC template on that session that sends
 * every {@code read_model.} table name to its copy. A read model's own projection and queries run
 * against the copy unchanged, the live tables are neither read nor locked, and everything is
 * rolled back (and the copies dropped) at the end.
 */
@Component
class TemporaryReadModel {

    private static final String LIVE = "read_model.";
    private static final String COPY = "pg_temp.";

    private final DataSource dataSource;

    TemporaryReadModel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} over empty copies of the read model's tables (and of {@code stream_position}). */
    <T> T withCopiesOf(ReadModel model, Function<NamedParameterJdbcTemplate, T> work) {
        List<String> tables = model.tables();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<String> all = new ArrayList<>(tables);
                all.add("stream_position");
                copy(connection, all);
                SingleConnectionDataSource copies = new SingleConnectionDataSource(redirecting(connection), true);
                return work.apply(new NamedParameterJdbcTemplate(copies));
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the read-model tables " + tables, e);
        }
    }

    private static void copy(Connection connection, List<String> tables) throws SQLException {
        List<String> foreignKeys = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("CREATE TEMP TABLE " + table + " (LIKE " + LIVE + table + " INCLUDING ALL)"
                        + " ON COMMIT DROP");
                foreignKeys.addAll(foreignKeysOf(connection, table));
            }
            for (String foreignKey : foreignKeys) {
                statement.execute(foreignKey);
            }
        }
    }

    /** The table's foreign keys (LIKE does not copy them), pointing at the copies. */
    private static List<String> foreignKeysOf(Connection connection, String table) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = to_regclass(?) AND contype = 'f'
                """)) {
            query.setString(1, LIVE + table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String definition = rows.getString(1).replace(LIVE, COPY);
                    if (!definition.contains(COPY)) {
                        definition = definition.replace("REFERENCES ", "REFERENCES " + COPY);
                    }
                    statements.add("ALTER TABLE " + COPY + table + " ADD " + definition);
                }
            }
        }
        return statements;
    }

    /** The session, with {@code read_model.} replaced by {@code pg_temp.} in every statement. */
    private static Connection redirecting(Connection connection) {
        return RewrittenSql.connection(connection, sql -> sql.replace(LIVE, COPY));
    }
}
