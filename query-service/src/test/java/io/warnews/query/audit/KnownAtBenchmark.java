package io.warnews.query.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.RoundHeld;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import io.warnews.query.talks.TalksKnownAt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "As known at" latency: the recorded versions of the read models (one indexed query) against the
 * replay of the stream that answered before (still kept as {@link KnownAt#talks}), in the same run,
 * over the same history: a talks stream of many moves, and thousands of attacks with corrections
 * in other streams. Run with {@code mvn -Pbench verify}; prints p50/p99, asserts nothing.
 */
@QueryServiceTest
class KnownAtBenchmark {

    /** An authenticated auditor without the password check (bcrypt would dominate every figure). */
    private static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");
    /** Talks moves in all: one every 20 attacks, the rest after them. */
    private static final int ROUNDS = Integer.getInteger("bench.talks-rounds", 150);
    private static final int ATTACKS = Integer.getInteger("bench.attacks", 3000);
    private static final int READS = Integer.getInteger("bench.reads", 300);

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    KnownAt replay;
    @Autowired
    TalksKnownAt recorded;

    @Test
    void knownAtFromRecordedVersionsAgainstTheReplay() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        SeedStory story = new SeedStory("bench-known-at");
        story.appendTo(writer);
        String conflict = story.conflictId();
        List<Instant> instants = new ArrayList<>();
        String last = null;
        for (int i = 0; i < ATTACKS; i++) {
            String attack = "bench-attack-" + i;
            AttackDetails details = new AttackDetails("RU", null, List.of(new Target("Kyiv", "Kyiv")),
                    LocalDate.of(2025, 1, 1).plusDays(i % 150), null, null, null,
                    List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 100 + i % 300, i % 7 == 0 ? null : 90)),
                    null);
            last = writer.append(attack, new AttackLaunched(attack, conflict, details, "Air Force",
                    SeedStory.ARTICLE));
            if (i % 5 == 0) {
                last = writer.append(attack, new AttackCorrected(attack, conflict, details.withCasualties(
                        new io.warnews.events.Casualties(1, 2)), "toll added", null));
            }
            if (i % 20 == 0) {
                last = writer.append(story.talks(), new RoundHeld(story.talks(), conflict, 2 + i / 20, "Istanbul",
                        "round " + i, LocalDate.of(2025, 6, 3), SeedStory.ARTICLE));
                instants.add(Instant.now());
            }
        }
        for (int round = 0; round < ROUNDS - ATTACKS / 20; round++) {
            last = writer.append(story.talks(), new RoundHeld(story.talks(), conflict, 2 + ATTACKS / 20 + round,
                    "Istanbul", "round", LocalDate.of(2025, 6, 3), SeedStory.ARTICLE));
            instants.add(Instant.now());
        }
        http.perform(get("/api/talks/" + story.talks()).param("waitFor", last).param("waitMillis", "10000"))
                .andExpect(status().isOk());
        for (int wait = 0; wait < 120; wait++) {
            var answer = http.perform(get("/api/conflicts/" + conflict + "/timeline").param("waitFor", last)
                    .param("waitMillis", "10000")).andReturn().getResponse();
            if (answer.getStatus() == 200) {
                break;
            }
        }

        Random random = new Random(7);
        String talks = story.talks();
        double[] recordedTalks = measure(READS, i -> perform("/api/audit/talks/" + talks, pick(instants, random)));
        double[] recordedTalksQuery = measure(READS, i -> recorded.talks(talks, pick(instants, random)));
        double[] replayedTalks = measure(Math.min(READS, 60), i -> replay.talks(talks, pick(instants, random)));
        double[] recordedAttacks = measure(READS, i -> perform("/api/audit/conflicts/" + conflict + "/attacks",
                pick(instants, random), "from", "2025-03-01", "to", "2025-03-07"));
        double[] recordedDaily = measure(READS, i -> perform("/api/audit/conflicts/" + conflict + "/attacks/daily",
                pick(instants, random)));
        double[] recordedTimeline = measure(READS, i -> perform("/api/audit/conflicts/" + conflict + "/timeline",
                pick(instants, random), "from", "2025-03-01", "to", "2025-03-07"));

        System.out.printf("%nKNOWN-AT BENCHMARK (%d attacks with %d corrections, talks of %d moves; in-process,"
                + " embedded PostgreSQL)%n", ATTACKS, ATTACKS / 5, instants.size());
        print("talks, recorded versions (HTTP)", recordedTalks);
        print("talks, recorded versions (query only)", recordedTalksQuery);
        print("talks, replay of the stream (baseline, query only)", replayedTalks);
        System.out.printf("ratio recorded/replay (query only): p50 %.3f, p99 %.3f%n", percentile(recordedTalksQuery, 50)
                / percentile(replayedTalks, 50), percentile(recordedTalksQuery, 99) / percentile(replayedTalks, 99));
        print("attacks of a week (HTTP)", recordedAttacks);
        print("attacks, daily tallies of the conflict (HTTP)", recordedDaily);
        print("timeline of a week (HTTP)", recordedTimeline);
    }

    private Object perform(String path, Instant knownAt, String... params) {
        try {
            var request = get(path).param("knownAt", knownAt.toString()).with(AUDITOR);
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            int status = http.perform(request).andReturn().getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
            return status;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant pick(List<Instant> instants, Random random) {
        return instants.get(random.nextInt(instants.size()));
    }

    /** Milliseconds per call, after a warm-up of a tenth as many calls. */
    private static double[] measure(int calls, Consumer<Integer> call) {
        for (int i = 0; i < Math.max(5, calls / 10); i++) {
            call.accept(i);
        }
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double percentile(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static void print(String what, double[] sorted) {
        System.out.printf("%-52s %5d calls  p50 %8.2f ms  p99 %8.2f ms%n", what, sorted.length,
                percentile(sorted, 50), percentile(sorted, 99));
    }
}
