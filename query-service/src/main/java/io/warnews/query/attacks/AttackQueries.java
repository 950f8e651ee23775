package io.warnews.query.attacks;

import com.fasterxml.jackson.core.type.TypeReference;
import io.warnews.events.Source;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import io.warnews.query.processing.Filters;
import io.warnews.query.processing.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the attack read model, keyed on the day an attack started. */
@Component
class AttackQueries {

    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
    };
    private static final TypeReference<List<Weapon>> WEAPONS = new TypeReference<>() {
    };
    private static final String ATTACKS = """
            SELECT attack_id, attacker, description, targets::text AS targets, start_date, end_date, started_at,
                   ended_at, weapons::text AS weapons, launched, intercepted, killed, injured, claimant,
                   source::text AS source, casualties_claimant, casualties_source::text AS casualties_source,
                   corrected
            FROM read_model.attack a
            WHERE conflict_id = :conflict
            """;
    private static final String IN_ORDER = " ORDER BY start_date, started_at NULLS LAST, attack_id";

    private final NamedParameterJdbcTemplate jdbc;

    AttackQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters: start day within [from, to], a target whose region contains {@code region}, a weapon of the type. */
    List<AttackView> list(String conflictId, Optional<LocalDate> from, Optional<LocalDate> to,
                          Optional<String> region, Optional<WeaponType> weaponType) {
        Filters filters = periodFilters(new MapSqlParameterSource("conflict", conflictId), from, to)
                .and(region, "EXISTS (SELECT 1 FROM jsonb_array_elements(a.targets) t"
                        + " WHERE strpos(lower(t->>'region'), lower(:region)) > 0)", "region")
                .and(weaponType, "EXISTS (SELECT 1 FROM jsonb_array_elements(a.weapons) w WHERE w->>'type' = :type)",
                        "type");
        return jdbc.query(ATTACKS + filters + IN_ORDER, filters.params(), AttackQueries::attack);
    }

    List<DailyAttacks> daily(String conflictId, Optional<LocalDate> from, Optional<LocalDate> to) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        String sql = """
                SELECT start_date, count(*) AS attacks, sum(launched) AS launched, sum(intercepted) AS intercepted,
                       sum(killed) AS killed, sum(injured) AS injured
                FROM read_model.attack a
                WHERE conflict_id = :conflict
                """ + periodFilters(params, from, to) + " GROUP BY start_date ORDER BY start_date";
        return jdbc.query(sql, params, (rs, i) -> new DailyAttacks(
                rs.getObject("start_date", LocalDate.class),
                rs.getInt("attacks"),
                rs.getLong("launched"),
                rs.getLong("intercepted"),
                rs.getObject("killed", Long.class),
                rs.getObject("injured", Long.class)));
    }

    Optional<AttackView> mostLaunched(String conflictId) {
        return first(ATTACKS + " AND launched > 0 ORDER BY launched DESC, start_date, attack_id LIMIT 1", conflictId);
    }

    Optional<AttackView> deadliest(String conflictId) {
        return first(ATTACKS + " AND killed > 0"
                + " ORDER BY killed DESC, injured DESC NULLS LAST, start_date, attack_id LIMIT 1", conflictId);
    }

    List<AttackRecords.WeaponRecord> mostLaunchedByWeaponType(String conflictId) {
        List<Object[]> records = jdbc.query("""
                SELECT DISTINCT ON (type) type, launched, attack_id
                FROM (SELECT a.attack_id, a.start_date, w->>'type' AS type, sum((w->>'launched')::bigint) AS launched
                      FROM read_model.attack a, jsonb_array_elements(a.weapons) w
                      WHERE a.conflict_id = :conflict
                      GROUP BY a.attack_id, a.start_date, w->>'type') per_attack
                WHERE launched > 0
                ORDER BY type, launched DESC, start_date, attack_id
                """, new MapSqlParameterSource("conflict", conflictId), (rs, i) -> new Object[] {
                rs.getString("type"), rs.getLong("launched"), rs.getString("attack_id")});
        return records.stream()
                .map(row -> new AttackRecords.WeaponRecord(WeaponType.valueOf((String) row[0]), (Long) row[1],
                        first(ATTACKS + " AND attack_id = :attack",
                                new MapSqlParameterSource("conflict", conflictId).addValue("attack", row[2]))
                                .orElseThrow()))
                .toList();
    }

    private Optional<AttackView> first(String sql, String conflictId) {
        return first(sql, new MapSqlParameterSource("conflict", conflictId));
    }

    private Optional<AttackView> first(String sql, MapSqlParameterSource params) {
        return jdbc.query(sql, params, AttackQueries::attack).stream().findFirst();
    }

    private static Filters periodFilters(MapSqlParameterSource params, Optional<LocalDate> from,
                                         Optional<LocalDate> to) {
        return new Filters(params).and(from, "start_date >= :from", "from").and(to, "start_date <= :to", "to");
    }

    private static AttackView attack(ResultSet rs, int row) throws SQLException {
        return new AttackView(
                rs.getString("attack_id"),
                rs.getString("attacker"),
                rs.getString("description"),
                JsonColumns.read(rs.getString("targets"), TARGETS),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class),
                JsonColumns.read(rs.getString("weapons"), WEAPONS),
                rs.getInt("launched"),
                rs.getInt("intercepted"),
                new AttackView.CasualtiesView(
                        rs.getObject("killed", Integer.class),
                        rs.getObject("injured", Integer.class),
                        rs.getString("casualties_claimant"),
                        JsonColumns.read(rs.getString("casualties_source"), Source.class)),
                rs.getString("claimant"),
                JsonColumns.read(rs.getString("source"), Source.class),
                rs.getBoolean("corrected"));
    }
}
