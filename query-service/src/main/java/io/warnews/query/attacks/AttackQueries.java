package io.warnews.query.attacks;

import com.fasterxml.jackson.core.type.TypeReference;
import io.warnews.events.AttackConsistency;
import io.warnews.events.Source;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponTotal;
import io.warnews.events.WeaponType;
import io.warnews.query.processing.Filters;
import io.warnews.query.processing.JsonColumns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the attack read model, keyed on the day an attack started. Every read is of the current
 * knowledge (the rows whose recorded interval is open) or, given an instant, of the knowledge at
 * that instant (the rows whose interval contains it): the same query either way, on an index.
 */
@Component
class AttackQueries {

    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
    };
    private static final TypeReference<List<Weapon>> WEAPONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> AREAS = new TypeReference<>() {
    };
    private static final TypeReference<List<AttackConsistency.Inconsistency>> INCONSISTENCIES =
            new TypeReference<>() {
            };
    private static final String COLUMNS = """
            SELECT attack_id, version, attacker, description, targets::text AS targets,
                   launch_areas::text AS launch_areas, start_date, end_date, started_at, ended_at,
                   weapons::text AS weapons, launched, launched_complete, intercepted, intercepted_complete,
                   shot_down, shot_down_complete, suppressed, suppressed_complete, lost, lost_complete, decoys,
                   decoys_complete, killed, injured, claimant, source::text AS source, casualties_claimant,
                   casualties_source::text AS casualties_source, corrected, anomalies::text AS anomalies
            FROM read_model.attack a
            """;
    private static final String IN_ORDER = " ORDER BY start_date, started_at NULLS LAST, attack_id";
    private static final List<String> FIGURES = List.of("launched", "intercepted", "shot_down", "suppressed", "lost",
            "decoys");

    private final NamedParameterJdbcTemplate jdbc;

    AttackQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows current now (no instant) or at the instant. */
    static String known(Optional<Instant> knownAt, MapSqlParameterSource params) {
        if (knownAt.isEmpty()) {
            return "recorded_to IS NULL";
        }
        params.addValue("knownAt", Timestamp.from(knownAt.get()));
        return "recorded_from <= :knownAt AND (recorded_to IS NULL OR recorded_to > :knownAt)";
    }

    /** Filters: start day within [from, to], a target whose region contains {@code region}, a weapon of the type. */
    List<AttackView> list(String conflictId, Optional<Instant> knownAt, Optional<LocalDate> from,
                          Optional<LocalDate> to, Optional<String> region, Optional<WeaponType> weaponType) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        String where = " WHERE conflict_id = :conflict AND " + known(knownAt, params);
        Filters filters = periodFilters(params, from, to)
                .and(region, "EXISTS (SELECT 1 FROM jsonb_array_elements(a.targets) t"
                        + " WHERE strpos(lower(t->>'region'), lower(:region)) > 0)", "region")
                .and(weaponType, "EXISTS (SELECT 1 FROM jsonb_array_elements(a.weapons) w WHERE w->>'type' = :type)",
                        "type");
        return jdbc.query(COLUMNS + where + filters + IN_ORDER, filters.params(), AttackQueries::attack);
    }

    /** One attack as known now or at the instant; empty when it was not recorded (or was retracted) then. */
    Optional<AttackView> find(String attackId, Optional<Instant> knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("attack", attackId);
        return jdbc.query(COLUMNS + " WHERE attack_id = :attack AND " + known(knownAt, params), params,
                AttackQueries::attack).stream().findFirst();
    }

    List<DailyAttacks> daily(String conflictId, Optional<Instant> knownAt, Optional<LocalDate> from,
                             Optional<LocalDate> to) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        StringBuilder columns = new StringBuilder("start_date, count(*) AS attacks");
        for (String figure : FIGURES) {
            columns.append(", sum(").append(figure).append(") AS ").append(figure).append("_sum")
                    .append(", count(*) FILTER (WHERE ").append(figure).append("_complete) AS ").append(figure)
                    .append("_reported")
                    .append(", count(*) FILTER (WHERE ").append(figure).append(" IS NOT NULL AND NOT ")
                    .append(figure).append("_complete) AS ").append(figure).append("_partial");
        }
        for (String toll : List.of("killed", "injured")) {
            columns.append(", sum(").append(toll).append(") AS ").append(toll).append("_sum")
                    .append(", count(").append(toll).append(") AS ").append(toll).append("_reported")
                    .append(", 0 AS ").append(toll).append("_partial");
        }
        String sql = "SELECT " + columns + " FROM read_model.attack a WHERE conflict_id = :conflict AND "
                + known(knownAt, params) + periodFilters(params, from, to)
                + " GROUP BY start_date ORDER BY start_date";
        return jdbc.query(sql, params, (rs, i) -> {
            int attacks = rs.getInt("attacks");
            return new DailyAttacks(rs.getObject("start_date", LocalDate.class), attacks,
                    tally(rs, "launched", attacks), tally(rs, "intercepted", attacks),
                    tally(rs, "shot_down", attacks), tally(rs, "suppressed", attacks), tally(rs, "lost", attacks),
                    tally(rs, "decoys", attacks), tally(rs, "killed", attacks), tally(rs, "injured", attacks));
        });
    }

    /** Every version of one attack, oldest first: who changed it, when, why and on what source. */
    List<AttackVersion> history(String attackId) {
        return jdbc.query(COLUMNS.replace("SELECT ", """
                SELECT change, changed_by, change_reason, change_source::text AS change_source, recorded_from,
                       recorded_to, """) + " WHERE attack_id = :attack ORDER BY version",
                new MapSqlParameterSource("attack", attackId), (rs, i) -> new AttackVersion(
                        rs.getLong("version"),
                        rs.getString("change"),
                        rs.getObject("recorded_from", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("recorded_to", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString("changed_by"),
                        rs.getString("change_reason"),
                        JsonColumns.read(rs.getString("change_source"), Source.class),
                        attack(rs, i)));
    }

    /** The records among the attacks as known now (no instant) or at the instant. */
    AttackRecords records(String conflictId, Optional<Instant> knownAt) {
        return new AttackRecords(mostLaunched(conflictId, knownAt).orElse(null),
                mostLaunchedByWeaponType(conflictId, knownAt), deadliest(conflictId, knownAt).orElse(null));
    }

    private Optional<AttackView> mostLaunched(String conflictId, Optional<Instant> knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        return first(COLUMNS + " WHERE conflict_id = :conflict AND " + known(knownAt, params)
                + " AND launched IS NOT NULL ORDER BY launched DESC, start_date, attack_id LIMIT 1", params);
    }

    private Optional<AttackView> deadliest(String conflictId, Optional<Instant> knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        return first(COLUMNS + " WHERE conflict_id = :conflict AND " + known(knownAt, params)
                + " AND killed > 0 ORDER BY killed DESC, injured DESC NULLS LAST, start_date, attack_id LIMIT 1",
                params);
    }

    /** Per weapon type, the attack with the most of that type launched (lines without a count are left out). */
    private List<AttackRecords.WeaponRecord> mostLaunchedByWeaponType(String conflictId, Optional<Instant> knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        String known = known(knownAt, params);
        List<Object[]> records = jdbc.query("""
                SELECT DISTINCT ON (type) type, launched, attack_id
                FROM (SELECT a.attack_id, a.start_date, w->>'type' AS type, sum((w->>'launched')::bigint) AS launched
                      FROM read_model.attack a, jsonb_array_elements(a.weapons) w
                      WHERE a.conflict_id = :conflict AND %s AND w->>'launched' IS NOT NULL
                      GROUP BY a.attack_id, a.start_date, w->>'type') per_attack
                WHERE launched > 0
                ORDER BY type, launched DESC, start_date, attack_id
                """.formatted(known), params, (rs, i) -> new Object[] {
                rs.getString("type"), rs.getBigDecimal("launched").longValueExact(), rs.getString("attack_id")});
        return records.stream()
                .map(row -> new AttackRecords.WeaponRecord(WeaponType.valueOf((String) row[0]), (Long) row[1],
                        first(COLUMNS + " WHERE conflict_id = :conflict AND " + known + " AND attack_id = :attack",
                                new MapSqlParameterSource(params.getValues()).addValue("attack", row[2]))
                                .orElseThrow()))
                .toList();
    }

    private Optional<AttackView> first(String sql, MapSqlParameterSource params) {
        return jdbc.query(sql, params, AttackQueries::attack).stream().findFirst();
    }

    private static Filters periodFilters(MapSqlParameterSource params, Optional<LocalDate> from,
                                         Optional<LocalDate> to) {
        return new Filters(params).and(from, "start_date >= :from", "from").and(to, "start_date <= :to", "to");
    }

    private static Tally tally(ResultSet rs, String figure, int attacks) throws SQLException {
        BigDecimal sum = rs.getBigDecimal(figure + "_sum");
        long reported = rs.getLong(figure + "_reported");
        long partial = rs.getLong(figure + "_partial");
        return new Tally(sum == null ? null : sum.longValueExact(), reported, partial, attacks - reported - partial);
    }

    private static WeaponTotal total(ResultSet rs, String figure) throws SQLException {
        return new WeaponTotal(rs.getObject(figure, Long.class), rs.getBoolean(figure + "_complete"));
    }

    private static AttackView attack(ResultSet rs, int row) throws SQLException {
        List<AttackConsistency.Inconsistency> anomalies = JsonColumns.read(rs.getString("anomalies"), INCONSISTENCIES);
        return new AttackView(
                rs.getString("attack_id"),
                rs.getString("attacker"),
                rs.getString("description"),
                JsonColumns.read(rs.getString("targets"), TARGETS),
                JsonColumns.read(rs.getString("launch_areas"), AREAS),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class),
                JsonColumns.read(rs.getString("weapons"), WEAPONS),
                total(rs, "launched"),
                total(rs, "intercepted"),
                total(rs, "shot_down"),
                total(rs, "suppressed"),
                total(rs, "lost"),
                total(rs, "decoys"),
                new AttackView.CasualtiesView(
                        rs.getObject("killed", Integer.class),
                        rs.getObject("injured", Integer.class),
                        rs.getString("casualties_claimant"),
                        JsonColumns.read(rs.getString("casualties_source"), Source.class)),
                rs.getString("claimant"),
                JsonColumns.read(rs.getString("source"), Source.class),
                rs.getBoolean("corrected"),
                !anomalies.isEmpty(),
                anomalies,
                rs.getLong("version"));
    }
}
