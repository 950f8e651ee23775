package io.warnews.query.processing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows with few statements: many new rows with PostgreSQL's {@code COPY} (a replay's,
 * a catch-up's or an import's batch), a few with an {@code INSERT} of many rows per statement, an
 * update as one JDBC batch (sent in one round trip). Values are given as they are: {@code String},
 * {@code Long}, {@code Boolean}, {@code LocalDate}, {@code OffsetDateTime}, a {@code PGobject}
 * for JSON, or null; both ways store the same values.
 */
public final class Rows {

    /** PostgreSQL takes at most 65,535 parameters a statement. */
    private static final int MAX_PARAMETERS = 30_000;
    /**
     * From this many rows on, new rows go with {@code COPY}: a multi-row {@code INSERT} of a
     * thousand rows binds tens of thousands of parameters, and PostgreSQL analyses each of them;
     * {@code COPY} sends the rows as text and takes them as they come.
     */
    static final int COPY_FROM = 64;

    private Rows() {
    }

    /**
     * {@code INSERT INTO read_model.<table> (<columns>) VALUES (...), (...) <suffix>}: each row's values in the
     * order of {@code columns}; {@code suffix} may be empty or an {@code ON CONFLICT} clause.
     */
    public static void insert(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows,
                              String suffix) {
        if (suffix.isBlank() && rows.size() >= COPY_FROM) {
            String text = copyText(columns, rows);
            if (text != null) {
                copy(jdbc, table, columns, text);
                return;
            }
        }
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

    /** {@code COPY read_model.<table> (<columns>) FROM STDIN} with the rows in its text form. */
    private static void copy(JdbcTemplate jdbc, String table, List<String> columns, String text) {
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            // nativeSQL: a session that sends the read model's tables elsewhere (a rebuild's copies) rewrites it
            String sql = connection.nativeSQL("COPY read_model." + table + " (" + String.join(", ", columns)
                    + ") FROM STDIN");
            try {
                // as UTF-8 bytes (the driver's client encoding): a Reader would be encoded piece by piece, and a
                // character outside the Basic Multilingual Plane cut between two pieces would be lost
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql,
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed", e);
            }
        });
    }

    /**
     * The rows in {@code COPY}'s text form (a tab between values, a newline after each row, {@code \\N}
     * for null, backslash escapes); null when a value is not one of the plain kinds, which then go as
     * parameters of an {@code INSERT}.
     */
    static String copyText(List<String> columns, List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * columns.size() * 16);
        for (Object[] values : rows) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(values.length + " values for " + columns);
            }
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                String value = copyValue(values[i]);
                if (value == null) {
                    if (values[i] != null) {
                        return null;
                    }
                    text.append("\\N");
                } else {
                    escape(text, value);
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The value as {@code COPY} reads it, unescaped; null for null and for a kind left to an {@code INSERT}. */
    private static String copyValue(Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "t" : "f";
        }
        if (value instanceof LocalDate date) {
            return date.getYear() >= 1 && date.getYear() <= 9999 ? date.toString() : null;
        }
        if (value instanceof OffsetDateTime time) {
            // whole microseconds (PostgreSQL's precision) within four-digit years: any other goes as a parameter
            return time.getNano() % 1_000 == 0 && time.getYear() >= 1 && time.getYear() <= 9999
                    ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : null;
        }
        if (value instanceof PGobject json && json.getValue() != null
                && ("jsonb".equals(json.getType()) || "json".equals(json.getType()))) {
            return json.getValue();
        }
        return null;
    }

    private static void escape(StringBuilder text, String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                && value.indexOf('\t') < 0) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
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
