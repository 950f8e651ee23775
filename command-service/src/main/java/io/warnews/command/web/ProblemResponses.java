package io.warnews.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.warnews.command.domain.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every refusal as an RFC 9457 problem: bad input is a 400 naming the fields, a rule of the domain
 * names the rule ({@code rule}), a lost race is a 409. Nothing is recorded in any of these cases:
 * validation happens before the command is sent, and a refused command applies no event.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("urn:warnews:problem:invalid-request");
    static final URI CONCURRENT_WRITE = URI.create("urn:warnews:problem:concurrent-write");
    static final URI ID_IN_USE = URI.create("urn:warnews:problem:id-in-use");
    static final URI UNAVAILABLE_TYPE = URI.create("urn:warnews:problem:unavailable");
    static final String UNAVAILABLE =
            "the event store is unavailable or busy; nothing was recorded: retry the same request later";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String summary = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(invalid(summary.isEmpty() ? "invalid request" : summary, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge).getBody());
            }
        }
        JsonMappingException mapping = firstMappingProblem(ex);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = describe(mapping);
            return ResponseEntity.badRequest().body(invalid(field + " " + message,
                    List.of(new FieldError(field, message))));
        }
        if (ex.getMostSpecificCause() instanceof JsonProcessingException json) {
            return ResponseEntity.badRequest().body(invalid("malformed JSON: " + json.getOriginalMessage(),
                    List.of()));
        }
        return ResponseEntity.badRequest().body(invalid("a JSON request body is required", List.of()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException ex) {
        if (ex.getDetails().orElse(null) instanceof RuleViolation.Details details) {
            HttpStatus status = switch (details.refusal()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, details.message());
            problem.setType(URI.create("urn:warnews:rule:" + details.rule()));
            problem.setTitle("Refused by rule " + details.rule());
            problem.setProperty("rule", details.rule());
            return ResponseEntity.status(status).body(problem);
        }
        if (ex.getCause() instanceof ConcurrencyException || ex.getCause() instanceof AggregateStreamCreationException) {
            return lostRace();
        }
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IncompatibleAggregateException || cause instanceof NoHandlerForCommandException) {
                return idInUse();
            }
        }
        if (DatabaseUnavailable.causes(ex)) {
            return unavailable();
        }
        throw ex;
    }

    /**
     * A lost race: another write took the stream version first, or, for a stream's first event,
     * another instance created the stream first ({@link AggregateStreamCreationException}).
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> lostRace() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "another write to the same stream was recorded first; read the stream and retry");
        problem.setType(CONCURRENT_WRITE);
        problem.setTitle("Concurrent write");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Conflicts, attacks and talks share one space of ids: an id taken by another kind of stream. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> idInUse(IncompatibleAggregateException ex) {
        return idInUse();
    }

    /**
     * Every command has its handler; a command that finds none reached a record of another kind
     * (an attack's id given as a conflict's, found among the cached records).
     */
    @ExceptionHandler(NoHandlerForCommandException.class)
    ResponseEntity<ProblemDetail> idInUse(NoHandlerForCommandException ex) {
        return idInUse();
    }

    private static ResponseEntity<ProblemDetail> idInUse() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the id is already used by a record of another kind (conflicts, attacks and talks share one"
                        + " space of ids): choose another id");
        problem.setType(ID_IN_USE);
        problem.setTitle("Id in use by another kind of record");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** An input that no annotation could check (a stream id composed of several fields, for one). */
    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField ex) {
        return ResponseEntity.badRequest().body(invalid(ex.field() + " " + ex.problem(),
                List.of(new FieldError(ex.field(), ex.problem()))));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no stream '" + ex.getAggregateIdentifier() + "' is recorded");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /**
     * Anything else: a 503 when the cause is the database being unreachable or out of connections
     * (nothing was recorded, the same request may be sent again later), a 500 otherwise.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
        if (!DatabaseUnavailable.causes(ex)) {
            throw ex;
        }
        return unavailable();
    }

    private static ResponseEntity<ProblemDetail> unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
        problem.setTitle("Event store unavailable");
        problem.setType(UNAVAILABLE_TYPE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLarge ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
        problem.setTitle("Request body too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static JsonMappingException firstMappingProblem(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return mapping;
            }
        }
        return null;
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof StrictJson.RefusedText refused) {
            return refused.getOriginalMessage();
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a known field (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "'" + format.getValue() + "' is not one of " + Arrays.toString(
                    format.getTargetType().getEnumConstants());
        }
        if (mapping instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + simpleName(format.getTargetType());
        }
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (mapping.getCause() instanceof java.time.DateTimeException invalidDate) {
            return invalidDate.getMessage();
        }
        return "has the wrong type: " + mapping.getOriginalMessage().split("\n")[0];
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : switch (type.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-MM-dd)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601 with offset, e.g. 2025-06-12T08:15:00Z)";
            case "Long", "long", "Integer", "int" -> "whole number";
            default -> type.getSimpleName();
        };
    }
}
