package io.warnews.events;

/**
 * One weapon line of an attack report: weapons of one type (and model, when named) and what became
 * of them, as the claimant gave it. Every count is null when not reported, which is never zero:
 * "and missiles" is a line with a type and no {@code launched}.
 *
 * <ul>
 *   <li>{@code launched}: how many were launched;</li>
 *   <li>{@code intercepted}: how many air defence stopped in all, shot down and suppressed together
 *       (the claimant's total; it may give only the total, or only the parts);</li>
 *   <li>{@code shotDown}: destroyed by fire (missiles, aircraft, mobile fire groups);</li>
 *   <li>{@code suppressed}: brought down or diverted by electronic warfare;</li>
 *   <li>{@code lost}: did not reach their targets without being claimed as intercepted ("locationally
 *       lost", lost from radar);</li>
 *   <li>{@code decoys}: of those launched, how many were decoys (drones without a warhead);</li>
 *   <li>{@code launchArea}: where they were launched from ("Kursk Oblast", "Black Sea");</li>
 *   <li>{@code carrier}: the aircraft or ship that launched them, when reported.</li>
 * </ul>
 *
 * <p>Revision 1 of the attack events had {@code type, model, launched, intercepted} only, with
 * {@code launched} always present; the other fields read as null from it.
 */
public record Weapon(WeaponType type, String model, Integer launched, Integer intercepted, Integer shotDown,
                     Integer suppressed, Integer lost, Integer decoys, String launchArea, Carrier carrier) {

    /** A line with a launch count and an interception count only, as revision 1 had it. */
    public Weapon(WeaponType type, String model, Integer launched, Integer intercepted) {
        this(type, model, launched, intercepted, null, null, null, null, null, null);
    }

    /**
     * Intercepted as the claimant gave it, or else the sum of shot down and suppressed when both are
     * given; null when neither way gives it.
     */
    public Long interceptedOrParts() {
        if (intercepted != null) {
            return intercepted.longValue();
        }
        if (shotDown != null && suppressed != null) {
            return (long) shotDown + suppressed;
        }
        return null;
    }
}
