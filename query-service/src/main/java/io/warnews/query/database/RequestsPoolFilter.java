package io.warnews.query.database;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** Marks the thread serving an HTTP request: its connections come from the fail-fast requests pool. */
final class RequestsPoolFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PoolPerPurpose.Purpose previous = PoolPerPurpose.enter(PoolPerPurpose.Purpose.REQUEST);
        try {
            chain.doFilter(request, response);
        } finally {
            PoolPerPurpose.leave(previous);
        }
    }
}
