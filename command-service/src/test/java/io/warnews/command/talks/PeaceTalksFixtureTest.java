package io.warnews.command.talks;

import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.AgreementSigned;
import io.warnews.events.PrisonersExchanged;
import io.warnews.events.RoundHeld;
import io.warnews.events.TalksCollapsed;
import io.warnews.events.TalksOpened;
import io.warnews.events.TalksResumed;
import io.warnews.events.TalksSuspended;
import io.warnews.events.Term;
import io.warnews.events.TermType;
import io.warnews.events.TermsAccepted;
import io.warnews.events.TermsProposed;
import io.warnews.events.TermsRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.warnews.command.support.FixtureSupport.CONFLICT_ID;
import static io.warnews.command.support.FixtureSupport.FIRST_FUTURE_DAY;
import static io.warnews.command.support.FixtureSupport.SOURCE;
import static io.warnews.command.support.FixtureSupport.fixture;
import static io.warnews.command.support.FixtureSupport.refusedBy;

/** Direct talks between Russia and Ukraine in Istanbul, mediated by Türkiye. */
class PeaceTalksFixtureTest {

    private static final String TALKS_ID = "istanbul-2025";
    private static final LocalDate OPENED_ON = LocalDate.of(2025, 5, 16);
    private static final LocalDate LATER = LocalDate.of(2025, 6, 2);
    private static final List<Term> TERMS = List.of(
            new Term("t1", TermType.CEASEFIRE, "A full ceasefire", Map.of("durationDays", "30")),
            new Term("t2", TermType.PRISONER_RELEASE, "All for all", Map.of()));

    private static final TalksOpened OPENED = new TalksOpened(TALKS_ID, CONFLICT_ID, "Istanbul talks",
            List.of("RU", "UA"), List.of("TR"), "Istanbul", OPENED_ON, SOURCE);
    private static final RoundHeld ROUND_1 = new RoundHeld(TALKS_ID, CONFLICT_ID, 1, "Istanbul", "First round",
            OPENED_ON, SOURCE);
    private static final TermsProposed PROPOSED = new TermsProposed(TALKS_ID, CONFLICT_ID, "p1", "UA", TERMS, LATER,
            SOURCE);
    private static final TalksSuspended SUSPENDED = new TalksSuspended(TALKS_ID, CONFLICT_ID, "consultations",
            LATER, SOURCE);
    private static final TalksCollapsed COLLAPSED = new TalksCollapsed(TALKS_ID, CONFLICT_ID, "walked out", LATER,
            SOURCE);
    private static final AgreementSigned SIGNED = new AgreementSigned(TALKS_ID, CONFLICT_ID, "Istanbul accord",
            List.of("RU", "UA"), "Exchange of prisoners", LATER, SOURCE);

    private final AggregateTestFixture<PeaceTalks> fixture = fixture(PeaceTalks.class);

    @Test
    void opensTalks() {
        fixture.givenNoPriorActivity()
                .when(open(List.of("RU", "UA"), OPENED_ON))
                .expectEvents(OPENED)
                .expectResultMessagePayload(new Recorded(TALKS_ID, 0, true));
    }

