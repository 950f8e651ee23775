package io.warnews.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.command.CommandServiceApplication;
import io.warnews.command.seed.SeedStory;
import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole import of both datasets through the editors' HTTP API of a running command-service,
 * checked in the event store: each claimant's ledger, folded, gives the dataset's last row.
 */
@CommandServiceTest
// a context, and so a database, of its own: the import owns the conflict russia-ukraine
@TestPropertySource(properties = "warnews.test.context=import")
// the application lives in io.warnews.command, not above this package: name it
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bothDatasetsAreRecordedExactlyAsTheirFilesSayDecreasesIncluded() {
        Api api = new Api(port);
        for (SeedStory.Request request : SeedStory.requests()) {
            boolean conflict = request.path().equals("/api/conflicts");
            boolean ministrysReport = request.body().path("claimant").asText().equals(Dataset.UA_MOD.claimant);
            if (conflict || ministrysReport) {
                var answer = api.post(request.path(), request.body());
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            }
        }
        EventStoreRows store = new EventStoreRows(jdbc);
        long before = store.count();
        Importer.Options options = Importer.Options.parse(new String[] {"--url", "http://localhost:" + port});

        Importer.Result first = Importer.run(options, System.out);
        System.out.println("IMPORT (2 cores, embedded PostgreSQL): " + first.describe());

        assertThat(first.conflictRegistered()).isFalse();
        assertThat(store.count() - before).isEqualTo(first.events()).isEqualTo(1626 + 1449);
        for (Importer.Summary summary : first.datasets()) {
            List<Day> days = summary.dataset().days(DataFiles.classpath());
            Day last = days.get(days.size() - 1);
            Ledger ledger = Ledger.fold(store.stream(summary.streamId()));

            Map<LossCategory, LossFigure> totals = ledger.totals();
            Map<LossCategory, LocalDate> asOf = ledger.totalsAsOf();
            Map<LossCategory, LossFigure> current = new EnumMap<>(LossCategory.class);
            totals.forEach((category, figure) -> {
                if (asOf.get(category).equals(last.date())) {
                    current.put(category, figure);
                }
            });
            assertThat(current).as(summary.dataset() + " totals as of " + last.date()).isEqualTo(last.figures());
            assertThat(totals.keySet()).as("categories no longer reported")
                    .containsExactlyInAnyOrderElementsOf(summary.dataset() == Dataset.UA_MOD
                            ? concat(last.figures().keySet(), LossCategory.CAPTURED) : last.figures().keySet());
            assertThat(ledger.figure(summary.dataset().reportId(LocalDate.of(2025, 6, 12)), LossCategory.PERSONNEL))
                    .isEqualTo(new LossFigure(LossCategory.PERSONNEL, 1_000_340, Qualifier.ABOUT));

            assertThat(ledger.reasons()).isEmpty();
            Map<LocalDate, Map<LossCategory, LossFigure>> recorded = ledger.byDate();
            List<String> differences = new ArrayList<>();
            for (Day day : days) {
                if (!day.figures().equals(recorded.get(day.date()))) {
                    differences.add(day.date() + ": file " + day.figures() + ", recorded " + recorded.get(day.date()));
                }
            }
            assertThat(differences).as(summary.dataset() + ": every day recorded as its file gives it").isEmpty();
            assertThat(recorded).hasSameSizeAs(days);
            assertThat(summary.warned()).as("days flagged as contradicting an earlier one").isPositive();
            System.out.println(summary.dataset() + ": " + summary.warned() + " reports with warnings");
        }
        assertThat(first.datasets().get(0).streamId())
                .isEqualTo("russia-ukraine/losses/RU/ministry-of-defence-of-ukraine");
        assertThat(first.datasets().get(1).streamId())
                .isEqualTo("russia-ukraine/losses/RU/ministry-of-defence-of-ukraine-orc-losses-transcription");

        // the two claimants side by side, date by date
        Ledger ministry = Ledger.fold(store.stream(first.datasets().get(0).streamId()));
        Ledger orc = Ledger.fold(store.stream(first.datasets().get(1).streamId()));
        List<String> disagreements = new ArrayList<>();
        ministry.byDate().forEach((date, figures) -> {
            Map<LossCategory, LossFigure> other = orc.byDate().get(date);
            if (other != null) {
                figures.forEach((category, figure) -> {
                    LossFigure theirs = other.get(category);
                    if (theirs != null && theirs.value() != figure.value()) {
                        disagreements.add(date + " " + category + " " + figure.value() + " vs " + theirs.value());
                    }
                });
            }
        });
        System.out.println(disagreements.size() + " disagreements between the claimants, e.g. "
                + disagreements.subList(0, Math.min(10, disagreements.size())));
        assertThat(disagreements).contains("2022-04-30 VEHICLES_AND_FUEL_TANKS 1777 vs 1701",
                "2025-10-03 SPECIAL_EQUIPMENT 3970 vs 3979");

        long stored = store.count();
        Importer.Result second = Importer.run(options, System.out);
        System.out.println("IMPORT AGAIN: " + second.describe());
        assertThat(store.count()).isEqualTo(stored);
        assertThat(second.events()).isZero();
        assertThat(second.datasets()).allSatisfy(summary -> {
            assertThat(summary.alreadyRecorded()).isEqualTo(summary.days());
        });
    }

    private static List<LossCategory> concat(java.util.Set<LossCategory> categories, LossCategory more) {
        List<LossCategory> all = new ArrayList<>(categories);
        all.add(more);
        return all;
    }

    /** A ledger's reports folded from its events: the figures each report stands with, corrections applied. */
    record Ledger(Map<String, LocalDate> asOf, Map<String, Map<LossCategory, LossFigure>> figures,
                  List<String> reasons) {

        static Ledger fold(List<EventStoreRows.Row> rows) {
            Ledger ledger = new Ledger(new TreeMap<>(), new TreeMap<>(), new ArrayList<>());
            for (EventStoreRows.Row row : rows) {
                JsonNode event = row.payload();
                String reportId = event.path("reportId").asText();
                switch (row.simpleType()) {
                    case "LossesReported", "LossReportCorrected" -> {
                        ledger.asOf.put(reportId, LocalDate.parse(event.path("asOf").asText()));
                        Map<LossCategory, LossFigure> figures = new EnumMap<>(LossCategory.class);
                        for (JsonNode figure : event.path("figures")) {
                            LossCategory category = LossCategory.valueOf(figure.path("category").asText());
                            figures.put(category, new LossFigure(category, figure.path("value").asLong(),
                                    Qualifier.valueOf(figure.path("qualifier").asText())));
                        }
                        ledger.figures.put(reportId, figures);
                        if (row.simpleType().equals("LossReportCorrected")) {
                            ledger.reasons.add(event.path("reason").asText());
                        }
                    }
                    default -> throw new AssertionError("unexpected " + row.type());
                }
            }
            return ledger;
        }

        LossFigure figure(String reportId, LossCategory category) {
            return figures.get(reportId).get(category);
        }

        /** Per category, the figure of the latest report that gives one. */
        Map<LossCategory, LossFigure> totals() {
            Map<LossCategory, LossFigure> totals = new EnumMap<>(LossCategory.class);
            Map<LossCategory, LocalDate> asOfs = new EnumMap<>(LossCategory.class);
            figures.forEach((reportId, figures) -> figures.forEach((category, figure) -> {
                LocalDate date = asOf.get(reportId);
                if (!asOfs.containsKey(category) || date.isAfter(asOfs.get(category))) {
                    asOfs.put(category, date);
                    totals.put(category, figure);
                }
            }));
            return totals;
        }

        Map<LossCategory, LocalDate> totalsAsOf() {
            Map<LossCategory, LocalDate> asOfs = new EnumMap<>(LossCategory.class);
            figures.forEach((reportId, figures) -> figures.keySet().forEach(category ->
                    asOfs.merge(category, asOf.get(reportId), (a, b) -> a.isAfter(b) ? a : b)));
            return asOfs;
        }

        /** The figures by the report's date (reports of this importer only: one a day). */
        Map<LocalDate, Map<LossCategory, LossFigure>> byDate() {
            Map<LocalDate, Map<LossCategory, LossFigure>> byDate = new TreeMap<>();
            figures.forEach((reportId, figures) -> {
                if (reportId.startsWith("ua-mod-") || reportId.startsWith("orc-")) {
                    byDate.put(asOf.get(reportId), figures);
                }
            });
            return byDate;
        }
    }
}
