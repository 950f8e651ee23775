package io.warnews.events;

/**
 * What text an event may carry, checked by both services before anything is recorded or queried:
 * any Unicode text except control characters (U+0000-U+001F other than tab, line feed and carriage
 * return, U+007F-U+009F) and lone surrogate halves. Such text is refused with a 400 naming the
 * field: it cannot be stored faithfully by every read model (a NUL cannot be stored in PostgreSQL
 * text at all), and nobody publishes it.
 */
public final class TextRule {

    public static final String MESSAGE = "must not contain control characters other than tab, line feed and"
            + " carriage return, nor unpaired surrogates";

    private TextRule() {
    }

    /** The index of the first character the rule refuses, or -1 when the text is acceptable. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A description of what is refused in the text, or null when it is acceptable. */
    public static String problem(CharSequence text) {
        int at = firstRefused(text);
        return at < 0 ? null : String.format("%s (U+%04X at position %d)", MESSAGE, (int) text.charAt(at), at);
    }
}
