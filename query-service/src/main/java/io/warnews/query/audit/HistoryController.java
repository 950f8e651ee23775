package io.warnews.query.audit;

import io.warnews.query.losses.LossReadModel;
import io.warnews.query.web.BadParameter;
import io.warnews.query.web.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every event of a stream, or of the whole store in global order, with who recorded it, when,
 * from which source and under which correlation id. Stream ids contain '/' (a loss ledger is
 * {@code conflict/losses/side/claimant}): the path form takes them as they are, and the query
 * form {@code /api/audit/events?streamId=} takes any id.
 */
@RestController
@RequestMapping("/api/audit")
class HistoryController {

    private static final String STREAMS = "/api/audit/streams/";
    private static final String EVENTS = "/events";

    private final EventHistory history;
    private final NamedParameterJdbcTemplate jdbc;

    HistoryController(EventHistory history, NamedParameterJdbcTemplate jdbc) {
        this.history = history;
        this.jdbc = jdbc;
    }

    /**
     * {@code GET /api/audit/conflicts/{conflictId}/loss-reports/{reportId}/history}: every version of
     * one loss report (report ids are unique within a conflict), oldest first, with who recorded it,
     * when, why, from which source, and the recorded interval in which it was the current knowledge.
     */
    @GetMapping("/conflicts/{conflictId}/loss-reports/{reportId}/history")
    Object reportHistory(@PathVariable String conflictId, @PathVariable String reportId) {
        return LossReadModel.history(jdbc, conflictId, reportId);
    }

    /** {@code GET /api/audit/streams/{streamId}/events?page=&size=}, where the stream id may contain '/'. */
    @GetMapping("/streams/**")
    EventPage streamEvents(HttpServletRequest request,
                           @RequestParam(required = false) String page,
                           @RequestParam(required = false) String size) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(STREAMS) || !path.endsWith(EVENTS) || path.length() <= STREAMS.length() + EVENTS.length()) {
            throw new NotFound("audit resource", path);
        }
        String streamId = URLDecoder.decode(path.substring(STREAMS.length(), path.length() - EVENTS.length()),
                StandardCharsets.UTF_8);
        return stream(streamId, page, size);
    }

    /**
     * {@code GET /api/audit/events?streamId=&page=&size=}: one stream's history, paged; without
     * {@code streamId}, {@code ?after=<globalPosition>&size=}: the store in global order.
     */
    @GetMapping("/events")
    Object events(@RequestParam(required = false) String streamId,
                  @RequestParam(required = false) String page,
                  @RequestParam(required = false) String after,
                  @RequestParam(required = false) String size) {
        if (streamId != null && !streamId.isBlank()) {
            if (after != null) {
                throw new BadParameter("after", "goes with the global order, not with streamId (use page)");
            }
            return stream(streamId, page, size);
        }
        long from = AuditParams.after(after);
        int theSize = AuditParams.size(size);
        List<RecordedEvent> events = history.after(from, theSize);
        Long next = events.size() < theSize ? null : events.get(events.size() - 1).globalPosition();
        return new EventPage.Global(from, theSize, next, events);
    }

    private EventPage stream(String streamId, String page, String size) {
        int thePage = AuditParams.page(page);
        int theSize = AuditParams.size(size);
        long total = history.count(streamId);
        if (total == 0) {
            throw new NotFound("stream", streamId);
        }
        List<RecordedEvent> events = history.ofStream(streamId, thePage, theSize);
        Integer next = (long) (thePage + 1) * theSize < total ? thePage + 1 : null;
        return new EventPage(streamId, thePage, theSize, total, next, events);
    }
}
