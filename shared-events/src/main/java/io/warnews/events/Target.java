package io.warnews.events;

/**
 * A place named in an attack report, with its region ("Kharkiv", "Kharkiv Oblast") and what the
 * report says happened there ({@link Impact#HIT} or {@link Impact#DEBRIS}; null when it does not say).
 */
public record Target(String place, String region, Impact impact) {

    /** A place without what happened there, as revision 1 had it. */
    public Target(String place, String region) {
        this(place, region, null);
    }
}
