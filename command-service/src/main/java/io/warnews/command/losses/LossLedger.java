package io.warnews.command.losses;

import io.warnews.command.domain.ConflictFacts;
import io.warnews.command.domain.Conflicts;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRestored;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossReportRevised;
import io.warnews.events.LossesReported;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A claimant's reports on one side's losses in one conflict. It keeps what its rules need: each
 * report as first submitted (to recognise a retry), its current content, and per category the
 * cumulative series of the reports that stand (to warn of figures the claimant's others
 * contradict, see {@link LossConsistency}). Consistency never refuses a write: only the shape of a
 * report does. Totals belong to the read side.
 * <p>
 * The event-sourcing handlers only copy what the events say: no digest, no serialisation.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", cache = "aggregateCache",
        snapshotFilter = "ledgerSnapshotFilter")
class LossLedger {

    @AggregateIdentifier
    private String ledgerId;
    private String conflictId;
    private String side;
    private String claimant;
    private long version;
    private Map<String, ReportState> reports = new HashMap<>();
    /**
     * Per category, the cumulative figures of the reports that stand: derived from {@code reports},
     * so not part of a snapshot (transient); rebuilt from the reports when first needed after one.
     */
    private transient Map<LossCategory, CumulativeSeries> series;

    LossLedger() {
    }

    /** What the ledger remembers of a report: as submitted, as it stands, the versions, whether retracted. */
    record ReportState(LossReport submitted, long reportedVersion, WorldDate asOf, Basis basis,
                       List<LossFigure> figures, long version, boolean retracted) {

        ReportState changed(WorldDate newAsOf, Basis newBasis, List<LossFigure> newFigures, long newVersion) {
            return new ReportState(submitted, reportedVersion, newAsOf, newBasis, newFigures, newVersion, false);
        }

        ReportState retracted(boolean isRetracted, long newVersion) {
            return new ReportState(submitted, reportedVersion, asOf, basis, figures, newVersion, isRetracted);
        }

        boolean says(WorldDate otherAsOf, Basis otherBasis, List<LossFigure> otherFigures) {
            return asOf.equals(otherAsOf) && basis == otherBasis && figures.equals(otherFigures);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    LedgerRecorded handle(ReportLosses command, Conflicts conflicts, Clock clock) {
        ConflictFacts conflict = conflicts.require(command.conflictId());
        conflict.requireParty(command.side(), "side");
        String canonicalClaimant = claimant != null ? claimant : command.claimant();
        List<LedgerRecorded.ReportRecorded> corrected = new ArrayList<>();
        for (CorrectLossReport correction : command.corrections()) {
            LossRecorded result = correct(correction, conflicts, clock);
            corrected.add(new LedgerRecorded.ReportRecorded(correction.reportId(), result.version(),
                    result.created(), result.warnings()));
        }
        List<LedgerRecorded.ReportRecorded> results = new ArrayList<>();
        for (LossReport report : command.reports()) {
            results.add(record(command, canonicalClaimant, report, conflict, clock));
        }
        return new LedgerRecorded(command.ledgerId(), version, results, corrected);
    }

    private LedgerRecorded.ReportRecorded record(ReportLosses command, String canonicalClaimant, LossReport report,
                                                 ConflictFacts conflict, Clock clock) {
        ReportState known = reports.get(report.reportId());
        if (known != null) {
            if (!known.submitted().equals(report)) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "report '%s' is already recorded in ledger '%s' with other content",
                        report.reportId(), command.ledgerId());
            }
            return new LedgerRecorded.ReportRecorded(report.reportId(), known.reportedVersion(), false);
        }
        conflict.requireWithinConflict(report.asOf(), clock, "asOf of report '" + report.reportId() + "'");
        requireWellFormed(report.reportId(), report.figures());
        List<String> warnings = LossConsistency.warnings(series(), report.reportId(), report.asOf(), report.basis(),
                report.figures());
        apply(new LossesReported(command.ledgerId(), report.reportId(), command.conflictId(), command.side(),
                canonicalClaimant, report.asOf(), report.basis(), report.figures(), report.source()));
        return new LedgerRecorded.ReportRecorded(report.reportId(), version, true, warnings);
    }

