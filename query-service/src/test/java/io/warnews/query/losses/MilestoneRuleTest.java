package io.warnews.query.losses;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MilestoneRuleTest {

    @Test
    void roundNumbersAreOneTwoAndFiveTimesAPowerOfTenFromOneThousand() {
        assertThat(MilestoneRule.crossed(0L, 12_000)).containsExactly(1_000L, 2_000L, 5_000L, 10_000L);
    }

    @Test
    void aFirstFigureRecordsOnlyTheHighestRoundNumberItReaches() {
        assertThat(MilestoneRule.crossed(null, 1_000_340)).containsExactly(1_000_000L);
    }

    @Test
    void aLaterFigureRecordsEveryRoundNumberPassedSinceTheHighestEarlierFigure() {
        assertThat(MilestoneRule.crossed(990_000L, 1_000_340)).containsExactly(1_000_000L);
        assertThat(MilestoneRule.crossed(400_000L, 1_100_000)).containsExactly(500_000L, 1_000_000L);
    }

    @Test
    void nothingIsCrossedBelowOneThousandOrWithoutPassingAnotherRoundNumber() {
        assertThat(MilestoneRule.crossed(null, 999)).isEmpty();
        assertThat(MilestoneRule.crossed(1_000_340L, 1_000_500)).isEmpty();
    }
}
