package io.warnews.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRestored;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossReportRevised;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import io.warnews.query.losses.LossReadModel;
import io.warnews.query.processing.StreamPositions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The losses read model is the same whatever the processor's batch size: one event sequence (reports,
 * a correction and a revision in the same batch as their report and in later ones, retractions and
 * restorations, contradicting figures that open and resolve anomalies, events recorded at the same
 * instant, an event delivered twice, events of other read models) is projected into empty copies of
 * the tables one event at a time without a processor's unit of work, and in batches of 1, 3 and
 * 100 events (one unit of work each, as a tracking processor runs them); every projection gives the
 * same rows, compared by the rebuild's checksum, and the same rows as the projection that wrote each
 * event on its own, row by row.
 */
@QueryServiceTest
class LossBatchesTest {

    /**
     * The checksum of the rows the projection wrote for this story when it wrote each event on its own, row
     * by row, before it wrote batches: the batches give the same rows. (A change of the story or of the loss
     * tables changes it: take the new one from the one-at-a-time projection, once it is shown to be right. It
     * changed twice since, when figure rows gained their world date's last day and then the first world date
     * on which they are shown, columns that follow from the report; and a third time when projections stopped
     * recording a position for streams they have no handler for: the conflict's stream has none in the losses
     * read model, 98 rows instead of 99, every loss row as it was.)
     */
    private static final String ROW_BY_ROW = "d97235c5647fd8291329397bef0d5208f6fd7175e2864018a25878300324ddc5";
    private static final Instant T0 = Instant.parse("2025-07-01T10:00:00Z");
    private static final String CONFLICT = "batches";
    private static final String MOD = CONFLICT + "/losses/RU/ministry-of-defence-of-ukraine";
    private static final String GS = CONFLICT + "/losses/RU/general-staff";

    @Autowired
    TemporaryReadModel temporary;

    private final List<EventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> versions = new LinkedHashMap<>();
    private long second;

    @Test
    void everyBatchSizeGivesTheSameRows() {
        story();
        Map<String, Projected> projected = new LinkedHashMap<>();
        projected.put("one at a time", project(0));
        for (int size : new int[] {1, 3, 100}) {
            projected.put("batches of " + size, project(size));
        }
        Projected reference = projected.get("one at a time");
        assertThat(reference.versions()).as("every version of every report").isEqualTo(35);
        assertThat(reference.anomalies()).as("anomalies opened").isEqualTo(4);
        assertThat(reference.resolved()).as("anomalies resolved").isEqualTo(3);
        assertThat(reference.rows()).as("rows, positions included").isEqualTo(98);
        assertThat(reference.checksum()).as("the rows written row by row").isEqualTo(ROW_BY_ROW);
        projected.forEach((how, model) -> assertThat(model).as(how).isEqualTo(reference));
    }

