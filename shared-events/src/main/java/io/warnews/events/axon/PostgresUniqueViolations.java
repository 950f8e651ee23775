package io.warnews.events.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append lost a race: PostgreSQL's unique violation (SQLSTATE 23505) on
 * (aggregate_identifier, sequence_number), found anywhere in the cause chain or in a batch's next
 * exceptions. Axon then raises a ConcurrencyException instead of a generic store failure.
 */
public final class PostgresUniqueViolations implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
