package io.warnews.query.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The query-service's one {@code DataSource}, over two connection pools chosen by what a connection
 * is taken for:
 * <ul>
 *   <li>an HTTP request (marked by {@link RequestsPoolFilter}) takes it from the <b>requests</b> pool,
 *       with the fail-fast limits ({@code warnews.database.*}): while the database is away, frozen or
 *       slow, the request is answered 503 within about a second;</li>
 *   <li>anything else, that is the work the service does by itself (event processors and their
 *       token store, dead letters, the event store reads behind them, rebuilds, the feed's reader,
 *       start-up), takes it from the <b>processing</b> pool, with generous limits
 *       ({@code warnews.database.processing.*}): a long projection statement or a rebuild's checksum
 *       over a big history is not cut at the requests' limit.</li>
 * </ul>
 * The choice is made when a connection is taken. A transaction keeps the connection it began with,
 * so a processor's batch (its projection rows, stream positions, dead letters and token) runs on one
 * processing connection, whatever template the handlers use.
 */
public final class PoolPerPurpose extends AbstractDataSource implements Closeable {

    /** What a thread takes connections for; null: not serving a request, i.e. processing. */
    private static final ThreadLocal<Purpose> PURPOSE = new ThreadLocal<>();

    enum Purpose { REQUEST, PROCESSING }

    private final HikariDataSource requests;
    private final HikariDataSource processing;

    PoolPerPurpose(HikariDataSource requests, HikariDataSource processing) {
        this.requests = requests;
        this.processing = processing;
    }

    /**
     * Runs {@code work} as processing: its connections come from the processing pool even on a
     * request's thread (an auditor's retry of dead letters runs the projections' handlers).
     */
    public static <T> T forProcessing(Supplier<T> work) {
        Purpose previous = enter(Purpose.PROCESSING);
        try {
            return work.get();
        } finally {
            leave(previous);
        }
    }

    /** Runs {@code work} as an HTTP request does: its connections come from the requests pool. */
    static <T> T forRequest(Supplier<T> work) {
        Purpose previous = enter(Purpose.REQUEST);
        try {
            return work.get();
        } finally {
            leave(previous);
        }
    }

    static Purpose enter(Purpose purpose) {
        Purpose previous = PURPOSE.get();
        PURPOSE.set(purpose);
        return previous;
    }

    static void leave(Purpose previous) {
        if (previous == null) {
            PURPOSE.remove();
        } else {
            PURPOSE.set(previous);
        }
    }

    private HikariDataSource pool() {
        return PURPOSE.get() == Purpose.REQUEST ? requests : processing;
    }

    /** Connections of the processing pool in use right now (taken and not given back). */
    public int processingInUse() {
        return processing.getHikariPoolMXBean() == null ? 0 : processing.getHikariPoolMXBean().getActiveConnections();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    @Override
    public void close() {
        try {
            requests.close();
        } finally {
            processing.close();
        }
    }
}
