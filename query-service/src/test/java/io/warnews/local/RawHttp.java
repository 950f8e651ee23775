package io.warnews.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: it sends exactly the bytes it is given
 * (request lines, headers and bodies that HTTP client libraries refuse to send) and reads the
 * final status (after any 1xx interim answer), the headers and the body (whole, up to a bound; for
 * an event stream, none).
 */
final class RawHttp {

    private static final int MAX_BODY = 1 << 20;

    private RawHttp() {
    }

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isProblem() {
            String type = header("content-type");
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    /** Sends the bytes to localhost:port; status 0 when the server closed the connection without answering. */
    static Answer send(int port, byte[] request) throws IOException {
        return send(port, request, 20_000);
    }

    static Answer send(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may refuse before reading everything (a body too large): read its answer
            }
            InputStream in = socket.getInputStream();
            String head;
            try {
                head = readHead(in);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                return new Answer(0, Map.of(), "");
            }
            if (head == null) {
                return new Answer(0, Map.of(), "");
            }
            while (head != null && head.matches("(?s)HTTP/1\\.1 1\\d\\d.*")) {
                head = readHead(in);
            }
            if (head == null) {
                return new Answer(0, Map.of(), "");
            }
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            String type = headers.getOrDefault("content-type", "");
            if (type.startsWith("text/event-stream") || status == 204 || status == 304
                    || new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1)
                    .startsWith("HEAD ")) {
                return new Answer(status, headers, "");
            }
            return new Answer(status, headers, readBody(in, headers));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > 64 * 1024) {
                throw new IOException("response head too long");
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                while (true) {
                    String sizeLine = readLine(in);
                    if (sizeLine == null) {
                        break;
                    }
                    int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    copy(in, body, size);
                    readLine(in);
                }
            } else if (headers.containsKey("content-length")) {
                copy(in, body, Integer.parseInt(headers.get("content-length")));
            } else {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0 && body.size() < MAX_BODY) {
                    body.write(buffer, 0, n);
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException cut) {
            // what arrived is what there is
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, int length) throws IOException {
        byte[] buffer = new byte[8192];
        int left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            if (body.size() < MAX_BODY) {
                body.write(buffer, 0, n);
            }
            left -= n;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).trim();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
