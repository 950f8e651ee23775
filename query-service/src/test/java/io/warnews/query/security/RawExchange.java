package io.warnews.query.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request over a socket of its own, sent from a chosen loopback address (127.0.0.2,
 * 127.0.0.3, ...: each a client address of its own to the server), and what came back: status,
 * headers, body, and (when asked, after a wait of up to 30 s for the server to close or not) whether
 * the server closed the connection after the answer.
 */
record RawExchange(int status, Map<String, String> headers, String body, Boolean closedByServer) {

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A request with its whole body; whether the server closed the connection is not looked at. */
    static RawExchange send(String from, int port, String method, String path, String authorization, String body)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return send(from, port, method, path, authorization, bytes.length, bytes, false);
    }

    /** A request with its whole body, and whether the server closed the connection after the answer. */
    static RawExchange sendAndWatchTheConnection(String from, int port, String method, String path,
                                                 String authorization, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return send(from, port, method, path, authorization, bytes.length, bytes, true);
    }

    /**
     * A request announcing {@code declaredLength} bytes of body but sending only {@code sent}: the
     * answer can come only from a server that did not wait for the body.
     */
    static RawExchange send(String from, int port, String method, String path, String authorization,
                            long declaredLength, byte[] sent, boolean watchTheConnection) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\n")
                    .append("Accept: application/json, application/problem+json\r\n");
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (declaredLength > 0 || "POST".equals(method)) {
                request.append("Content-Type: application/json\r\n")
                        .append("Content-Length: ").append(declaredLength).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(sent);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            String body = readBody(in, headers);
            Boolean closed = null;
            if (watchTheConnection) {
                try {
                    socket.setSoTimeout(30_000);
                    closed = in.read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    closed = false;
                } catch (IOException reset) {
                    closed = true;
                }
            }
            return new RawExchange(Integer.parseInt(statusLine.split(" ")[1]), headers, body, closed);
        }
    }

    /** The same request (a POST of {@code body}) twice on one kept-alive connection: the statuses of both. */
    static int[] sendTwice(String from, int port, String path, String authorization, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int[] statuses = new int[2];
            for (int i = 0; i < 2; i++) {
                String request = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                        + "Accept: application/json, application/problem+json\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.flush();
                InputStream in = socket.getInputStream();
                String statusLine = line(in);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line = line(in); !line.isEmpty(); line = line(in)) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
                readBody(in, headers);
                statuses[i] = Integer.parseInt(statusLine.split(" ")[1]);
            }
            return statuses;
        }
    }

    private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            long length = Long.parseLong(headers.get("content-length"));
            for (long i = 0; i < length; i++) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                body.write(b);
            }
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                for (int i = 0; i < size; i++) {
                    body.write(in.read());
                }
                line(in);
            }
            line(in);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
