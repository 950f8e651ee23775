package io.warnews.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are the database being unavailable (503 with Retry-After), with the shapes they
 * take in the services: the fault suite froze PostgreSQL during a commit, the commit's socket
 * timed out, and the rollback after it failed on the closed connection; that reached the client
 * as a 500 until the rollback's failure was recognised.
 */
class DatabaseUnavailableTest {

    @Test
    void aRollbackThatFailsOnTheConnectionLostDuringTheCommitIsTheDatabaseBeingUnavailable() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("request failed", rollback))).isTrue();
    }

    @Test
    void aConnectionThePoolHadAlreadyFoundBrokenIsTheDatabaseBeingUnavailable() {
        // HikariCP's answer once a statement of the same request broke the connection (the snapshot
        // read timed out while PostgreSQL was frozen, Axon went on to read the events on it)
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("some other client-side failure"))).isFalse();
    }

    @Test
    void aTimeoutOrAConnectionStateIsTooAndABrokenRuleIsNot() {
        assertThat(DatabaseUnavailable.causes(new RuntimeException(new SocketTimeoutException("Read timed out"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causes(new IllegalArgumentException("a bug"))).isFalse();
    }
}
