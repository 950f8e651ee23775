package io.warnews.query.losses;

import java.util.ArrayList;
import java.util.List;

/**
 * Round numbers worth a headline: 1, 2 and 5 times a power of ten, from 1,000 up (1,000, 2,000,
 * 5,000, 10,000 ... 1,000,000 ...). A claimant's running total crosses one when a figure reaches it
 * and the claimant's highest earlier figure was below it. A claimant's first figure records only
 * the highest round number it has reached: when the lower ones were passed is not known.
 */
final class MilestoneRule {

    static final String DESCRIPTION = "1, 2 and 5 x 10^n for n >= 3 (1,000, 2,000, 5,000, 10,000 ...); a claimant's"
            + " first figure records only the highest round number it reaches, later figures every round number"
            + " passed since the claimant's highest earlier figure";

    private static final long FIRST = 1_000;

    private MilestoneRule() {
    }

    /** Round numbers crossed going from {@code highestBefore} (null: no earlier figure) to {@code value}. */
    static List<Long> crossed(Long highestBefore, long value) {
        List<Long> crossed = new ArrayList<>();
        for (long threshold : upTo(value)) {
            if (highestBefore == null || threshold > highestBefore) {
                crossed.add(threshold);
            }
        }
        if (highestBefore == null && crossed.size() > 1) {
            return List.of(crossed.get(crossed.size() - 1));
        }
        return crossed;
    }

    private static List<Long> upTo(long value) {
        List<Long> thresholds = new ArrayList<>();
        for (long power = FIRST; power <= value && power > 0; power *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                if (power * factor <= value) {
                    thresholds.add(power * factor);
                }
            }
        }
        return thresholds;
    }
}
