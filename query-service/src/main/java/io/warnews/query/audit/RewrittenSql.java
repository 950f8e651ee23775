package io.warnews.query.audit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Database sessions whose SQL is rewritten before it is sent: every statement, prepared or not
 * (and {@code nativeSQL}, which a {@code COPY} goes through), has {@code rewrite} applied. Sends a
 * read model's tables elsewhere, so that its own projection and queries run unchanged against copies
 * ({@link TemporaryReadModel}'s temporary tables, a rebuild's tables beside the live ones).
 */
final class RewrittenSql {

    private RewrittenSql() {
    }

    /** {@code connection}, its SQL rewritten. */
    static Connection connection(Connection connection, UnaryOperator<String> rewrite) {
        return proxy(Connection.class, connection, (method, args) -> {
            String name = method.getName();
            if ((name.startsWith("prepare") || name.equals("nativeSQL")) && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                args[0] = rewrite.apply(sql);
            }
            Object result = invoke(connection, method, args);
            return name.equals("createStatement") ? statement((Statement) result, rewrite) : result;
        });
    }

    private static Statement statement(Statement statement, UnaryOperator<String> rewrite) {
        return proxy(Statement.class, statement, (method, args) -> {
            String name = method.getName();
            if ((name.startsWith("execute") || name.equals("addBatch")) && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                args[0] = rewrite.apply(sql);
            }
            return invoke(statement, method, args);
        });
    }

    /** Connections of {@code dataSource}, their SQL rewritten. */
    static DataSource dataSource(DataSource dataSource, UnaryOperator<String> rewrite) {
        return new Rewriting(dataSource, rewrite);
    }

    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> call.on(method, args)));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record Rewriting(DataSource target, UnaryOperator<String> rewrite) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return connection(target.getConnection(), rewrite);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(target.getConnection(username, password), rewrite);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
