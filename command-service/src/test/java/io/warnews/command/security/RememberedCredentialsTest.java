package io.warnews.command.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (!"right".equals(request.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_EDITOR"));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("editor", password);
    }

    @Test
    void credentialsThatPassedAreNotCheckedAgainUntilTheyAreForgotten() {
        MutableClock clock = new MutableClock();
        var remembered = new RememberedCredentials(bcrypt, Duration.ofMinutes(5), clock);

        assertThat(remembered.authenticate(login("right")).isAuthenticated()).isTrue();
        assertThat(remembered.authenticate(login("right")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        remembered.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void anotherPasswordIsAlwaysChecked() {
        var remembered = new RememberedCredentials(bcrypt, Duration.ofMinutes(5), new MutableClock());
        remembered.authenticate(login("right"));
        assertThatThrownBy(() -> remembered.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> remembered.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aZeroDurationRemembersNothing() {
        var remembered = new RememberedCredentials(bcrypt, Duration.ZERO, new MutableClock());
        remembered.authenticate(login("right"));
        remembered.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-06-12T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
