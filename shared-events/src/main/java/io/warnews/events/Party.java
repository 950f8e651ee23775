package io.warnews.events;

/** A party to a conflict: a short code (ISO country code where there is one) and a readable name. */
public record Party(String code, String name) {
}
