package io.warnews.command.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One category's figure; the qualifier defaults to EXACT. {@code lower} and {@code upper} are
 * optional bounds the claimant gave ("between 40,000 and 50,000"): they must enclose the value.
 */
record FigureBody(@NotNull LossCategory category, @NotNull @PositiveOrZero Long value, Qualifier qualifier,
                  @PositiveOrZero Long lower, @PositiveOrZero Long upper) {

    LossFigure toFigure() {
        return new LossFigure(category, value, qualifier == null ? Qualifier.EXACT : qualifier, lower, upper);
    }
}
