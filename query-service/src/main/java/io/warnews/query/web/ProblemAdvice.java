package io.warnews.query.web;

import io.warnews.query.consistency.NotYetProjected;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The read API's own failures as RFC 9457 problem details. */
@RestControllerAdvice
class ProblemAdvice {

    static final String UNAVAILABLE_TYPE = "urn:warnews:problem:unavailable";
    static final String UNAVAILABLE = "the database is unavailable or busy: retry later";

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad query parameter");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    /**
     * Anything else: the framework's own refusals keep their status; the database being down,
     * frozen or out of connections is a 503 with Retry-After; the rest is a 500 problem.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e) throws Exception {
        if (e instanceof ErrorResponse refusal) {
            return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders())
                    .body(refusal.getBody());
        }
        if (DatabaseUnavailable.causes(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
            problem.setTitle("Database unavailable");
            problem.setType(URI.create(UNAVAILABLE_TYPE));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem);
        }
        throw e;
    }

    @ExceptionHandler(NotYetProjected.class)
    ResponseEntity<ProblemDetail> notYetProjected(NotYetProjected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Read model not yet up to date");
        problem.setType(URI.create("urn:warnews:problem:not-yet-projected"));
        problem.setProperty("streamId", e.streamId());
        problem.setProperty("version", e.version());
        problem.setProperty("processingGroups", e.groups());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
