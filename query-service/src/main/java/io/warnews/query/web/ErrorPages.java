package io.warnews.query.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * Every refusal the application does not answer itself is a problem too: the error page the
 * servlet container forwards to (unknown paths, methods, the container's own limits), the
 * security firewall's refusals (encoded slashes, {@code ..}, semicolons, control characters in
 * headers), and what the web server refuses before any application code runs (bad request lines,
 * headers, versions), which {@link ProblemErrorValve} writes.
 */
@RestController
class ErrorPages implements ErrorController {

    static final String REJECTED = "urn:warnews:problem:request-rejected";

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer number ? number : HttpStatus.NOT_FOUND.value();
        String detail = null;
        if (failure != null && DatabaseUnavailable.causes(failure)) {
            response.setHeader("Retry-After", "1");
            ProblemJson.write(response, 503, ProblemAdvice.UNAVAILABLE_TYPE, "Database unavailable",
                    ProblemAdvice.UNAVAILABLE, Map.of());
            return;
        }
        if (detail == null && status < 500) {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            detail = message instanceof String text && !text.isBlank() ? text : describe(status);
        }
        ProblemJson.write(response, status, null, null, detail, Map.of());
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "the method is not allowed on this resource";
            case 401 -> "authentication is required";
            case 403 -> "not allowed for this user";
            default -> ProblemJson.titleOf(status);
        };
    }

    /** The security firewall's refusals: a 400 problem instead of a bare error page. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> ProblemJson.write(response, 400, REJECTED, "Request rejected",
                rejected.getMessage(), Map.of());
    }

    /** The web server's own refusals (bad request line, headers, version, URI) as problems. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
        return factory -> factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
        });
    }
}
