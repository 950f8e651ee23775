package io.warnews.command.losses;

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
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.warnews.command.support.FixtureSupport.CONFLICT_ID;
import static io.warnews.command.support.FixtureSupport.FIRST_FUTURE_DAY;
import static io.warnews.command.support.FixtureSupport.SOURCE;
import static io.warnews.command.support.FixtureSupport.fixture;
import static io.warnews.command.support.FixtureSupport.refusedBy;

/** Russia's losses as the General Staff of Ukraine counts them. */
class LossLedgerFixtureTest {

    private static final String SIDE = "RU";
    private static final String CLAIMANT = "General Staff of Ukraine";
    private static final String LEDGER = LedgerId.of(CONFLICT_ID, SIDE, CLAIMANT);

    private final AggregateTestFixture<LossLedger> fixture = fixture(LossLedger.class);

    @Test
    void theFirstReportCreatesTheLedger() {
        LossReport report = cumulative("r1", "2025-06-01", 1_000);
        fixture.givenNoPriorActivity()
                .when(reportLosses(report))
                .expectEvents(new LossesReported(LEDGER, "r1", CONFLICT_ID, SIDE, CLAIMANT, report.asOf(),
                        Basis.CUMULATIVE, report.figures(), SOURCE))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 0,
                        List.of(new LedgerRecorded.ReportRecorded("r1", 0, true))));
    }

    @Test
    void laterReportsKeepTheClaimantAsTheLedgerFirstSpelledIt() {
        LossReport report = cumulative("r2", "2025-06-02", 1_100);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new ReportLosses(LEDGER, CONFLICT_ID, SIDE, "general staff of ukraine", List.of(report)))
                .expectEvents(reported(report));
    }

    @Test
    void aBatchAppliesOneEventPerReportInOrder() {
        LossReport first = cumulative("r1", "2025-06-01", 1_000);
        LossReport second = cumulative("r2", "2025-06-02", 1_100);
        LossReport third = increment("r3", "2025-06-03", 90);
        fixture.givenNoPriorActivity()
                .when(reportLosses(first, second, third))
                .expectEvents(reported(first), reported(second), reported(third))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 2, List.of(
                        new LedgerRecorded.ReportRecorded("r1", 0, true),
                        new LedgerRecorded.ReportRecorded("r2", 1, true),
                        new LedgerRecorded.ReportRecorded("r3", 2, true))));
    }

    @Test
    void aBatchIsRecordedAllOrNone() {
        fixture.givenNoPriorActivity()
                .when(reportLosses(cumulative("r1", "2025-06-01", 1_000), cumulative("r2", "2022-02-23", 900)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_PRECEDE_CONFLICT_START));
    }

    @Test
    void anIdenticalRetryRecordsNothingAndReturnsTheOriginalVersion() {
        LossReport report = cumulative("r1", "2025-06-01", 1_000);
        fixture.given(reported(report))
                .when(reportLosses(report))
                .expectNoEvents()
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 0,
                        List.of(new LedgerRecorded.ReportRecorded("r1", 0, false))));
    }

    @Test
    void aRetriedBatchRecordsOnlyTheReportsNotYetRecorded() {
        LossReport first = cumulative("r1", "2025-06-01", 1_000);
        LossReport second = cumulative("r2", "2025-06-02", 1_100);
        fixture.given(reported(first))
                .when(reportLosses(first, second))
                .expectEvents(reported(second))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 1, List.of(
                        new LedgerRecorded.ReportRecorded("r1", 0, false),
                        new LedgerRecorded.ReportRecorded("r2", 1, true))));
    }

    @Test
    void idReusedWithOtherContentIsRefused() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(reportLosses(cumulative("r1", "2025-06-01", 1_001)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ID_REUSED_WITH_OTHER_CONTENT));
    }

    @Test
    void cumulativeFigureContradictingTheSameClaimantIsFlagged() {
        LossReport lower = cumulative("r2", "2025-06-02", 999);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(reportLosses(lower))
                .expectEvents(reported(lower))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 1, List.of(new LedgerRecorded.ReportRecorded(
                        "r2", 1, true, List.of("PERSONNEL 999 as of 2025-06-02 is lower than 1,000 as of 2025-06-01"
                        + " from the same claimant (report 'r1')")))));
    }

    @Test
    void cumulativeFigureContradictingTheSameClaimantIsFlaggedWhenBackfilledAboveALaterFigure() {
        LossReport backfill = cumulative("r2", "2025-06-05", 1_100);
        fixture.given(reported(cumulative("r1", "2025-06-10", 1_000)))
                .when(reportLosses(backfill))
                .expectEvents(reported(backfill))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 1, List.of(new LedgerRecorded.ReportRecorded(
                        "r2", 1, true, List.of("PERSONNEL 1,100 as of 2025-06-05 is higher than 1,000 as of"
                        + " 2025-06-10 from the same claimant (report 'r1')")))));
    }

    @Test
    void cumulativeFigureContradictingTheSameClaimantIsFlaggedInACorrectionToo() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), reported(cumulative("r2", "2025-06-02", 1_100)))
                .when(new CorrectLossReport(LEDGER, "r2", null, null, personnel(900), "typo", SOURCE))
                .expectEvents(new LossReportCorrected(LEDGER, "r2", CONFLICT_ID, SIDE, CLAIMANT,
                        WorldDate.parse("2025-06-02"), Basis.CUMULATIVE, personnel(900), "typo", SOURCE))
                .expectResultMessagePayload(new LossRecorded(LEDGER, 2, true, List.of("PERSONNEL 900 as of"
                        + " 2025-06-02 is lower than 1,000 as of 2025-06-01 from the same claimant (report 'r1')")));
    }

    @Test
    void moreThanAndAtLeastBoundOnlyFromBelowAndLessThanOnlyFromAbove() {
        LossReport moreThan = new LossReport("r2", WorldDate.parse("2025-06-02"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 900, Qualifier.MORE_THAN)), SOURCE);
        LossReport lessThan = new LossReport("r3", WorldDate.parse("2025-05-30"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 5_000, Qualifier.LESS_THAN)), SOURCE);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(reportLosses(moreThan, lessThan))
                .expectEvents(reported(moreThan), reported(lessThan))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 2, List.of(
                        new LedgerRecorded.ReportRecorded("r2", 1, true),
                        new LedgerRecorded.ReportRecorded("r3", 2, true))));
    }

    @Test
    void explicitBoundsAreWhatIsCompared() {
        LossReport range = new LossReport("r2", WorldDate.parse("2025-06-02"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1_200, Qualifier.ABOUT, 800L, 1_500L)), SOURCE);
        LossReport below = new LossReport("r3", WorldDate.parse("2025-06-03"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 700, Qualifier.EXACT)), SOURCE);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(reportLosses(range, below))
                .expectEvents(reported(range), reported(below))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 2, List.of(
                        new LedgerRecorded.ReportRecorded("r2", 1, true),
                        new LedgerRecorded.ReportRecorded("r3", 2, true, List.of("PERSONNEL 700 as of 2025-06-03 is"
                                + " lower than 800 as of 2025-06-02 from the same claimant (report 'r2')")))));
    }

    @Test
    void figureBoundsMustEncloseItsValue() {
        LossReport outside = new LossReport("r1", WorldDate.parse("2025-06-02"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1_200, Qualifier.ABOUT, 1_300L, null)), SOURCE);
        fixture.givenNoPriorActivity()
                .when(reportLosses(outside))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.FIGURE_BOUNDS_MUST_ENCLOSE_ITS_VALUE));
    }

    @Test
    void aRevisionIsTheClaimantsOwnChangeWithItsSource() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 3_700)))
                .when(new ReviseLossReport(LEDGER, "r1", null, null, personnel(3_617), "lowered", SOURCE))
                .expectEvents(new LossReportRevised(LEDGER, "r1", CONFLICT_ID, SIDE, CLAIMANT,
                        WorldDate.parse("2025-06-01"), Basis.CUMULATIVE, personnel(3_617), "lowered", SOURCE))
                .expectResultMessagePayload(new LossRecorded(LEDGER, 1, true));
    }

    @Test
    void aRevisionNamesItsSource() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 3_700)))
                .when(new ReviseLossReport(LEDGER, "r1", null, null, personnel(3_617), "lowered", null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.A_REVISION_NAMES_ITS_SOURCE));
    }

    @Test
    void aRetriedRevisionRecordsNothingAndReturnsItsVersion() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 3_700)), new LossReportRevised(LEDGER, "r1",
                        CONFLICT_ID, SIDE, CLAIMANT, WorldDate.parse("2025-06-01"), Basis.CUMULATIVE, personnel(3_617),
                        "lowered", SOURCE), reported(cumulative("r2", "2025-06-02", 3_700)))
                .when(new ReviseLossReport(LEDGER, "r1", null, null, personnel(3_617), "lowered", SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(new LossRecorded(LEDGER, 1, false));
    }

    @Test
    void retractedReportCannotBeRevised() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), retracted("r1"))
                .when(new ReviseLossReport(LEDGER, "r1", null, null, personnel(800), "lowered", SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.RETRACTED_REPORT_CANNOT_BE_REVISED));
    }

    @Test
    void aRetractedReportCanBeRestoredAndHoldsTheSeriesAgain() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), retracted("r1"),
                        reported(cumulative("r2", "2025-06-02", 900)))
                .when(new RestoreLossReport(LEDGER, "r1", "back in the source"))
                .expectEvents(new LossReportRestored(LEDGER, "r1", CONFLICT_ID, SIDE, CLAIMANT, "back in the source"))
                .expectResultMessagePayload(new LossRecorded(LEDGER, 3, true, List.of("PERSONNEL 1,000 as of"
                        + " 2025-06-01 is higher than 900 as of 2025-06-02 from the same claimant (report 'r2')")));
    }

    @Test
    void restoringAReportThatStandsRecordsNothing() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), retracted("r1"),
                        new LossReportRestored(LEDGER, "r1", CONFLICT_ID, SIDE, CLAIMANT, "back"))
                .when(new RestoreLossReport(LEDGER, "r1", "back"))
                .expectNoEvents()
                .expectResultMessagePayload(new LossRecorded(LEDGER, 2, false));
    }

    @Test
    void reportMustExistToBeRestored() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new RestoreLossReport(LEDGER, "r9", "back"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.REPORT_MUST_EXIST));
    }

    @Test
    void aBackfilledFigureBetweenItsNeighboursIsAccepted() {
        LossReport backfill = cumulative("r3", "2025-06-05", 1_050);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), reported(cumulative("r2", "2025-06-10", 1_100)))
                .when(reportLosses(backfill))
                .expectEvents(reported(backfill));
    }

    @Test
    void anIncrementReportMayBeLowerThanTheCumulativeFigure() {
        LossReport daily = increment("r2", "2025-06-02", 40);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(reportLosses(daily))
                .expectEvents(reported(daily));
    }

    @Test
    void aCorrectionMayLowerAnEarlierReport() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new CorrectLossReport(LEDGER, "r1", null, null, personnel(800), "typo", SOURCE))
                .expectEvents(new LossReportCorrected(LEDGER, "r1", CONFLICT_ID, SIDE, CLAIMANT,
                        WorldDate.parse("2025-06-01"), Basis.CUMULATIVE, personnel(800), "typo", SOURCE))
                .expectResultMessagePayload(new LossRecorded(LEDGER, 1, true));
    }

    @Test
    void afterACorrectionTheLowerFigureIsTheOneToRiseFrom() {
        LossReport next = cumulative("r2", "2025-06-02", 850);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), corrected("r1", "2025-06-01", 800))
                .when(reportLosses(next))
                .expectEvents(reported(next));
    }

    @Test
    void correctingWithIdenticalContentChangesNothing() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new CorrectLossReport(LEDGER, "r1", null, null, personnel(1_000), "again", SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(new LossRecorded(LEDGER, 0, false));
    }

    @Test
    void categoryMayAppearOncePerReport() {
        LossReport twice = new LossReport("r1", WorldDate.parse("2025-06-01"), Basis.CUMULATIVE, List.of(
                new LossFigure(LossCategory.TANKS, 10, Qualifier.EXACT),
                new LossFigure(LossCategory.TANKS, 11, Qualifier.EXACT)), SOURCE);
        fixture.givenNoPriorActivity()
                .when(reportLosses(twice))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CATEGORY_MAY_APPEAR_ONCE_PER_REPORT));
    }

    @Test
    void categoryMayAppearOncePerReportInACorrectionToo() {
        List<LossFigure> twice = List.of(new LossFigure(LossCategory.PERSONNEL, 900, Qualifier.ABOUT),
                new LossFigure(LossCategory.PERSONNEL, 950, Qualifier.ABOUT));
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new CorrectLossReport(LEDGER, "r1", null, null, twice, "typo", SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CATEGORY_MAY_APPEAR_ONCE_PER_REPORT));
    }

    @Test
    void retractsAReport() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new RetractLossReport(LEDGER, "r1", "duplicate"))
                .expectEvents(new LossReportRetracted(LEDGER, "r1", CONFLICT_ID, SIDE, CLAIMANT, "duplicate"))
                .expectResultMessagePayload(new LossRecorded(LEDGER, 1, true));
    }

    @Test
    void retractingTwiceChangesNothing() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), retracted("r1"))
                .when(new RetractLossReport(LEDGER, "r1", "duplicate"))
                .expectNoEvents()
                .expectResultMessagePayload(new LossRecorded(LEDGER, 1, false));
    }

    @Test
    void aRetractedReportNoLongerHoldsTheSeriesUp() {
        LossReport lower = cumulative("r2", "2025-06-02", 900);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), retracted("r1"))
                .when(reportLosses(lower))
                .expectEvents(reported(lower));
    }

    @Test
    void retractedReportCannotBeCorrected() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), retracted("r1"))
                .when(new CorrectLossReport(LEDGER, "r1", null, null, personnel(800), "typo", SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.RETRACTED_REPORT_CANNOT_BE_CORRECTED));
    }

    @Test
    void reportMustExistToBeCorrected() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new CorrectLossReport(LEDGER, "r9", null, null, personnel(800), "typo", SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.REPORT_MUST_EXIST));
    }

    @Test
    void reportMustExistToBeRetracted() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new RetractLossReport(LEDGER, "r9", "duplicate"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.REPORT_MUST_EXIST));
    }

    @Test
    void conflictMustExist() {
        fixture.givenNoPriorActivity()
                .when(new ReportLosses(LedgerId.of("unknown", SIDE, CLAIMANT), "unknown", SIDE, CLAIMANT,
                        List.of(cumulative("r1", "2025-06-01", 1_000))))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CONFLICT_MUST_EXIST));
    }

    @Test
    void partyMustBelongToConflict() {
        fixture.givenNoPriorActivity()
                .when(new ReportLosses(LedgerId.of(CONFLICT_ID, "BY", CLAIMANT), CONFLICT_ID, "BY", CLAIMANT,
                        List.of(cumulative("r1", "2025-06-01", 1_000))))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.PARTY_MUST_BELONG_TO_CONFLICT));
    }

    @Test
    void dateMayNotPrecedeConflictStart() {
        fixture.givenNoPriorActivity()
                .when(reportLosses(cumulative("r1", "2022-02-23", 0)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_PRECEDE_CONFLICT_START));
    }

    @Test
    void dateMayNotBeInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(reportLosses(cumulative("r1", FIRST_FUTURE_DAY.toString(), 1_000)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_BE_IN_THE_FUTURE));
    }

    @Test
    void dateMayNotBeInTheFutureInACorrectionEither() {
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)))
                .when(new CorrectLossReport(LEDGER, "r1", WorldDate.day(FIRST_FUTURE_DAY), null, personnel(1_000),
                        "wrong day", SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_BE_IN_THE_FUTURE));
    }

    @Test
    void aReportAsOfAMonthIsAccepted() {
        LossReport february = cumulative("r1", "2025-02", 1_000);
        fixture.givenNoPriorActivity()
                .when(reportLosses(february))
                .expectEvents(reported(february));
    }

    @Test
    void aMonthThatContainsTheConflictStartIsWithinTheConflict() {
        LossReport february2022 = cumulative("r1", "2022-02", 100);
        fixture.givenNoPriorActivity()
                .when(reportLosses(february2022))
                .expectEvents(reported(february2022));
    }

    /**
     * Two reports give the same figure on the same day (the claimant published it twice); one is
     * retracted as a duplicate. The other still stands, so a lower figure the next day must be refused.
     */
    @Test
    void cumulativeFigureContradictingTheSameClaimantIsFlaggedAfterASameDayDuplicateIsRetracted() {
        LossReport lower = cumulative("r3", "2025-06-02", 500);
        fixture.given(reported(cumulative("r1", "2025-06-01", 1_000)), reported(cumulative("r2", "2025-06-01", 1_000)),
                        retracted("r2"))
                .when(reportLosses(lower))
                .expectEvents(reported(lower))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 3, List.of(new LedgerRecorded.ReportRecorded(
                        "r3", 3, true, List.of("PERSONNEL 500 as of 2025-06-02 is lower than 1,000 as of 2025-06-01"
                        + " from the same claimant (report 'r1')")))));
    }

    /** "As of May" ends on the day of the report as of 31 May: retracting one must not forget the other. */
    @Test
    void cumulativeFigureContradictingTheSameClaimantIsFlaggedAfterAMonthReportEndingTheSameDayIsRetracted() {
        LossReport lower = cumulative("r3", "2025-06-01", 500);
        fixture.given(reported(cumulative("r1", "2025-05-31", 1_000)), reported(cumulative("r2", "2025-05", 1_200)),
                        retracted("r2"))
                .when(reportLosses(lower))
                .expectEvents(reported(lower))
                .expectResultMessagePayload(new LedgerRecorded(LEDGER, 3, List.of(new LedgerRecorded.ReportRecorded(
                        "r3", 3, true, List.of("PERSONNEL 500 as of 2025-06-01 is lower than 1,000 as of 2025-05-31"
                        + " from the same claimant (report 'r1')")))));
    }

    private static ReportLosses reportLosses(LossReport... reports) {
        return new ReportLosses(LEDGER, CONFLICT_ID, SIDE, CLAIMANT, List.of(reports));
    }

    private static LossReport cumulative(String reportId, String asOf, long personnel) {
        return new LossReport(reportId, WorldDate.parse(asOf), Basis.CUMULATIVE, personnel(personnel), SOURCE);
    }

    private static LossReport increment(String reportId, String asOf, long personnel) {
        return new LossReport(reportId, WorldDate.parse(asOf), Basis.INCREMENT, personnel(personnel), SOURCE);
    }

    private static List<LossFigure> personnel(long value) {
        return List.of(new LossFigure(LossCategory.PERSONNEL, value, Qualifier.ABOUT));
    }

    private static LossesReported reported(LossReport report) {
        return new LossesReported(LEDGER, report.reportId(), CONFLICT_ID, SIDE, CLAIMANT, report.asOf(),
                report.basis(), report.figures(), report.source());
    }

    private static LossReportCorrected corrected(String reportId, String asOf, long personnel) {
        return new LossReportCorrected(LEDGER, reportId, CONFLICT_ID, SIDE, CLAIMANT, WorldDate.parse(asOf),
                Basis.CUMULATIVE, personnel(personnel), "typo", SOURCE);
    }

    private static LossReportRetracted retracted(String reportId) {
        return new LossReportRetracted(LEDGER, reportId, CONFLICT_ID, SIDE, CLAIMANT, "duplicate");
    }
}
