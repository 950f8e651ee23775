package io.warnews.query.audit;

import static io.warnews.query.audit.AuditHistoryTest.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRestored;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossReportRevised;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A source's history entered as it happened: every day as first published (a high typo, a low
 * typo, a decrease by the claimant itself, a row under a wrong date, a row later removed), then
 * every later change (the typos fixed, the date fixed, the row removed and restored, a fix
 * reverted, a figure revised by the claimant). Everything is kept: "known at" an instant before
 * each change answers what was known then, the series in the end is the final source, each
 * report's history lists every version, and the claimant's own decrease stays an open anomaly.
 */
@QueryServiceTest
class LossSourceHistoryTest {

    private static final String CLAIMANT = "Ministry of Defence of Ukraine";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    private EventStoreWriter writer;
    private String conflict;
    private String ledger;

    @Test
    void everyShapeOfASourcesHistoryIsKeptAndReadBackAsItWasKnown() throws Exception {
        writer = new EventStoreWriter(context);
        conflict = "history-" + System.nanoTime();
        ledger = conflict + "/losses/RU/ministry-of-defence-of-ukraine";
        writer.append(conflict, Feed.warBetweenRussiaAndUkraine(conflict));

        // as first published
        Map<String, Long> firstPublished = new LinkedHashMap<>();
        firstPublished.put("2023-01-07", 6_050L); // the row of 2024-01-07, dated a year back
        firstPublished.put("2024-01-01", 6_000L);
        firstPublished.put("2024-01-02", 60_100L); // high typo for 6,010
        firstPublished.put("2024-01-03", 6_020L);
        firstPublished.put("2024-01-04", 603L); // low typo for 6,030
        firstPublished.put("2024-01-05", 6_040L);
        firstPublished.put("2024-01-06", 6_035L); // the claimant's own decrease: stays
        firstPublished.put("2024-01-08", 6_060L); // removed from the source, restored later
        firstPublished.put("2024-01-09", 6_070L); // fixed, and the fix reverted
        String last = null;
        for (var day : firstPublished.entrySet()) {
            String reportId = day.getKey().equals("2023-01-07") ? "r-2024-01-07" : "r-" + day.getKey();
            last = writer.append(ledger, reported(reportId, day.getKey(), day.getValue()));
        }
        await(last);
        Instant published = tick();

        List<Change> changes = new ArrayList<>();
        changes.add(change("r-2024-01-02", "60100", "6010",
                corrected("r-2024-01-02", "2024-01-02", 6_010, "typo: 60,100 for 6,010")));
        changes.add(change("r-2024-01-04", "603", "6030",
                corrected("r-2024-01-04", "2024-01-04", 6_030, "typo: 603 for 6,030")));
        changes.add(change("r-2024-01-07", "6050@2023-01-07", "6050",
                corrected("r-2024-01-07", "2024-01-07", 6_050, "dated a year back")));
        changes.add(change("r-2024-01-08", "6060", "-",
                new LossReportRetracted(ledger, "r-2024-01-08", conflict, "RU", CLAIMANT, "removed from the source")));
        changes.add(change("r-2024-01-08", "-", "6060",
                new LossReportRestored(ledger, "r-2024-01-08", conflict, "RU", CLAIMANT, "back in the source")));
        changes.add(change("r-2024-01-09", "6070", "6007",
                corrected("r-2024-01-09", "2024-01-09", 6_007, "typo")));
        changes.add(change("r-2024-01-09", "6007", "6070",
                corrected("r-2024-01-09", "2024-01-09", 6_070, "the fix was wrong: reverted")));
        changes.add(change("r-2024-01-03", "6020", "6021", new LossReportRevised(ledger, "r-2024-01-03", conflict,
                "RU", CLAIMANT, WorldDate.parse("2024-01-03"), Basis.CUMULATIVE, tanks(6_021),
                "the ministry republished the day", new Source("Ministry of Defence of Ukraine",
                "https://www.mil.gov.ua/news/2024/01/10/", null, Instant.parse("2024-01-10T07:00:00Z")))));

        for (Change change : changes) {
            Instant before = tick();
            await(writer.append(ledger, change.event()));
            Instant after = tick();
            assertThat(valueOf(series(before), change.reportId())).as("before " + change).isEqualTo(change.before());
            assertThat(valueOf(series(after), change.reportId())).as("after " + change).isEqualTo(change.after());
        }

        // known at an instant before the first change: as first published, every point
        Map<String, Long> knownThen = points(series(published));
        assertThat(knownThen).isEqualTo(firstPublished);

        // now: the final source
        Map<String, Long> finalSource = new LinkedHashMap<>();
        for (String day : List.of("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06",
                "2024-01-07", "2024-01-08", "2024-01-09")) {
            finalSource.put(day, switch (day) {
                case "2024-01-01" -> 6_000L;
                case "2024-01-02" -> 6_010L;
                case "2024-01-03" -> 6_021L;
                case "2024-01-04" -> 6_030L;
                case "2024-01-05" -> 6_040L;
                case "2024-01-06" -> 6_035L;
                case "2024-01-07" -> 6_050L;
                case "2024-01-08" -> 6_060L;
                default -> 6_070L;
            });
        }
        assertThat(points(read("/api/conflicts/" + conflict + "/losses/RU/TANKS/series"))).isEqualTo(finalSource);
        assertThat(points(series(tick()))).isEqualTo(finalSource);

        // each report's history lists every version
        assertThat(history("r-2024-01-02")).containsExactly("REPORTED 60100", "CORRECTED 6010");
        assertThat(history("r-2024-01-07")).containsExactly("REPORTED 6050 2023-01-07", "CORRECTED 6050");
        assertThat(history("r-2024-01-08")).containsExactly("REPORTED 6060", "RETRACTED 6060", "RESTORED 6060");
        assertThat(history("r-2024-01-09")).containsExactly("REPORTED 6070", "CORRECTED 6007", "CORRECTED 6070");
        assertThat(history("r-2024-01-03")).containsExactly("REPORTED 6020", "REVISED 6021");
        JsonNode revised = audit("/api/audit/conflicts/" + conflict + "/loss-reports/r-2024-01-03/history")
                .path("versions").get(1);
        assertThat(revised.path("recordedBy").asText()).isEqualTo("editor-in-test");
        assertThat(revised.path("reason").asText()).isEqualTo("the ministry republished the day");
        assertThat(revised.path("source").path("publishedAt").asText()).isEqualTo("2024-01-10T07:00:00Z");
        assertThat(revised.path("recordedTo").isNull()).isTrue();
        assertThat(http.perform(get("/api/audit/conflicts/" + conflict + "/loss-reports/nope/history").with(AUDITOR))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        // the claimant's own decrease stays flagged; every typo's anomaly was resolved by its fix
        JsonNode open = read("/api/conflicts/" + conflict + "/loss-anomalies?status=open");
        assertThat(open.path("total").asLong()).isEqualTo(1);
        assertThat(open.path("anomalies").get(0).path("later").path("reportId").asText()).isEqualTo("r-2024-01-06");
        JsonNode resolved = read("/api/conflicts/" + conflict + "/loss-anomalies?status=resolved");
        List<String> resolvedBy = new ArrayList<>();
        resolved.path("anomalies").forEach(anomaly -> resolvedBy.add(anomaly.path("resolvedBy").asText()));
        assertThat(resolvedBy).contains("r-2024-01-02", "r-2024-01-04", "r-2024-01-07", "r-2024-01-09");

        // the headline as known before the first change was the figure of the last day then
        JsonNode headline = audit("/api/audit/conflicts/" + conflict + "/losses?side=RU&knownAt=" + published)
                .path("sides").get(0).path("categories").get(0).path("headline");
        assertThat(headline.path("value").asLong()).isEqualTo(6_070);
    }

    private record Change(String reportId, String before, String after, Object event) {
    }

    private static Change change(String reportId, String before, String after, Object event) {
        return new Change(reportId, before, after, event);
    }

    private LossesReported reported(String reportId, String asOf, long tanks) {
        return new LossesReported(ledger, reportId, conflict, "RU", CLAIMANT, WorldDate.parse(asOf), Basis.CUMULATIVE,
                tanks(tanks), new Source("Ministry of Defence of Ukraine", "https://www.mil.gov.ua/", null,
                Instant.parse(asOf + "T05:00:00Z")));
    }

    private LossReportCorrected corrected(String reportId, String asOf, long tanks, String reason) {
        return new LossReportCorrected(ledger, reportId, conflict, "RU", CLAIMANT, WorldDate.parse(asOf),
                Basis.CUMULATIVE, tanks(tanks), reason, null);
    }

    private static List<LossFigure> tanks(long value) {
        return List.of(new LossFigure(LossCategory.TANKS, value, Qualifier.EXACT));
    }

    private JsonNode series(Instant knownAt) throws Exception {
        return audit("/api/audit/conflicts/" + conflict + "/losses/RU/TANKS/series?knownAt=" + knownAt);
    }

    /** The report's point in a series, as value (with its date when not the report's own day), or "-". */
    private static String valueOf(JsonNode series, String reportId) {
        for (JsonNode point : series.path("points")) {
            if (point.path("reportId").asText().equals(reportId)) {
                String asOf = point.path("asOf").asText();
                return point.path("value").asText() + (reportId.endsWith(asOf) ? "" : "@" + asOf);
            }
        }
        return "-";
    }

    private static Map<String, Long> points(JsonNode series) {
        Map<String, Long> points = new LinkedHashMap<>();
        series.path("points").forEach(point -> points.put(point.path("asOf").asText(), point.path("value").asLong()));
        return points;
    }

    private List<String> history(String reportId) throws Exception {
        List<String> versions = new ArrayList<>();
        audit("/api/audit/conflicts/" + conflict + "/loss-reports/" + reportId + "/history").path("versions")
                .forEach(version -> {
                    String asOf = version.path("asOf").asText();
                    versions.add(version.path("change").asText() + " "
                            + version.path("figures").get(0).path("value").asText()
                            + (reportId.endsWith(asOf) ? "" : " " + asOf));
                });
        return versions;
    }

    private void await(String streamVersion) throws Exception {
        http.perform(get("/api/conflicts/" + conflict + "/losses").param("waitFor", streamVersion)
                .param("waitMillis", "10000")).andExpect(status().isOk());
    }

    private JsonNode read(String uri) throws Exception {
        return JSON.readTree(http.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private JsonNode audit(String uri) throws Exception {
        return JSON.readTree(http.perform(get(uri).with(AUDITOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** An instant strictly between what was stored before and what is stored after. */
    private static Instant tick() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }
}