    /**
     * Changes far apart in one batch: a batch reads only the figures around each change (a month's gap
     * or more between them is not read), and a change that moves a report across a year still sees every
     * figure in between, so an anomaly standing in between stays open.
     */
    @Test
    void changesFarApartInOneBatch() {
        append(CONFLICT, Feed.warBetweenRussiaAndUkraine(CONFLICT), 1);
        for (int month = 0; month < 18; month++) {
            LocalDate day = LocalDate.of(2024, 1, 10).plusMonths(month);
            append(MOD, report(MOD, "m-" + day, day.toString(), Basis.CUMULATIVE,
                    figure(LossCategory.PERSONNEL, 500_000 + month * 10_000L, Qualifier.EXACT)), 1);
        }
        // An anomaly in March 2024 (920,000 then 530,000) and one in June 2025 (670,000 then 600,000).
        append(MOD, report(MOD, "high", "2024-03-20", Basis.CUMULATIVE,
                figure(LossCategory.PERSONNEL, 920_000, Qualifier.EXACT)), 1);
        append(MOD, report(MOD, "low", "2025-06-15", Basis.CUMULATIVE,
                figure(LossCategory.PERSONNEL, 600_000, Qualifier.EXACT)), 1);
        // A report moved from February 2024 to May 2025: it passes the March anomaly, which stays open.
        append(MOD, new LossReportRevised(MOD, "m-2024-02-10", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2025-05-25"), Basis.CUMULATIVE,
                List.of(figure(LossCategory.PERSONNEL, 665_000, Qualifier.EXACT)), "wrong year", SeedStory.ARTICLE), 1);
        append(MOD, report(MOD, "later", "2025-06-20", Basis.CUMULATIVE,
                figure(LossCategory.PERSONNEL, 680_000, Qualifier.EXACT)), 1);
        // The March typo corrected, in the same batch as a change fifteen months later: the anomaly resolves.
        append(MOD, new LossReportCorrected(MOD, "high", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2024-03-20"), Basis.CUMULATIVE,
                List.of(figure(LossCategory.PERSONNEL, 525_000, Qualifier.EXACT)), "typo", SeedStory.ARTICLE), 1);
        append(MOD, new LossReportRetracted(MOD, "later", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                "not theirs"), 1);

        Map<String, Projected> projected = new LinkedHashMap<>();
        projected.put("one at a time", project(0));
        for (int size : new int[] {2, 3, 100}) {
            projected.put("batches of " + size, project(size));
        }
        Projected reference = projected.get("one at a time");
        assertThat(reference.anomalies()).as("anomalies opened: March 2024 and June 2025").isEqualTo(2);
        assertThat(reference.resolved()).as("anomalies resolved: March 2024, by its correction").isEqualTo(1);
        projected.forEach((how, model) -> assertThat(model).as(how).isEqualTo(reference));
    }

    private record Projected(String checksum, long rows, long versions, long anomalies, long resolved) {
    }

