package io.warnews.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.command.support.CommandServiceTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spring Security's observations of each of its filters cost a tenth of a request's CPU for
 * metrics no endpoint exposes: they are off; requests themselves are still observed.
 */
@CommandServiceTest
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
