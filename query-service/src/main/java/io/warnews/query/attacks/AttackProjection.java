package io.warnews.query.attacks;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.WarEvent;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.StreamPositions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Attacks as currently known: corrections and casualty revisions rewrite them, retractions remove them. */
@Component
@ProcessingGroup(ProcessingGroups.ATTACKS)
class AttackProjection {

    private static final String GROUP = ProcessingGroups.ATTACKS;

    private final NamedParameterJdbcTemplate jdbc;
    private final StreamPositions positions;

    AttackProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(AttackLaunched event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (!positions.advance(GROUP, streamId, version)) {
            return;
        }
        jdbc.update("""
                INSERT INTO read_model.attack (attack_id, conflict_id, attacker, description, targets, start_date,
                    end_date, started_at, ended_at, weapons, launched, intercepted, killed, injured, claimant, source,
                    casualties_claimant, casualties_source, recorded_at)
                VALUES (:attack, :conflict, :attacker, :description, :targets, :startDate, :endDate, :startedAt,
                    :endedAt, :weapons, :launched, :intercepted, :killed, :injured, :claimant, :source, :claimant,
                    :source, :recordedAt)
                ON CONFLICT (attack_id) DO NOTHING
                """, details(event.details())
                .addValue("attack", event.attackId())
                .addValue("conflict", event.conflictId())
                .addValue("claimant", event.claimant())
                .addValue("source", jsonb(event.source()))
                .addValue("recordedAt", Timestamp.from(recordedAt)));
    }

    @EventHandler
    void on(AttackCasualtiesRevised event, @SourceId String streamId, @SequenceNumber long version) {
        if (!positions.advance(GROUP, streamId, version)) {
            return;
        }
        jdbc.update("""
                UPDATE read_model.attack SET killed = :killed, injured = :injured,
                    casualties_claimant = :claimant, casualties_source = :source
                WHERE attack_id = :attack
                """, new MapSqlParameterSource("attack", event.attackId())
                .addValue("killed", event.casualties().killed())
                .addValue("injured", event.casualties().injured())
                .addValue("claimant", event.claimant())
                .addValue("source", jsonb(event.source())));
    }

    @EventHandler
    void on(AttackCorrected event, @SourceId String streamId, @SequenceNumber long version) {
        if (!positions.advance(GROUP, streamId, version)) {
            return;
        }
        jdbc.update("""
                UPDATE read_model.attack SET attacker = :attacker, description = :description, targets = :targets,
                    start_date = :startDate, end_date = :endDate, started_at = :startedAt, ended_at = :endedAt,
                    weapons = :weapons, launched = :launched, intercepted = :intercepted, killed = :killed,
                    injured = :injured, source = COALESCE(:source, source), corrected = TRUE
                WHERE attack_id = :attack
                """, details(event.details())
                .addValue("attack", event.attackId())
                .addValue("source", event.source() == null ? null : jsonb(event.source())));
    }

    @EventHandler
    void on(AttackRetracted event, @SourceId String streamId, @SequenceNumber long version) {
        if (positions.advance(GROUP, streamId, version)) {
            jdbc.update("DELETE FROM read_model.attack WHERE attack_id = :attack", Map.of("attack", event.attackId()));
        }
    }

    @EventHandler
    void on(WarEvent event, @SourceId String streamId, @SequenceNumber long version) {
        positions.advance(GROUP, streamId, version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM read_model.attack", Map.of());
        positions.clear(GROUP);
    }

    private static MapSqlParameterSource details(AttackDetails details) {
        return new MapSqlParameterSource()
                .addValue("attacker", details.attacker())
                .addValue("description", details.description())
                .addValue("targets", jsonb(details.targets()))
                .addValue("startDate", details.startDate())
                .addValue("endDate", details.endDate())
                .addValue("startedAt", details.startedAt())
                .addValue("endedAt", details.endedAt())
                .addValue("weapons", jsonb(details.weapons()))
                .addValue("launched", details.launched())
                .addValue("intercepted", details.intercepted())
                .addValue("killed", details.casualties().killed())
                .addValue("injured", details.casualties().injured());
    }
}
