package io.warnews.command.provenance;

import io.warnews.events.axon.RandomIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is a sane
 * token, a new UUID otherwise; echoed in the response so a client can find its write in history.
 */
@Component
class CorrelationIdFilter extends OncePerRequestFilter {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(Provenance.CORRELATION_HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : RandomIds.next();
        request.setAttribute(Provenance.CORRELATION_ID, id);
        response.setHeader(Provenance.CORRELATION_HEADER, id);
        chain.doFilter(request, response);
    }
}
