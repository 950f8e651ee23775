package io.warnews.query.audit;

import io.warnews.query.web.BadParameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters of the audit API; a bad one is a 400 naming it. */
final class AuditParams {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    private AuditParams() {
    }

    static int page(String text) {
        return integer("page", text, 0, 0, Integer.MAX_VALUE);
    }

    static int size(String text) {
        return integer("size", text, DEFAULT_SIZE, 1, MAX_SIZE);
    }

    static long after(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BadParameter("after", "'" + text + "' is not a global position (a whole number)");
        }
    }

    /** A recorded instant, ISO-8601 with an offset or Z, e.g. 2025-06-12T09:30:00Z. */
    static Instant knownAt(String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameter("knownAt", "is required: an ISO-8601 instant such as 2025-06-12T09:30:00Z");
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw new BadParameter("knownAt",
                        "'" + text + "' is not an ISO-8601 instant such as 2025-06-12T09:30:00Z");
            }
        }
    }

    private static int integer(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(name, "'" + text + "' is not a whole number from " + min + " to " + max);
    }
}
