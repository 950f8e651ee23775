package io.warnews.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real PostgreSQL per test JVM, and a fresh database per Spring context holding the event
 * store tables exactly as the command-service's migration creates them.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Path EVENT_STORE_DDL = Path.of("../command-service/src/main/resources/db/event-store/V1__event_store.sql");

    /**
     * The schema {@code event_store} with the tables of the command-service's migration, and its
     * notice of appends (the one the query-service's append listener wakes the processors on).
     */
    public static void createEventStore(Statement statement) throws SQLException, IOException {
        statement.execute("CREATE SCHEMA event_store");
        statement.execute("SET search_path TO event_store");
        statement.execute(Files.readString(EVENT_STORE_DDL));
        statement.execute(Files.readString(EVENT_STORE_DDL.resolveSibling("V3__appends_notify.sql")));
        statement.execute("RESET search_path");
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static EmbeddedPostgres postgres;

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterTheContexts));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** Spring closes its test contexts in a shutdown hook of its own: the processors stop before the database. */
    private static void stopAfterTheContexts() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "query_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection connection = postgres().getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            createEventStore(statement);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot create the event store from " + EVENT_STORE_DDL.toAbsolutePath(), e);
        }
        CONTEXTS.add(context);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                "spring.datasource.url", postgres().getJdbcUrl("postgres", database),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres")));
    }
}