    @Test
    void anIdenticalRetryFindsTheTalksAlreadyOpened() {
        fixture.given(OPENED, ROUND_1)
                .when(open(List.of("RU", "UA"), OPENED_ON))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(TALKS_ID, 0, false));
    }

    @Test
    void idReusedWithOtherContentIsRefused() {
        fixture.given(OPENED)
                .when(open(List.of("RU", "UA"), OPENED_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ID_REUSED_WITH_OTHER_CONTENT));
    }

    @Test
    void talksNeedTwoPartiesOfTheConflict() {
        fixture.givenNoPriorActivity()
                .when(open(List.of("UA", "UA"), OPENED_ON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.TALKS_NEED_TWO_PARTIES_OF_THE_CONFLICT));
    }

    @Test
    void partyMustBelongToConflict() {
        fixture.givenNoPriorActivity()
                .when(open(List.of("UA", "US"), OPENED_ON))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.PARTY_MUST_BELONG_TO_CONFLICT));
    }

    @Test
    void conflictMustExist() {
        fixture.givenNoPriorActivity()
                .when(new OpenTalks(TALKS_ID, "unknown", "Istanbul talks", List.of("RU", "UA"), List.of("TR"),
                        "Istanbul", OPENED_ON, SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CONFLICT_MUST_EXIST));
    }

    @Test
    void dateMayNotPrecedeConflictStart() {
        fixture.givenNoPriorActivity()
                .when(open(List.of("RU", "UA"), LocalDate.of(2022, 2, 1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_PRECEDE_CONFLICT_START));
    }

    @Test
    void holdsTheFirstRound() {
        fixture.given(OPENED)
                .when(round(1, OPENED_ON))
                .expectEvents(ROUND_1)
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, true));
    }

    @Test
    void roundsAreNumberedInOrder() {
        fixture.given(OPENED, ROUND_1)
                .when(round(3, LATER))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ROUNDS_ARE_NUMBERED_IN_ORDER));
    }

    @Test
    void anIdenticalRoundRetryChangesNothingAndReturnsTheRoundsVersion() {
        fixture.given(OPENED, ROUND_1, new RoundHeld(TALKS_ID, CONFLICT_ID, 2, "Istanbul", "Round 2", LATER, SOURCE))
                .when(round(1, OPENED_ON))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, false));
    }

    @Test
    void talksMayNotPrecedeTheirOpening() {
        fixture.given(OPENED)
                .when(round(1, OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.TALKS_MAY_NOT_PRECEDE_THEIR_OPENING));
    }

    @Test
    void dateMayNotBeInTheFuture() {
        fixture.given(OPENED)
                .when(round(1, FIRST_FUTURE_DAY))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_BE_IN_THE_FUTURE));
    }

    @Test
    void aPartyProposesTerms() {
        fixture.given(OPENED)
                .when(propose("p1", "UA", TERMS))
                .expectEvents(PROPOSED)
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, true));
    }

    @Test
    void anIdenticalProposalRetryChangesNothingAndReturnsTheProposalsVersion() {
        fixture.given(OPENED, PROPOSED, accepted("RU"))
                .when(propose("p1", "UA", TERMS))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, false));
    }

    @Test
    void idReusedWithOtherContentIsRefusedForAProposal() {
        fixture.given(OPENED, PROPOSED)
                .when(propose("p1", "UA", TERMS.subList(0, 1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ID_REUSED_WITH_OTHER_CONTENT));
    }

    @Test
    void onlyAPartyToTheTalksMayAct() {
        fixture.given(OPENED)
                .when(propose("p1", "TR", TERMS))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ONLY_A_PARTY_TO_THE_TALKS_MAY_ACT));
    }

    @Test
    void termIdsMustBeUnique() {
        Term duplicate = new Term("t1", TermType.OTHER, "Another term under the same id", Map.of());
        fixture.given(OPENED)
                .when(propose("p1", "UA", List.of(TERMS.get(0), duplicate)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.TERM_IDS_MUST_BE_UNIQUE));
    }

    @Test
    void anotherPartyAcceptsTheWholeProposal() {
        fixture.given(OPENED, PROPOSED)
                .when(respond("RU", true, List.of()))
                .expectEvents(new TermsAccepted(TALKS_ID, CONFLICT_ID, "p1", "RU", List.of("t1", "t2"), LATER,
                        SOURCE))
                .expectResultMessagePayload(new Recorded(TALKS_ID, 2, true));
    }

    @Test
    void anotherPartyRejectsOneTerm() {
        fixture.given(OPENED, PROPOSED)
                .when(new RespondToProposal(TALKS_ID, "p1", "RU", false, List.of("t1"), "too short", LATER, SOURCE))
                .expectEvents(new TermsRejected(TALKS_ID, CONFLICT_ID, "p1", "RU", List.of("t1"), "too short",
                        LATER, SOURCE));
    }

    @Test
    void noResponseToOnesOwnProposal() {
        fixture.given(OPENED, PROPOSED)
                .when(respond("UA", true, List.of()))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.NO_RESPONSE_TO_ONES_OWN_PROPOSAL));
    }

    @Test
    void onlyAPartyToTheTalksMayActOnAProposal() {
        fixture.given(OPENED, PROPOSED)
                .when(respond("TR", true, List.of()))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ONLY_A_PARTY_TO_THE_TALKS_MAY_ACT));
    }

    @Test
    void proposalMustExist() {
        fixture.given(OPENED, PROPOSED)
                .when(new RespondToProposal(TALKS_ID, "p9", "RU", true, List.of(), null, LATER, SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.PROPOSAL_MUST_EXIST));
    }

    @Test
    void termMustBelongToProposal() {
        fixture.given(OPENED, PROPOSED)
                .when(respond("RU", true, List.of("t1", "t9")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.TERM_MUST_BELONG_TO_PROPOSAL));
    }

    @Test
    void aResponseStands() {
        fixture.given(OPENED, PROPOSED, accepted("RU"))
                .when(respond("RU", false, List.of("t2")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.A_RESPONSE_STANDS));
    }

    @Test
    void repeatingTheSameResponseChangesNothing() {
        fixture.given(OPENED, PROPOSED, accepted("RU"))
                .when(respond("RU", true, List.of()))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(TALKS_ID, 2, false));
    }

    @Test
    void suspendsTalks() {
        fixture.given(OPENED)
                .when(status(TalksStatus.SUSPENDED, "consultations"))
                .expectEvents(SUSPENDED)
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, true));
    }

    @Test
    void suspendedTalksMustResumeFirstBeforeTermsAreProposed() {
        fixture.given(OPENED, SUSPENDED)
                .when(propose("p1", "UA", TERMS))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.SUSPENDED_TALKS_MUST_RESUME_FIRST));
    }

    @Test
    void suspendedTalksMustResumeFirstBeforeARoundIsHeld() {
        fixture.given(OPENED, SUSPENDED)
                .when(round(1, LATER))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.SUSPENDED_TALKS_MUST_RESUME_FIRST));
    }

    @Test
    void suspendedTalksMustResumeFirstBeforeAnAgreementIsSigned() {
        fixture.given(OPENED, SUSPENDED)
                .when(sign(List.of("RU", "UA")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.SUSPENDED_TALKS_MUST_RESUME_FIRST));
    }

    @Test
    void resumesSuspendedTalks() {
        fixture.given(OPENED, SUSPENDED)
                .when(status(TalksStatus.OPEN, "new mandate"))
                .expectEvents(new TalksResumed(TALKS_ID, CONFLICT_ID, "new mandate", LATER, SOURCE))
                .expectResultMessagePayload(new Recorded(TALKS_ID, 2, true));
    }

    @Test
    void resumedTalksAcceptProposalsAgain() {
        fixture.given(OPENED, SUSPENDED, new TalksResumed(TALKS_ID, CONFLICT_ID, "new mandate", LATER, SOURCE))
                .when(propose("p1", "UA", TERMS))
                .expectEvents(PROPOSED);
    }

    @Test
    void signsAnAgreement() {
        fixture.given(OPENED)
                .when(sign(List.of("RU", "UA")))
                .expectEvents(SIGNED)
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, true));
    }

    @Test
    void onlyAPartyToTheTalksMayActAsASignatory() {
        fixture.given(OPENED)
                .when(sign(List.of("RU", "UA", "TR")))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ONLY_A_PARTY_TO_THE_TALKS_MAY_ACT));
    }

    @Test
    void collapsesSuspendedTalks() {
        fixture.given(OPENED, SUSPENDED)
                .when(status(TalksStatus.COLLAPSED, "walked out"))
                .expectEvents(COLLAPSED);
    }

    @ParameterizedTest
    @MethodSource("movesAfterCollapse")
    void closedTalksAcceptNothing(Object move) {
        fixture.given(OPENED, PROPOSED, COLLAPSED)
                .when(move)
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CLOSED_TALKS_ACCEPT_NOTHING));
    }

    @ParameterizedTest
    @MethodSource("movesAfterAgreement")
    void closedTalksAcceptNothingOnceAnAgreementIsSigned(Object move) {
        fixture.given(OPENED, PROPOSED, SIGNED)
                .when(move)
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CLOSED_TALKS_ACCEPT_NOTHING));
    }

    static Stream<Object> movesAfterCollapse() {
        return Stream.concat(movesInClosedTalks(),
                Stream.of(sign(List.of("RU", "UA"))));
    }

    static Stream<Object> movesAfterAgreement() {
        return Stream.concat(movesInClosedTalks(),
                Stream.of(status(TalksStatus.COLLAPSED, "walked out")));
    }

    private static Stream<Object> movesInClosedTalks() {
        return Stream.of(propose("p2", "RU", TERMS), round(1, LATER), respond("RU", true, List.of()),
                exchange(Map.of("RU", 84, "UA", 84)), status(TalksStatus.OPEN, "new mandate"),
                status(TalksStatus.SUSPENDED, "consultations"));
    }

    @Test
    void collapsingCollapsedTalksAgainChangesNothing() {
        fixture.given(OPENED, COLLAPSED)
                .when(status(TalksStatus.COLLAPSED, "walked out"))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, false));
    }

    @Test
    void exchangesPrisoners() {
        fixture.given(OPENED)
                .when(exchange(Map.of("RU", 390, "UA", 390)))
                .expectEvents(exchanged(Map.of("RU", 390, "UA", 390)))
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, true));
    }

    @Test
    void anIdenticalExchangeRetryChangesNothingAndReturnsTheExchangesVersion() {
        fixture.given(OPENED, exchanged(Map.of("RU", 390, "UA", 390)), ROUND_1)
                .when(exchange(Map.of("RU", 390, "UA", 390)))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(TALKS_ID, 1, false));
    }

    @Test
    void onlyAPartyToTheTalksMayActInAnExchange() {
        fixture.given(OPENED)
                .when(exchange(Map.of("UA", 10, "TR", 10)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ONLY_A_PARTY_TO_THE_TALKS_MAY_ACT));
    }

    private static OpenTalks open(List<String> parties, LocalDate date) {
        return new OpenTalks(TALKS_ID, CONFLICT_ID, "Istanbul talks", parties, List.of("TR"), "Istanbul", date,
                SOURCE);
    }

    private static HoldRound round(int round, LocalDate date) {
        return new HoldRound(TALKS_ID, round, "Istanbul", "First round", date, SOURCE);
    }

    private static ProposeTerms propose(String proposalId, String proposer, List<Term> terms) {
        return new ProposeTerms(TALKS_ID, proposalId, proposer, terms, LATER, SOURCE);
    }

    private static RespondToProposal respond(String party, boolean accepted, List<String> termIds) {
        return new RespondToProposal(TALKS_ID, "p1", party, accepted, termIds, null, LATER, SOURCE);
    }

    private static TermsAccepted accepted(String party) {
        return new TermsAccepted(TALKS_ID, CONFLICT_ID, "p1", party, List.of("t1", "t2"), LATER, SOURCE);
    }

    private static ExchangePrisoners exchange(Map<String, Integer> released) {
        return new ExchangePrisoners(TALKS_ID, released, Map.of(), "Exchange on the Belarusian border", LATER,
                SOURCE);
    }

    private static PrisonersExchanged exchanged(Map<String, Integer> released) {
        return new PrisonersExchanged(TALKS_ID, CONFLICT_ID, released, Map.of(), "Exchange on the Belarusian border",
                LATER, SOURCE);
    }

    private static ChangeTalksStatus status(TalksStatus status, String reason) {
        return new ChangeTalksStatus(TALKS_ID, status, reason, null, null, null, LATER, SOURCE);
    }

    private static ChangeTalksStatus sign(List<String> signatories) {
        return new ChangeTalksStatus(TALKS_ID, TalksStatus.CONCLUDED, null, "Istanbul accord", signatories,
                "Exchange of prisoners", LATER, SOURCE);
    }
}
