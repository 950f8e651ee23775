package io.warnews.query.audit;

import static io.warnews.query.RealHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.Basis;
import io.warnews.events.Casualties;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import io.warnews.events.WorldDate;
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
 * The attack records, the milestones and the loss anomalies as known at an instant, over a real
 * connection: events go into the event store, the real processors project them, and the answers
 * before and after a correction are those of the versions recorded by then.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class KnownAtRecordsMilestonesAnomaliesTest {

    private static final String CLAIMANT = "Ministry of Defence of Ukraine";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private RealHttp http;
    private EventStoreWriter writer;
    private String conflict;
    private String ledger;
    private Instant beforeTheConflict;

    @BeforeEach
    void aConflict() throws InterruptedException {
        http = new RealHttp(port);
        writer = new EventStoreWriter(context);
        conflict = "known-more-" + System.nanoTime();
        ledger = conflict + "/losses/RU/ministry-of-defence-of-ukraine";
        beforeTheConflict = tick();
        writer.append(conflict, Feed.warBetweenRussiaAndUkraine(conflict));
    }

    @Test
    void milestonesAndLossAnomaliesAsKnownBeforeAndAfterACorrection() throws Exception {
        writer.append(ledger, report("mod-2025-06-10", "2025-06-10", 990_000));
        String typo = writer.append(ledger, report("mod-2025-06-11", "2025-06-11", 100_050));
        assertThat(live("/loss-anomalies", typo, "status", "open").path("total").asLong()).isEqualTo(1);
        Instant beforeTheFix = tick();
        String fixed = writer.append(ledger, new LossReportCorrected(ledger, "mod-2025-06-11", conflict, "RU", CLAIMANT,
                WorldDate.parse("2025-06-11"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1_000_500, Qualifier.ABOUT)), "typo", null));
        assertThat(live("/loss-anomalies", fixed, "status", "open").path("total").asLong()).isZero();
        Instant afterTheFix = tick();

        String milestones = "/api/audit/conflicts/" + conflict + "/milestones";
        JsonNode before = audit(milestones, "knownAt", beforeTheFix.toString(), "side", "RU");
        assertThat(thresholds(before)).containsExactly(500_000L);
        JsonNode after = audit(milestones, "knownAt", afterTheFix.toString(), "side", "RU", "category", "PERSONNEL");
        assertThat(thresholds(after)).containsExactly(500_000L, 1_000_000L);
        assertThat(after.path("milestones").get(1).path("reportId").asText()).isEqualTo("mod-2025-06-11");
        assertThat(after.path("milestones").get(1).path("value").asLong()).isEqualTo(1_000_500);

        String anomalies = "/api/audit/conflicts/" + conflict + "/loss-anomalies";
        JsonNode open = audit(anomalies, "knownAt", beforeTheFix.toString());
        assertThat(open.path("total").asLong()).isEqualTo(1);
        JsonNode anomaly = open.path("anomalies").get(0);
        assertThat(anomaly.path("status").asText()).isEqualTo("open");
        assertThat(anomaly.path("later").path("value").asLong()).isEqualTo(100_050);
        assertThat(anomaly.path("earlier").path("value").asLong()).isEqualTo(990_000);
        assertThat(anomaly.path("resolvedAt").isNull()).isTrue();
        assertThat(anomaly.path("resolvedBy").isNull()).as("the fix was not known yet").isTrue();
        assertThat(audit(anomalies, "knownAt", beforeTheFix.toString(), "status", "open").path("total").asLong())
                .isEqualTo(1);
        assertThat(audit(anomalies, "knownAt", beforeTheFix.toString(), "status", "resolved").path("total").asLong())
                .isZero();

        JsonNode resolved = audit(anomalies, "knownAt", afterTheFix.toString(), "side", "RU", "claimant", CLAIMANT,
                "category", "PERSONNEL", "status", "resolved");
        assertThat(resolved.path("total").asLong()).isEqualTo(1);
        anomaly = resolved.path("anomalies").get(0);
        assertThat(anomaly.path("status").asText()).isEqualTo("resolved");
        assertThat(anomaly.path("resolvedBy").asText()).isEqualTo("mod-2025-06-11");
        Instant resolvedAt = Instant.parse(anomaly.path("resolvedAt").asText());
        assertThat(resolvedAt).isAfter(beforeTheFix).isBefore(afterTheFix);
        assertThat(audit(anomalies, "knownAt", afterTheFix.toString(), "status", "open").path("total").asLong())
                .isZero();

        assertThat(audit(anomalies, "knownAt", beforeTheConflict.toString(), "status", "open", "expect", "404"))
                .isNotNull();
        assertThat(audit(milestones, "knownAt", beforeTheConflict.toString(), "expect", "404")).isNotNull();
    }

    @Test
    void knownAtNowAnswersWhatThePublicReads() throws Exception {
        writer.append(ledger, report("mod-2025-06-10", "2025-06-10", 990_000));
        String last = writer.append(ledger, report("mod-2025-06-11", "2025-06-11", 100_050));
        String a = conflict + "-a";
        last = writer.append(a, launch(a, 300, 2));
        live("/loss-anomalies", last);
        live("/attacks/records", last);
        Instant now = tick();
        for (String read : List.of("/milestones", "/loss-anomalies", "/attacks/records")) {
            String publicAnswer = http.get("/api/conflicts/" + conflict + read, Map.of()).body();
            String knownNow = http.get("/api/audit/conflicts/" + conflict + read, params("knownAt", now.toString()),
                    "auditor", "auditor-secret").body();
            assertThat(knownNow).as(read).isEqualTo(publicAnswer);
        }
    }

    @Test
    void attackRecordsAsKnownBeforeAndAfterACorrection() throws Exception {
        String a = conflict + "-a";
        String b = conflict + "-b";
        writer.append(a, launch(a, 300, 2));
        String last = writer.append(b, launch(b, 200, 5));
        assertThat(live("/attacks/records", last).path("mostLaunched").path("attackId").asText()).isEqualTo(a);
        Instant beforeTheCorrection = tick();
        last = writer.append(b, new AttackCorrected(b, conflict, details(500, 5), "500 launched, not 200", null));
        assertThat(live("/attacks/records", last).path("mostLaunched").path("attackId").asText()).isEqualTo(b);
        Instant afterTheCorrection = tick();

        String records = "/api/audit/conflicts/" + conflict + "/attacks/records";
        JsonNode before = audit(records, "knownAt", beforeTheCorrection.toString());
        assertThat(before.path("mostLaunched").path("attackId").asText()).isEqualTo(a);
        assertThat(before.path("mostLaunched").path("launched").path("value").asLong()).isEqualTo(300);
        assertThat(before.path("mostLaunchedByWeaponType").get(0).path("launched").asLong()).isEqualTo(300);
        assertThat(before.path("deadliest").path("attackId").asText()).isEqualTo(b);
        JsonNode after = audit(records, "knownAt", afterTheCorrection.toString());
        assertThat(after.path("mostLaunched").path("attackId").asText()).isEqualTo(b);
        assertThat(after.path("mostLaunched").path("launched").path("value").asLong()).isEqualTo(500);
        assertThat(after.path("mostLaunched").path("corrected").asBoolean()).isTrue();
        assertThat(after.path("mostLaunchedByWeaponType").get(0).path("attack").path("attackId").asText())
                .isEqualTo(b);
        JsonNode nothingYet = audit(records, "knownAt", beforeTheConflict.toString());
        assertThat(nothingYet.path("mostLaunched").isNull()).isTrue();
        assertThat(nothingYet.path("mostLaunchedByWeaponType")).isEmpty();
    }

    @Test
    void theseReadsNeedAnInstantAndAnAuditor() throws Exception {
        for (String read : List.of("/milestones", "/loss-anomalies", "/attacks/records", "/attack-anomalies")) {
            String path = "/api/audit/conflicts/" + conflict + read;
            RealHttp.Answer noInstant = http.get(path, Map.of(), "auditor", "auditor-secret");
            assertThat(noInstant.status()).as(read).isEqualTo(400);
            assertThat(noInstant.contentType()).startsWith("application/problem+json");
            assertThat(noInstant.json().path("parameter").asText()).isEqualTo("knownAt");
            RealHttp.Answer notAnInstant = http.get(path, params("knownAt", "yesterday"), "auditor", "auditor-secret");
            assertThat(notAnInstant.status()).as(read).isEqualTo(400);
            assertThat(notAnInstant.json().path("detail").asText()).contains("ISO-8601");
            assertThat(http.get(path, params("knownAt", Instant.now().toString())).status()).as(read).isEqualTo(401);
            assertThat(http.get(path, params("knownAt", Instant.now().toString()), "editor", "editor-secret").status())
                    .as(read).isEqualTo(403);
        }
        RealHttp.Answer badStatus = http.get("/api/audit/conflicts/" + conflict + "/loss-anomalies",
                params("knownAt", Instant.now().toString(), "status", "closed"), "auditor", "auditor-secret");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().path("parameter").asText()).isEqualTo("status");
        assertThat(http.get("/api/audit/conflicts/no-such-conflict/milestones",
                params("knownAt", Instant.now().toString()), "auditor", "auditor-secret").status()).isEqualTo(404);
    }

    private LossesReported report(String reportId, String asOf, long personnel) {
        return new LossesReported(ledger, reportId, conflict, "RU", CLAIMANT, WorldDate.parse(asOf), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT)), SeedStory.ARTICLE);
    }

    private AttackLaunched launch(String attackId, int launched, int killed) {
        return new AttackLaunched(attackId, conflict, details(launched, killed), "Air Force", SeedStory.ARTICLE);
    }

    private static AttackDetails details(int launched, int killed) {
        return new AttackDetails("RU", "drones", List.of(new Target("Kyiv", "Kyiv")), LocalDate.of(2025, 6, 10), null,
                null, null, List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", launched, null)),
                new Casualties(killed, null));
    }

    private static List<Long> thresholds(JsonNode milestones) {
        List<Long> thresholds = new ArrayList<>();
        milestones.path("milestones").forEach(m -> thresholds.add(m.path("threshold").asLong()));
        return thresholds;
    }

    /** A public read of the conflict once its read models have {@code waitFor}. */
    private JsonNode live(String read, String waitFor, String... more) throws Exception {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of("waitFor", waitFor, "waitMillis", "10000"));
        RealHttp.Answer answer = http.get("/api/conflicts/" + conflict + read, params(all.toArray(String[]::new)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** An auditor's read; 200 unless {@code "expect", "<status>"} is among the parameters. */
    private JsonNode audit(String path, String... namesAndValues) throws Exception {
        Map<String, String> params = params(namesAndValues);
        int expected = Integer.parseInt(params.getOrDefault("expect", "200"));
        params.remove("expect");
        RealHttp.Answer answer = http.get(path, params, "auditor", "auditor-secret");
        assertThat(answer.status()).as(path + " " + params + ": " + answer.body()).isEqualTo(expected);
        return answer.json();
    }

    /** An instant strictly between what was stored before and what is stored after. */
    private static Instant tick() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }
}
