package io.warnews.query.web;

import io.warnews.events.WorldDate;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Parsing of query parameters into the values the read models use. Dates may be given as a day,
 * a month or a year: a lower bound takes the start of that period, an upper bound its end.
 */
public final class Params {

    private Params() {
    }

    public static Optional<WorldDate> worldDate(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WorldDate.parse(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new BadParameter(name, e.getMessage());
        }
    }

    public static Optional<LocalDate> from(String name, String text) {
        return worldDate(name, text).map(WorldDate::start);
    }

    public static Optional<LocalDate> upTo(String name, String text) {
        return worldDate(name, text).map(WorldDate::end);
    }

    public static <E extends Enum<E>> Optional<E> oneOf(String name, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadParameter(name, "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An anomaly list's {@code status}: "open", "resolved", or empty for both; anything else is a 400. */
    public static Optional<String> openOrResolved(String name, String text) {
        Optional<String> status = Optional.ofNullable(text).map(String::trim).filter(value -> !value.isEmpty());
        if (status.isPresent() && !status.get().equals("open") && !status.get().equals("resolved")) {
            throw new BadParameter(name, "must be open or resolved");
        }
        return status;
    }
}
