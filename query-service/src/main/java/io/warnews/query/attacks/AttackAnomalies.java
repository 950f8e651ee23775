package io.warnews.query.attacks;

import com.fasterxml.jackson.core.type.TypeReference;
import io.warnews.events.AttackConsistency;
import io.warnews.query.processing.JsonColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The list of attack anomalies, derived by one query from the attack's stored versions (each keeps
 * the inconsistencies of its figures): an anomaly opens at the version whose inconsistencies differ
 * from the previous version's and are not empty, and is resolved by the next version whose
 * inconsistencies differ from them (a retraction counts as none). As known at an instant, only the
 * versions recorded by then count; nothing is replayed.
 */
@Component
class AttackAnomalies {

    static final int LIMIT = 1000;

    private static final TypeReference<List<AttackConsistency.Inconsistency>> INCONSISTENCIES =
            new TypeReference<>() {
            };
    private static final String QUERY = """
            WITH flagged AS (
                SELECT DISTINCT attack_id FROM read_model.attack
                WHERE conflict_id = :conflict AND anomalies <> '[]'::jsonb %1$s
            ), versions AS (
                SELECT a.attack_id, a.version, a.change, a.change_reason, a.recorded_from, a.start_date, a.attacker,
                       a.claimant, CASE WHEN a.change = 'RETRACTED' THEN '[]'::jsonb ELSE a.anomalies END AS anomalies
                FROM read_model.attack a JOIN flagged f ON f.attack_id = a.attack_id
                WHERE a.conflict_id = :conflict %1$s
            ), marked AS (
                SELECT v.*, lag(v.anomalies) OVER (PARTITION BY v.attack_id ORDER BY v.version) AS before
                FROM versions v
            ), episodes AS (
                SELECT m.*, (SELECT min(n.version) FROM versions n
                             WHERE n.attack_id = m.attack_id AND n.version > m.version
                               AND n.anomalies <> m.anomalies) AS resolved_version
                FROM marked m
                WHERE m.anomalies <> '[]'::jsonb AND (m.before IS NULL OR m.before <> m.anomalies)
            )
            SELECT e.attack_id, e.start_date, e.attacker, e.claimant, e.anomalies::text AS inconsistencies,
                   e.recorded_from AS opened_at, e.change AS opened_by, e.version AS opened_version,
                   r.recorded_from AS resolved_at, r.change AS resolved_by, r.version AS resolved_version,
                   r.change_reason AS resolved_reason, count(*) OVER () AS total
            FROM episodes e LEFT JOIN versions r ON r.attack_id = e.attack_id AND r.version = e.resolved_version
            %2$s
            ORDER BY e.start_date DESC, e.attack_id, e.version DESC
            LIMIT %3$d
            """;

    private final NamedParameterJdbcTemplate jdbc;

    AttackAnomalies(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code status}: "open", "resolved" or empty for both; {@code knownAt} empty: as known now. */
    AttackAnomaliesView of(String conflictId, Optional<String> status, Optional<Instant> knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        knownAt.ifPresent(at -> params.addValue("knownAt", Timestamp.from(at)));
        String recorded = knownAt.isPresent() ? " AND recorded_from <= :knownAt" : "";
        String condition = status.map(s -> s.equals("open") ? "WHERE r.version IS NULL" : "WHERE r.version IS NOT NULL")
                .orElse("");
        long[] total = {0};
        List<AttackAnomaliesView.Anomaly> anomalies = jdbc.query(QUERY.formatted(recorded, condition, LIMIT), params,
                (rs, row) -> {
                    total[0] = rs.getLong("total");
                    List<AttackConsistency.Inconsistency> inconsistencies =
                            JsonColumns.read(rs.getString("inconsistencies"), INCONSISTENCIES);
                    Timestamp resolvedAt = rs.getTimestamp("resolved_at");
                    return new AttackAnomaliesView.Anomaly(rs.getString("attack_id"),
                            rs.getObject("start_date", LocalDate.class), rs.getString("attacker"),
                            rs.getString("claimant"), resolvedAt == null ? "open" : "resolved",
                            inconsistencies.stream().map(AttackConsistency.Inconsistency::message)
                                    .collect(Collectors.joining("; ")),
                            inconsistencies, rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                            rs.getLong("opened_version"), resolvedAt == null ? null : resolvedAt.toInstant(),
                            rs.getString("resolved_by"), (Long) rs.getObject("resolved_version"),
                            rs.getString("resolved_reason"));
                });
        return new AttackAnomaliesView(conflictId, status.orElse("all"), total[0], anomalies);
    }
}
