package io.warnews.query.audit;

import io.warnews.query.web.BadParameter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters of the processing groups. Sequence ids are stream ids and may contain '/': give
 * them in the path as they are, or as {@code ?sequenceId=}.
 */
@RestController
@RequestMapping("/api/audit/dead-letters")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Every dead letter, of one group or of all. */
    @GetMapping
    List<DeadLetterView> list(@RequestParam(required = false) String group) {
        return deadLetters.list(group);
    }

    /** Processes the group's dead letters again: one sequence ({@code ?sequenceId=}) or each sequence once. */
    @PostMapping("/{group}/retry")
    DeadLetters.Retried retry(@PathVariable String group, @RequestParam(required = false) String sequenceId) {
        return deadLetters.retry(group, sequenceId == null || sequenceId.isBlank() ? null : sequenceId);
    }

    /** {@code DELETE /api/audit/dead-letters/{group}/{sequenceId}}: drops the sequence's letters. */
    @DeleteMapping("/{group}/**")
    Map<String, Object> drop(@PathVariable String group, HttpServletRequest request) {
        String prefix = request.getContextPath() + "/api/audit/dead-letters/" + group + "/";
        String sequenceId = URLDecoder.decode(request.getRequestURI().substring(prefix.length()), StandardCharsets.UTF_8);
        return dropped(group, sequenceId);
    }

    /** {@code DELETE /api/audit/dead-letters/{group}?sequenceId=}: the same, with the id as a parameter. */
    @DeleteMapping("/{group}")
    Map<String, Object> dropByParameter(@PathVariable String group, @RequestParam(required = false) String sequenceId) {
        if (sequenceId == null || sequenceId.isBlank()) {
            throw new BadParameter("sequenceId", "is required: the sequence (stream id) to drop");
        }
        return dropped(group, sequenceId);
    }

    @ExceptionHandler(Rebuilds.AlreadyRunning.class)
    ProblemDetail rebuilding(Rebuilds.AlreadyRunning e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Read model busy");
        return problem;
    }

    private Map<String, Object> dropped(String group, String sequenceId) {
        return Map.of("processingGroup", group, "sequenceId", sequenceId,
                "dropped", deadLetters.drop(group, sequenceId));
    }
}
