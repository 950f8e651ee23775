package io.warnews.query.web;

import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells whether a failure comes from the database being unreachable, shutting down, frozen (a
 * statement or socket timed out) or out of connections, or from a time-out waiting for the
 * framework, or a commit or rollback that failed on a lost connection ({@link TransactionSystemException}):
 * all answered 503 with Retry-After.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof SQLTimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof AxonTimeoutException || cause instanceof LockAcquisitionFailedException
                    || cause instanceof TransactionSystemException) {
                return true;
            }
            if (cause instanceof SQLException sql && pooledConnectionClosed(sql)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("57014") || sql.getSQLState().equals("53300"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection pool's answer for a connection it has already found broken earlier in the same
     * request (a statement on it timed out while the database was frozen, and the framework went on,
     * e.g. past a snapshot it could not read): HikariCP closes it and says so, without a SQL state.
     */
    public static boolean pooledConnectionClosed(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }
}
