package io.warnews.query.audit;

import io.warnews.query.processing.ReadModels;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The processing groups' processors and read models: status, progress, rebuild and its verification. */
@RestController
@RequestMapping("/api/audit/projections")
class ProjectionsController {

    private final Rebuilds rebuilds;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModels readModels;

    ProjectionsController(Rebuilds rebuilds, NamedParameterJdbcTemplate jdbc, ReadModels readModels) {
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    /** Accepted: where to follow a rebuild. */
    record Accepted(UUID rebuildId, String processingGroup, String status) {
    }

    @GetMapping
    List<ProjectionStatus> all() {
        long head = rebuilds.head();
        return rebuilds.processors().stream().map(processor -> status(processor, head)).toList();
    }

    @GetMapping("/{name}")
    ProjectionStatus one(@PathVariable String name) {
        return status(rebuilds.processor(name), rebuilds.head());
    }

    /** Rebuilds the group's read model from the first event, in the background: 202 with the rebuild's id. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<Accepted> rebuild(@PathVariable String name, Principal auditor) {
        UUID id = rebuilds.start(name, auditor == null ? null : auditor.getName());
        String status = "/api/audit/projections/" + name;
        return ResponseEntity.accepted().location(URI.create(status)).body(new Accepted(id, name, status));
    }

    @ExceptionHandler(Rebuilds.AlreadyRunning.class)
    ProblemDetail alreadyRunning(Rebuilds.AlreadyRunning e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Read model busy");
        return problem;
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        // One copy: the processor's map is live, and a failure read from it a moment before the
        // error flag could be missing from the same answer ("error": true, "failure": null).
        Map<Integer, EventTrackerStatus> segments = Map.copyOf(processor.processingStatus());
        long position = segments.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
        long behind = Math.max(0, head - position);
        String failure = segments.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError)
                .filter(Objects::nonNull)
                .map(error -> error.getClass().getSimpleName() + ": " + error.getMessage())
                .findFirst().orElse(null);
        boolean error = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        Long deadLetters = jdbc.queryForObject(
                "SELECT count(*) FROM read_model.dead_letter_entry WHERE processing_group = :group",
                Map.of("group", processor.getName()), Long.class);
        long letters = deadLetters == null ? 0 : deadLetters;
        return new ProjectionStatus(processor.getName(), processor.isRunning(), error, failure,
                processor.isReplaying(), segments.size(), position, head, behind,
                behind == 0 && letters == 0 && !error && !segments.isEmpty(),
                readModels.tablesOf(processor.getName()), letters,
                rebuilds.last(processor.getName()).orElse(null));
    }
}
