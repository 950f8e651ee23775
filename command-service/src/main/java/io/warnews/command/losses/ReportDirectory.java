package io.warnews.command.losses;

import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.LossesReported;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ledger holds a report: report ids are the client's and unique within a conflict. Kept by a
 * subscribing handler, in the transaction that stores the report's event, so it is never behind.
 */
@Component
@ProcessingGroup(ReportDirectory.GROUP)
class ReportDirectory {

    static final String GROUP = "report-directory";

    private final NamedParameterJdbcTemplate jdbc;

    ReportDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LossesReported event) {
        int inserted = jdbc.update("""
                INSERT INTO event_store.report_directory (conflict_id, report_id, ledger_id)
                VALUES (:conflict, :report, :ledger) ON CONFLICT DO NOTHING""", params(event.conflictId(),
                event.reportId()).addValue("ledger", event.ledgerId()));
        if (inserted == 0) {
            ledgerOf(event.conflictId(), event.reportId())
                    .filter(ledger -> !ledger.equals(event.ledgerId()))
                    .ifPresent(ledger -> {
                        throw reused(event.reportId(), ledger);
                    });
        }
    }

    Optional<String> ledgerOf(String conflictId, String reportId) {
        return jdbc.queryForList("""
                        SELECT ledger_id FROM event_store.report_directory
                        WHERE conflict_id = :conflict AND report_id = :report""",
                params(conflictId, reportId), String.class).stream().findFirst();
    }

    /** The ledgers already holding any of these reports, by report id. */
    Map<String, String> ledgersOf(String conflictId, Collection<String> reportIds) {
        Map<String, String> found = new HashMap<>();
        if (reportIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                        SELECT report_id, ledger_id FROM event_store.report_directory
                        WHERE conflict_id = :conflict AND report_id IN (:reports)""",
                new MapSqlParameterSource("conflict", conflictId).addValue("reports", List.copyOf(reportIds)),
                row -> {
                    found.put(row.getString("report_id"), row.getString("ledger_id"));
                });
        return found;
    }

    static RuleViolation reused(String reportId, String ledgerId) {
        return RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                "report id '%s' is already used by ledger '%s'", reportId, ledgerId);
    }

    private static MapSqlParameterSource params(String conflictId, String reportId) {
        return new MapSqlParameterSource("conflict", conflictId).addValue("report", reportId);
    }
}
