package io.warnews.query.conflicts;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.ConflictRegistered;
import io.warnews.events.WarEvent;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.StreamPositions;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Conflicts, their parties and start dates. Records every stream it sees, for read-your-writes. */
@Component
@ProcessingGroup(ProcessingGroups.CONFLICTS)
class ConflictProjection {

    private static final String GROUP = ProcessingGroups.CONFLICTS;

    private final NamedParameterJdbcTemplate jdbc;
    private final StreamPositions positions;

    ConflictProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(ConflictRegistered event, @SourceId String streamId, @SequenceNumber long version) {
        if (!positions.advance(GROUP, streamId, version)) {
            return;
        }
        jdbc.update("""
                INSERT INTO read_model.conflict (conflict_id, name, parties, start_date)
                VALUES (:id, :name, :parties, :start)
                ON CONFLICT (conflict_id) DO UPDATE
                SET name = EXCLUDED.name, parties = EXCLUDED.parties, start_date = EXCLUDED.start_date
                """, Map.of("id", event.conflictId(), "name", event.name(),
                "parties", jsonb(event.parties()), "start", event.startDate()));
    }

    @EventHandler
    void on(WarEvent event, @SourceId String streamId, @SequenceNumber long version) {
        positions.advance(GROUP, streamId, version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM read_model.conflict", Map.of());
        positions.clear(GROUP);
    }
}
