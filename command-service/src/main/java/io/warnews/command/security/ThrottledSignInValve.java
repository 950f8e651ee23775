package io.warnews.command.security;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sign-in limits at the very front of the web server: a request that {@link SignInGate} refuses
 * is answered here, before the servlet filters, Spring Security and the application see it, and
 * before its body is read. The answer is the same 429 problem with Retry-After as
 * {@link ProblemEntryPoint}'s, with {@code Connection: close}: the connection is closed after it,
 * so a throttled client cannot keep a connection of the server busy with more attempts. A body of up
 * to {@value #READ_AT_MOST} bytes is read and dropped first (it is mostly in the server's buffer
 * already, and the close is then a clean one); a larger or chunked body is not read at all, and the
 * client may see the connection reset while it is still sending.
 *
 * <p>The answer is held back for {@code refusal-delay} (never beyond the Retry-After it gives),
 * without holding a thread: the request is put aside (servlet async) and answered by a timer. A
 * client that guesses as fast as it is answered thus makes one attempt per delay and connection,
 * not thousands a second on the CPU the other clients need. At most {@value #MAX_HELD} answers are
 * held back at once; beyond that, and for bodies that are not read, the answer is given at once.
 */
final class ThrottledSignInValve extends ValveBase {

    /** The longest body read (and dropped) before the connection is closed. */
    static final long READ_AT_MOST = 8192;

    /** The most refusals held back at the same time. */
    static final int MAX_HELD = 1000;

    private final SignInGate gate;
    private final long delayMillis;
    private final AtomicInteger held = new AtomicInteger();
    private final ScheduledExecutorService timer;

    ThrottledSignInValve(SignInGate gate, Duration delay) {
        super(true);
        this.gate = gate;
        this.delayMillis = Math.max(0, delay.toMillis());
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sign-in-refusals");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Optional<Duration> refused = gate.refusal(request.getHeader("Authorization"), request.getRemoteAddr());
        if (refused.isEmpty()) {
            getNext().invoke(request, response);
            return;
        }
        Duration wait = refused.get();
        long length = request.getContentLengthLong();
        if (length > READ_AT_MOST || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            // Marks the exchange as failed (so that the connection is closed without reading on) and
            // asks for an error report: the 429 below is that report, no error page is to replace it.
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.setErrorReported();
            answer(response, wait);
            return;
        }
        long millis = Math.min(delayMillis, wait.toMillis());
        if (millis > 0 && hold() && holdBack(request, response, wait, millis)) {
            return;
        }
        answer(response, wait);
    }

    private boolean hold() {
        if (held.incrementAndGet() <= MAX_HELD) {
            return true;
        }
        held.decrementAndGet();
        return false;
    }

    /** Puts the request aside and answers it after {@code millis}; false when it cannot be put aside. */
    private boolean holdBack(Request request, Response response, Duration wait, long millis) {
        AsyncContext async;
        try {
            async = request.startAsync();
        } catch (IllegalStateException notAsync) {
            held.decrementAndGet();
            return false;
        }
        Held state = new Held();
        async.setTimeout(millis + 60_000);
        async.addListener(state);
        try {
            schedule(response, wait, millis, async, state);
        } catch (RejectedExecutionException stopping) {
            held.decrementAndGet();
            try {
                answer(response, wait);
            } catch (IOException clientGone) {
                // nothing more to say to it
            }
            async.complete();
        }
        return true;
    }

    private void schedule(Response response, Duration wait, long millis, AsyncContext async, Held state) {
        timer.schedule(() -> {
            try {
                synchronized (state) {
                    if (state.over) {
                        return;
                    }
                    state.over = true;
                    try {
                        answer(response, wait.minusMillis(millis));
                    } catch (IOException | RuntimeException clientGone) {
                        // nothing more to say to it
                    }
                    try {
                        async.complete();
                    } catch (IllegalStateException alreadyOver) {
                        // the server ended the exchange itself
                    }
                }
            } finally {
                held.decrementAndGet();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private static void answer(Response response, Duration wait) throws IOException {
        ProblemEntryPoint.tooManyAttempts(response, TooManyAttempts.seconds(wait), TooManyAttempts.message(wait));
    }

    @Override
    protected void stopInternal() throws LifecycleException {
        timer.shutdownNow();
        super.stopInternal();
    }

    /**
     * A held-back request; once the server is done with it (the client went away, a time-out), the
     * timer must not touch its response any more (the server reuses it for another request).
     */
    private static final class Held implements AsyncListener {
        private boolean over;

        private synchronized void over() {
            over = true;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            over();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            over();
        }

        @Override
        public void onError(AsyncEvent event) {
            over();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
