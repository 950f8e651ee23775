package io.warnews.query.attacks;

/**
 * A figure summed over attacks, saying how many attacks gave it: {@code reported} attacks gave the
 * whole figure, {@code partial} attacks gave it for some of their weapon lines only (their part is in
 * the sum, which is then a lower bound), {@code unreported} attacks did not give it at all (an attack
 * without weapon lines gives no launch figure). {@code sum} is null when no attack gave any part:
 * not reported is never shown as zero.
 */
record Tally(Long sum, long reported, long partial, long unreported) {

    /** The sum is the whole figure: every attack gave all of it. */
    boolean complete() {
        return sum != null && partial == 0 && unreported == 0;
    }
}
