package io.warnews.query.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.warnews.query.web.BadParameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/feed}: every event in global order as Server-Sent Events, for services that do
 * not use Axon. Read from the PostgreSQL event table, so it is not offered in the axonserver
 * profile (Axon applications subscribe there with a processing group of their own).
 */
@RestController
@Profile("!axonserver")
class FeedController {

    private final FeedConnections connections;

    FeedController(FeedConnections connections) {
        this.connections = connections;
    }

    @Operation(summary = "Every event in global order, as Server-Sent Events",
            description = """
                    text/event-stream. Each event: `id:` its position (global order), `event:` its type,
                    `data:` {position, streamId, version, type, revision, recordedAt, recordedBy, correlationId,
                    payload}. Resume with the Last-Event-ID header (sent by EventSource on reconnect) or
                    `after`: the feed continues after that position with no gap and no duplicate. Without
                    either it starts at position 0; with `from=now` it starts after the last event the feed
                    has read, sending that position as the `id:` of its opening comment, so that a reconnect
                    resumes from there (only events recorded from then on arrive). A comment
                    line `: heartbeat` is sent when nothing else was for a while (it carries an `id:` when
                    filtered-out events moved the position on). 503 with Retry-After when the feed has no
                    room for another connection, in all or from the client's address.""")
    @GetMapping("/api/feed")
    ResponseEntity<SseEmitter> feed(
            @Parameter(description = "only events of this conflict (their conflictId)")
            @RequestParam(required = false) String conflict,
            @Parameter(description = "only these event types, comma-separated simple names, e.g. LossesReported,AttackLaunched")
            @RequestParam(required = false) String type,
            @Parameter(description = "start after this position; Last-Event-ID wins when both are given")
            @RequestParam(required = false) String after,
            @Parameter(description = "`now`: only events recorded from now on (no replay from position 0); "
                    + "not with `after`; Last-Event-ID wins over it")
            @RequestParam(required = false) String from,
            @Parameter(description = "the last position received, to resume after it")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request) {
        FeedFilter filter = FeedFilter.of(conflict, type);
        boolean fromNow = fromNow(from);
        boolean hasAfter = after != null && !after.isBlank();
        if (fromNow && hasAfter) {
            throw new BadParameter("from", "'from=now' and 'after' exclude each other: give one of them");
        }
        long start = lastEventId != null && !lastEventId.isBlank() ? position("Last-Event-ID", lastEventId)
                : hasAfter ? position("after", after) : fromNow ? FeedConnection.NOW : 0;
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(connections.open(filter, start, request.getRemoteAddr(), FeedStartFilter.startAfterDispatch(request)));
    }

    private static boolean fromNow(String from) {
        if (from == null) {
            return false;
        }
        if (from.trim().equals("now")) {
            return true;
        }
        throw new BadParameter("from", "'" + from + "' is not a starting point: the only one is 'now' (to start at"
                + " a position, give 'after')");
    }

    private static long position(String name, String text) {
        try {
            long position = Long.parseLong(text.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(name, "'" + text + "' is not a position (a whole number, 0 or more)");
    }
}
