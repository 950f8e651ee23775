package io.warnews.query.consistency;

import io.warnews.query.web.BadParameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes: before an endpoint marked {@link ReadsFrom} answers a request carrying
 * {@code waitFor}, waits until its processing groups have applied that stream version.
 */
@Component
class WaitForVersion implements HandlerInterceptor {

    private final AppliedVersions applied;
    private final ReadYourWritesProperties properties;

    WaitForVersion(AppliedVersions applied, ReadYourWritesProperties properties) {
        this.applied = applied;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String waitFor = request.getParameter("waitFor");
        if (waitFor == null || waitFor.isBlank() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadsFrom readsFrom = method.getMethodAnnotation(ReadsFrom.class);
        if (readsFrom == null) {
            readsFrom = method.getBeanType().getAnnotation(ReadsFrom.class);
        }
        if (readsFrom != null) {
            await(StreamVersion.parse(waitFor.trim()), Arrays.asList(readsFrom.value()),
                    waitMillis(request.getParameter("waitMillis")));
        }
        return true;
    }

    private long waitMillis(String text) {
        long max = properties.maxWait().toMillis();
        if (text == null || text.isBlank()) {
            return properties.defaultWait().toMillis();
        }
        try {
            long millis = Long.parseLong(text.trim());
            if (millis >= 0 && millis <= max) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("waitMillis", "'" + text + "' is not a number of milliseconds from 0 to " + max);
    }

    private void await(StreamVersion target, List<String> groups, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        AppliedVersions.Wait wait = applied.waitFor(target.streamId(), target.version());
        List<String> behind = wait.behind(groups);
        while (!behind.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                throw new NotYetProjected(target.streamId(), target.version(), behind, waitMillis);
            }
            Thread.sleep(properties.pollInterval().toMillis());
            behind = wait.behind(behind);
        }
    }
}
