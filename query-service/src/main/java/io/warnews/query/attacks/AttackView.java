package io.warnews.query.attacks;

import io.warnews.events.Source;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An attack as currently known; {@code corrected} when its details were corrected after the first report. */
record AttackView(String attackId, String attacker, String description, List<Target> targets, LocalDate startDate,
                  LocalDate endDate, OffsetDateTime startedAt, OffsetDateTime endedAt, List<Weapon> weapons,
                  int launched, int intercepted, CasualtiesView casualties, String claimant, Source source,
                  boolean corrected) {

    /** People killed and injured (null: not reported), with who gave the latest toll. */
    record CasualtiesView(Integer killed, Integer injured, String claimant, Source source) {
    }
}
