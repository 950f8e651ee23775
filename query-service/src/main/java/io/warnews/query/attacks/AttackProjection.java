package io.warnews.query.attacks;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackConsistency;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.Source;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.Projection;
import io.warnews.query.processing.Statements;
import io.warnews.query.processing.StreamPositions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every version of every attack, each with the recorded interval in which it was the current
 * knowledge: a launch opens the first; a correction or a casualty revision closes the current one
 * and opens the next; a retraction closes it and leaves a version of its own with an empty interval
 * (for the history). The current attacks are the rows whose interval is open.
 * <p>
 * Each version keeps the inconsistencies of its own figures ({@link AttackConsistency}: intercepted
 * above launched and the like) in {@code anomalies}: a launch or a correction computes them from
 * its details, a casualty revision and a retraction copy them. The attack is anomalous while its
 * current version has any; a correction that removes them resolves the anomaly.
 * <p>
 * In the read models' shape ({@link Projection}): a batch's new attacks are written as one JDBC
 * batch, and its corrections, revisions and retractions in their turn ({@link Statements}).
 */
@Component
@ProcessingGroup(ProcessingGroups.ATTACKS)
class AttackProjection extends Projection<Statements> {

    private static final String EDITOR = "editor";
    private static final String LAUNCH = """
            INSERT INTO read_model.attack (attack_id, version, conflict_id, attacker, description, targets,
                launch_areas, start_date, end_date, started_at, ended_at, weapons, launched, launched_complete,
                intercepted, intercepted_complete, shot_down, shot_down_complete, suppressed, suppressed_complete,
                lost, lost_complete, decoys, decoys_complete, killed, injured, claimant,
                source, casualties_claimant, casualties_source, corrected, recorded_at, change, changed_by,
                change_reason, change_source, recorded_from, anomalies)
            VALUES (:attack, :version, :conflict, :attacker, :description, :targets, :launchAreas, :startDate,
                :endDate, :startedAt, :endedAt, :weapons, :launched, :launchedComplete, :intercepted,
                :interceptedComplete, :shotDown, :shotDownComplete, :suppressed, :suppressedComplete, :lost,
                :lostComplete, :decoys, :decoysComplete, :killed, :injured, :claimant,
                :source, :claimant, :source, FALSE, :recordedAt, 'LAUNCHED', :editor, NULL, :source, :recordedAt,
                :anomalies)
            ON CONFLICT (attack_id, version) DO NOTHING
            """;

    AttackProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        super(AttackReadModel.MODEL, jdbc, positions);
    }

    @Override
    protected Statements newBatch() {
        return new Statements(jdbc);
    }

    @EventHandler
    void on(AttackLaunched event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(EDITOR) String editor) {
        MapSqlParameterSource row = details(event.details())
                .addValue("attack", event.attackId())
                .addValue("version", version)
                .addValue("conflict", event.conflictId())
                .addValue("claimant", event.claimant())
                .addValue("source", jsonb(event.source()))
                .addValue("editor", editor)
                .addValue("recordedAt", Timestamp.from(recordedAt));
        apply(streamId, version, rows -> rows.add(LAUNCH, row));
    }

    @EventHandler
    void on(AttackCasualtiesRevised event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(EDITOR) String editor) {
        apply(streamId, version, rows -> rows.then(() -> nextVersion(event.attackId(), version, recordedAt,
                "CASUALTIES_REVISED", editor, null, event.source(), """
                killed = :killed, injured = :injured, casualties_claimant = :claimant,
                casualties_source = :changeSource""", new MapSqlParameterSource()
                .addValue("killed", event.casualties().killed())
                .addValue("injured", event.casualties().injured())
                .addValue("claimant", event.claimant()))));
    }

    @EventHandler
    void on(AttackCorrected event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(EDITOR) String editor) {
        MapSqlParameterSource corrected = details(event.details());
        apply(streamId, version, rows -> rows.then(() -> nextVersion(event.attackId(), version, recordedAt,
                "CORRECTED", editor, event.reason(), event.source(), """
                attacker = :attacker, description = :description, targets = :targets, launch_areas = :launchAreas,
                start_date = :startDate, end_date = :endDate, started_at = :startedAt, ended_at = :endedAt,
                weapons = :weapons, launched = :launched, launched_complete = :launchedComplete,
                intercepted = :intercepted, intercepted_complete = :interceptedComplete, shot_down = :shotDown,
                shot_down_complete = :shotDownComplete, suppressed = :suppressed,
                suppressed_complete = :suppressedComplete, lost = :lost, lost_complete = :lostComplete,
                decoys = :decoys, decoys_complete = :decoysComplete, killed = :killed, injured = :injured,
                source = COALESCE(:changeSource, source), corrected = TRUE,
                anomalies = :anomalies""", corrected)));
    }

    @EventHandler
    void on(AttackRetracted event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(EDITOR) String editor) {
        apply(streamId, version, rows -> rows.then(() -> {
            nextVersion(event.attackId(), version, recordedAt, "RETRACTED", editor, event.reason(), null, "",
                    new MapSqlParameterSource());
            jdbc.update("UPDATE read_model.attack SET recorded_to = recorded_from WHERE attack_id = :attack"
                    + " AND version = :version", Map.of("attack", event.attackId(), "version", version));
        }));
    }

    /**
     * Copies the current version into a new one at {@code version}, changed by {@code set} (SQL
     * assignments over the copy; empty for none), and closes the current one at {@code recordedAt}.
     */
    private void nextVersion(String attackId, long version, Instant recordedAt, String change, String editor,
                             String reason, Source source, String set, MapSqlParameterSource params) {
        params.addValue("attack", attackId)
                .addValue("version", version)
                .addValue("at", Timestamp.from(recordedAt))
                .addValue("change", change)
                .addValue("editor", editor)
                .addValue("reason", reason)
                .addValue("changeSource", source == null ? null : jsonb(source));
        jdbc.update("""
                INSERT INTO read_model.attack
                SELECT attack_id, :version, conflict_id, attacker, description, targets, launch_areas, start_date,
                    end_date, started_at, ended_at, weapons, launched, launched_complete, intercepted,
                    intercepted_complete, shot_down, shot_down_complete, suppressed, suppressed_complete, lost,
                    lost_complete, decoys, decoys_complete, killed, injured, claimant, source,
                    casualties_claimant, casualties_source, corrected, recorded_at, :change, :editor, :reason,
                    CAST(:changeSource AS jsonb), :at, NULL, anomalies
                FROM read_model.attack WHERE attack_id = :attack AND recorded_to IS NULL
                ON CONFLICT (attack_id, version) DO NOTHING
                """, params);
        if (!set.isEmpty()) {
            jdbc.update("UPDATE read_model.attack SET " + set + " WHERE attack_id = :attack AND version = :version",
                    params);
        }
        jdbc.update("""
                UPDATE read_model.attack SET recorded_to = :at
                WHERE attack_id = :attack AND recorded_to IS NULL AND version < :version
                """, params);
    }

    private static MapSqlParameterSource details(AttackDetails details) {
        return new MapSqlParameterSource()
                .addValue("attacker", details.attacker())
                .addValue("description", details.description())
                .addValue("targets", jsonb(details.targets()))
                .addValue("launchAreas", jsonb(details.launchAreas()))
                .addValue("startDate", details.startDate())
                .addValue("endDate", details.endDate())
                .addValue("startedAt", details.startedAt())
                .addValue("endedAt", details.endedAt())
                .addValue("weapons", jsonb(details.weapons()))
                .addValue("launched", details.launched().value())
                .addValue("launchedComplete", details.launched().complete())
                .addValue("intercepted", details.intercepted().value())
                .addValue("interceptedComplete", details.intercepted().complete())
                .addValue("shotDown", details.shotDown().value())
                .addValue("shotDownComplete", details.shotDown().complete())
                .addValue("suppressed", details.suppressed().value())
                .addValue("suppressedComplete", details.suppressed().complete())
                .addValue("lost", details.lost().value())
                .addValue("lostComplete", details.lost().complete())
                .addValue("decoys", details.decoys().value())
                .addValue("decoysComplete", details.decoys().complete())
                .addValue("killed", details.casualties().killed())
                .addValue("injured", details.casualties().injured())
                .addValue("anomalies", jsonb(AttackConsistency.of(details)));
    }
}
