package io.warnews.command.web;

import io.warnews.command.domain.Recorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a write: 201 with the stream and its version when this call recorded the fact,
 * 200 with the original result when an identical earlier call already had. The version lets a
 * reader wait until the read side has seen the write.
 */
public record WriteResult(String id, String streamId, long version) {

    public static ResponseEntity<WriteResult> of(String id, Recorded recorded) {
        return respond(recorded.created(), new WriteResult(id, recorded.streamId(), recorded.version()));
    }

    public static <T> ResponseEntity<T> respond(boolean created, T body) {
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }
}
