package io.warnews.query.feed;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts a feed connection's thread once the request's own thread has come back out of every
 * filter. Until then the filters (the security headers written after the chain, among others)
 * still read and write the response's headers, and a connection writing its first event at the
 * same moment corrupted them (an ArrayIndexOutOfBoundsException in the container's header table,
 * and a broken stream for that client) when hundreds of clients connected at once. If the request
 * fails after the connection was opened, its thread still starts, finds the response gone, and
 * frees the slot.
 */
final class FeedStartFilter extends OncePerRequestFilter {

    private static final String START = FeedStartFilter.class.getName() + ".start";

    /** Where the controller hands over the connection's start: to this filter, after the chain. */
    static Consumer<Runnable> startAfterDispatch(HttpServletRequest request) {
        return start -> request.setAttribute(START, start);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(START) instanceof Runnable start) {
                request.removeAttribute(START);
                start.run();
            }
        }
    }
}
