package io.warnews.query.processing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows with few statements: an {@code INSERT} of many rows per statement, an update
 * as one JDBC batch (sent in one round trip). Values are bound as they are: {@code String},
 * {@code Long}, {@code Boolean}, {@code LocalDate}, {@code OffsetDateTime}, a {@code PGobject}
 * for JSON, or null.
 */
public final class Rows {

    /** PostgreSQL takes at most 65,535 parameters a statement. */
    private static final int MAX_PARAMETERS = 30_000;

    private Rows() {
    }

    /**
     * {@code INSERT INTO read_model.<table> (<columns>) VALUES (...), (...) <suffix>}: each row's values in the
     * order of {@code columns}; {@code suffix} may be empty or an {@code ON CONFLICT} clause.
     */
    public static void insert(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows,
                              String suffix) {
        int perStatement = Math.max(1, MAX_PARAMETERS / columns.size());
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + perStatement));
            StringBuilder sql = new StringBuilder("INSERT INTO read_model.").append(table).append(" (")
                    .append(String.join(", ", columns)).append(") VALUES ");
            String row = "(" + "?, ".repeat(columns.size() - 1) + "?)";
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
            }
            sql.append(' ').append(suffix);
            jdbc.update(sql.toString(), statement -> {
                int index = 1;
                for (Object[] values : part) {
                    if (values.length != columns.size()) {
                        throw new IllegalArgumentException(values.length + " values for " + columns);
                    }
                    for (Object value : values) {
                        bind(statement, index++, value);
                    }
                }
            });
        }
    }

    /** Runs {@code sql} once per row of parameters, as one JDBC batch. */
    public static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                Object[] values = rows.get(i);
                for (int index = 0; index < values.length; index++) {
                    bind(statement, index + 1, values[index]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, value);
        }
    }
}
