package io.warnews.events;

/**
 * One category's figure in a loss report. {@code lower} and {@code upper} are the bounds a
 * claimant gave with it ("between 40,000 and 50,000"), each optional; events recorded before
 * bounds existed read them as {@code null}.
 */
public record LossFigure(LossCategory category, long value, Qualifier qualifier, Long lower, Long upper) {

    public LossFigure(LossCategory category, long value, Qualifier qualifier) {
        this(category, value, qualifier, null, null);
    }

    /** The least the count can be by this figure's own words; {@code null} when it gives no floor. */
    public Long floor() {
        if (lower != null) {
            return lower;
        }
        return qualifier != null && qualifier.opensDownward() ? null : value;
    }

    /** The most the count can be by this figure's own words; {@code null} when it gives no ceiling. */
    public Long ceiling() {
        if (upper != null) {
            return upper;
        }
        return qualifier != null && qualifier.opensUpward() ? null : value;
    }
}
