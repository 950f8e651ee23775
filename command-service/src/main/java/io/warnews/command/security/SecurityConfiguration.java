package io.warnews.command.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.time.Duration;

/**
 * Every write needs an authenticated editor (HTTP Basic, users from configuration). The API is
 * stateless: no session, no cookie, hence no CSRF token. API docs and health are public.
 */
@Configuration
class SecurityConfiguration {

    private static final String REALM = "war-news command-service";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http
                .authenticationManager(authentication)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(new ProblemEntryPoint(REALM)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ProblemEntryPoint(REALM)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole("EDITOR")
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * Users from configuration, their bcrypt checks remembered for {@code warnews.security.remember-credentials},
     * failed sign-ins limited by {@code warnews.security.sign-in.*}.
     */
    @Bean
    SignInGate signInGate(
            UserDetailsService users, PasswordEncoder passwords, Clock clock,
            @Value("${warnews.security.remember-credentials:5m}") Duration remember,
            @Value("${warnews.security.sign-in.max-failures-per-user:10}") int perUser,
            @Value("${warnews.security.sign-in.max-failures-per-address:30}") int perAddress,
            @Value("${warnews.security.sign-in.window:1m}") Duration window,
            @Value("${warnews.security.sign-in.remember-failure:1m}") Duration rememberFailure) {
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(users);
        checker.setPasswordEncoder(passwords);
        LoginThrottle throttle = new LoginThrottle(perUser, perAddress, window, clock);
        return new SignInGate(throttle, new RememberedCredentials(checker, remember, clock, throttle,
                rememberFailure));
    }

    @Bean
    AuthenticationManager authenticationManager(SignInGate gate) {
        return new ProviderManager(gate.credentials());
    }

    /**
     * Throttled sign-ins are refused by the web server itself, before any filter, the answer held back
     * for {@code warnews.security.sign-in.refusal-delay} ({@link ThrottledSignInValve}).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> throttledSignInValve(
            SignInGate gate, @Value("${warnews.security.sign-in.refusal-delay:1s}") Duration delay) {
        return factory -> factory.addContextValves(new ThrottledSignInValve(gate, delay));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(UsersProperties properties) {
        var manager = new InMemoryUserDetailsManager();
        for (UsersProperties.User user : properties.users()) {
            if (user.password() == null || !user.password().startsWith("{")) {
                throw new IllegalStateException("the password of user '" + user.username()
                        + "' must be a hash with its encoding prefix, such as {bcrypt}$2a$10$...");
            }
            manager.createUser(User.withUsername(user.username()).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        return manager;
    }
}
