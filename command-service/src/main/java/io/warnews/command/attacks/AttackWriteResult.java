package io.warnews.command.attacks;

import java.util.List;

/**
 * The answer to an attack write: as every write's ({@code id}, {@code streamId}, {@code version}),
 * with the report's inconsistencies in {@code warnings} (empty when none): an inconsistent report is
 * recorded as published, and flagged.
 */
record AttackWriteResult(String id, String streamId, long version, List<AttackChecks.Warning> warnings) {

    static AttackWriteResult of(String id, AttackRecorded recorded) {
        return new AttackWriteResult(id, recorded.streamId(), recorded.version(), recorded.warnings());
    }
}
