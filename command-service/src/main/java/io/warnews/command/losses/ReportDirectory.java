package io.warnews.command.losses;

import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.LossesReported;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which ledger holds a report: report ids are the client's and unique within a conflict. Kept by a
 * subscribing handler, in the transaction that stores the report's event, so it is never behind:
 * the reports of one write are collected and recorded together just before it commits.
 */
@Component
@ProcessingGroup(ReportDirectory.GROUP)
class ReportDirectory {

    static final String GROUP = "report-directory";
    private static final String PENDING = ReportDirectory.class.getName() + ".pending";
    private static final int ROWS_PER_STATEMENT = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    ReportDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LossesReported event) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(event));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        @SuppressWarnings("unchecked")
        List<LossesReported> pending = (List<LossesReported>) unitOfWork.resources().get(PENDING);
        if (pending == null) {
            List<LossesReported> batch = new ArrayList<>();
            unitOfWork.resources().put(PENDING, batch);
            unitOfWork.onPrepareCommit(committing -> write(batch));
            pending = batch;
        }
        pending.add(event);
    }

    /**
     * Records the reports of one write (a batch is up to thousands) with one statement per thousand,
     * and refuses the write when another ledger already holds one of its report ids.
     */
    private void write(List<LossesReported> events) {
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<LossesReported> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            StringBuilder values = new StringBuilder();
            MapSqlParameterSource params = new MapSqlParameterSource();
            for (int i = 0; i < chunk.size(); i++) {
                LossesReported event = chunk.get(i);
                values.append(i == 0 ? "" : ", ").append("(:c").append(i).append(", :r").append(i).append(", :l")
                        .append(i).append(')');
                params.addValue("c" + i, event.conflictId()).addValue("r" + i, event.reportId())
                        .addValue("l" + i, event.ledgerId());
            }
            Set<List<String>> inserted = new HashSet<>(jdbc.query("""
                    INSERT INTO event_store.report_directory (conflict_id, report_id, ledger_id)
                    VALUES %s ON CONFLICT DO NOTHING RETURNING conflict_id, report_id""".formatted(values), params,
                    (row, n) -> List.of(row.getString(1), row.getString(2))));
            if (inserted.size() == chunk.size()) {
                continue;
            }
            Map<String, List<LossesReported>> elsewhere = new HashMap<>();
            for (LossesReported event : chunk) {
                if (!inserted.contains(List.of(event.conflictId(), event.reportId()))) {
                    elsewhere.computeIfAbsent(event.conflictId(), conflict -> new ArrayList<>()).add(event);
                }
            }
            elsewhere.forEach((conflictId, reports) -> {
                Map<String, String> holders = ledgersOf(conflictId, reports.stream().map(LossesReported::reportId)
                        .toList());
                for (LossesReported event : reports) {
                    String ledger = holders.get(event.reportId());
                    if (ledger != null && !ledger.equals(event.ledgerId())) {
                        throw reused(event.reportId(), ledger);
                    }
                }
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
