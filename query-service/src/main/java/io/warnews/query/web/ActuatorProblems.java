package io.warnews.query.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The actuator's own refusals as problems: it answers a path it does not know (a health component
 * that does not exist, {@code /actuator/health/db/1}) with a bare 404 and no body.
 * A 4xx of {@code /actuator/**} that carries no body gets a problem+json naming the path; the
 * health answers themselves (a 503 with its status) are left as they are.
 */
@Configuration
class ActuatorProblems {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> actuatorProblemFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
                        chain.doFilter(request, answer);
                        int status = answer.getStatus();
                        if (status >= 400 && status < 500 && answer.getContentSize() == 0 && !response.isCommitted()) {
                            ProblemJson.write(response, status, null, null, status == 404
                                    ? "nothing at '" + request.getRequestURI() + "': the health answers at /actuator/health"
                                    : ProblemJson.titleOf(status), Map.of());
                            return;
                        }
                        answer.copyBodyToResponse();
                    }
                });
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }
}
