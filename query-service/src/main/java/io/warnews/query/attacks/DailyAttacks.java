package io.warnews.query.attacks;

import java.time.LocalDate;

/**
 * Totals of the attacks that started on one day. Each figure is a {@link Tally}: its sum and how
 * many of the day's attacks gave it, in part, or not at all.
 */
record DailyAttacks(LocalDate date, int attacks, Tally launched, Tally intercepted, Tally shotDown,
                    Tally suppressed, Tally lost, Tally decoys, Tally killed, Tally injured) {
}
