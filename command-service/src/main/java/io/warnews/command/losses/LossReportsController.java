package io.warnews.command.losses;

import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.command.web.WriteResult;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Loss reports: one at a time, in batches, corrected, revised, retracted, restored. Every answer
 * lists the {@code warnings} of figures the claimant's other figures contradict; they are recorded
 * all the same.
 */
@RestController
@RequestMapping("/api/conflicts/{conflictId}/loss-reports")
class LossReportsController {

    private final CommandGateway commands;
    private final ReportDirectory directory;

    LossReportsController(CommandGateway commands, ReportDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<LossWriteResult> report(@PathVariable String conflictId, @Valid @RequestBody LossReportBody body) {
        LossReport report = body.toReport();
        LedgerRecorded recorded = record(conflictId, body.side(), body.claimant(), List.of(report), List.of());
        LedgerRecorded.ReportRecorded result = recorded.reports().get(0);
        return WriteResult.respond(result.created(),
                new LossWriteResult(report.reportId(), recorded.streamId(), result.version(), result.warnings()));
    }

    @PostMapping("/batch")
    ResponseEntity<BatchResult> batch(@PathVariable String conflictId, @Valid @RequestBody LossBatchBody body) {
        String ledgerId = LedgerId.of(conflictId, body.side(), body.claimant());
        List<CorrectLossReport> corrections = body.toCorrections(ledgerId);
        corrections.forEach(correction -> {
            String holder = ledgerOf(conflictId, correction.reportId());
            if (!holder.equals(ledgerId)) {
                throw RuleViolation.of(Rule.REPORT_MUST_EXIST, "report '%s' is in ledger '%s', not in '%s'",
                        correction.reportId(), holder, ledgerId);
            }
        });
        LedgerRecorded recorded = record(conflictId, body.side(), body.claimant(), body.toReports(), corrections);
        return WriteResult.respond(recorded.anyCreated(), BatchResult.of(recorded));
    }

    @PostMapping("/{reportId}/corrections")
    ResponseEntity<LossWriteResult> correct(@PathVariable String conflictId, @PathVariable String reportId,
                                            @Valid @RequestBody CorrectionBody body) {
        LossRecorded recorded = commands.sendAndWait(new CorrectLossReport(ledgerOf(conflictId, reportId), reportId,
                body.asOf(), body.basis(), body.figures().stream().map(FigureBody::toFigure).toList(),
                body.reason(), body.source() == null ? null : body.source().toSource()));
        return LossWriteResult.of(reportId, recorded);
    }

    /** The claimant changed its own figure: both stay its words, each with its publication. */
    @PostMapping("/{reportId}/revisions")
    ResponseEntity<LossWriteResult> revise(@PathVariable String conflictId, @PathVariable String reportId,
                                           @Valid @RequestBody RevisionBody body) {
        LossRecorded recorded = commands.sendAndWait(new ReviseLossReport(ledgerOf(conflictId, reportId), reportId,
                body.asOf(), body.basis(), body.figures().stream().map(FigureBody::toFigure).toList(),
                body.reason(), body.source().toSource()));
        return LossWriteResult.of(reportId, recorded);
    }

    @PostMapping("/{reportId}/retraction")
    ResponseEntity<LossWriteResult> retract(@PathVariable String conflictId, @PathVariable String reportId,
                                            @Valid @RequestBody RetractionBody body) {
        LossRecorded recorded = commands.sendAndWait(new RetractLossReport(ledgerOf(conflictId, reportId), reportId,
                body.reason()));
        return LossWriteResult.of(reportId, recorded);
    }

    /** A retracted report counted again, as it stood before its retraction. */
    @PostMapping("/{reportId}/restoration")
    ResponseEntity<LossWriteResult> restore(@PathVariable String conflictId, @PathVariable String reportId,
                                            @Valid @RequestBody RestorationBody body) {
        LossRecorded recorded = commands.sendAndWait(new RestoreLossReport(ledgerOf(conflictId, reportId), reportId,
                body.reason()));
        return LossWriteResult.of(reportId, recorded);
    }

    private LedgerRecorded record(String conflictId, String side, String claimant, List<LossReport> reports,
                                  List<CorrectLossReport> corrections) {
        // A report id already held by another ledger is refused by the report directory, in the
        // transaction that would store the report: no lookup before the command.
        String ledgerId = LedgerId.of(conflictId, side, claimant);
        return commands.sendAndWait(new ReportLosses(ledgerId, conflictId, side, claimant, reports, corrections));
    }

    private String ledgerOf(String conflictId, String reportId) {
        return directory.ledgerOf(conflictId, reportId).orElseThrow(() -> RuleViolation.of(Rule.REPORT_MUST_EXIST,
                "report '%s' is not recorded in conflict '%s'", reportId, conflictId));
    }

    /**
     * A batch's answer: the ledger's version after it, each report's and each correction's version,
     * and how many of each this call recorded and found already recorded.
     */
    record BatchResult(String streamId, long version, long recorded, long alreadyRecorded, long corrected,
                       long alreadyCorrected, long warned, List<LedgerRecorded.ReportRecorded> reports,
                       List<LedgerRecorded.ReportRecorded> corrections) {

        static BatchResult of(LedgerRecorded result) {
            long created = result.reports().stream().filter(LedgerRecorded.ReportRecorded::created).count();
            long corrected = result.corrections().stream().filter(LedgerRecorded.ReportRecorded::created).count();
            long warned = java.util.stream.Stream.concat(result.reports().stream(), result.corrections().stream())
                    .filter(item -> !item.warnings().isEmpty()).count();
            return new BatchResult(result.streamId(), result.version(), created, result.reports().size() - created,
                    corrected, result.corrections().size() - corrected, warned, result.reports(),
                    result.corrections());
        }
    }
}
