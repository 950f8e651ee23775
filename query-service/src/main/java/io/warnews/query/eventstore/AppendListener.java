package io.warnews.query.eventstore;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's channel {@value #CHANNEL}, on which every append to the event table
 * notifies when it commits (the command-service's migration {@code V3__appends_notify.sql}), and
 * wakes the processors' poller: a write reaches the read models without waiting for the next poll.
 * <p>
 * One connection of its own, outside the pools. Polling goes on regardless
 * ({@code warnews.event-store.fetch-delay}), so while the connection is down (the database away, a
 * network fault) nothing is missed, only seen a poll later; the listener reconnects by itself,
 * backing off from 1 s to 30 s, and wakes the poller once it listens again.
 */
@Component
@Profile("!axonserver")
class AppendListener {

    static final String CHANNEL = "warnews_events_appended";
    private static final Logger LOG = LoggerFactory.getLogger(AppendListener.class);
    /** How often the listening connection is checked. */
    private static final long CHECK_EVERY_NANOS = 30_000_000_000L;

    private final AppendedEventStore eventStore;
    private final DataSourceProperties database;
    private final Environment environment;
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile Connection connection;

    AppendListener(AppendedEventStore eventStore, DataSourceProperties database, Environment environment) {
        this.eventStore = eventStore;
        this.database = database;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread listener = new Thread(this::listen, "event-store-append-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
        close();
    }

    private void listen() {
        long backOff = 1_000;
        while (running) {
            try {
                connection = connect();
                if (!running) {
                    close();
                    return;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (backOff > 1_000) {
                    LOG.info("listening for appends to the event store again");
                }
                backOff = 1_000;
                eventStore.appended();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1_000);
                    if (received != null && received.length > 0) {
                        eventStore.appended();
                    }
                    // A connection that died silently (a fail-over, a dropped network path) only stays quiet.
                    if (System.nanoTime() > nextCheck) {
                        if (!connection.isValid(5)) {
                            throw new SQLException("the listening connection no longer answers");
                        }
                        nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.info("not listening for appends to the event store (the processors poll meanwhile); trying again"
                        + " in {} ms: {}", backOff, e.toString());
                close();
                try {
                    Thread.sleep(backOff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backOff = Math.min(backOff * 2, 30_000);
            }
        }
    }

    /** A connection with the driver settings of the pools (their connect, login and socket timeouts). */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        Binder.get(environment).bind("spring.datasource.hikari.data-source-properties",
                Bindable.mapOf(String.class, String.class)).ifBound(properties::putAll);
        properties.setProperty("user", database.determineUsername());
        properties.setProperty("password", database.determinePassword());
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "query-service append listener");
        return DriverManager.getConnection(database.determineUrl(), properties);
    }

    private void close() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}