    @CommandHandler
    LossRecorded handle(CorrectLossReport command, Conflicts conflicts, Clock clock) {
        return correct(command, conflicts, clock);
    }

    /** Rule: a correction says the record was wrong; the figures it replaces were never the claimant's. */
    private LossRecorded correct(CorrectLossReport command, Conflicts conflicts, Clock clock) {
        ReportState report = requireReport(command.reportId());
        if (report.retracted()) {
            throw RuleViolation.of(Rule.RETRACTED_REPORT_CANNOT_BE_CORRECTED,
                    "report '%s' was retracted: restore it before correcting it", command.reportId());
        }
        WorldDate asOf = command.asOf() != null ? command.asOf() : report.asOf();
        Basis basis = command.basis() != null ? command.basis() : report.basis();
        if (report.says(asOf, basis, command.figures())) {
            return new LossRecorded(ledgerId, report.version(), false);
        }
        conflicts.require(conflictId).requireWithinConflict(asOf, clock, "asOf");
        requireWellFormed(command.reportId(), command.figures());
        List<String> warnings = LossConsistency.warnings(series(), command.reportId(), asOf, basis, command.figures());
        apply(new LossReportCorrected(ledgerId, command.reportId(), conflictId, side, claimant, asOf, basis,
                command.figures(), command.reason(), command.source()));
        return new LossRecorded(ledgerId, version, true, warnings);
    }

    /** Rule: a revision is the claimant's own change, so it names where the claimant published it. */
    @CommandHandler
    LossRecorded handle(ReviseLossReport command, Conflicts conflicts, Clock clock) {
        ReportState report = requireReport(command.reportId());
        if (report.retracted()) {
            throw RuleViolation.of(Rule.RETRACTED_REPORT_CANNOT_BE_REVISED,
                    "report '%s' was retracted: restore it before revising it", command.reportId());
        }
        Source source = command.source();
        if (source == null) {
            throw RuleViolation.of(Rule.A_REVISION_NAMES_ITS_SOURCE,
                    "a revision of report '%s' needs the source where the claimant published it", command.reportId());
        }
        WorldDate asOf = command.asOf() != null ? command.asOf() : report.asOf();
        Basis basis = command.basis() != null ? command.basis() : report.basis();
        if (report.says(asOf, basis, command.figures())) {
            return new LossRecorded(ledgerId, report.version(), false);
        }
        conflicts.require(conflictId).requireWithinConflict(asOf, clock, "asOf");
        requireWellFormed(command.reportId(), command.figures());
        List<String> warnings = LossConsistency.warnings(series(), command.reportId(), asOf, basis, command.figures());
        apply(new LossReportRevised(ledgerId, command.reportId(), conflictId, side, claimant, asOf, basis,
                command.figures(), command.reason(), source));
        return new LossRecorded(ledgerId, version, true, warnings);
    }

    @CommandHandler
    LossRecorded handle(RetractLossReport command) {
        ReportState report = requireReport(command.reportId());
        if (report.retracted()) {
            return new LossRecorded(ledgerId, report.version(), false);
        }
        apply(new LossReportRetracted(ledgerId, command.reportId(), conflictId, side, claimant, command.reason()));
        return new LossRecorded(ledgerId, version, true);
    }

    /** A report that stands is already restored: restoring it again records nothing. */
    @CommandHandler
    LossRecorded handle(RestoreLossReport command) {
        ReportState report = requireReport(command.reportId());
        if (!report.retracted()) {
            return new LossRecorded(ledgerId, report.version(), false);
        }
        List<String> warnings = LossConsistency.warnings(series(), command.reportId(), report.asOf(), report.basis(),
                report.figures());
        apply(new LossReportRestored(ledgerId, command.reportId(), conflictId, side, claimant, command.reason()));
        return new LossRecorded(ledgerId, version, true, warnings);
    }

    private ReportState requireReport(String reportId) {
        ReportState report = reports.get(reportId);
        if (report == null) {
            throw RuleViolation.of(Rule.REPORT_MUST_EXIST, "report '%s' is not recorded in ledger '%s'",
                    reportId, ledgerId);
        }
        return report;
    }

