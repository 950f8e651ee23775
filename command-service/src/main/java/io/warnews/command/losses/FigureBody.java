package io.warnews.command.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** One category's figure; the qualifier defaults to EXACT. */
record FigureBody(@NotNull LossCategory category, @NotNull @PositiveOrZero Long value, Qualifier qualifier) {

    LossFigure toFigure() {
        return new LossFigure(category, value, qualifier == null ? Qualifier.EXACT : qualifier);
    }
}
