package io.warnews.query.attacks;

import static io.warnews.query.RealHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.Casualties;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.RealHttp;
import io.warnews.query.SeedStory;
import io.warnews.query.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Attacks whose figures contradict themselves are recorded as published (with warnings); the read
 * side flags them and lists them as anomalies, resolved by the correction or retraction that
 * removes the contradiction, now and as known at an instant. Over a real connection, from the event
 * store through the real processors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class AttackAnomaliesTest {

    private static final String TOO_MANY_INTERCEPTED =
            "weapons[0] CRUISE_MISSILE (Kh-101): 11 intercepted is more than the 10 launched";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private RealHttp http;
    private EventStoreWriter writer;
    private String conflict;
    private String created;

    @BeforeEach
    void aConflict() {
        http = new RealHttp(port);
        writer = new EventStoreWriter(context);
        conflict = "attack-anomalies-" + System.nanoTime();
        created = writer.append(conflict, Feed.warBetweenRussiaAndUkraine(conflict));
    }

    @Test
    void anAttackWithMoreInterceptedThanLaunchedIsFlaggedUntilACorrectionFixesIt() throws Exception {
        String x = conflict + "-x";
        String y = conflict + "-y";
        writer.append(y, launch(y, 10, 9));
        String last = writer.append(x, launch(x, 10, 11));

        JsonNode attacks = live("/attacks", last);
        JsonNode flagged = byId(attacks, x);
        assertThat(flagged.path("anomalous").asBoolean()).isTrue();
        assertThat(flagged.path("anomalies").get(0).path("check").asText()).isEqualTo("INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED");
        assertThat(flagged.path("anomalies").get(0).path("message").asText()).isEqualTo(TOO_MANY_INTERCEPTED);
        assertThat(flagged.path("intercepted").path("value").asLong()).as("recorded as published").isEqualTo(11);
        assertThat(byId(attacks, y).path("anomalous").asBoolean()).isFalse();
        assertThat(byId(attacks, y).path("anomalies")).isEmpty();

        JsonNode open = live("/attack-anomalies", last, "status", "open");
        assertThat(open.path("status").asText()).isEqualTo("open");
        assertThat(open.path("total").asLong()).isEqualTo(1);
        JsonNode anomaly = open.path("anomalies").get(0);
        assertThat(anomaly.path("attackId").asText()).isEqualTo(x);
        assertThat(anomaly.path("status").asText()).isEqualTo("open");
        assertThat(anomaly.path("description").asText()).isEqualTo(TOO_MANY_INTERCEPTED);
        assertThat(anomaly.path("openedBy").asText()).isEqualTo("LAUNCHED");
        assertThat(anomaly.path("openedVersion").asLong()).isZero();
        assertThat(anomaly.path("claimant").asText()).isEqualTo("Air Force");
        assertThat(anomaly.path("resolvedAt").isNull()).isTrue();
        Instant launched = tick();

        last = writer.append(x, new AttackCasualtiesRevised(x, conflict, new Casualties(2, 7), "Mayor",
                SeedStory.ARTICLE));
        assertThat(live("/attack-anomalies", last).path("total").asLong())
                .as("a casualty revision leaves the figures, and the anomaly, as they were").isEqualTo(1);
        Instant revised = tick();

        last = writer.append(x, new AttackCorrected(x, conflict, details(10, 9), "9 intercepted, not 11", null));
        Instant corrected = tick();
        assertThat(live("/attack-anomalies", last, "status", "open").path("total").asLong()).isZero();
        JsonNode resolved = live("/attack-anomalies", last, "status", "resolved");
        assertThat(resolved.path("total").asLong()).isEqualTo(1);
        anomaly = resolved.path("anomalies").get(0);
        assertThat(anomaly.path("status").asText()).isEqualTo("resolved");
        assertThat(anomaly.path("resolvedBy").asText()).isEqualTo("CORRECTED");
        assertThat(anomaly.path("resolvedVersion").asLong()).isEqualTo(2);
        assertThat(anomaly.path("resolvedReason").asText()).isEqualTo("9 intercepted, not 11");
        assertThat(Instant.parse(anomaly.path("resolvedAt").asText())).isAfter(revised).isBefore(corrected);
        assertThat(byId(live("/attacks", last), x).path("anomalous").asBoolean()).isFalse();

        String list = "/api/audit/conflicts/" + conflict + "/attack-anomalies";
        for (Instant stillOpen : List.of(launched, revised)) {
            JsonNode then = audit(list, "knownAt", stillOpen.toString());
            assertThat(then.path("total").asLong()).isEqualTo(1);
            assertThat(then.path("anomalies").get(0).path("status").asText()).isEqualTo("open");
            assertThat(then.path("anomalies").get(0).path("resolvedBy").isNull()).isTrue();
            assertThat(audit(list, "knownAt", stillOpen.toString(), "status", "resolved").path("total").asLong())
                    .isZero();
        }
        assertThat(audit(list, "knownAt", corrected.toString(), "status", "resolved").path("anomalies").get(0)
                .path("resolvedBy").asText()).isEqualTo("CORRECTED");
        assertThat(byId(audit("/api/audit/conflicts/" + conflict + "/attacks", "knownAt", revised.toString()), x)
                .path("anomalous").asBoolean()).isTrue();
        assertThat(audit("/api/audit/attacks/" + x, "knownAt", corrected.toString()).path("anomalous").asBoolean())
                .isFalse();

        JsonNode history = audit("/api/audit/attacks/" + x + "/history");
        assertThat(history.get(0).path("attack").path("anomalous").asBoolean()).isTrue();
        assertThat(history.get(1).path("attack").path("anomalous").asBoolean()).isTrue();
        assertThat(history.get(2).path("attack").path("anomalous").asBoolean()).isFalse();
    }

    @Test
    void aCorrectionThatLeavesAnotherContradictionResolvesOneAnomalyAndOpensTheNext() throws Exception {
        String w = conflict + "-w";
        writer.append(w, launch(w, 10, 11));
        String last = writer.append(w, new AttackCorrected(w, conflict, details(10, 12), "12 intercepted", null));
        JsonNode all = live("/attack-anomalies", last);
        assertThat(all.path("total").asLong()).isEqualTo(2);
        JsonNode newest = all.path("anomalies").get(0);
        assertThat(newest.path("status").asText()).isEqualTo("open");
        assertThat(newest.path("openedBy").asText()).isEqualTo("CORRECTED");
        assertThat(newest.path("description").asText()).contains("12 intercepted is more than the 10 launched");
        JsonNode first = all.path("anomalies").get(1);
        assertThat(first.path("status").asText()).isEqualTo("resolved");
        assertThat(first.path("resolvedBy").asText()).isEqualTo("CORRECTED");
        assertThat(first.path("description").asText()).isEqualTo(TOO_MANY_INTERCEPTED);
    }

    @Test
    void aRetractionResolvesTheAnomalyOfTheAttackItWithdraws() throws Exception {
        String z = conflict + "-z";
        String last = writer.append(z, new AttackLaunched(z, conflict, new AttackDetails("RU", "drones",
                List.of(new Target("Odesa", "Odesa Oblast")), LocalDate.of(2025, 6, 12), null, null, null,
                List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 100, 60, 30, 20, null, 120, null, null)),
                null), "Air Force", SeedStory.ARTICLE));
        JsonNode open = live("/attack-anomalies", last, "status", "open");
        assertThat(open.path("anomalies").get(0).path("inconsistencies").findValuesAsText("check"))
                .containsExactly("SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED", "DECOYS_MAY_NOT_EXCEED_LAUNCHED");
        Instant beforeTheRetraction = tick();
        last = writer.append(z, new AttackRetracted(z, conflict, "duplicate"));
        JsonNode resolved = live("/attack-anomalies", last);
        assertThat(resolved.path("total").asLong()).isEqualTo(1);
        assertThat(resolved.path("anomalies").get(0).path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("anomalies").get(0).path("resolvedBy").asText()).isEqualTo("RETRACTED");
        assertThat(audit("/api/audit/conflicts/" + conflict + "/attack-anomalies", "knownAt",
                beforeTheRetraction.toString(), "status", "open").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aBadStatusIsA400NamingItAndAnUnknownConflictA404() throws Exception {
        RealHttp.Answer bad = http.get("/api/conflicts/" + conflict + "/attack-anomalies", params("status", "closed"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().path("parameter").asText()).isEqualTo("status");
        assertThat(http.get("/api/conflicts/no-such-conflict/attack-anomalies", Map.of()).status()).isEqualTo(404);
        JsonNode none = live("/attack-anomalies", created);
        assertThat(none.path("total").asLong()).isZero();
        assertThat(none.path("status").asText()).isEqualTo("all");
    }

    private AttackLaunched launch(String attackId, int launched, int intercepted) {
        return new AttackLaunched(attackId, conflict, details(launched, intercepted), "Air Force", SeedStory.ARTICLE);
    }

    private static AttackDetails details(int launched, int intercepted) {
        return new AttackDetails("RU", "missiles", List.of(new Target("Kyiv", "Kyiv")), LocalDate.of(2025, 6, 10),
                null, null, null, List.of(new Weapon(WeaponType.CRUISE_MISSILE, "Kh-101", launched, intercepted)),
                null);
    }

    private static JsonNode byId(JsonNode attacks, String attackId) {
        for (JsonNode attack : attacks) {
            if (attack.path("attackId").asText().equals(attackId)) {
                return attack;
            }
        }
        throw new AssertionError("no attack " + attackId + " in " + attacks);
    }

    private JsonNode live(String read, String waitFor, String... more) throws Exception {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of("waitFor", waitFor, "waitMillis", "10000"));
        RealHttp.Answer answer = http.get("/api/conflicts/" + conflict + read, params(all.toArray(String[]::new)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode audit(String path, String... namesAndValues) throws Exception {
        RealHttp.Answer answer = http.get(path, params(namesAndValues), "auditor", "auditor-secret");
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static Instant tick() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }
}
