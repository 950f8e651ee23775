package io.warnews.query.talks;

import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.ReadModel;
import io.warnews.query.processing.StreamPositions;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * This read model's own projection and queries over a database session of the caller's choosing:
 * the audit's "as known at" replays a talks stream, up to a recorded instant, into temporary
 * copies of its tables and answers exactly what {@code GET /api/talks/{id}} would have.
 */
public final class TalksReadModel {

    /** The talks read model: its tables (a referenced table first) and its projection. */
    public static final ReadModel MODEL = new ReadModel(ProcessingGroups.TALKS, List.of(
            "talks", "talks_round", "talks_proposal", "talks_term", "talks_response", "talks_exchange",
            "talks_version"), TalksReadModel::projection);

    private TalksReadModel() {
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        ReadModel talksReadModel() {
            return MODEL;
        }
    }

    /** A projection writing through {@code jdbc}; feed it events with an {@code AnnotationEventHandlerAdapter}. */
    public static Object projection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        return new TalksProjection(jdbc, positions);
    }

    /** The answer of {@code GET /api/talks/{id}}, read through {@code jdbc}. */
    public static Optional<Object> talks(NamedParameterJdbcTemplate jdbc, String talksId) {
        return new TalksQueries(jdbc).find(talksId).map(Object.class::cast);
    }
}
