package io.warnews.command.attacks;

import static io.warnews.command.support.Requests.attack;
import static io.warnews.command.support.Requests.conflict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Attacks through the HTTP API: rich weapon lines, unknown counts, 64-bit sums, warnings, batches. */
@CommandServiceTest
class AttacksOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    EventStoreRows store;
    String conflictId;
    String attacks;

    @BeforeEach
    void aConflictOfItsOwn() {
        api = new Api(port);
        store = new EventStoreRows(jdbc);
        conflictId = "c-" + System.nanoTime();
        attacks = "/api/conflicts/" + conflictId + "/attacks";
        assertThat(api.post("/api/conflicts", conflict(conflictId)).status()).isEqualTo(201);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> weapons(Map<String, Object> attack) {
        return (List<Map<String, Object>>) ((Map<String, Object>) attack.get("details")).get("weapons");
    }

    private static Map<String, Object> withWeapons(Map<String, Object> attack, List<Map<String, Object>> weapons) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) attack.get("details");
        details.put("weapons", weapons);
        return attack;
    }

    @Test
    void aReportWithEveryFieldIsRecordedAsPublished() {
        Map<String, Object> drones = new HashMap<>(Map.of("type", "ATTACK_DRONE", "model", "Shahed-136",
                "launched", 315, "shotDown", 200, "suppressed", 77, "lost", 30, "decoys", 40,
                "launchArea", "Kursk Oblast"));
        Map<String, Object> missiles = new HashMap<>(Map.of("type", "CRUISE_MISSILE", "model", "Kh-101",
                "carrier", Map.of("kind", "AIRCRAFT", "model", "Tu-95MS")));
        Map<String, Object> body = withWeapons(attack("rich", 0, 0), new ArrayList<>(List.of(drones, missiles)));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) body.get("details");
        details.put("targets", List.of(Map.of("place", "Kyiv", "region", "Kyiv", "impact", "HIT"),
                Map.of("place", "Bila Tserkva", "region", "Kyiv Oblast", "impact", "DEBRIS")));
        details.put("launchAreas", List.of("Kursk Oblast", "Engels"));

        var answer = api.post(attacks, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("warnings").isArray()).isTrue();
        assertThat(answer.json().path("warnings")).isEmpty();
        JsonNode stored = store.stream("rich").get(0).payload().path("details");
        assertThat(stored.path("launchAreas").toString()).isEqualTo("[\"Kursk Oblast\",\"Engels\"]");
        assertThat(stored.path("targets").get(1).path("impact").asText()).isEqualTo("DEBRIS");
        JsonNode storedDrones = stored.path("weapons").get(0);
        assertThat(storedDrones.path("shotDown").asInt()).isEqualTo(200);
        assertThat(storedDrones.path("suppressed").asInt()).isEqualTo(77);
        assertThat(storedDrones.path("lost").asInt()).isEqualTo(30);
        assertThat(storedDrones.path("decoys").asInt()).isEqualTo(40);
        assertThat(storedDrones.path("intercepted").isNull()).isTrue();
        JsonNode storedMissiles = stored.path("weapons").get(1);
        assertThat(storedMissiles.path("launched").isNull()).as("'and missiles' has no count, not 0").isTrue();
        assertThat(storedMissiles.path("carrier").path("model").asText()).isEqualTo("Tu-95MS");
    }

    @Test
    void anInconsistentReportIsRecordedWithWarnings() {
        var answer = api.post(attacks, attack("odd", 10, 11));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("warnings").get(0).path("check").asText())
                .isEqualTo("INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED");
        assertThat(answer.json().path("warnings").get(0).path("message").asText())
                .contains("11 intercepted is more than the 10 launched");
        assertThat(store.stream("odd")).hasSize(1);
    }

    @Test
    void twoLinesOfTwoBillionAreSummedInSixtyFourBits() {
        var lines = new ArrayList<Map<String, Object>>(List.of(
                Map.of("type", "ATTACK_DRONE", "launched", 2_000_000_000),
                Map.of("type", "ATTACK_DRONE", "launched", 2_000_000_000)));

        assertThat(api.post(attacks, withWeapons(attack("big", 0, 0), lines)).status()).isEqualTo(201);
    }

    @Test
    void aCountBeyondTheRangeOfALineIsA400NamingTheField() {
        long before = store.count();
        var lines = List.<Map<String, Object>>of(Map.of("type", "ATTACK_DRONE", "launched", 3_000_000_000L));

        var answer = api.post(attacks, withWeapons(attack("too-big", 0, 0), new ArrayList<>(lines)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("details.weapons[0].launched");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void aBatchIsRecordedWholeAndARetryFindsEveryAttackRecorded() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(attack("b-" + i, 100 + i, i));
        }

        var first = api.post(attacks + "/batch", Map.of("attacks", items));
        var retry = api.post(attacks + "/batch", Map.of("attacks", items));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("recorded").asInt()).isEqualTo(50);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("recorded").asInt()).isZero();
        assertThat(retry.json().path("alreadyRecorded").asInt()).isEqualTo(50);
        assertThat(retry.json().path("attacks").get(7).path("version").asLong()).isZero();
        assertThat(retry.json().path("attacks").get(7).path("created").asBoolean()).isFalse();
        assertThat(store.stream("b-7")).hasSize(1);
    }

    @Test
    void aBatchWithOneRefusedAttackRecordsNone() {
        api.post(attacks, attack("taken", 5, 1));
        long before = store.count();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(attack("n-" + i, 10, 1));
        }
        items.add(attack("taken", 6, 1));

        var answer = api.post(attacks + "/batch", Map.of("attacks", items));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("rule").asText()).isEqualTo("ID_REUSED_WITH_OTHER_CONTENT");
        assertThat(answer.json().path("detail").asText()).contains("attacks[20] ('taken')");
        assertThat(store.count()).isEqualTo(before);
        assertThat(store.stream("n-0")).isEmpty();

        items.remove(items.size() - 1);
        var again = api.post(attacks + "/batch", Map.of("attacks", items));
        assertThat(again.status()).as("the same ids are free after the refusal").isEqualTo(201);
        assertThat(store.stream("n-0")).hasSize(1);
    }

    @Test
    void aBatchOverTheLimitIsA400() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(attack("o-" + i, 1, 0));
        }
        long before = store.count();

        var answer = api.post(attacks + "/batch", Map.of("attacks", items));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("attacks must hold 1 to 1,000 attacks");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void aBatchNamingAnIdTwiceIsA400() {
        var answer = api.post(attacks + "/batch", Map.of("attacks", List.of(attack("d", 1, 0), attack("d", 1, 0))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("each attackId may appear only once");
    }

    @Test
    void aBatchItemNeedsAnId() {
        var item = attack("x", 1, 0);
        item.remove("attackId");

        var answer = api.post(attacks + "/batch", Map.of("attacks", List.of(item)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("attacks[0].attackId");
    }
}
