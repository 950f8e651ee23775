package io.warnews.importer;

import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One dataset row in our terms: the cumulative figures of one day's report, by category, and the
 * URL it was published at.
 */
record Day(LocalDate date, Map<LossCategory, LossFigure> figures, String sourceUrl) {

    Day {
        EnumMap<LossCategory, LossFigure> copy = new EnumMap<>(LossCategory.class);
        copy.putAll(figures);
        figures = Collections.unmodifiableMap(copy);
    }

    /** The figure of a category, or null when the row gives none. */
    Long value(LossCategory category) {
        LossFigure figure = figures.get(category);
        return figure == null ? null : figure.value();
    }
}
