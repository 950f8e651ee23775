package io.warnews.command.losses;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A loss ledger's stream id: one stream per conflict, side that suffered the losses, and claimant,
 * as {@code <conflict>/losses/<SIDE>/<claimant-slug>}.
 */
final class LedgerId {

    private LedgerId() {
    }

    static String of(String conflictId, String side, String claimant) {
        return conflictId + "/losses/" + side + "/" + slug(claimant);
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "unnamed" : slug;
    }
}
