package io.warnews.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.QueryServiceTest;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A processor's batch that applied events commits without waiting for the disk (it commits with
 * its token, so a database crash loses it whole and the processor applies it again); a batch that
 * applied nothing, the rebuild's replay (positions written outside a processor's batch) and any
 * other transaction keep the server's durable commit.
 */
@QueryServiceTest
class ProcessorCommitsTest {

    @Autowired
    StreamPositions positions;
    @Autowired
    TransactionManager transactions;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void aBatchThatAppliedAnEventCommitsWithoutWaitingForTheDisk() {
        assertThat(settingAtCommit(batch -> assertThat(positions.advance("commits-test", "stream-a", 0)).isTrue()))
                .isEqualTo("off");
        assertThat(jdbc.getJdbcTemplate().queryForObject("""
                SELECT version FROM read_model.stream_position WHERE processing_group = 'commits-test'
                AND stream_id = 'stream-a'""", Long.class)).isZero();
    }

    @Test
    void aBatchThatAppliedNothingNewCommitsDurably() {
        settingAtCommit(batch -> positions.advance("commits-test", "stream-b", 3));
        assertThat(settingAtCommit(batch -> assertThat(positions.advance("commits-test", "stream-b", 2)).isFalse()))
                .isEqualTo("on");
        assertThat(settingAtCommit(batch -> { })).isEqualTo("on");
    }

    @Test
    void positionsWrittenForAReplayKeepTheDurableCommit() {
        StreamPositions replay = new StreamPositions(jdbc);
        assertThat(settingAtCommit(batch -> assertThat(replay.advance("commits-test", "stream-c", 0)).isTrue()))
                .isEqualTo("on");
    }

    @Test
    void aBatchRunDurablyCommitsDurably() {
        assertThat(StreamPositions.durably(() -> settingAtCommit(
                batch -> assertThat(positions.advance("commits-test", "stream-d", 0)).isTrue()))).isEqualTo("on");
        assertThat(settingAtCommit(batch -> assertThat(positions.advance("commits-test", "stream-d", 1)).isTrue()))
                .as("after it").isEqualTo("off");
    }

    /**
     * {@code synchronous_commit} as the batch's transaction has it when it commits. The test server
     * runs with it off (for speed); the transaction starts with it on, as on a durable server.
     */
    private String settingAtCommit(Consumer<DefaultUnitOfWork<?>> work) {
        AtomicReference<String> seen = new AtomicReference<>();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        jdbc.getJdbcTemplate().execute("SET LOCAL synchronous_commit TO on");
        work.accept(batch);
        batch.onPrepareCommit(unitOfWork -> seen.set(setting()));
        batch.commit();
        return seen.get();
    }

    private String setting() {
        return jdbc.getJdbcTemplate().queryForObject("SHOW synchronous_commit", String.class);
    }
}
