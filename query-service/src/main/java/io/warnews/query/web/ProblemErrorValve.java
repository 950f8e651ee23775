package io.warnews.query.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The web server's error report as an RFC 9457 problem instead of an HTML page. What the web
 * server refuses on its own for the way a request is written (a transfer coding or an HTTP version
 * it does not implement, 501 and 505) is the client's doing: a 400 here.
 */
public class ProblemErrorValve extends ErrorReportValve {

    public ProblemErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean io = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
        if (!io.get()) {
            return;
        }
        String message = response.getMessage();
        if ((status == 501 || status == 505) && throwable == null) {
            message = status == 505 ? "HTTP version not supported: use HTTP/1.1"
                    : "not implemented by this server: " + (message == null ? "the request's transfer coding" : message);
            status = 400;
            response.setStatus(status);
        }
        String detail = status >= 500 || message == null || message.isBlank() ? ProblemJson.titleOf(status) : message;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ProblemJson.body(status, null, null, detail, Map.of()),
                        StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response cannot take a body: nothing more to say
        }
    }
}
