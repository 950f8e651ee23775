package io.warnews.query;

import java.time.Duration;

/** Checks of the service's settings, made when they are bound at start: a wrong one stops the start, named. */
public final class Settings {

    private Settings() {
    }

    /** {@code value} if it is above zero; otherwise the start fails naming {@code property}. */
    public static Duration positive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, not " + value);
        }
        return value;
    }
}
