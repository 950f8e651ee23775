package io.warnews.query.audit;

import io.warnews.query.processing.TransientFailures;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Rule {@link TransientFailures}: which failures are retried and which are dead-lettered. */
class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03", "57014", "40001", "40P01", "55P03",
            "53300"})
    void aFailureWithATransientSqlStateIsRetried(String state) {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("failed", state)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23514", "22021", "42P01", "22003", "XX000"})
    void aFailureWithAnyOtherSqlStateIsDeadLettered(String state) {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("failed", state)))).isFalse();
    }

    @Test
    void springsTransientAndConnectionFailuresAreRetried() {
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("pool",
                new SQLException("timeout")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new org.springframework.transaction.TransactionSystemException(
                "Could not roll back to JDBC savepoint", new SQLException("Connection is closed")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).as("the pool closed a broken connection").isTrue();
    }

    @Test
    void aDefectOfTheHandlerIsDeadLettered() {
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("check"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("stored JSON does not parse",
                new com.fasterxml.jackson.core.JsonParseException(null, "bad")))).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("handler failed", new UncategorizedSQLException("update", "UPDATE", cause));
    }
}
