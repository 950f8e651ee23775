package io.warnews.query.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The {@code knownAt} parameter of the audit's "as known at" reads: a required ISO-8601 instant. */
public final class KnownAtParam {

    private KnownAtParam() {
    }

    public static Instant required(String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameter("knownAt", "is required: an ISO-8601 instant such as 2025-06-12T09:30:00Z");
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw new BadParameter("knownAt",
                        "'" + text + "' is not an ISO-8601 instant such as 2025-06-12T09:30:00Z");
            }
        }
    }
}
