package io.warnews.command.losses;

import io.warnews.command.web.WriteResult;
import org.springframework.http.ResponseEntity;

import java.util.List;

/**
 * The answer to a write of one loss report or one change to it: as {@link WriteResult}, with the
 * warnings of the figures the claimant's other figures contradict (recorded all the same).
 */
record LossWriteResult(String id, String streamId, long version, List<String> warnings) {

    static ResponseEntity<LossWriteResult> of(String id, LossRecorded recorded) {
        return WriteResult.respond(recorded.created(),
                new LossWriteResult(id, recorded.streamId(), recorded.version(), recorded.warnings()));
    }
}
