package io.warnews.query.processing;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Rule: a failure that says nothing about the event is retried, never dead-lettered. The database
 * being unreachable, restarting, frozen, slow or busy makes any handler fail, and the same handler
 * succeeds once it is back; only what fails again on a healthy database belongs in the dead-letter
 * queue. Told apart by the type of the failure or of one of its causes, and by PostgreSQL's SQLState:
 * <ul>
 *   <li>{@code 08xxx} connection exceptions, {@code 57P01..57P05} the server shutting down or
 *       restarting ({@code 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03} cannot
 *       connect now), {@code 57014} a statement cancelled (statement timeout);</li>
 *   <li>{@code 40001} serialization failure, {@code 40P01} deadlock, {@code 55P03} lock not available,
 *       {@code 53xxx} insufficient resources (too many connections, out of memory or disk);</li>
 *   <li>Spring's {@link TransientDataAccessException} and {@link RecoverableDataAccessException},
 *       {@link CannotGetJdbcConnectionException}, {@link CannotCreateTransactionException},
 *       {@link TransactionSystemException} (a commit or a rollback to a savepoint failed on a lost connection), JDBC's
 *       {@link SQLTransientException} and {@link SQLRecoverableException}, a socket failure on the way to
 *       the database, and Axon's {@link AxonTimeoutException} (a handler that took too long);</li>
 *   <li>the pool's "Connection is closed" (no SQL state): the connection was found broken by an earlier
 *       statement of the same batch.</li>
 * </ul>
 */
public final class TransientFailures {

    private static final Set<String> STATES = Set.of("57014", "40001", "40P01", "55P03", "57P01", "57P02", "57P03",
            "57P04", "57P05");
    private static final Set<String> CLASSES = Set.of("08", "53");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return causes(failure).anyMatch(cause -> cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof SocketException
                || cause instanceof SocketTimeoutException || cause instanceof AxonTimeoutException
                || cause instanceof SQLException sql
                && (transientState(sql) || io.warnews.query.web.DatabaseUnavailable.pooledConnectionClosed(sql)));
    }

    /** Whether the failure or one of its causes is an {@link SQLException} with the given SQLState. */
    public static boolean hasState(Throwable failure, String state) {
        return causes(failure).anyMatch(cause -> cause instanceof SQLException sql && state.equals(sql.getSQLState()));
    }

    /** The failure and its causes, at most 32 deep (a cause chain that loops ends there). */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).limit(32);
    }

    private static boolean transientState(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && state.length() == 5
                    && (STATES.contains(state) || CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
            if (next.getNextException() == next) {
                break;
            }
        }
        return false;
    }
}
