package io.warnews.command.support;

import io.warnews.command.domain.ConflictFacts;
import io.warnews.command.domain.Conflicts;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.Source;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * What every aggregate test needs: one registered conflict (Russia and Ukraine, from 24 February
 * 2022), a clock stopped at noon UTC on 15 June 2025, and a matcher for the rule a command broke.
 */
public final class FixtureSupport {

    public static final String CONFLICT_ID = "russia-ukraine";
    public static final LocalDate CONFLICT_START = LocalDate.of(2022, 2, 24);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    /** 16 June has already begun in UTC+14 at noon UTC on the 15th; the 17th has begun nowhere. */
    public static final LocalDate FIRST_FUTURE_DAY = LocalDate.of(2025, 6, 17);
    public static final Source SOURCE = new Source("Reuters", "https://www.reuters.com/world/europe/example",
            "Example headline", Instant.parse("2025-06-14T09:30:00Z"));

    private static final ConflictFacts FACTS = new ConflictFacts(CONFLICT_ID, Set.of("RU", "UA"), CONFLICT_START);
    private static final Conflicts CONFLICTS = id -> CONFLICT_ID.equals(id) ? Optional.of(FACTS) : Optional.empty();

    private FixtureSupport() {
    }

    /** A fixture whose command handlers receive the fixed clock and the one registered conflict. */
    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregateType) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(CONFLICTS);
        return fixture;
    }

    /** Matches the details of a {@link RuleViolation} that names the given rule and its refusal. */
    public static Matcher<RuleViolation.Details> refusedBy(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation.Details details) {
                return rule.name().equals(details.rule()) && rule.refusal() == details.refusal();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by rule " + rule.name() + " (" + rule.refusal() + ")");
            }
        };
    }
}