    /** The shape of a report's figures: each category once, bounds around the value. */
    private static void requireWellFormed(String reportId, List<LossFigure> figures) {
        Set<LossCategory> seen = new HashSet<>();
        for (LossFigure figure : figures) {
            if (!seen.add(figure.category())) {
                throw RuleViolation.of(Rule.CATEGORY_MAY_APPEAR_ONCE_PER_REPORT,
                        "report '%s' gives %s more than once", reportId, figure.category());
            }
            if ((figure.lower() != null && (figure.lower() < 0 || figure.lower() > figure.value()))
                    || (figure.upper() != null && figure.upper() < figure.value())) {
                throw RuleViolation.of(Rule.FIGURE_BOUNDS_MUST_ENCLOSE_ITS_VALUE,
                        "report '%s': %s %,d lies outside its bounds [%s, %s]", reportId, figure.category(),
                        figure.value(), figure.lower() == null ? "-" : String.format("%,d", figure.lower()),
                        figure.upper() == null ? "-" : String.format("%,d", figure.upper()));
            }
        }
    }

    @EventSourcingHandler
    void on(LossesReported event, @SequenceNumber long sequenceNumber) {
        ledgerId = event.ledgerId();
        conflictId = event.conflictId();
        side = event.side();
        claimant = event.claimant();
        version = sequenceNumber;
        LossReport asSubmitted = new LossReport(event.reportId(), event.asOf(), event.basis(), event.figures(),
                event.source());
        ReportState report = new ReportState(asSubmitted, sequenceNumber, event.asOf(), event.basis(),
                event.figures(), sequenceNumber, false);
        reports.put(event.reportId(), report);
        addPoints(event.reportId(), report);
    }

    @EventSourcingHandler
    void on(LossReportCorrected event, @SequenceNumber long sequenceNumber) {
        change(event.reportId(), event.asOf(), event.basis(), event.figures(), sequenceNumber);
    }

    @EventSourcingHandler
    void on(LossReportRevised event, @SequenceNumber long sequenceNumber) {
        change(event.reportId(), event.asOf(), event.basis(), event.figures(), sequenceNumber);
    }

    @EventSourcingHandler
    void on(LossReportRetracted event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
        ReportState before = reports.get(event.reportId());
        removePoints(event.reportId(), before);
        reports.put(event.reportId(), before.retracted(true, sequenceNumber));
    }

    @EventSourcingHandler
    void on(LossReportRestored event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
        ReportState restored = reports.get(event.reportId()).retracted(false, sequenceNumber);
        reports.put(event.reportId(), restored);
        addPoints(event.reportId(), restored);
    }

    private void change(String reportId, WorldDate asOf, Basis basis, List<LossFigure> figures, long sequenceNumber) {
        version = sequenceNumber;
        ReportState before = reports.get(reportId);
        removePoints(reportId, before);
        ReportState after = before.changed(asOf, basis, figures, sequenceNumber);
        reports.put(reportId, after);
        addPoints(reportId, after);
    }

    private Map<LossCategory, CumulativeSeries> series() {
        if (series == null) {
            series = new EnumMap<>(LossCategory.class);
            reports.forEach((reportId, report) -> {
                if (!report.retracted()) {
                    addPoints(reportId, report);
                }
            });
        }
        return series;
    }

    private void addPoints(String reportId, ReportState report) {
        if (report.basis() != Basis.CUMULATIVE) {
            return;
        }
        for (LossFigure figure : report.figures()) {
            series().computeIfAbsent(figure.category(), c -> new CumulativeSeries())
                    .add(new CumulativeSeries.Point(reportId, report.asOf(), figure.floor(), figure.ceiling()));
        }
    }

    private void removePoints(String reportId, ReportState report) {
        if (report.basis() != Basis.CUMULATIVE) {
            return;
        }
        for (LossFigure figure : report.figures()) {
            CumulativeSeries points = series().get(figure.category());
            if (points != null) {
                points.remove(reportId, report.asOf());
            }
        }
    }
}
