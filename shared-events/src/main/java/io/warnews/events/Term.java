package io.warnews.events;

import java.util.Map;

/**
 * One term of a proposal: an id unique within the proposal, its type, the words, and parameters
 * such as {@code durationDays=30}.
 */
public record Term(String termId, TermType type, String text, Map<String, String> parameters) {

    public Term {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
