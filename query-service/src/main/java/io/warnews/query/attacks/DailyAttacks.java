package io.warnews.query.attacks;

import java.time.LocalDate;

/** Totals of the attacks that started on one day; casualties are null when no attack that day reported any. */
record DailyAttacks(LocalDate date, int attacks, long launched, long intercepted, Long killed, Long injured) {
}
