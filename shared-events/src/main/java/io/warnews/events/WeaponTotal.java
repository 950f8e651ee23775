package io.warnews.events;

/**
 * A figure of one attack over its weapon lines: {@code value} is the sum of the lines that give it,
 * null when none does (not reported, which is never zero: an attack without weapon lines has no
 * launch figure); {@code complete} when every line gives it, so that {@code value} is the whole
 * figure and not a lower bound ("at least").
 */
public record WeaponTotal(Long value, boolean complete) {

    public static final WeaponTotal UNREPORTED = new WeaponTotal(null, false);

    public boolean reported() {
        return value != null;
    }
}
