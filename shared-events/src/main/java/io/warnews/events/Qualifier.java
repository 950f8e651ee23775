package io.warnews.events;

/**
 * How a figure is qualified by its claimant: exactly, "about", "at least", "more than" (both
 * bound the count from below only) or "less than" (bounds it from above only).
 */
public enum Qualifier {
    EXACT, ABOUT, AT_LEAST, MORE_THAN, LESS_THAN;

    /** Whether the true count may be higher than the figure says: "at least" and "more than". */
    public boolean opensUpward() {
        return this == AT_LEAST || this == MORE_THAN;
    }

    /** Whether the true count may be lower than the figure says: "less than". */
    public boolean opensDownward() {
        return this == LESS_THAN;
    }
}
