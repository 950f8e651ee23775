package io.warnews.query.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service's own work and its HTTP requests take their connections from two pools: a statement
 * longer than the requests' limit (900 ms, as shipped) runs to its end on the processing path (a
 * processor's transaction, the projections' template), while the same statement for a request is
 * cancelled at that limit and a read blocked that long is answered 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.database.statement-timeout-ms=900", "warnews.database.socket-timeout-seconds=5"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class ProcessingPoolTest {

    private static final String LONGER_THAN_A_REQUEST_MAY = "SELECT pg_sleep(1.5)::text";

    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void aStatementLongerThanTheRequestLimitSucceedsInAProcessorsTransaction() {
        String[] seen = new String[1];
        axonTransactions.executeInTransaction(() -> {
            jdbc.queryForObject(LONGER_THAN_A_REQUEST_MAY, Map.of(), String.class);
            seen[0] = jdbc.queryForObject("SELECT current_setting('statement_timeout') || ' / '"
                    + " || current_setting('application_name')", Map.of(), String.class);
        });
        assertThat(seen[0]).isEqualTo("1min / query-service processing");
    }

    @Test
    void theSameStatementForARequestIsCancelledAtTheRequestLimit() {
        assertThat(PoolPerPurpose.forRequest(() -> jdbc.queryForObject("SELECT current_setting('statement_timeout')"
                + " || ' / ' || current_setting('application_name')", Map.of(), String.class)))
                .isEqualTo("900ms / query-service requests");
        assertThatThrownBy(() -> PoolPerPurpose.forRequest(
                () -> jdbc.queryForObject(LONGER_THAN_A_REQUEST_MAY, Map.of(), String.class)))
                .isInstanceOf(DataAccessException.class)
                .satisfies(failure -> assertThat(sqlState(failure)).as("cancelled by the statement timeout")
                        .isEqualTo("57014"));
    }

    @Test
    void whileTheConflictTableIsLockedAReadIsAnswered503AndTheProjectionWaitsPastTheRequestLimit() throws Exception {
        String conflict = "pools-" + System.nanoTime();
        EventStoreWriter writer = new EventStoreWriter(context);
        try (Connection lock = dataSource.getConnection(); Statement sql = lock.createStatement()) {
            lock.setAutoCommit(false);
            sql.execute("LOCK TABLE read_model.conflict IN ACCESS EXCLUSIVE MODE");
            String registered = writer.append(conflict, Feed.warBetweenRussiaAndUkraine(conflict));

            HttpResponse<String> read = get("/api/conflicts/" + conflict);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
            assertThat(read.body()).contains("urn:warnews:problem:unavailable");

            List<Map<String, Object>> waiting = projectionWaitingLongerThanARequestMay();
            assertThat(waiting).as("the conflicts projection, waiting for the lock on the processing pool")
                    .isNotEmpty().allSatisfy(backend -> assertThat(backend.get("application_name"))
                            .isEqualTo("query-service processing"));
            lock.commit();

            HttpResponse<String> after = get("/api/conflicts/" + conflict + "?waitFor="
                    + java.net.URLEncoder.encode(registered, java.nio.charset.StandardCharsets.UTF_8)
                    + "&waitMillis=10000");
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(after.body()).contains("\"id\":\"" + conflict + "\"");
        }
    }

    /**
     * Waits (up to 20 s) until one of the service's statements has been waiting for a lock for
     * longer than 1.5 s in one go: on the requests pool it would have been cancelled at 900 ms.
     */
    private List<Map<String, Object>> projectionWaitingLongerThanARequestMay() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        List<Map<String, Object>> waiting = List.of();
        while (System.currentTimeMillis() < deadline) {
            waiting = jdbc.queryForList("""
                    SELECT pid, application_name FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                      AND state = 'active' AND clock_timestamp() - query_start > interval '1.5 seconds'
                    """, Map.of());
            if (!waiting.isEmpty()) {
                return waiting;
            }
            Thread.sleep(50);
        }
        return waiting;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
