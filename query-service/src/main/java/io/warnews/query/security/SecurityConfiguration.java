package io.warnews.query.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reads are public unless configured otherwise; the audit API needs the AUDITOR role. HTTP Basic,
 * no sessions, no CSRF tokens: nothing here changes state from a browser form. The dashboard's
 * files (static HTML, CSS, JS and WebJars) hold no data and are public; the reads they make follow
 * the rules above.
 */
@Configuration
class SecurityConfiguration {

    static final String AUDITOR = "AUDITOR";

    /** The dashboard's static files. */
    static final String[] DASHBOARD = {"/", "/index.html", "/dashboard/**", "/webjars/**", "/favicon.ico"};

    private static final String REALM = "war-news query-service";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
                                            AuthenticationManager authentication) throws Exception {
        return http
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/api/audit/**").hasRole(AUDITOR);
                    requests.requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    requests.requestMatchers("/actuator/health/**", "/error").permitAll();
                    requests.requestMatchers(HttpMethod.GET, DASHBOARD).permitAll();
                    if (properties.publicReads()) {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(new ProblemEntryPoint(REALM)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ProblemEntryPoint(REALM)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * bcrypt checks remembered for {@code warnews.security.remember-credentials} (an auditor's
     * request would otherwise cost a bcrypt each), wrong credentials remembered and failed sign-ins
     * limited by {@code warnews.security.sign-in.*} (a bogus header costs no bcrypt per request).
     */
    @Bean
    SignInGate signInGate(
            UserDetailsService users, PasswordEncoder passwords,
            @Value("${warnews.security.remember-credentials:5m}") Duration remember,
            @Value("${warnews.security.sign-in.max-failures-per-user:10}") int perUser,
            @Value("${warnews.security.sign-in.max-failures-per-address:30}") int perAddress,
            @Value("${warnews.security.sign-in.window:1m}") Duration window,
            @Value("${warnews.security.sign-in.remember-failure:1m}") Duration rememberFailure) {
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(users);
        checker.setPasswordEncoder(passwords);
        Clock clock = Clock.systemUTC();
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
    InMemoryUserDetailsManager users(SecurityProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> (UserDetails) User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
