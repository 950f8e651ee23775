package io.warnews.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attack events stored in their first form (weapon lines of launched and intercepted only) read as today's. */
class AttackEventsOldFormTest {

    private static final String REVISION_ONE = """
            {"attackId":"a1","conflictId":"russia-ukraine","claimant":"Air Force of Ukraine",
             "details":{"attacker":"RU","description":"record drone attack",
               "targets":[{"place":"Rivne","region":"Rivne Oblast"}],
               "startDate":"2025-06-08","endDate":"2025-06-09","startedAt":null,"endedAt":null,
               "weapons":[{"type":"ATTACK_DRONE","model":"Shahed-136","launched":479,"intercepted":460},
                          {"type":"CRUISE_MISSILE","model":null,"launched":7,"intercepted":null}],
               "casualties":{"killed":1,"injured":null}},
             "source":{"outlet":"Kyiv Independent","url":"https://kyivindependent.com/example","headline":null,
                       "publishedAt":"2025-06-12T08:15:00Z"}}""";

    private final ObjectMapper json = EventJson.objectMapper();

    @Test
    void anAttackStoredInRevisionOneReadsWithTheNewFieldsUnreported() throws Exception {
        ObjectNode stored = (ObjectNode) json.readTree(REVISION_ONE);
        ObjectNode read = EventVersions.upcast(AttackLaunched.class.getName(), "1", stored);

        AttackLaunched event = json.treeToValue(read, AttackLaunched.class);

        AttackDetails details = event.details();
        assertThat(details.targets()).containsExactly(new Target("Rivne", "Rivne Oblast", null));
        assertThat(details.weapons()).containsExactly(
                new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 479, 460, null, null, null, null, null, null),
                new Weapon(WeaponType.CRUISE_MISSILE, null, 7, null, null, null, null, null, null, null));
        assertThat(details.launchAreas()).isEmpty();
        assertThat(details.launched()).isEqualTo(new WeaponTotal(486L, true));
        assertThat(details.intercepted()).isEqualTo(new WeaponTotal(460L, false));
        assertThat(details.shotDown()).isEqualTo(WeaponTotal.UNREPORTED);
        assertThat(event.source().publishedAt()).isEqualTo(Instant.parse("2025-06-12T08:15:00Z"));
        assertThat(details.startDate()).isEqualTo(LocalDate.of(2025, 6, 8));
    }

    @Test
    void weaponLineSumsAreSixtyFourBit() {
        AttackDetails details = new AttackDetails("RU", null, List.of(new Target("Kyiv", null)),
                LocalDate.of(2025, 6, 8), null, null, null,
                List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 2_000_000_000, 2_000_000_000),
                        new Weapon(WeaponType.ATTACK_DRONE, null, 2_000_000_000, null, 1_500_000_000,
                                500_000_000, null, null, null, null)),
                null);

        assertThat(details.launched()).isEqualTo(new WeaponTotal(4_000_000_000L, true));
        assertThat(details.intercepted()).isEqualTo(new WeaponTotal(4_000_000_000L, true));
    }

    @Test
    void anAttackWithoutWeaponLinesHasNoLaunchFigureRatherThanZero() {
        AttackDetails details = new AttackDetails("RU", null, List.of(new Target("Kyiv", null)),
                LocalDate.of(2025, 6, 8), null, null, null, List.of(), null);

        assertThat(details.launched()).isEqualTo(WeaponTotal.UNREPORTED);
        assertThat(details.launched().reported()).isFalse();
    }
}
