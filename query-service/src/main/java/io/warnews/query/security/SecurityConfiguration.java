package io.warnews.query.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        return http
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
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
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
