package io.warnews.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.QueryServiceTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spring Security's observations of each of its filters cost a tenth of a request's CPU for
 * metrics no endpoint exposes: they are off; requests themselves are still observed.
 */
@QueryServiceTest
class SecurityObservationsTest {

    @Autowired
    ObservationRegistry observations;

    @Test
    void theSecurityFiltersAreNotObservedTheRequestsAre() {
        assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authentications", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authorizations", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }
}
