package io.warnews.query.audit;

import static io.warnews.query.audit.AuditHistoryTest.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.ReadModel;
import io.warnews.query.processing.ReadModels;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** In a context (and database) of its own: read models fed around the event store by other tests would not rebuild. */
@QueryServiceTest
@TestPropertySource(properties = {"warnews.audit.rebuild.poll-interval=20ms",
        "warnews.audit.rebuild.catch-up-timeout=2s"})
class AuditRebuildTest {

    private static final List<String> GROUPS = List.of("conflicts", "losses", "attacks", "talks", "timeline");

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private SeedStory story;

    @BeforeEach
    void recordTheStoryAndSeeItProjected() throws Exception {
        story = new SeedStory("rebuild-" + System.nanoTime());
        String waitFor = story.appendTo(new EventStoreWriter(context));
        http.perform(get("/api/conflicts/" + story.conflictId() + "/timeline?waitFor=" + waitFor
                + "&waitMillis=10000")).andExpect(status().isOk());
        http.perform(get("/api/talks/" + story.talks() + "?waitFor=" + waitFor + "&waitMillis=10000"))
                .andExpect(status().isOk());
    }

    @Test
    void everyReadModelRebuiltFromTheFirstEventEqualsTheLiveOne() throws Exception {
        for (String group : GROUPS) {
            Map<String, Object> rebuild = rebuilt(group);
            assertThat(rebuild).as(group).containsEntry("state", "VERIFIED").containsEntry("matches", true);
            assertThat(rebuild.get("checksumAfter")).as(group).isEqualTo(rebuild.get("checksumBefore"));
            assertThat((List<?>) rebuild.get("differences")).as(group).isEmpty();
            assertThat(((Number) rebuild.get("rowsAfter")).longValue()).as(group).isPositive();
        }
        http.perform(get("/api/audit/projections").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'losses')].lastRebuild.matches").value(true));
        http.perform(get("/api/conflicts/" + story.conflictId() + "/losses"))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'PERSONNEL')].headline.value")
                        .value(1_000_340));
    }

    @Test
    void aTamperedTableIsReportedWithTheRowsThatDiffer() throws Exception {
        jdbc.update("UPDATE read_model.loss_figure SET value = 7 WHERE ledger_id = ? AND category = 'PERSONNEL'",
                story.ruLedger());

        Map<String, Object> rebuild = rebuilt("losses");

        assertThat(rebuild).containsEntry("state", "VERIFIED").containsEntry("matches", false);
        assertThat(rebuild.get("checksumAfter")).isNotEqualTo(rebuild.get("checksumBefore"));
        List<Map<String, String>> differences = JsonPath.read(rebuild, "$.differences");
        assertThat(differences).hasSize(2);
        assertThat(differences.get(0)).containsEntry("in", "before").containsEntry("table", "loss_figure");
        assertThat(differences.get(0).get("row")).contains(story.ruLedger()).contains(",7,");
        assertThat(differences.get(1)).containsEntry("in", "after").containsEntry("table", "loss_figure");
        assertThat(differences.get(1).get("row")).contains(",1000340,");
    }

    @Test
    void anUnknownProjectionIsA404() throws Exception {
        http.perform(post("/api/audit/projections/nothing/rebuild").with(AUDITOR)).andExpect(status().isNotFound());
    }

    /**
     * The rebuild replays beside the live tables: events recorded while it runs reach the live model
     * at once, and are in the rebuilt model that takes its place (those the live processor applied
     * before the swap are replayed, those after are applied to the new tables).
     */
    @Test
    void eventsRecordedDuringARebuildAreInTheRebuiltModel() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String ledger = story.conflictId() + "/losses/RU/during-the-rebuild";
        String id = startRebuild("losses");
        int day = 0;
        String last = null;
        do {
            day++;
            last = writer.append(ledger, report(ledger, day, 1_000L + day));
        } while (!finished(id) && day < 2_000);
        Map<String, Object> rebuild = awaitFinished("losses", id);
        // two more after the rebuild, on the new tables
        writer.append(ledger, report(ledger, ++day, 1_000L + day));
        last = writer.append(ledger, report(ledger, ++day, 1_000L + day));

        assertThat(rebuild).containsEntry("state", "VERIFIED");
        // the replay's progress at the swap: every event up to then read
        assertThat(((Number) rebuild.get("replayedPosition")).longValue())
                .isGreaterThanOrEqualTo(((Number) rebuild.get("headPosition")).longValue());
        assertThat(((Number) rebuild.get("replayedEvents")).longValue()).isPositive();
        http.perform(get("/api/conflicts/" + story.conflictId() + "/losses/RU/PERSONNEL/series")
                        .param("claimant", "during-the-rebuild").param("waitFor", last).param("waitMillis", "10000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(day))
                .andExpect(jsonPath("$.points[-1].value").value(1_000L + day));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.loss_report WHERE ledger_id = ?", Long.class,
                ledger)).isEqualTo(day);
        assertThat(leftoverSchemas()).isEmpty();
    }

    /**
     * Until the swap, readers read the live tables, whole; a reader holding a table makes the swap
     * wait (and try again), never the reader fail; the rebuilt model then answers the same.
     */
    @Test
    void readsDuringARebuildAnswerFromTheWholeLiveModel() throws Exception {
        String totals = "/api/conflicts/" + story.conflictId() + "/losses";
        String before = http.perform(get(totals)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM read_model.loss_figure").close();
            }
            String id = startRebuild("losses");
            awaitState("losses", id, "SWAPPING");
            for (int i = 0; i < 3; i++) {
                http.perform(get(totals)).andExpect(status().isOk()).andExpect(content().json(before, true));
                Thread.sleep(300);
            }
            assertThat(lastRebuild("losses")).containsEntry("state", "SWAPPING");
            reader.rollback();
            Map<String, Object> rebuild = awaitFinished("losses", id);
            assertThat(rebuild).containsEntry("state", "VERIFIED").containsEntry("matches", true);
        }
        http.perform(get(totals)).andExpect(status().isOk()).andExpect(content().json(before, true));
        assertThat(leftoverSchemas()).isEmpty();
    }

    /**
     * The database ends the rebuild's own session (as a restart of the database does), which holds
     * its lock: the rebuild takes the lock again on a new session, finds itself still the group's
     * rebuild with its tables in place, and goes on to the swap.
     */
    @Test
    void aRebuildWhoseSessionTheDatabaseEndedTakesItsLockAgainAndFinishes() throws Exception {
        String totals = "/api/conflicts/" + story.conflictId() + "/losses";
        String before = http.perform(get(totals)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        int inUse = processingConnectionsInUse();
        try (Connection reader = holdingLossFigures()) {
            String id = startRebuild("losses");
            awaitState("losses", id, "SWAPPING");
            int ended = rebuildLockHolder();
            assertThat(jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, ended)).isTrue();
            reader.rollback();
            Map<String, Object> rebuild = awaitFinished("losses", id);
            assertThat(rebuild).containsEntry("state", "VERIFIED").containsEntry("matches", true);
        }
        // no connection kept from the pool: neither the lost session nor the sessions tried for the lock
        long deadline = System.currentTimeMillis() + 10_000;
        while (processingConnectionsInUse() > inUse) {
            assertThat(System.currentTimeMillis()).as("processing connections in use, against " + inUse + " before")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        http.perform(get(totals)).andExpect(status().isOk()).andExpect(content().json(before, true));
        assertThat(leftoverSchemas()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ?",
                Long.class, 0x7265_6231)).as("rebuild locks still held").isZero();
    }

    /**
     * The rebuild's session ends, and before the rebuild takes its lock again another session takes
     * it and clears the rebuild away (as another instance's rebuild or start does): the rebuild then
     * stops, FAILED saying so, and the live model is as it was.
     */
    @Test
    void aRebuildWhoseLockAnotherTookOverMeanwhileStopsAndLeavesTheLiveModel() throws Exception {
        String totals = "/api/conflicts/" + story.conflictId() + "/losses";
        String before = http.perform(get(totals)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        try (Connection reader = holdingLossFigures(); Connection other = dataSource.getConnection()) {
            String id = startRebuild("losses");
            awaitState("losses", id, "SWAPPING");
            int ended = rebuildLockHolder();
            // the other session queues for the lock first: it has it as soon as the rebuild's session is gone
            Thread taker = new Thread(() -> {
                try (Statement statement = other.createStatement()) {
                    statement.execute("SELECT pg_advisory_lock(" + 0x7265_6231 + ", hashtext('losses'))");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            taker.start();
            awaitLockWaiters(1);
            jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, ended);
            taker.join(10_000);
            assertThat(taker.isAlive()).isFalse();
            // what another instance's start does with the lock: the unfinished rebuild marked FAILED, its tables dropped
            try (Statement statement = other.createStatement()) {
                statement.execute("UPDATE read_model.rebuild SET state = 'FAILED', failure = 'cleared by another'"
                        + " WHERE rebuild_id = '" + id + "'");
                statement.execute("DROP SCHEMA read_model_rebuild_losses CASCADE");
                statement.execute("SELECT pg_advisory_unlock(" + 0x7265_6231 + ", hashtext('losses'))");
            }
            reader.rollback();
            // the rebuild's own outcome replaces what the other wrote
            long deadline = System.currentTimeMillis() + 30_000;
            while ("cleared by another".equals(lastRebuild("losses").get("failure"))) {
                assertThat(System.currentTimeMillis()).as("the rebuild's own outcome").isLessThan(deadline);
                Thread.sleep(50);
            }
            Map<String, Object> rebuild = awaitFinished("losses", id);
            assertThat(rebuild).containsEntry("state", "FAILED");
            assertThat((String) rebuild.get("failure")).contains("session").contains("took over")
                    .contains("left as it was");
        }
        http.perform(get(totals)).andExpect(status().isOk()).andExpect(content().json(before, true));
        assertThat(leftoverSchemas()).isEmpty();
        assertThat(rebuilt("losses")).containsEntry("state", "VERIFIED").containsEntry("matches", true);
    }

    /**
     * Reading the event store fails in the middle of a replay, for a reason that says nothing about
     * the events (the connection lost): the replay opens the store again after the last event it
     * read, and fills its copies exactly as the live model is, every event once.
     */
    @Test
    void aReplayWhoseReadingOfTheStoreFailsReadsOnFromTheLastEventItRead() throws Exception {
        EventStore store = context.getBean(EventStore.class);
        List<TrackingToken> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the first stream fails once after its tenth event, as a dropped connection would; the next ones do not
        EventStore failingOnce = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                    Object result = invoke(store, method, args);
                    if (!method.getName().equals("openStream")) {
                        return result;
                    }
                    opened.add((TrackingToken) args[0]);
                    return opened.size() > 1 ? result : failingAfter(10, (BlockingStream<?>) result);
                });
        ReadModel losses = context.getBean(ReadModels.class).find("losses").orElseThrow();
        SideBySide tables = new SideBySide(jdbc, losses);
        tables.dropLeftovers();
        tables.create();
        long head = context.getBean(Rebuilds.class).head();
        long events;
        try (SideBySideReplay replay = new SideBySideReplay(failingOnce, losses, tables.redirecting(dataSource), 4,
                java.time.Duration.ofSeconds(30), stream -> java.util.OptionalLong.empty(), inChunk -> { },
                (position, count) -> { })) {
            replay.upTo(head);
            events = replay.events();
        } 
        try {
            assertThat(opened).hasSize(2);
            assertThat(opened.get(0)).isNull();
            assertThat(opened.get(1).position()).hasValue(jdbc.queryForObject("SELECT global_index FROM"
                    + " event_store.domain_event_entry ORDER BY global_index OFFSET 9 LIMIT 1", Long.class));
            assertThat(events).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry"
                    + " WHERE global_index <= ?", Long.class, head));
            for (String table : losses.tables()) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM read_model_rebuild_losses." + table
                        + " EXCEPT ALL SELECT * FROM read_model." + table + ") d", Long.class)).as(table).isZero();
                assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model_rebuild_losses." + table, Long.class))
                        .as(table).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM read_model." + table, Long.class));
            }
        } finally {
            tables.dropLeftovers();
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The stream, whose next event after {@code count} fails once as a lost connection does. */
    private static BlockingStream<?> failingAfter(int count, BlockingStream<?> stream) {
        int[] given = {0};
        return (BlockingStream<?>) Proxy.newProxyInstance(BlockingStream.class.getClassLoader(),
                new Class<?>[] {BlockingStream.class}, (proxy, method, args) -> {
                    if (method.getName().equals("nextAvailable") && given[0]++ == count) {
                        throw new org.axonframework.eventsourcing.eventstore.EventStoreException("reading failed",
                                new org.postgresql.util.PSQLException("An I/O error occurred while sending to the"
                                        + " backend.", org.postgresql.util.PSQLState.CONNECTION_FAILURE));
                    }
                    return method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                            : invoke(stream, method, args);
                });
    }

    /** The processing pool's connections in use while nothing runs (the least of a few looks). */
    private int processingConnectionsInUse() throws InterruptedException {
        int least = Integer.MAX_VALUE;
        for (int look = 0; look < 20; look++) {
            least = Math.min(least, context.getBean(io.warnews.query.database.PoolPerPurpose.class).processingInUse());
            Thread.sleep(10);
        }
        return least;
    }

    /**
     * A replay whose rebuild was taken over (marked FAILED by another rebuild or a start of the
     * service, as happens when its session was lost while the database was away) writes nothing more
     * into the copies: each chunk's transaction finds the rebuild no longer REPLAYING and stops.
     */
    @Test
    void aReplayWhoseRebuildWasTakenOverWritesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO read_model.rebuild (rebuild_id, processing_group, state, started_at)"
                + " VALUES (?, 'losses', 'REPLAYING', now())", id);
        ReadModel losses = context.getBean(ReadModels.class).find("losses").orElseThrow();
        SideBySide tables = new SideBySide(jdbc, losses);
        tables.dropLeftovers();
        tables.create();
        long head = context.getBean(Rebuilds.class).head();
        try (SideBySideReplay replay = new SideBySideReplay(context.getBean(EventStore.class), losses,
                tables.redirecting(dataSource), 4, java.time.Duration.ofSeconds(30),
                stream -> java.util.OptionalLong.empty(), inChunk -> Rebuilds.stillReplaying(inChunk, id),
                (position, count) -> {
                    // taken over after the first chunk
                    jdbc.update("UPDATE read_model.rebuild SET state = 'FAILED' WHERE rebuild_id = ?", id);
                })) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> replay.upTo(head))
                    .isInstanceOf(SideBySideReplay.TakenOver.class)
                    .hasMessageContaining("taken over").hasMessageContaining("FAILED");
            assertThat(replay.events()).isEqualTo(4);
            long reports = jdbc.queryForObject("SELECT count(*) FROM read_model_rebuild_losses.loss_report",
                    Long.class);
            assertThat(reports).as("reports of the first four events only").isLessThanOrEqualTo(4)
                    .isLessThan(jdbc.queryForObject("SELECT count(*) FROM read_model.loss_report", Long.class));
        } finally {
            tables.dropLeftovers();
        }
    }

    /** A transaction that has read the live loss figures (and so holds the table until it ends). */
    private Connection holdingLossFigures() throws java.sql.SQLException {
        Connection reader = dataSource.getConnection();
        reader.setAutoCommit(false);
        try (Statement statement = reader.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM read_model.loss_figure").close();
        }
        return reader;
    }

    /** The server process of the session holding the losses model's rebuild lock. */
    private int rebuildLockHolder() {
        return jdbc.queryForObject("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ?"
                + " AND objid = hashtext('losses')::oid AND granted", Integer.class, 0x7265_6231);
    }

    private void awaitLockWaiters(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ?"
                + " AND NOT granted", Long.class, 0x7265_6231) < count) {
            assertThat(System.currentTimeMillis()).as("a session waiting for the rebuild lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * An event the live processor set aside (its stream is in the dead-letter queue) fails in the
     * replay too: the replay passes over its stream from there on, as the live processor does, and
     * the rebuilt model equals the live one; the dead letter is still there to be retried.
     */
    @Test
    void aStreamSetAsideInTheLiveModelIsSetAsideInTheReplay() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String poisoned = story.conflictId() + "/losses/RU/poisoned";
        jdbc.execute("ALTER TABLE read_model.loss_figure ADD CONSTRAINT no_poison CHECK (value <> 666666) NOT VALID");
        try {
            writer.append(poisoned, report(poisoned, 1, 900));
            writer.append(poisoned, report(poisoned, 2, 666_666));
            writer.append(poisoned, report(poisoned, 3, 1_000));
            awaitDeadLetters(poisoned, 2);

            Map<String, Object> rebuild = rebuilt("losses");

            assertThat(rebuild).containsEntry("state", "VERIFIED").containsEntry("matches", true);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.dead_letter_entry"
                    + " WHERE sequence_identifier = ?", Long.class, poisoned)).isEqualTo(2);
        } finally {
            jdbc.execute("ALTER TABLE read_model.loss_figure DROP CONSTRAINT IF EXISTS no_poison");
            // the rebuild has let go of the dead letters once its outcome is written
            http.perform(post("/api/audit/dead-letters/losses/retry").with(AUDITOR))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.succeeded").value(1));
        }
        http.perform(get("/api/conflicts/" + story.conflictId() + "/losses/RU/PERSONNEL/series")
                        .param("claimant", "poisoned"))
                .andExpect(jsonPath("$.points.length()").value(3));
    }

    /**
     * An event of a set-aside stream that the live processor has not reached yet (it is behind) is in
     * neither model once the replay passes over it: the rebuild fails before the swap, and the live
     * processor then sets the event aside as usual.
     */
    @Test
    void anEventTheReplayPassesOverButTheLiveModelHasNotSetAsideFailsTheRebuild() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String poisoned = story.conflictId() + "/losses/RU/poisoned-behind";
        StreamingEventProcessor live = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("losses", StreamingEventProcessor.class).orElseThrow();
        jdbc.execute("ALTER TABLE read_model.loss_figure ADD CONSTRAINT no_poison_behind CHECK (value <> 777777)"
                + " NOT VALID");
        Map<String, Object> rebuild;
        try {
            writer.append(poisoned, report(poisoned, 1, 777_777));
            awaitDeadLetters(poisoned, 1);
            live.shutDown();
            try {
                writer.append(poisoned, report(poisoned, 2, 1_000));
                rebuild = rebuilt("losses");
            } finally {
                if (!live.isRunning()) {
                    live.start();
                }
            }
            awaitDeadLetters(poisoned, 2);
        } finally {
            jdbc.execute("ALTER TABLE read_model.loss_figure DROP CONSTRAINT IF EXISTS no_poison_behind");
            http.perform(post("/api/audit/dead-letters/losses/retry").with(AUDITOR)).andExpect(status().isOk());
        }
        assertThat(rebuild).containsEntry("state", "FAILED");
        assertThat((String) rebuild.get("failure")).contains("passed over version 1 of stream " + poisoned)
                .contains("left as it was");
        assertThat(leftoverSchemas()).isEmpty();
        http.perform(get("/api/conflicts/" + story.conflictId() + "/losses/RU/PERSONNEL/series")
                        .param("claimant", "poisoned-behind"))
                .andExpect(jsonPath("$.points.length()").value(2));
    }

    /** A retry or a drop of dead letters while the read model is being rebuilt is refused with 409, and changes nothing. */
    @Test
    void deadLettersAreLeftAloneWhileTheReadModelIsRebuilt() throws Exception {
        try (Connection rebuild = dataSource.getConnection(); Statement lock = rebuild.createStatement()) {
            // what a rebuild holds while it runs, here or in another instance
            lock.execute("SELECT pg_advisory_lock(" + 0x7265_6231 + ", hashtext('losses'))");
            http.perform(post("/api/audit/dead-letters/losses/retry").with(AUDITOR))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("being rebuilt")));
            http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .delete("/api/audit/dead-letters/losses").param("sequenceId", story.ruLedger()).with(AUDITOR))
                    .andExpect(status().isConflict());
            lock.execute("SELECT pg_advisory_unlock(" + 0x7265_6231 + ", hashtext('losses'))");
        }
        http.perform(post("/api/audit/dead-letters/losses/retry").with(AUDITOR)).andExpect(status().isOk());
    }

    /**
     * An event whose transaction was still open when the replay read past its position, and that
     * commits during the rebuild, is in the read model after the swap, and in the comparison's
     * rebuilt side as in the live one.
     */
    @Test
    void anEventCommittedLateDuringTheRebuildIsInTheRebuiltModel() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String late = story.conflictId() + "/losses/RU/late";
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            try (PreparedStatement insert = open.prepareStatement("""
                    INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, ?, 0, type, time_stamp, payload_type, payload_revision,
                        jsonb_set(jsonb_set(jsonb_set(payload::jsonb, '{ledgerId}', to_jsonb(?::text)),
                            '{claimant}', '"late"'), '{reportId}', '"late-1"')::text, meta_data
                    FROM event_store.domain_event_entry
                    WHERE aggregate_identifier = ? AND payload_type LIKE '%LossesReported'
                    """)) {
                insert.setString(1, late);
                insert.setString(2, late);
                insert.setString(3, story.ruLedger());
                assertThat(insert.executeUpdate()).isOne();
            }
            String after = story.conflictId() + "/losses/RU/after-the-late-one";
            String last = null;
            for (int day = 1; day <= 20; day++) {
                last = writer.append(after, report(after, day, 1_000L + day));
            }
            http.perform(get("/api/conflicts/" + story.conflictId() + "/losses").param("waitFor", last)
                    .param("waitMillis", "10000")).andExpect(status().isOk());
            String id = startRebuild("losses");
            awaitState("losses", id, "REPLAYING");
            open.commit();
            Map<String, Object> rebuild = awaitFinished("losses", id);
            // the replay applied it too before the swap (the live processor had): both sides equal
            assertThat(rebuild).containsEntry("state", "VERIFIED").containsEntry("matches", true);
        }
        http.perform(get("/api/conflicts/" + story.conflictId() + "/losses/RU/PERSONNEL/series")
                        .param("claimant", "late").param("waitFor", late + "@0").param("waitMillis", "10000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(1))
                .andExpect(jsonPath("$.points[0].value").value(1_000_340));
    }

    /**
     * An event that the live model applied but the replay cannot fails the rebuild, named with its
     * position and stream; the live model is left as it was, and nothing of the rebuild is left.
     */
    @Test
    void anEventTheReplayCannotApplyFailsTheRebuildAndLeavesTheLiveModel() throws Exception {
        String totals = "/api/conflicts/" + story.conflictId() + "/losses";
        String before = http.perform(get(totals)).andReturn().getResponse().getContentAsString();
        jdbc.execute("ALTER TABLE read_model.loss_figure ADD CONSTRAINT no_more CHECK (value <> 1000340) NOT VALID");
        Map<String, Object> rebuild;
        try {
            rebuild = rebuilt("losses");
        } finally {
            jdbc.execute("ALTER TABLE read_model.loss_figure DROP CONSTRAINT IF EXISTS no_more");
        }
        assertThat(rebuild).containsEntry("state", "FAILED");
        assertThat((String) rebuild.get("failure")).contains("the replay could not apply the event at position")
                .contains("LossesReported, stream ").contains("/losses/RU/ministry-of-defence-of-ukraine version 0")
                .contains("no_more");
        http.perform(get(totals)).andExpect(status().isOk()).andExpect(content().json(before, true));
        assertThat(leftoverSchemas()).isEmpty();
    }

    /** A rebuild that a stopped service left half done is marked FAILED at the next start, and its tables dropped. */
    @Test
    void aRebuildLeftUnfinishedByAStoppedServiceIsFailedAtTheNextStart() {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO read_model.rebuild (rebuild_id, processing_group, state, started_at)"
                + " VALUES (?, 'timeline', 'REPLAYING', now())", id);
        jdbc.execute("CREATE SCHEMA read_model_rebuild_timeline");
        jdbc.execute("CREATE TABLE read_model_rebuild_timeline.timeline_entry (LIKE read_model.timeline_entry)");

        context.getBean(Rebuilds.class).clearUnfinished();

        assertThat(jdbc.queryForMap("SELECT state, failure FROM read_model.rebuild WHERE rebuild_id = ?", id))
                .containsEntry("state", "FAILED")
                .hasEntrySatisfying("failure", failure -> assertThat((String) failure)
                        .contains("stopped before the rebuild finished").contains("left as it was"));
        assertThat(leftoverSchemas()).isEmpty();
    }

    private LossesReported report(String ledger, int day, long personnel) {
        return new LossesReported(ledger, "day-" + day, story.conflictId(), "RU",
                ledger.substring(ledger.lastIndexOf('/') + 1), WorldDate.parse(LocalDate.of(2024, 1, 1)
                .plusDays(day).toString()), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.EXACT)), SeedStory.ARTICLE);
    }

    private List<String> leftoverSchemas() {
        return jdbc.queryForList("SELECT schema_name FROM information_schema.schemata"
                + " WHERE schema_name LIKE 'read_model_rebuild%' OR schema_name LIKE 'read_model_before%'", String.class);
    }

    private void awaitDeadLetters(String stream, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.queryForObject("SELECT count(*) FROM read_model.dead_letter_entry WHERE sequence_identifier = ?",
                Long.class, stream) < count) {
            assertThat(System.currentTimeMillis()).as("dead letters of " + stream).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String startRebuild(String group) throws Exception {
        return rebuilds().start(group);
    }

    private Map<String, Object> lastRebuild(String group) throws Exception {
        return rebuilds().last(group);
    }

    private boolean finished(String id) throws Exception {
        Map<String, Object> rebuild = lastRebuild("losses");
        return id.equals(rebuild.get("rebuildId")) && List.of("VERIFIED", "FAILED").contains(rebuild.get("state"));
    }

    private void awaitState(String group, String id, String state) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            Map<String, Object> rebuild = lastRebuild(group);
            if (id.equals(rebuild.get("rebuildId")) && state.equals(rebuild.get("state"))) {
                return;
            }
            assertThat(rebuild.get("state")).as("rebuild of " + group).isNotIn("VERIFIED", "FAILED");
            assertThat(System.currentTimeMillis()).as("rebuild of " + group + " reaching " + state)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Starts a rebuild and follows the group's status until it is verified; answers the last rebuild. */
    private Map<String, Object> rebuilt(String group) throws Exception {
        return rebuilds().rebuilt(group);
    }

    /** Follows the group's status until the rebuild is verified or failed; answers it. */
    private Map<String, Object> awaitFinished(String group, String id) throws Exception {
        return rebuilds().awaitFinished(group, id);
    }

    private RebuildsOverHttp rebuilds() {
        return new RebuildsOverHttp(http);
    }
}
