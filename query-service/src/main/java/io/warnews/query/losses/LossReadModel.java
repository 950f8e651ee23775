package io.warnews.query.losses;

import io.warnews.query.conflicts.Conflict;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.processing.StreamPositions;
import io.warnews.query.web.Params;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * This read model's own projection and running totals over a database session of the caller's
 * choosing: the audit's "as known at" replays a conflict's ledgers, up to a recorded instant, into
 * temporary copies of {@link #TABLES} and answers exactly what {@code GET /losses} would have.
 */
public final class LossReadModel {

    /** The tables the projection writes. */
    public static final List<String> TABLES = List.of("loss_report", "loss_figure");

    private LossReadModel() {
    }

    /** A projection writing through {@code jdbc}; feed it events with an {@code AnnotationEventHandlerAdapter}. */
    public static Object projection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        return new LossProjection(jdbc, positions);
    }

    /** The answer of {@code GET /api/conflicts/{id}/losses?side=&asOf=}, read through {@code jdbc}. */
    public static Object losses(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side, String asOf) {
        return new RunningTotals(new LossQueries(jdbc))
                .of(conflict, Conflicts.side(conflict, "side", side), Params.worldDate("asOf", asOf));
    }
}
