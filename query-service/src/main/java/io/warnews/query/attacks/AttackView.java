package io.warnews.query.attacks;

import io.warnews.events.AttackConsistency;
import io.warnews.events.Source;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponTotal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An attack as known (now, or at a recorded instant for the audit): the details as reported, and
 * each figure over its weapon lines as {@code {"value": 479, "complete": true}}: {@code value} null
 * when no line gives it, {@code complete} false when some line does not (the value is then a lower
 * bound). {@code corrected} when its details were corrected after the first report;
 * {@code anomalous} when its figures contradict themselves, with each inconsistency in
 * {@code anomalies} ({@code {check, message}}, as the command-service warned when it recorded them);
 * {@code version} is the stream version this view stands for.
 */
record AttackView(String attackId, String attacker, String description, List<Target> targets,
                  List<String> launchAreas, LocalDate startDate, LocalDate endDate, OffsetDateTime startedAt,
                  OffsetDateTime endedAt, List<Weapon> weapons, WeaponTotal launched, WeaponTotal intercepted,
                  WeaponTotal shotDown, WeaponTotal suppressed, WeaponTotal lost, WeaponTotal decoys,
                  CasualtiesView casualties, String claimant, Source source, boolean corrected,
                  boolean anomalous, List<AttackConsistency.Inconsistency> anomalies, long version) {

    /** People killed and injured (null: not reported), with who gave the latest toll. */
    record CasualtiesView(Integer killed, Integer injured, String claimant, Source source) {
    }
}
