package io.warnews.query.security;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in limits at the very front of the web server: a request that {@link SignInGate} refuses
 * is answered here, before the servlet filters, Spring Security and the application see it, and
 * before its body is read. The answer is the same 429 problem with Retry-After as
 * {@link ProblemEntryPoint}'s, with {@code Connection: close}: the connection is closed after it,
 * so a throttled client cannot keep a connection of the server busy with more attempts. A body of up
 * to {@value #READ_AT_MOST} bytes is read and dropped first (it is mostly in the server's buffer
 * already, and the close is then a clean one); a larger or chunked body is not read at all, and the
 * client may see the connection reset while it is still sending.
 */
final class ThrottledSignInValve extends ValveBase {

    /** The longest body read (and dropped) before the connection is closed. */
    static final long READ_AT_MOST = 8192;

    private final SignInGate gate;

    ThrottledSignInValve(SignInGate gate) {
        super(true);
        this.gate = gate;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Optional<Duration> wait = gate.refusal(request.getHeader("Authorization"), request.getRemoteAddr());
        if (wait.isEmpty()) {
            getNext().invoke(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > READ_AT_MOST || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            // Marks the exchange as failed (so that the connection is closed without reading on) and
            // asks for an error report: the 429 below is that report, no error page is to replace it.
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.setErrorReported();
        }
        ProblemEntryPoint.tooManyAttempts(response, TooManyAttempts.seconds(wait.get()),
                TooManyAttempts.message(wait.get()));
    }
}
