package io.warnews.command.conflicts;

import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.warnews.command.support.FixtureSupport.CONFLICT_ID;
import static io.warnews.command.support.FixtureSupport.CONFLICT_START;
import static io.warnews.command.support.FixtureSupport.FIRST_FUTURE_DAY;
import static io.warnews.command.support.FixtureSupport.fixture;
import static io.warnews.command.support.FixtureSupport.refusedBy;

class ConflictFixtureTest {

    private static final Party RUSSIA = new Party("RU", "Russia");
    private static final Party UKRAINE = new Party("UA", "Ukraine");
    private static final String NAME = "Russo-Ukrainian War";

    private final AggregateTestFixture<Conflict> fixture = fixture(Conflict.class);

    @Test
    void registersAConflictWithItsPartiesAndFirstDay() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(RUSSIA, UKRAINE), CONFLICT_START))
                .expectEvents(new ConflictRegistered(CONFLICT_ID, NAME, List.of(RUSSIA, UKRAINE), CONFLICT_START))
                .expectResultMessagePayload(new Recorded(CONFLICT_ID, 0, true));
    }

    @Test
    void anIdenticalRetryFindsTheConflictAlreadyRegistered() {
        fixture.given(registered())
                .when(register(List.of(RUSSIA, UKRAINE), CONFLICT_START))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(CONFLICT_ID, 0, false));
    }

    @Test
    void idReusedWithOtherContentIsRefused() {
        fixture.given(registered())
                .when(register(List.of(RUSSIA, UKRAINE), CONFLICT_START.minusYears(8)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ID_REUSED_WITH_OTHER_CONTENT));
    }

    @Test
    void conflictNeedsTwoDistinctParties() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(RUSSIA), CONFLICT_START))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CONFLICT_NEEDS_TWO_DISTINCT_PARTIES));
    }

    @Test
    void conflictNeedsTwoDistinctPartiesNotOneCodeTwice() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(RUSSIA, UKRAINE, new Party("UA", "Ukraine (again)")), CONFLICT_START))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CONFLICT_NEEDS_TWO_DISTINCT_PARTIES));
    }

    @Test
    void dateMayNotBeInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(RUSSIA, UKRAINE), FIRST_FUTURE_DAY))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_BE_IN_THE_FUTURE));
    }

    @Test
    void aDayThatHasBegunSomewhereOnEarthIsNotInTheFuture() {
        LocalDate alreadyBegunInKiribati = FIRST_FUTURE_DAY.minusDays(1);
        fixture.givenNoPriorActivity()
                .when(register(List.of(RUSSIA, UKRAINE), alreadyBegunInKiribati))
                .expectEvents(new ConflictRegistered(CONFLICT_ID, NAME, List.of(RUSSIA, UKRAINE),
                        alreadyBegunInKiribati));
    }

    private static RegisterConflict register(List<Party> parties, LocalDate startDate) {
        return new RegisterConflict(CONFLICT_ID, NAME, parties, startDate);
    }

    private static ConflictRegistered registered() {
        return new ConflictRegistered(CONFLICT_ID, NAME, List.of(RUSSIA, UKRAINE), CONFLICT_START);
    }
}
