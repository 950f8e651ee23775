package io.warnews.query.processing;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.Optional;

/**
 * Optional conditions of a query: each present value adds {@code AND <condition>} and binds its
 * parameter; an absent one adds nothing.
 */
public final class Filters {

    private final StringBuilder sql = new StringBuilder();
    private final MapSqlParameterSource params;

    public Filters(MapSqlParameterSource params) {
        this.params = params;
    }

    /** {@code condition} names the parameter {@code :name}, bound to the value when present. */
    public Filters and(Optional<?> value, String condition, String name) {
        value.ifPresent(present -> {
            sql.append(" AND ").append(condition);
            params.addValue(name, present instanceof Enum<?> constant ? constant.name() : present);
        });
        return this;
    }

    public MapSqlParameterSource params() {
        return params;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
