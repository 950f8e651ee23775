package io.warnews.query.attacks;

import io.warnews.events.Source;
import java.time.Instant;

/**
 * One version of an attack, for its audit history: what changed it ({@code LAUNCHED},
 * {@code CORRECTED}, {@code CASUALTIES_REVISED}, {@code RETRACTED}), the editor who recorded it, the
 * reason given, the source cited, and the recorded interval [recordedFrom, recordedTo) in which it was
 * the current knowledge (recordedTo null: it still is; equal to recordedFrom for a retraction, which is
 * never current). {@code attack} is the attack as this version shows it.
 */
record AttackVersion(long version, String change, Instant recordedFrom, Instant recordedTo, String recordedBy,
                     String reason, Source source, AttackView attack) {
}
