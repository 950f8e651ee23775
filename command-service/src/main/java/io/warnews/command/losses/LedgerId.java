package io.warnews.command.losses;

import io.warnews.command.web.InvalidField;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A loss ledger's stream id: one stream per conflict, side that suffered the losses, and claimant,
 * as {@code <conflict>/losses/<SIDE>/<claimant-slug>}.
 */
final class LedgerId {

    /** The event store's aggregate_identifier column holds 255 characters. */
    static final int MAX_LENGTH = 255;

    private LedgerId() {
    }

    static String of(String conflictId, String side, String claimant) {
        String id = conflictId + "/losses/" + side + "/" + slug(claimant);
        if (id.length() > MAX_LENGTH) {
            throw new InvalidField("claimant", "is too long: the ledger id '" + conflictId + "/losses/" + side
                    + "/<claimant as a slug>' would have " + id.length() + " characters, the limit is "
                    + MAX_LENGTH);
        }
        return id;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "unnamed" : slug;
    }
}
