package io.warnews.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The migration that brings the positions an earlier version wrote for every event (a catch-all
 * handler) to the form this version writes: a group's position of a stream is the version of the
 * last event of the stream it handles, lowered but never raised; no position for a stream none of
 * whose events it handles. (A database of its own: the migration runs over every position.)
 */
@QueryServiceTest(properties = "warnews.test.own-context=handled-positions-migration")
@DirtiesContext
class HandledPositionsMigrationTest {

    private static final Path MIGRATION = Path.of("src/main/resources/db/read-model/V8__positions_of_handled_events_only.sql");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void positionsOfUnhandledEventsAreDroppedAndLoweredNeverRaised() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String conflict = "migrated";
        String ledger = conflict + "/losses/RU/general-staff";
        writer.append(conflict, Feed.warBetweenRussiaAndUkraine(conflict));
        writer.append(ledger, report(ledger, "r1", "2025-06-10"), report(ledger, "r2", "2025-06-11"));
        writer.awaitApplied(ledger, 1, List.of("losses", "timeline", "conflicts"));
        // What the catch-all of the earlier version left: a position of every group for every stream,
        // the conflicts group's beyond its last handled event, and the losses group lagging the store.
        jdbc.update("DELETE FROM read_model.stream_position WHERE stream_id IN (?, ?)", conflict, ledger);
        for (Object[] row : List.of(
                new Object[]{"conflicts", conflict, 3L}, new Object[]{"conflicts", ledger, 1L},
                new Object[]{"losses", conflict, 0L}, new Object[]{"losses", ledger, 0L},
                new Object[]{"attacks", ledger, 1L}, new Object[]{"talks", conflict, 0L},
                new Object[]{"timeline", conflict, 0L}, new Object[]{"timeline", ledger, 1L})) {
            jdbc.update("INSERT INTO read_model.stream_position (processing_group, stream_id, version) VALUES (?, ?, ?)",
                    row);
        }

        jdbc.execute("SET search_path TO read_model; " + Files.readString(MIGRATION) + " RESET search_path;");

        List<Map<String, Object>> positions = jdbc.queryForList("""
                SELECT processing_group, stream_id, version FROM read_model.stream_position
                WHERE stream_id IN (?, ?) ORDER BY processing_group, stream_id""", conflict, ledger);
        assertThat(positions).containsExactly(
                Map.of("processing_group", "conflicts", "stream_id", conflict, "version", 0L),
                Map.of("processing_group", "losses", "stream_id", ledger, "version", 0L),
                Map.of("processing_group", "timeline", "stream_id", conflict, "version", 0L),
                Map.of("processing_group", "timeline", "stream_id", ledger, "version", 1L));
    }

    private static LossesReported report(String ledger, String reportId, String asOf) {
        return new LossesReported(ledger, reportId, "migrated", "RU", "General Staff", WorldDate.parse(asOf),
                Basis.CUMULATIVE, List.of(new LossFigure(LossCategory.PERSONNEL, 1_000, Qualifier.EXACT)),
                SeedStory.ARTICLE);
    }
}
