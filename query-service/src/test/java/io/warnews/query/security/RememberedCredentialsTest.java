package io.warnews.query.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static RememberedCredentials remembered(AuthenticationProvider checker, Duration remember, Clock clock) {
        return new RememberedCredentials(checker, remember, clock, new LoginThrottle(5, 20, Duration.ofMinutes(1),
                clock), Duration.ofMinutes(1));
    }

    @Test
    void credentialsThatPassedAreNotCheckedAgainUntilTheyAreForgotten() {
        MutableClock clock = new MutableClock();
        var remembered = remembered(bcrypt, Duration.ofMinutes(5), clock);

        assertThat(remembered.authenticate(login("right")).isAuthenticated()).isTrue();
        assertThat(remembered.authenticate(login("right")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        remembered.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedOnceThenRefusedWithoutBcrypt() {
        var remembered = remembered(bcrypt, Duration.ofMinutes(5), new MutableClock());
        remembered.authenticate(login("right"));
        assertThatThrownBy(() -> remembered.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> remembered.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> remembered.authenticate(login("wrong2"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void failedSignInsPastTheUserLimitAreRefusedBeforeAnyPasswordCheck() {
        MutableClock clock = new MutableClock();
        var remembered = remembered(bcrypt, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 5; i++) {
            String guess = "guess" + i;
            assertThatThrownBy(() -> remembered.authenticate(login(guess))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(5);
        assertThatThrownBy(() -> remembered.authenticate(login("guess5"))).isInstanceOf(TooManyAttempts.class)
                .satisfies(e -> assertThat(((TooManyAttempts) e).retryAfterSeconds()).isBetween(1L, 60L));
        assertThatThrownBy(() -> remembered.authenticate(login("right"))).isInstanceOf(TooManyAttempts.class);
        assertThat(checks).as("no bcrypt while refused").hasValue(5);

        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThat(remembered.authenticate(login("right")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(6);
    }

    @Test
    void credentialsThatAlreadyPassedKeepWorkingWhileTheirUserIsUnderAttack() {
        var remembered = remembered(bcrypt, Duration.ofMinutes(5), new MutableClock());
        remembered.authenticate(login("right"));
        for (int i = 0; i < 10; i++) {
            String guess = "guess" + i;
            assertThatThrownBy(() -> remembered.authenticate(login(guess))).isInstanceOf(AuthenticationException.class);
        }
        assertThat(remembered.authenticate(login("right")).isAuthenticated()).isTrue();
    }

    @Test
    void failedSignInsPastTheAddressLimitAreRefusedForEveryUserName() {
        MutableClock clock = new MutableClock();
        var remembered = remembered(bcrypt, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 20; i++) {
            Authentication attempt = login("user" + i, "wrong");
            ((UsernamePasswordAuthenticationToken) attempt).setDetails(fromAddress("203.0.113.7"));
            assertThatThrownBy(() -> remembered.authenticate(attempt)).isInstanceOf(BadCredentialsException.class);
        }
        Authentication next = login("someone-else", "wrong");
        ((UsernamePasswordAuthenticationToken) next).setDetails(fromAddress("203.0.113.7"));
        assertThatThrownBy(() -> remembered.authenticate(next)).isInstanceOf(TooManyAttempts.class);
        Authentication elsewhere = login("someone-else", "right");
        ((UsernamePasswordAuthenticationToken) elsewhere).setDetails(fromAddress("198.51.100.1"));
        assertThat(remembered.authenticate(elsewhere).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(21);
    }

    private static WebAuthenticationDetails fromAddress(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return new WebAuthenticationDetails(request);
    }

    @Test
    void aZeroDurationRemembersNothing() {
        var remembered = remembered(bcrypt, Duration.ZERO, new MutableClock());
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
