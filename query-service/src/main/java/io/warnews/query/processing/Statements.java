package io.warnews.query.processing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Row changes written in the order of their events when the batch commits: for read models whose
 * changes read the rows written before them (a correction copies the version it replaces, the
 * talks' view is read back after each move). A run of changes that are the same statement with
 * other parameters (a batch of new attacks) is sent as one JDBC batch; any other change runs its
 * own statements in its turn.
 */
public final class Statements implements RowBatch {

    private final NamedParameterJdbcTemplate jdbc;
    private final List<Object> changes = new ArrayList<>();

    public Statements(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Statement(String sql, SqlParameterSource parameters) {
    }

    /** One statement; consecutive ones with the same SQL go as one JDBC batch. */
    public void add(String sql, SqlParameterSource parameters) {
        changes.add(new Statement(sql, parameters));
    }

    /** A change that runs its own statements, after the changes added before it. */
    public void then(Runnable change) {
        changes.add(change);
    }

    @Override
    public void flush() {
        List<SqlParameterSource> run = new ArrayList<>();
        String sql = null;
        for (Object change : changes) {
            if (change instanceof Statement statement) {
                if (!statement.sql().equals(sql)) {
                    send(sql, run);
                    sql = statement.sql();
                }
                run.add(statement.parameters());
            } else {
                send(sql, run);
                sql = null;
                ((Runnable) change).run();
            }
        }
        send(sql, run);
        changes.clear();
    }

    private void send(String sql, List<SqlParameterSource> run) {
        if (run.size() == 1) {
            jdbc.update(sql, run.get(0));
        } else if (run.size() > 1) {
            jdbc.batchUpdate(sql, run.toArray(SqlParameterSource[]::new));
        }
        run.clear();
    }
}
