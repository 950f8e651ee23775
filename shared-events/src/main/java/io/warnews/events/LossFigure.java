package io.warnews.events;

/** One category's figure in a loss report. */
public record LossFigure(LossCategory category, long value, Qualifier qualifier) {
}
