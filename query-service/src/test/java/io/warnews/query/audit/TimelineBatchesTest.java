package io.warnews.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.Basis;
import io.warnews.events.Casualties;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRestored;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossReportRevised;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.RoundHeld;
import io.warnews.events.TalksOpened;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import io.warnews.events.WorldDate;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import io.warnews.query.processing.StreamPositions;
import io.warnews.query.timeline.TimelineReadModel;
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
 * The timeline is the same whatever the processor's batch size: one event sequence (reports, their
 * corrections, revisions, retractions and restorations in the same batch as the report and in later
 * ones; an attack corrected, its toll revised twice, then retracted; talk moves; events recorded at
 * the same instant; an event delivered twice) is projected into empty copies of the table one event
 * at a time without a processor's unit of work, and in batches of 1, 2, 5 and 100 events (one unit
 * of work each, as a tracking processor runs them): every projection gives the same rows, compared
 * by the rebuild's checksum, and those rows say what each event did.
 */
@QueryServiceTest
class TimelineBatchesTest {

    private static final Instant T0 = Instant.parse("2025-07-01T10:00:00Z");
    private static final String CONFLICT = "timeline-batches";
    private static final String MOD = CONFLICT + "/losses/RU/ministry-of-defence-of-ukraine";
    private static final String ATTACK = CONFLICT + "-odesa";
    private static final String TALKS = CONFLICT + "-talks";

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
        for (int size : new int[] {1, 2, 5, 100}) {
            projected.put("batches of " + size, project(size));
        }
        Projected reference = projected.get("one at a time");
        projected.forEach((how, model) -> assertThat(model).as(how).isEqualTo(reference));

