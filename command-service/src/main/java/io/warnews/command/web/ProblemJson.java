package io.warnews.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an RFC 9457 problem straight to a servlet response, for the answers given outside the
 * controllers (filters, the security firewall, the error page, the web server's own refusals).
 */
final class ProblemJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {
    }

    static byte[] body(int status, String type, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type == null ? "about:blank" : type);
        problem.put("title", title != null ? title : titleOf(status));
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.putAll(extra);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail,
                      Map<String, Object> extra) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = body(status, type, title, detail, extra);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static String titleOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
