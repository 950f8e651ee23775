package io.warnews.local;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a PostgreSQL server for the two services: one database, a role per service, and the
 * {@code event_reader} role that lets the query-service read the event store and nothing more.
 * The command-service's migration grants {@code event_reader} SELECT on the event tables.
 * Idempotent: it may run on every start.
 */
public final class LocalDatabase {

    public static final String DATABASE = "warnews";
    public static final String COMMAND_ROLE = "command_service";
    public static final String QUERY_ROLE = "query_service";

    private LocalDatabase() {
    }

    /** Runs as a superuser on the server's maintenance database. */
    public static void prepare(DataSource admin, String database) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement()) {
            createRole(sql, "event_reader", "NOLOGIN");
            createRole(sql, COMMAND_ROLE, "LOGIN PASSWORD '" + COMMAND_ROLE + "'");
            createRole(sql, QUERY_ROLE, "LOGIN PASSWORD '" + QUERY_ROLE + "'");
            sql.execute("GRANT event_reader TO " + QUERY_ROLE);
            var exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                sql.execute("CREATE DATABASE " + database);
            }
            sql.execute("GRANT CREATE, CONNECT ON DATABASE " + database + " TO " + COMMAND_ROLE + ", " + QUERY_ROLE);
        }
    }

    private static void createRole(Statement sql, String role, String options) throws SQLException {
        var exists = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'");
        if (!exists.next()) {
            sql.execute("CREATE ROLE " + role + " " + options);
        }
    }
}
