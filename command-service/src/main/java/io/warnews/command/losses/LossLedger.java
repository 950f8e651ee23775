package io.warnews.command.losses;

import io.warnews.command.domain.ConflictFacts;
import io.warnews.command.domain.Conflicts;
import io.warnews.command.domain.Fingerprint;
import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
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
 * report's fingerprint (to recognise a retry) and, per category, the cumulative series (so that a
 * figure going down is refused unless filed as a correction). Totals belong to the read side.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", cache = "aggregateCache")
class LossLedger {

    @AggregateIdentifier
    private String ledgerId;
    private String conflictId;
    private String side;
    private String claimant;
    private long version;
    private Map<String, ReportState> reports = new HashMap<>();
    /** Per category, the cumulative figures of the reports that stand. */
    private Map<LossCategory, CumulativeSeries> series = new EnumMap<>(LossCategory.class);

    LossLedger() {
    }

    /** What the ledger remembers of a report. */
    record ReportState(String fingerprint, long reportedVersion, String contentFingerprint, long version,
                       WorldDate asOf, Basis basis, Set<LossCategory> categories, boolean retracted) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    LedgerRecorded handle(ReportLosses command, Conflicts conflicts, Clock clock) {
        ConflictFacts conflict = conflicts.require(command.conflictId());
        conflict.requireParty(command.side(), "side");
        String canonicalClaimant = claimant != null ? claimant : command.claimant();
        List<LedgerRecorded.ReportRecorded> corrected = new ArrayList<>();
        for (CorrectLossReport correction : command.corrections()) {
            Recorded result = correct(correction, conflicts, clock);
            corrected.add(new LedgerRecorded.ReportRecorded(correction.reportId(), result.version(),
                    result.created()));
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
            if (!known.fingerprint().equals(Fingerprint.of(report))) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "report '%s' is already recorded in ledger '%s' with other content",
                        report.reportId(), command.ledgerId());
            }
            return new LedgerRecorded.ReportRecorded(report.reportId(), known.reportedVersion(), false);
        }
        conflict.requireWithinConflict(report.asOf(), clock, "asOf of report '" + report.reportId() + "'");
        requireEachCategoryOnce(report.reportId(), report.figures());
        if (report.basis() == Basis.CUMULATIVE) {
            requireSeriesKeepsRising(report.reportId(), report.asOf(), report.figures());
        }
        apply(new LossesReported(command.ledgerId(), report.reportId(), command.conflictId(), command.side(),
                canonicalClaimant, report.asOf(), report.basis(), report.figures(), report.source()));
        return new LedgerRecorded.ReportRecorded(report.reportId(), version, true);
    }

    @CommandHandler
    Recorded handle(CorrectLossReport command, Conflicts conflicts, Clock clock) {
        return correct(command, conflicts, clock);
    }

    private Recorded correct(CorrectLossReport command, Conflicts conflicts, Clock clock) {
        ReportState report = requireReport(command.reportId());
        if (report.retracted()) {
            throw RuleViolation.of(Rule.RETRACTED_REPORT_CANNOT_BE_CORRECTED,
                    "report '%s' was retracted and can no longer be corrected", command.reportId());
        }
        WorldDate asOf = command.asOf() != null ? command.asOf() : report.asOf();
        Basis basis = command.basis() != null ? command.basis() : report.basis();
        if (report.contentFingerprint().equals(contentFingerprint(asOf, basis, command.figures()))) {
            return new Recorded(ledgerId, report.version(), false);
        }
        conflicts.require(conflictId).requireWithinConflict(asOf, clock, "asOf");
        requireEachCategoryOnce(command.reportId(), command.figures());
        apply(new LossReportCorrected(ledgerId, command.reportId(), conflictId, side, claimant, asOf, basis,
                command.figures(), command.reason(), command.source()));
        return new Recorded(ledgerId, version, true);
    }

    @CommandHandler
    Recorded handle(RetractLossReport command) {
        ReportState report = requireReport(command.reportId());
        if (report.retracted()) {
            return new Recorded(ledgerId, report.version(), false);
        }
        apply(new LossReportRetracted(ledgerId, command.reportId(), conflictId, side, claimant, command.reason()));
        return new Recorded(ledgerId, version, true);
    }

    private ReportState requireReport(String reportId) {
        ReportState report = reports.get(reportId);
        if (report == null) {
            throw RuleViolation.of(Rule.REPORT_MUST_EXIST, "report '%s' is not recorded in ledger '%s'",
                    reportId, ledgerId);
        }
        return report;
    }

    private static void requireEachCategoryOnce(String reportId, List<LossFigure> figures) {
        Set<LossCategory> seen = new HashSet<>();
        for (LossFigure figure : figures) {
            if (!seen.add(figure.category())) {
                throw RuleViolation.of(Rule.CATEGORY_MAY_APPEAR_ONCE_PER_REPORT,
                        "report '%s' gives %s more than once", reportId, figure.category());
            }
        }
    }

    /**
     * A cumulative figure counts everything since the start: it may not be lower than the
     * claimant's figure at an earlier (or the same) date, nor higher than one at a later date.
     * A figure that really went down is filed as a correction of the report that was too high.
     * "At least" figures are lower bounds: "at least 40,000" after 45,000 contradicts nothing.
     */
    private void requireSeriesKeepsRising(String reportId, WorldDate asOf, List<LossFigure> figures) {
        for (LossFigure figure : figures) {
            CumulativeSeries points = series.get(figure.category());
            if (points == null) {
                continue;
            }
            if (figure.qualifier() != Qualifier.AT_LEAST) {
                var earlier = points.highestBefore(asOf).filter(point -> figure.value() < point.value());
                if (earlier.isPresent()) {
                    throw decrease(reportId, asOf, figure, earlier.get(), "lower than");
                }
            }
            var later = points.lowestAfter(asOf).filter(point -> figure.value() > point.value());
            if (later.isPresent()) {
                throw decrease(reportId, asOf, figure, later.get(), "higher than the later");
            }
        }
    }

    private RuleViolation decrease(String reportId, WorldDate asOf, LossFigure figure, CumulativeSeries.Point other,
                                   String relation) {
        return RuleViolation.of(Rule.CUMULATIVE_FIGURE_MAY_NOT_DECREASE_WITHOUT_CORRECTION,
                "report '%s': cumulative %s %,d as of %s is %s figure %,d as of %s (report '%s'); "
                        + "file a correction of report '%s' instead",
                reportId, figure.category(), figure.value(), asOf, relation, other.value(), other.asOf(),
                other.reportId(), other.reportId());
    }

    private static String contentFingerprint(WorldDate asOf, Basis basis, List<LossFigure> figures) {
        return Fingerprint.of(List.of(asOf, basis, figures));
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
        reports.put(event.reportId(), new ReportState(Fingerprint.of(asSubmitted), sequenceNumber,
                contentFingerprint(event.asOf(), event.basis(), event.figures()), sequenceNumber, event.asOf(),
                event.basis(), categories(event.figures()), false));
        addPoints(event.reportId(), event.asOf(), event.basis(), event.figures());
    }

    @EventSourcingHandler
    void on(LossReportCorrected event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
        ReportState before = reports.get(event.reportId());
        removePoints(event.reportId(), before);
        reports.put(event.reportId(), new ReportState(before.fingerprint(), before.reportedVersion(),
                contentFingerprint(event.asOf(), event.basis(), event.figures()), sequenceNumber, event.asOf(),
                event.basis(), categories(event.figures()), false));
        addPoints(event.reportId(), event.asOf(), event.basis(), event.figures());
    }

    @EventSourcingHandler
    void on(LossReportRetracted event, @SequenceNumber long sequenceNumber) {
        version = sequenceNumber;
        ReportState before = reports.get(event.reportId());
        removePoints(event.reportId(), before);
        reports.put(event.reportId(), new ReportState(before.fingerprint(), before.reportedVersion(),
                before.contentFingerprint(), sequenceNumber, before.asOf(), before.basis(), before.categories(), true));
    }

    private void addPoints(String reportId, WorldDate asOf, Basis basis, List<LossFigure> figures) {
        if (basis != Basis.CUMULATIVE) {
            return;
        }
        for (LossFigure figure : figures) {
            series.computeIfAbsent(figure.category(), c -> new CumulativeSeries())
                    .add(new CumulativeSeries.Point(reportId, asOf, figure.value(), figure.qualifier()));
        }
    }

    private void removePoints(String reportId, ReportState report) {
        for (LossCategory category : report.categories()) {
            CumulativeSeries points = series.get(category);
            if (points != null) {
                points.remove(reportId, report.asOf());
            }
        }
    }

    private static Set<LossCategory> categories(List<LossFigure> figures) {
        Set<LossCategory> categories = new HashSet<>();
        figures.forEach(figure -> categories.add(figure.category()));
        return categories;
    }
}
