package io.warnews.query.conflicts;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.ConflictRegistered;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.Projection;
import io.warnews.query.processing.RowBatch;
import io.warnews.query.processing.Rows;
import io.warnews.query.processing.StreamPositions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Conflicts, their parties and start dates. Records every stream it sees, for read-your-writes.
 * In the read models' shape ({@link Projection}): a batch's conflicts are written with one statement.
 */
@Component
@ProcessingGroup(ProcessingGroups.CONFLICTS)
class ConflictProjection extends Projection<ConflictProjection.Registrations> {

    ConflictProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        super(ConflictReadModel.MODEL, jdbc, positions);
    }

    @Override
    protected Registrations newBatch() {
        return new Registrations(jdbc.getJdbcTemplate());
    }

    @EventHandler
    void on(ConflictRegistered event, @SourceId String streamId, @SequenceNumber long version) {
        apply(streamId, version, batch -> batch.rows.put(event.conflictId(), new Object[] {event.conflictId(),
                event.name(), jsonb(event.parties()), event.startDate()}));
    }

    /** The batch's conflicts by id, the last registration of each winning (as one upsert after another would). */
    static final class Registrations implements RowBatch {

        private final JdbcTemplate jdbc;
        private final Map<String, Object[]> rows = new LinkedHashMap<>();

        Registrations(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void flush() {
            Rows.insert(jdbc, "conflict", List.of("conflict_id", "name", "parties", "start_date"),
                    new ArrayList<>(rows.values()), """
                    ON CONFLICT (conflict_id) DO UPDATE
                    SET name = EXCLUDED.name, parties = EXCLUDED.parties, start_date = EXCLUDED.start_date""");
            rows.clear();
        }
    }
}