        assertThat(reference.current()).as("entries current now, as (stream, key, version, summary)").containsExactly(
                CONFLICT + " registered 0 War begins, between Russia (RU) and Ukraine (UA).",
                TALKS + " move-0 0 Talks open in Istanbul between RU and UA.",
                TALKS + " move-1 1 Round 1 of talks held in Istanbul.",
                MOD + " r1 1 MoD reports RU losses since the start, as of 2025-06-01: personnel about 1,001,000.",
                MOD + " r2 6 MoD reports RU losses since the start, as of 2025-06-02: personnel about 1,002,500.",
                MOD + " r3 7 MoD reports RU losses since the start, as of 2025-06-03: personnel about 1,003,000.",
                MOD + " r5 9 MoD reports RU losses since the start, as of 2025-06-05: personnel about 1,005,000.");
        assertThat(reference.versions()).as("every version of every entry, with its interval").containsExactly(
                CONFLICT + " registered 0 first 0 open",
                ATTACK + " attack 0 first 0 closed",
                ATTACK + " attack 1 first 0 closed",
                ATTACK + " casualties-2 2 first 2 closed",
                ATTACK + " casualties-3 3 first 3 closed",
                TALKS + " move-0 0 first 0 open",
                TALKS + " move-1 1 first 1 open",
                MOD + " r1 0 first 0 closed",
                MOD + " r1 1 first 0 open",
                MOD + " r2 2 first 2 closed",
                MOD + " r2 6 first 2 open",
                MOD + " r3 3 first 3 closed",
                MOD + " r3 7 first 3 open",
                MOD + " r4 4 first 4 closed",
                MOD + " r5 9 first 9 open");
    }

    private record Projected(String checksum, long rows, List<String> current, List<String> versions) {
    }

    /** Projects the story into empty copies, {@code size} events a unit of work (0: none, one event at a time). */
    private Projected project(int size) {
        return temporary.withCopiesOf(TimelineReadModel.MODEL, copies -> {
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(
                    TimelineReadModel.MODEL.projection().create(copies, new StreamPositions(copies)));
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
            ModelChecksums.Checksum checksum = ModelChecksums.of(copies, TimelineReadModel.MODEL);
            List<String> current = copies.queryForList("""
                    SELECT stream_id || ' ' || entry_key || ' ' || version || ' ' || summary
                    FROM read_model.timeline_entry WHERE recorded_to IS NULL
                    """, Map.of(), String.class).stream().sorted().toList();
            List<String> all = copies.queryForList("""
                    SELECT stream_id || ' ' || entry_key || ' ' || version || ' first ' || first_version
                        || CASE WHEN recorded_to IS NULL THEN ' open' ELSE ' closed' END
                    FROM read_model.timeline_entry
                    """, Map.of(), String.class).stream().sorted().toList();
            Long intervals = copies.queryForObject("""
                    SELECT count(*) FROM read_model.timeline_entry e
                    WHERE e.recorded_to IS NOT NULL AND e.recorded_to < e.recorded_from
                    """, Map.of(), Long.class);
            assertThat(intervals).as("versions closed before they opened").isZero();
            return new Projected(checksum.sha256(), checksum.rows(), current, all);
        });
    }

    private static void handle(AnnotationEventHandlerAdapter handler, EventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("cannot project " + event.getPayloadType().getSimpleName(), e);
        }
    }

    /** The events, in the order of the event store. */
    private void story() {
        append(CONFLICT, Feed.warBetweenRussiaAndUkraine(CONFLICT), 1);
        append(MOD, report("r1", "2025-06-01", 1_010_000), 1);                   // MOD@0
        append(MOD, correction("r1", "2025-06-01", 1_001_000), 0);               // MOD@1, same instant
        append(MOD, report("r2", "2025-06-02", 1_002_000), 1);                   // MOD@2
        append(MOD, report("r3", "2025-06-03", 1_003_000), 1);                   // MOD@3
        append(MOD, report("r4", "2025-06-04", 1_004_000), 1);                   // MOD@4
        append(ATTACK, new AttackLaunched(ATTACK, CONFLICT, odesa(100), "Air Force", SeedStory.ARTICLE), 1);
        append(MOD, new LossReportRetracted(MOD, "r3", CONFLICT, "RU", "MoD", "not theirs"), 1);   // MOD@5
        append(ATTACK, new AttackCorrected(ATTACK, CONFLICT, odesa(110), "typo", null), 1);
        append(ATTACK, new AttackCasualtiesRevised(ATTACK, CONFLICT, new Casualties(2, 10), "Mayor", null), 1);
        append(MOD, new LossReportRevised(MOD, "r2", CONFLICT, "RU", "MoD", WorldDate.parse("2025-06-02"),
                Basis.CUMULATIVE, List.of(new LossFigure(LossCategory.PERSONNEL, 1_002_500, Qualifier.ABOUT)),
                "the claimant's own update", SeedStory.ARTICLE), 0);                          // MOD@6
        append(ATTACK, new AttackCasualtiesRevised(ATTACK, CONFLICT, new Casualties(3, 12), "Mayor", null), 1);
        append(MOD, new LossReportRestored(MOD, "r3", CONFLICT, "RU", "MoD", "theirs after all"), 1);  // MOD@7
        append(TALKS, new TalksOpened(TALKS, CONFLICT, null, List.of("RU", "UA"), List.of(), "Istanbul",
                LocalDate.of(2025, 6, 2), SeedStory.ARTICLE), 1);
        append(MOD, new LossReportRetracted(MOD, "r4", CONFLICT, "RU", "MoD", "duplicate"), 0);    // MOD@8
        append(ATTACK, new AttackRetracted(ATTACK, CONFLICT, "duplicate"), 1);
        append(TALKS, new RoundHeld(TALKS, CONFLICT, 1, "Istanbul", null, LocalDate.of(2025, 6, 2),
                SeedStory.ARTICLE), 0);
        // An event delivered a second time (r2's report) changes nothing.
        events.add(events.get(3));
        append(MOD, report("r5", "2025-06-05", 1_005_000), 1);                   // MOD@9
    }

    private static AttackDetails odesa(int launched) {
        return new AttackDetails("RU", null, List.of(new Target("Odesa", "Odesa Oblast")), LocalDate.of(2025, 6, 3),
                null, null, null, List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", launched, null)), null);
    }

    private static LossesReported report(String reportId, String asOf, long personnel) {
        return new LossesReported(MOD, reportId, CONFLICT, "RU", "MoD", WorldDate.parse(asOf), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT)), SeedStory.ARTICLE);
    }

    private static LossReportCorrected correction(String reportId, String asOf, long personnel) {
        return new LossReportCorrected(MOD, reportId, CONFLICT, "RU", "MoD", WorldDate.parse(asOf), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT)), "typo",
                SeedStory.ARTICLE);
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