    /** Projects the story into empty copies, {@code size} events a unit of work (0: none, one event at a time). */
    private Projected project(int size) {
        return temporary.withCopiesOf(LossReadModel.MODEL, copies -> {
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(
                    LossReadModel.projection(copies, new StreamPositions(copies)));
            if (size == 0) {
                for (EventMessage<?> event : events) {
                    handle(handler, event);
                }
            } else {
                for (int from = 0; from < events.size(); from += size) {
                    BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
                            events.subList(from, Math.min(events.size(), from + size)));
                    ResultMessage<?> result = batch.executeWithResult(() -> {
                        handle(handler, batch.getMessage());
                        return null;
                    }, RollbackConfigurationType.ANY_THROWABLE);
                    if (result != null && result.isExceptional()) {
                        throw new IllegalStateException("the batch failed", result.exceptionResult());
                    }
                }
            }
            ModelChecksums.Checksum checksum = ModelChecksums.of(copies, LossReadModel.MODEL);
            return new Projected(checksum.sha256(), checksum.rows(), count(copies, "loss_report", "TRUE"),
                    count(copies, "loss_anomaly", "TRUE"), count(copies, "loss_anomaly", "resolved_at IS NOT NULL"));
        });
    }

    private static void handle(AnnotationEventHandlerAdapter handler, EventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("cannot project " + event.getPayloadType().getSimpleName(), e);
        }
    }

    private static long count(NamedParameterJdbcTemplate jdbc, String table, String condition) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM read_model." + table + " WHERE " + condition, Map.of(),
                Long.class);
        return count == null ? 0 : count;
    }

    /** The events, in the order of the event store. */
    private void story() {
        append(CONFLICT, Feed.warBetweenRussiaAndUkraine(CONFLICT), 1);
        // Daily cumulative reports of two claimants, interleaved, ten of them recorded at one instant.
        for (int day = 1; day <= 20; day++) {
            long personnel = 1_000_000 + day * 1_000L;
            append(MOD, report(MOD, "mod-" + day, "2025-06-" + twoDigits(day), Basis.CUMULATIVE,
                    figure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT),
                    figure(LossCategory.TANKS, 10_000 + day, Qualifier.EXACT)), day <= 10 ? 0 : 1);
            if (day % 4 == 0) {
                append(GS, report(GS, "gs-" + day, "2025-06-" + twoDigits(day), Basis.CUMULATIVE,
                        figure(LossCategory.PERSONNEL, personnel + 50, Qualifier.EXACT)), 1);
            }
        }
        // A report whose floor is above the next one's ceiling: two anomalies open (day 20 and day 21 against 22)...
        append(MOD, report(MOD, "mod-21", "2025-06-21", Basis.CUMULATIVE,
                figure(LossCategory.PERSONNEL, 2_000_000, Qualifier.EXACT)), 1);
        append(MOD, report(MOD, "mod-22", "2025-06-22", Basis.CUMULATIVE,
                figure(LossCategory.PERSONNEL, 1_022_000, Qualifier.EXACT)), 0);
        // ... and its correction in the same batch resolves them.
        append(MOD, new LossReportCorrected(MOD, "mod-21", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2025-06-21"), Basis.CUMULATIVE,
                List.of(figure(LossCategory.PERSONNEL, 1_021_000, Qualifier.EXACT)), "typo", SeedStory.ARTICLE), 1);
        // A correction of a report from an earlier batch that contradicts its neighbours.
        append(MOD, new LossReportCorrected(MOD, "mod-3", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2025-06-03"), Basis.CUMULATIVE,
                List.of(figure(LossCategory.PERSONNEL, 900_000, Qualifier.AT_LEAST),
                        figure(LossCategory.TANKS, 10_500, Qualifier.EXACT)), "wrong column", SeedStory.ARTICLE), 1);
        // A revision that moves a report to another day, recorded at the same instant as the next events.
        append(MOD, new LossReportRevised(MOD, "mod-5", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2025-06-25"), Basis.CUMULATIVE,
                List.of(figure(LossCategory.PERSONNEL, 1_004_000, Qualifier.EXACT)), "wrong day", SeedStory.ARTICLE), 1);
        append(MOD, new LossReportRetracted(MOD, "mod-22", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                "not theirs"), 0);
        append(MOD, new LossReportRestored(MOD, "mod-22", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                "theirs after all"), 0);
        append(MOD, new LossReportRetracted(MOD, "mod-3", CONFLICT, "RU", "Ministry of Defence of Ukraine",
                "withdrawn"), 1);
        // A monthly increment (no anomaly rule) and its revision to a cumulative figure.
        append(GS, report(GS, "gs-june", "2025-06", Basis.INCREMENT,
                figure(LossCategory.PERSONNEL, 30_000, Qualifier.EXACT)), 1);
        append(GS, new LossReportRevised(GS, "gs-june", CONFLICT, "RU", "General Staff", WorldDate.parse("2025-06"),
                Basis.CUMULATIVE, List.of(figure(LossCategory.PERSONNEL, 1_030_000, Qualifier.MORE_THAN)),
                "cumulative", SeedStory.ARTICLE), 1);
        // An event delivered a second time changes nothing.
        events.add(events.get(5));
    }

    private static String twoDigits(int day) {
        return day < 10 ? "0" + day : String.valueOf(day);
    }

    private static LossFigure figure(LossCategory category, long value, Qualifier qualifier) {
        return new LossFigure(category, value, qualifier, null, null);
    }

    private static LossesReported report(String ledger, String reportId, String asOf, Basis basis, LossFigure... figures) {
        String claimant = ledger.equals(MOD) ? "Ministry of Defence of Ukraine" : "General Staff";
        return new LossesReported(ledger, reportId, CONFLICT, "RU", claimant, WorldDate.parse(asOf), basis,
                List.of(figures), SeedStory.ARTICLE);
    }

    /** Appends an event to its stream, recorded {@code seconds} after the previous one (0: at the same instant). */
    private void append(String streamId, Object payload, int seconds) {
        second += seconds;
        long version = versions.merge(streamId, 1L, Long::sum) - 1;
        events.add(new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), streamId, version, payload,
                MetaData.with("editor", "editor-in-test"), UUID.nameUUIDFromBytes((streamId + version).getBytes())
                .toString(), T0.plusSeconds(second)));
    }
}
