package io.warnews.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.TalksSuspended;
import io.warnews.events.TermsRejected;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import io.warnews.query.talks.TalksKnownAt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Talks as known at an instant, read from the recorded versions of their view, answer exactly what
 * replaying the stream up to that instant answers: at every instant an event of the talks was
 * stored, and just before each.
 */
@QueryServiceTest
class TalksKnownAtTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    KnownAt replay;
    @Autowired
    TalksKnownAt recorded;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRecordedVersionsAnswerWhatAReplayAnswersAtEveryInstant() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        SeedStory story = new SeedStory("talks-known-" + System.nanoTime());
        story.appendTo(writer);
        writer.append(story.talks(), new TermsRejected(story.talks(), story.conflictId(), "ua-memorandum", "RU",
                List.of("ceasefire"), "no", LocalDate.of(2025, 6, 14), SeedStory.ARTICLE));
        String last = writer.append(story.talks(), new TalksSuspended(story.talks(), story.conflictId(),
                "consultations", LocalDate.of(2025, 6, 15), SeedStory.ARTICLE));
        http.perform(get("/api/talks/" + story.talks()).param("waitFor", last)).andExpect(status().isOk());

        List<Instant> instants = new ArrayList<>();
        for (String stored : jdbc.queryForList("SELECT time_stamp FROM event_store.domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, story.talks())) {
            Instant at = Instant.parse(stored);
            instants.add(at.minusNanos(1000));
            instants.add(at);
        }
        assertThat(instants).hasSizeGreaterThanOrEqualTo(8);

        for (Instant at : instants) {
            Object replayed = catchNotFound(() -> replay.talks(story.talks(), at));
            assertThat(recorded.talks(story.talks(), at).orElse(null)).as("known at %s", at).isEqualTo(replayed);
        }
        assertThat(recorded.talks(story.talks(), instants.get(0))).isEmpty();
    }

    private static Object catchNotFound(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (io.warnews.query.web.NotFound e) {
            return null;
        }
    }
}
