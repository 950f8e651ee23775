package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.query.QueryServiceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against both services, as started for real (the command-service from its jar, the
 * query-service in this JVM, one PostgreSQL): a corpus generated from a fixed seed covers every write
 * and read endpoint with malformed JSON, wrong types, duplicate keys, numbers as ids, huge numbers,
 * deep nesting, control characters, odd and long text, ids of another kind of record, odd media
 * types, methods, headers, request lines, encodings, path and query tricks, and bad credentials.
 * Every answer must be below 500 (but for the documented 503 of a {@code waitFor} whose version the
 * read models have not reached), every refusal an RFC 9457 problem, and the event store must grow
 * by exactly the events the 2xx answers acknowledged.
 *
 * <p>{@code -Dwarnews.hostile.requests=N} sets the corpus size (the {@code hostile} profile runs
 * 12,000), {@code -Dwarnews.hostile.seed=S} the seed.
 */
class HostileInputTest {

    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes(StandardCharsets.UTF_8));
    private static final String AUDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "auditor:auditor-dev-password".getBytes(StandardCharsets.UTF_8));
    private static final String SOURCE = """
            {"outlet":"Outlet","url":"https://example.org/a","publishedAt":"2024-03-01T00:00:00Z"}""";
    private static final String DETAILS = """
            {"attacker":"RU","description":"Strike","targets":[{"place":"Kyiv","region":"Kyiv"}],
             "startDate":"2024-01-10","weapons":[{"type":"ATTACK_DRONE","launched":10,"intercepted":8}],
             "casualties":{"killed":1,"injured":2}}""";

    private static EmbeddedPostgres postgres;
    private static ServiceProcess command;
    private static ConfigurableApplicationContext query;
    private static int commandPort;
    private static int queryPort;
    private static String jdbcUrl;

    private static final String REFUSAL_DELAY = "--warnews.security.sign-in.refusal-delay=100ms";

    @BeforeAll
    static void startTheBackend() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        LocalDatabase.prepare(postgres.getPostgresDatabase(), "hostile");
        jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/hostile";
        commandPort = ServiceProcess.freePort();
        // The corpus's wrong passwords throttle 127.0.0.1 within the first hundred requests; the
        // throttled attempts' 429s are still held back (the asynchronous path), for less than the
        // shipped second each so that the suite does not wait minutes for them.
        command = ServiceProcess.start(COMMAND_JAR, "command-service", Files.createTempDirectory("hostile-logs"),
                commandPort, jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of(REFUSAL_DELAY))
                .awaitHealthy(Duration.ofMinutes(5));
        query = new SpringApplicationBuilder(QueryServiceApplication.class).profiles("local").run(
                "--server.port=0", REFUSAL_DELAY, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + LocalDatabase.QUERY_ROLE,
                "--spring.datasource.password=" + LocalDatabase.QUERY_ROLE);
        queryPort = ((WebServerApplicationContext) query).getWebServer().getPort();
        setUp();
    }

    @AfterAll
    static void stopTheBackend() throws IOException {
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    // ---- the records the corpus aims at ----------------------------------------------------------

    private static final String C = "hostile";
    private static final String ATTACK = "hostile-attack";
    private static final String ATTACK_2 = "hostile-attack-2";
    private static final String TALKS = "hostile-talks";
    private static final String REPORT = "hostile-report";
    private static final String REPORT_2 = "hostile-report-2";
    private static final String PROPOSAL = "hostile-proposal";

    private static void setUp() throws IOException {
        write("/api/conflicts", """
                {"conflictId":"hostile","name":"Hostile","startDate":"2022-02-24",
                 "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""");
        for (String report : List.of(REPORT, REPORT_2)) {
            write("/api/conflicts/hostile/loss-reports", """
                    {"reportId":"%s","side":"RU","claimant":"Setup","asOf":"2024-01-0%d",
                     "figures":[{"category":"TANKS","value":%d}],"source":%s}"""
                    .formatted(report, report.equals(REPORT) ? 1 : 2, report.equals(REPORT) ? 10 : 20, SOURCE));
        }
        for (String attack : List.of(ATTACK, ATTACK_2)) {
            write("/api/conflicts/hostile/attacks", """
                    {"attackId":"%s","details":%s,"claimant":"Setup","source":%s}""".formatted(attack, DETAILS,
                    SOURCE));
        }
        write("/api/conflicts/hostile/talks", """
                {"talksId":"hostile-talks","title":"Talks","parties":["RU","UA"],"date":"2024-01-01","source":%s}"""
                .formatted(SOURCE));
        write("/api/talks/hostile-talks/proposals", """
                {"proposalId":"hostile-proposal","proposer":"UA","terms":[{"type":"CEASEFIRE","text":"Cease fire"}],
                 "date":"2024-01-03","source":%s}""".formatted(SOURCE));
        RawHttp.Answer audit = RawHttp.send(queryPort, request("GET", "/api/audit/projections", AUDITOR, null, null));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        // the editor's credentials pass (and are remembered, so that the corpus's editor requests to the
        // audit API are refused for the role, not for the sign-in throttle), but its role does not rebuild
        RawHttp.Answer editorRebuild = RawHttp.send(queryPort, request("POST", "/api/audit/projections/losses/rebuild",
                EDITOR, null, null));
        assertThat(editorRebuild.status()).as(editorRebuild.body()).isEqualTo(403);
        assertThat(editorRebuild.isProblem()).isTrue();
    }

    private static RawHttp.Answer write(String path, String body) throws IOException {
        RawHttp.Answer answer = RawHttp.send(commandPort, request("POST", path, EDITOR, "application/json",
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(201);
        return answer;
    }

    // ---- the endpoints ---------------------------------------------------------------------------

    /** A write endpoint: its path and a valid body; $N is replaced by a number unique to the request. */
    private record Write(String path, String body) {
    }

    private static final List<Write> WRITES = List.of(
            new Write("/api/conflicts", """
                    {"conflictId":"c-$N","name":"Conflict $N","startDate":"2022-02-24",
                     "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}"""),
            new Write("/api/conflicts/hostile/loss-reports", """
                    {"reportId":"r-$N","side":"RU","claimant":"Claimant $N","asOf":"2024-02-01","basis":"CUMULATIVE",
                     "figures":[{"category":"TANKS","value":5,"qualifier":"EXACT"}],"source":$S}"""),
            new Write("/api/conflicts/hostile/loss-reports/batch", """
                    {"side":"UA","claimant":"Batch $N","reports":[{"reportId":"b-$N","asOf":"2024-02-02",
                     "figures":[{"category":"PERSONNEL","value":7}],"source":$S}]}"""),
            new Write("/api/conflicts/hostile/loss-reports/hostile-report/corrections", """
                    {"figures":[{"category":"TANKS","value":11}],"reason":"Typo $N","source":$S}"""),
            new Write("/api/conflicts/hostile/loss-reports/hostile-report-2/retraction", """
                    {"reason":"Removed $N"}"""),
            new Write("/api/conflicts/hostile/loss-reports/hostile-report/revisions", """
                    {"figures":[{"category":"TANKS","value":12,"qualifier":"MORE_THAN","lower":12}],
                     "reason":"Revised $N","source":$S}"""),
            new Write("/api/conflicts/hostile/loss-reports/hostile-report-2/restoration", """
                    {"reason":"Restored $N"}"""),
            new Write("/api/conflicts/hostile/attacks/batch", """
                    {"attacks":[{"attackId":"ab-$N","details":$D,"claimant":"Claimant","source":$S}]}"""),
            new Write("/api/conflicts/hostile/attacks", """
                    {"attackId":"a-$N","details":$D,"claimant":"Claimant","source":$S}"""),
            new Write("/api/attacks/hostile-attack/casualty-revisions", """
                    {"casualties":{"killed":2,"injured":$N},"claimant":"Claimant","source":$S}"""),
            new Write("/api/attacks/hostile-attack/corrections", """
                    {"details":$D,"reason":"Fix $N","source":$S}"""),
            new Write("/api/attacks/hostile-attack-2/retraction", """
                    {"reason":"Retracted $N"}"""),
            new Write("/api/conflicts/hostile/talks", """
                    {"talksId":"t-$N","title":"Talks $N","parties":["RU","UA"],"mediators":["TR"],"venue":"Istanbul",
                     "date":"2024-01-01","source":$S}"""),
            new Write("/api/talks/hostile-talks/rounds", """
                    {"round":1,"venue":"Geneva","summary":"Round $N","date":"2024-01-02","source":$S}"""),
            new Write("/api/talks/hostile-talks/proposals", """
                    {"proposalId":"p-$N","proposer":"UA","terms":[{"type":"CEASEFIRE","text":"Terms $N",
                     "parameters":{"days":"30"}}],"date":"2024-01-03","source":$S}"""),
            new Write("/api/talks/hostile-talks/proposals/hostile-proposal/responses", """
                    {"party":"RU","response":"REJECTED","termIds":["1"],"reason":"No $N","date":"2024-01-04",
                     "source":$S}"""),
            new Write("/api/talks/hostile-talks/prisoner-exchanges", """
                    {"prisonersReleased":{"RU":$N,"UA":1},"bodiesReturned":{"UA":2},"description":"Exchange",
                     "date":"2024-01-05","source":$S}"""),
            new Write("/api/talks/hostile-talks/status", """
                    {"status":"SUSPENDED","reason":"Pause $N","date":"2024-01-06","source":$S}"""));

    /** A read endpoint: its path, the credentials it needs, and its query parameters with good values. */
    private record Read(String path, String auth, Map<String, List<String>> parameters) {
    }

    private static final List<String> DATES = List.of("2024-01-05", "2024-01", "2024", "");

    private static final List<Read> READS = List.of(
            new Read("/api/conflicts/hostile", null, Map.of("asOf", DATES)),
            new Read("/api/conflicts/hostile/losses", null, Map.of("side", List.of("RU", "UA"), "asOf", DATES)),
            new Read("/api/conflicts/hostile/losses/RU/TANKS/series", null,
                    Map.of("claimant", List.of("Setup", "Claimant 1"), "from", DATES, "to", DATES)),
            new Read("/api/conflicts/hostile/milestones", null,
                    Map.of("side", List.of("RU"), "category", List.of("TANKS", "PERSONNEL"))),
            new Read("/api/conflicts/hostile/attacks", null, Map.of("from", DATES, "to", DATES,
                    "region", List.of("Kyiv"), "weaponType", List.of("ATTACK_DRONE", "CRUISE_MISSILE"))),
            new Read("/api/conflicts/hostile/attacks/daily", null, Map.of("from", DATES, "to", DATES)),
            new Read("/api/conflicts/hostile/attacks/records", null, Map.of()),
            new Read("/api/conflicts/hostile/loss-anomalies", null, Map.of("side", List.of("RU"),
                    "claimant", List.of("Setup"), "status", List.of("open", "resolved"))),
            new Read("/api/conflicts/hostile/attack-anomalies", null, Map.of("status", List.of("open", "resolved"))),
            new Read("/api/audit/conflicts/hostile/milestones", AUDITOR, Map.of("knownAt",
                    List.of("2030-01-01T00:00:00Z"), "side", List.of("RU"), "category", List.of("TANKS"))),
            new Read("/api/audit/conflicts/hostile/loss-anomalies", AUDITOR, Map.of("knownAt",
                    List.of("2030-01-01T00:00:00Z"), "side", List.of("RU"), "claimant", List.of("Setup"),
                    "status", List.of("open", "resolved"))),
            new Read("/api/audit/conflicts/hostile/attacks/records", AUDITOR,
                    Map.of("knownAt", List.of("2030-01-01T00:00:00Z"))),
            new Read("/api/audit/conflicts/hostile/attack-anomalies", AUDITOR,
                    Map.of("knownAt", List.of("2030-01-01T00:00:00Z"), "status", List.of("open", "resolved"))),
            new Read("/api/audit/conflicts/hostile/losses/RU/TANKS/series", AUDITOR,
                    Map.of("knownAt", List.of("2030-01-01T00:00:00Z"), "claimant", List.of("Setup"))),
            new Read("/api/audit/conflicts/hostile/loss-reports/hostile-report/history", AUDITOR, Map.of()),
            new Read("/api/audit/conflicts/hostile/attacks", AUDITOR,
                    Map.of("knownAt", List.of("2030-01-01T00:00:00Z"), "from", DATES, "to", DATES)),
            new Read("/api/audit/conflicts/hostile/attacks/daily", AUDITOR,
                    Map.of("knownAt", List.of("2030-01-01T00:00:00Z"), "from", DATES, "to", DATES)),
            new Read("/api/audit/attacks/hostile-attack", AUDITOR, Map.of("knownAt", List.of("2030-01-01T00:00:00Z"))),
            new Read("/api/audit/attacks/hostile-attack/history", AUDITOR, Map.of()),
            new Read("/api/audit/conflicts/hostile/timeline", AUDITOR,
                    Map.of("knownAt", List.of("2030-01-01T00:00:00Z"), "from", DATES, "to", DATES)),
            new Read("/api/conflicts/hostile/talks", null, Map.of()),
            new Read("/api/talks/hostile-talks", null, Map.of()),
            new Read("/api/conflicts/hostile/timeline", null, Map.of("from", DATES, "to", DATES)),
            new Read("/api/feed", null, Map.of("conflict", List.of("hostile"), "after", List.of("0"))),
            new Read("/api/feed", null, Map.of("conflict", List.of("hostile"), "from", List.of("now"))),
            new Read("/api/audit/events", AUDITOR, Map.of("streamId", List.of("hostile", "hostile-attack"),
                    "page", List.of("0", "1"), "after", List.of("0"), "size", List.of("10"))),
            new Read("/api/audit/streams/hostile", AUDITOR, Map.of("page", List.of("0"), "size", List.of("5"))),
            new Read("/api/audit/streams/hostile/losses/RU/setup", AUDITOR, Map.of()),
            new Read("/api/audit/conflicts/hostile/losses", AUDITOR, Map.of("knownAt",
                    List.of("2030-01-01T00:00:00Z"), "side", List.of("RU"), "asOf", DATES)),
            new Read("/api/audit/talks/hostile-talks", AUDITOR, Map.of("knownAt", List.of("2030-01-01T00:00:00Z"))),
            new Read("/api/audit/projections", AUDITOR, Map.of()),
            new Read("/api/audit/projections/losses", AUDITOR, Map.of()),
            new Read("/api/audit/dead-letters", AUDITOR, Map.of("group", List.of("losses"))));

    // ---- hostile values ----------------------------------------------------------------------------

    private static final List<String> HOSTILE_VALUES = List.of(
            "null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999999999",
            "2147483648", "-2147483649", "9223372036854775808", "12345", "[]", "{}", "[1,2]", "{\"a\":1}",
            "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001f\"", "\"\\u007f\"", "\"\\u0085\"",
            "\"\\ud800\"", "\"\\udc00x\"", "\"tab\\tnew\\nline\\r\"", "\"\\\\\\\"quotes\\\"\"",
            "\"\u0645\u0631\u062d\u0628\u0627 RTL \u202e\"", "\"emoji \ud83d\ude80\ud83c\uddfa\ud83c\udde6\"",
            "\"\u2473\u2473\u2473\"", "\"ﬃ\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE x; --\"",
            "\"%00\"", "\"../../etc/passwd\"", "\"a/b\"", "\"RU\"", "\"TANKS\"", "\"2024-02-30\"", "\"2024-13-01\"",
            "\"9999-12-31\"", "\"0000-01-01\"", "\"-2024-01-01\"", "\"2024-01-01T00:00:00\"", "\"not a date\"",
            "\"hostile\"", "\"hostile-attack\"", "\"hostile-talks\"", "\"https://x\"", "\"javascript:alert(1)\"",
            "NaN", "Infinity", "01", "0x10", "1_000", "\"\\uFFFE\"", "\"\\uFEFFbom\"");

    private static String longText(Random random) {
        String unit = switch (random.nextInt(4)) {
            case 0 -> "a";
            case 1 -> "\u2473";
            case 2 -> "\ud83d\ude80";
            default -> "\u05d0";
        };
        return "\"" + unit.repeat(random.nextInt(2) == 0 ? 201 : 5000) + "\"";
    }

    private static String deep(int depth, boolean arrays) {
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    // ---- one hostile request ---------------------------------------------------------------------

    /** What was sent, to which service, and for the record, how it was made. */
    private record Sent(String kind, int port, byte[] bytes, String summary) {
    }

    private static final List<String> KINDS = List.of("valid", "field", "field", "field", "long-text", "duplicate",
            "malformed", "deep", "unknown-field", "content-type", "accept", "path", "query", "method", "header",
            "request-line", "size", "id", "encoding", "auth", "read", "read", "read", "read-query", "read-query",
            "read-path", "read-method", "read-auth", "audit-write", "audit-write");

    private static Sent next(Random random, int n) {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        if (kind.startsWith("read")) {
            return read(random, kind);
        }
        if (kind.equals("audit-write")) {
            return auditWrite(random, kind);
        }
        Write write = WRITES.get(random.nextInt(WRITES.size()));
        String body = write.body().replace("$S", SOURCE).replace("$D", DETAILS).replace("$N", String.valueOf(n));
        String path = write.path();
        String method = "POST";
        String contentType = "application/json";
        String auth = EDITOR;
        List<String> extraHeaders = new ArrayList<>();
        byte[] bytes = null;
        switch (kind) {
            case "field" -> body = replaceValue(random, body, HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())));
            case "long-text" -> body = replaceValue(random, body, longText(random));
            case "duplicate" -> {
                int colon = body.indexOf(':');
                String key = body.substring(body.indexOf('"'), colon);
                body = "{" + key + ":" + HOSTILE_VALUES.get(random.nextInt(12)) + "," + body.substring(1);
            }
            case "malformed" -> body = switch (random.nextInt(8)) {
                case 0 -> body.substring(0, random.nextInt(body.length()));
                case 1 -> "";
                case 2 -> "null";
                case 3 -> "[" + body + "]";
                case 4 -> "\"text\"";
                case 5 -> body + "}";
                case 6 -> body.replace("\"", "'");
                default -> body.replace(":", "=");
            };
            case "deep" -> body = replaceValue(random, body, deep(random.nextInt(2) == 0 ? 70 : 5000,
                    random.nextBoolean()));
            case "unknown-field" -> body = "{\"unexpected\":1," + body.substring(1);
            case "content-type" -> contentType = pick(random, "*/*", "application/*", "text/plain",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                    "application/json; charset=latin1", "application/json; charset=bogus", "json", "", "a/b/c",
                    "application/json, text/html", "application/json;;;", null);
            case "accept" -> extraHeaders.add("Accept: " + pick(random, "text/html", "application/xml", "***",
                    "application/json;q=x", "*/*;q=0", "text/event-stream", "", "image/png, */*;q=0.1"));
            case "path" -> path = mutatePath(random, path);
            case "query" -> path = path + "?" + pick(random, "x=1", "reportId=abc", "a=%00", "%zz=1", "side=%zz",
                    "=", "&&", "a=" + "b".repeat(3000), "waitFor=x@1", "debug=true&debug=false");
            case "method" -> method = pick(random, "GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
                    "FOO", "post", "CONNECT", "PROPFIND");
            case "header" -> extraHeaders.add(pick(random, "X-Bad: a\u0001b", "X-Long: " + "x".repeat(9000),
                    "Content-Length: 5", "Transfer-Encoding: gzip", "Transfer-Encoding: chunked", "Expect: 100-continue", "Host: a:b:c",
                    "X-Correlation-Id: " + "\u00ff".repeat(10), "Range: bytes=0-1", "If-None-Match: *",
                    ": empty-name", "Bad Header: space", "X-Forwarded-For: 1.2.3.4, " + "9".repeat(200)));
            case "request-line" -> bytes = pick(random, "GET / HTTP/3.0\r\n\r\n", "GARBAGE\r\n\r\n",
                    "GET\r\n\r\n", "GET /api/conflicts HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                    "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                    "POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                    "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET /api/conflicts\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET /api/conflicts HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(200) + "\r\n",
                    "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            case "size" -> {
                if (random.nextInt(3) == 0) {
                    extraHeaders.add("Content-Length: 20000000");
                    bytes = request(method, path, auth, contentType, body.getBytes(StandardCharsets.UTF_8),
                            extraHeaders.toArray(String[]::new));
                } else {
                    body = replaceValue(random, body, "\"" + "x".repeat(100_000) + "\"");
                }
            }
            case "id" -> body = ids(random, write, body);
            case "encoding" -> {
                switch (random.nextInt(4)) {
                    case 0 -> bytes = request(method, path, auth, "application/json; charset=UTF-16",
                            body.getBytes(StandardCharsets.UTF_16));
                    case 1 -> bytes = request(method, path, auth, contentType, concat(new byte[] {(byte) 0xEF,
                            (byte) 0xBB, (byte) 0xBF}, body.getBytes(StandardCharsets.UTF_8)));
                    case 2 -> bytes = request(method, path, auth, contentType,
                            replaceValue(random, body, "\"\u00e9\u00ff\"").getBytes(StandardCharsets.ISO_8859_1));
                    default -> bytes = request(method, path, auth, contentType,
                            concat(body.substring(0, body.length() / 2).getBytes(StandardCharsets.UTF_8),
                                    new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                                    body.substring(body.length() / 2).getBytes(StandardCharsets.UTF_8)));
                }
            }
            case "auth" -> auth = pick(random, null, "Basic", "Basic !!!", "Bearer abc",
                    "Basic " + Base64.getEncoder().encodeToString("editor:wrong".getBytes()),
                    "Basic " + Base64.getEncoder().encodeToString(("nobody" + random.nextInt(50) + ":x").getBytes()),
                    "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()),
                    "Basic " + Base64.getEncoder().encodeToString("auditor:auditor-dev-password".getBytes()),
                    "Basic " + Base64.getEncoder().encodeToString(("editor:" + "x".repeat(5000)).getBytes()));
            default -> {
            }
        }
        if (bytes == null) {
            bytes = request(method, path, auth, contentType, body.getBytes(StandardCharsets.UTF_8),
                    extraHeaders.toArray(String[]::new));
        }
        return new Sent(kind, commandPort, bytes, method + " " + path);
    }

    private static Sent read(Random random, String kind) {
        Read read = READS.get(random.nextInt(READS.size()));
        String path = read.path();
        String method = "GET";
        String auth = read.auth();
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : new TreeMap<>(read.parameters()).entrySet()) {
            if (random.nextBoolean()) {
                query.add(parameter.getKey() + "=" + encode(pick(random, parameter.getValue().toArray(String[]::new))));
            }
        }
        switch (kind) {
            case "read-query" -> {
                String name = read.parameters().isEmpty() ? "x"
                        : pick(random, read.parameters().keySet().toArray(String[]::new));
                query.add(pick(random, "bogus=1", "reportId=r", name + "=%00", name + "=a%00b", name + "=%zz",
                        name + "=" + "9".repeat(500), name + "=" + encode("\u2473\ud83d\ude80"), name + "=-1",
                        name + "=" + encode("' OR 1=1 --"), name + "=%0d%0aX-Injected:%201", name + "=%ff",
                        "waitFor=" + encode("hostile@999999") + "&waitMillis=1", "waitMillis=99999999999",
                        "waitFor=garbage", name + "=" + encode(" "), name + "=9223372036854775808"));
            }
            case "read-path" -> path = mutatePath(random, path);
            case "read-method" -> method = pick(random, "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
                    "TRACE", "FOO");
            case "read-auth" -> auth = pick(random, "Basic !!!",
                    "Basic " + Base64.getEncoder().encodeToString(("reader" + random.nextInt(20) + ":bad").getBytes()),
                    "Basic " + Base64.getEncoder().encodeToString("auditor:wrong".getBytes()), "Bearer x", null,
                    EDITOR, AUDITOR);
            default -> {
            }
        }
        String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
        return new Sent(kind, queryPort, request(method, target, auth, null, null), method + " " + target);
    }

    // ---- the auditors' writes: rebuilds, dead-letter retries and drops ---------------------------------

    /** The processing groups: each has a read model, a rebuild and a dead-letter queue. */
    private static final List<String> GROUPS = List.of("conflicts", "losses", "attacks", "talks", "timeline");

    /** Names of no processing group: unknown, other case, padded, blank, overlong, encoded, multi-byte. */
    private static final List<String> BAD_GROUPS = List.of("nope", "LOSSES", "Losses", "losses-x", "losses.json",
            "%20", "losses%20", "%09losses", "x".repeat(256), "x".repeat(3000), "%00", "losses%00", "%01",
            "a%2Fb", "losses%2F..", "%2e%2e", "..", "losses;x", "%5C", "%E2%91%B3%F0%9F%9A%80", "%ff%fe",
            "%C3%28", "%ED%A0%80", "%25%32%66", "-1", "0", "9223372036854775808", "%27%20OR%201=1--",
            "%3Cscript%3E", "dead-letters", "projections", "hostile");

    /** Sequence (stream) ids a retry or a drop may name: none of them has dead letters. */
    private static final List<String> SEQUENCES = List.of("hostile", "hostile/losses/RU/setup", "hostile-attack",
            "nope", "x".repeat(256), "x".repeat(5000), "%00", "a%00b", "%01", "%7F", "%0d%0aX:1", "%2F", "a%2Fb",
            "..", "%2e%2e", "a%20b", "+", "%2B", "%E2%91%B3%F0%9F%9A%80", "%ff", "%C3%28", "%ED%A0%80", "%zz",
            "%25", "%27%20OR%201=1--", "%22", "");

    /**
     * A hostile request to an auditor's write: {@code POST .../projections/{name}/rebuild},
     * {@code POST .../dead-letters/{group}/retry[?sequenceId=]}, {@code DELETE .../dead-letters/{group}/{sequenceId}}
     * or {@code DELETE .../dead-letters/{group}?sequenceId=}. Each has something wrong with it: a bad group
     * or sequence id, a wrong method, content type, query or credentials, the editor's role. A rebuild
     * request always has something that refuses it before the rebuild starts (a rebuild would hold the
     * read model's lock, and the suite's retries and drops of its dead letters would be refused 409
     * meanwhile): a real group name goes only with a wrong method, query, media type
     * pattern or credentials; any other defect goes with a name of no group. A retry or a drop of
     * a real group's queue is harmless: no event of the corpus is a dead letter.
     */
    private static Sent auditWrite(Random random, String kind) {
        int endpoint = random.nextInt(4);
        String defect = pick(random, "group", "group", "sequence", "method", "content-type", "query", "auth",
                "auth");
        boolean rebuild = endpoint == 0;
        boolean refusedBeforeTheController = defect.equals("method") || defect.equals("query")
                || defect.equals("auth");
        String group = defect.equals("group") || rebuild && !refusedBeforeTheController
                && !defect.equals("content-type")
                ? pick(random, BAD_GROUPS.toArray(String[]::new)) : pick(random, GROUPS.toArray(String[]::new));
        String sequence = defect.equals("sequence") ? pick(random, SEQUENCES.toArray(String[]::new))
                : pick(random, "hostile", "hostile/losses/RU/setup", "nope");
        String method = endpoint < 2 ? "POST" : "DELETE";
        String path = switch (endpoint) {
            case 0 -> "/api/audit/projections/" + group + "/rebuild";
            case 1 -> "/api/audit/dead-letters/" + group + "/retry"
                    + (random.nextBoolean() ? "?sequenceId=" + sequence : "");
            case 2 -> "/api/audit/dead-letters/" + group + "/" + sequence;
            default -> "/api/audit/dead-letters/" + group + (random.nextBoolean() ? "?sequenceId=" + sequence : "");
        };
        String auth = AUDITOR;
        String contentType = null;
        byte[] body = null;
        switch (defect) {
            case "method" -> method = switch (endpoint) {
                case 0 -> pick(random, "GET", "PUT", "PATCH", "DELETE", "HEAD", "TRACE", "FOO");
                case 1 -> pick(random, "GET", "PUT", "PATCH", "DELETE", "HEAD", "TRACE", "FOO", "post");
                default -> pick(random, "GET", "POST", "PUT", "PATCH", "HEAD", "TRACE", "FOO", "delete");
            };
            case "content-type" -> {
                // on a rebuild, only patterns and unreadable types (refused before the controller) with a real name
                contentType = rebuild && GROUPS.contains(group)
                        ? pick(random, "*/*", "application/*", "text/*")
                        : pick(random, "*/*", "application/*", "text/plain", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/xml", "application/json; charset=bogus",
                        "a/b/c", "json", "", "application/json");
                body = pick(random, "{\"sequenceId\":\"hostile\"}", "sequenceId=hostile&group=losses",
                        "\u0000\u0001", "", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--",
                        "x".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
            }
            case "query" -> path = path + (path.contains("?") ? "&" : "?") + pick(random, "bogus=1", "group=losses",
                    "sequenceId=%00", "sequenceId=a%00b", "sequenceId=%zz", "%zz=1", "force=true",
                    "sequenceId=" + "9".repeat(3000), "sequenceId=hostile&sequenceId=nope", "waitFor=x@1");
            case "auth" -> auth = pick(random, null, EDITOR, "Basic", "Basic !!!", "Bearer x",
                    "Basic " + Base64.getEncoder().encodeToString("auditor:wrong".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + Base64.getEncoder().encodeToString("auditor".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + Base64.getEncoder().encodeToString(("intruder" + random.nextInt(20) + ":x")
                            .getBytes(StandardCharsets.UTF_8)));
            default -> {
            }
        }
        return new Sent(kind, queryPort, request(method, path, auth, contentType, body), method + " " + path);
    }

    private static String ids(Random random, Write write, String body) {
        return switch (random.nextInt(6)) {
            case 0 -> body.replaceFirst("\"(conflictId|attackId|talksId|reportId|proposalId)\":\"[^\"]*\"",
                    "\"$1\":" + pick(random, "\"hostile\"", "\"hostile-attack\"", "\"hostile-talks\"", "7", "7.0",
                            "true", "[\"x\"]", "\"" + "i".repeat(101) + "\"", "\"-x\"", "\"a b\"", "\"\u00e9t\u00e9\""));
            case 1 -> body.replaceFirst("\"claimant\":\"[^\"]*\"", "\"claimant\":\"" + pick(random,
                    "\u2473".repeat(200), "x".repeat(200), "\u5f90".repeat(200), "\ufdfa".repeat(200),
                    "\u3392".repeat(200), "ﬃ".repeat(200), "\u0000", "\u00a0", "-") + "\"");
            case 2 -> body.replaceFirst("\"side\":\"[^\"]*\"", "\"side\":\"" + pick(random, "R/U", "\u2473".repeat(20),
                    "ru", "", " RU", "RU\\u0000") + "\"");
            case 3 -> body.replace("\"$N\"", "0");
            case 4 -> body.replaceFirst("\"(party|proposer)\":\"[^\"]*\"", "\"$1\":\"" + pick(random, "XX", "",
                    "\u2473".repeat(300)) + "\"");
            default -> body.replaceFirst("\"termIds\":\\[[^]]*]", "\"termIds\":[1,2]");
        };
    }

    private static String mutatePath(Random random, String path) {
        return switch (random.nextInt(16)) {
            case 0 -> path.replace("hostile", "a%2Fb");
            case 1 -> path.replace("hostile", "%00");
            case 2 -> path.replace("/hostile", "/../hostile");
            case 3 -> path.replace("hostile", "hostile;jsessionid=1");
            case 4 -> path.replace("/hostile", "//hostile");
            case 5 -> path.replace("hostile", "%20");
            case 6 -> path.replace("hostile", "x".repeat(300));
            case 7 -> path.replace("hostile", "%E2%91%B3%F0%9F%9A%80");
            case 8 -> path.replace("hostile", "%ff%fe");
            case 9 -> path.replace("/hostile", "/%5Chostile");
            case 10 -> path + "/";
            case 11 -> path.replace("hostile", "hostile%2e%2e");
            case 12 -> path.replace("/api", "/API");
            case 13 -> path.replace("hostile", "%0d%0aX:1");
            case 14 -> path.replace("hostile", "hostile-attack");
            default -> path.replace("hostile", "%25%32%66");
        };
    }

    private static String replaceValue(Random random, String body, String value) {
        List<int[]> values = new ArrayList<>();
        JsonValues.scan(body, values);
        if (values.isEmpty()) {
            return body;
        }
        int[] span = values.get(random.nextInt(values.size()));
        return body.substring(0, span[0]) + value + body.substring(span[1]);
    }

    /** The spans of the scalar values of a JSON text (strings with their quotes, numbers, literals). */
    private static final class JsonValues {

        static void scan(String json, List<int[]> spans) {
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c == '"') {
                    int end = i + 1;
                    while (end < json.length() && json.charAt(end) != '"') {
                        end += json.charAt(end) == '\\' ? 2 : 1;
                    }
                    int after = end + 1;
                    while (after < json.length() && json.charAt(after) == ' ') {
                        after++;
                    }
                    if (after >= json.length() || json.charAt(after) != ':') {
                        spans.add(new int[] {i, end + 1});
                    }
                    i = end;
                } else if (c == '-' || Character.isDigit(c) || c == 't' || c == 'f' || c == 'n') {
                    int end = i;
                    while (end < json.length() && ",}] \n".indexOf(json.charAt(end)) < 0) {
                        end++;
                    }
                    spans.add(new int[] {i, end});
                    i = end - 1;
                }
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] request(String method, String target, String auth, String contentType, byte[] body,
                          String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (auth != null) {
            head.append("Authorization: ").append(auth).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        boolean length = false;
        for (String header : headers) {
            head.append(header).append("\r\n");
            length |= header.toLowerCase(Locale.ROOT).startsWith("content-length");
        }
        if (body != null && !length) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return body == null ? head.toString().getBytes(StandardCharsets.UTF_8)
                : concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    // ---- the run ---------------------------------------------------------------------------------

    @Test
    void noHostileRequestGetsA5xxEveryRefusalIsAProblemAndOnlyAcknowledgedWritesAreStored() throws Exception {
        long seed = Long.getLong("warnews.hostile.seed", 20_261_201L);
        int requests = Integer.getInteger("warnews.hostile.requests", 3000);
        Random random = new Random(seed);
        long before = storedEvents();
        Map<String, Long> headsBefore = streamHeads();
        Map<String, Long> acknowledgedHeads = new TreeMap<>();
        long acknowledged = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int n = 0; n < requests; n++) {
            Sent sent = next(random, n);
            boolean feed = sent.summary().contains(" /api/feed");
            RawHttp.Answer answer = RawHttp.send(sent.port(), sent.bytes(), feed ? 1000 : 20_000);
            statuses.merge(answer.status() + " " + sent.kind(), 1, Integer::sum);
            if (feed && answer.status() == 0) {
                continue;
            }
            boolean notYetProjected = answer.status() == 503 && sent.summary().contains("waitFor=")
                    && answer.body().contains("urn:warnews:problem:not-yet-projected");
            if (answer.status() >= 500 && !notYetProjected || answer.status() == 0) {
                failures.add("#" + n + " " + sent.kind() + " " + abbreviate(sent.summary()) + " -> " + answer.status()
                        + " " + abbreviate(answer.body()));
            } else if (answer.status() >= 400 && !answer.isProblem() && !sent.summary().startsWith("HEAD ")) {
                failures.add("#" + n + " " + sent.kind() + " " + abbreviate(sent.summary()) + " -> " + answer.status()
                        + " not a problem: " + answer.header("content-type") + " " + abbreviate(answer.body()));
            }
            if (answer.status() >= 200 && answer.status() < 300 && sent.port() == commandPort) {
                acknowledged += eventsRecorded(answer.status(), answer.body());
            }
            if (answer.status() >= 200 && answer.status() < 300 && sent.port() == commandPort
                    && answer.body().startsWith("{")) {
                JsonNode written = JSON.readTree(answer.body());
                // a single write names its stream; the attacks batch names one per attack
                for (JsonNode stream : written.has("attacks") ? written.get("attacks") : List.of(written)) {
                    if (stream.has("streamId") && stream.has("version")) {
                        acknowledgedHeads.merge(stream.get("streamId").asText(), stream.get("version").asLong(),
                                Math::max);
                    }
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        long after = storedEvents();
        System.out.printf("Hostile input: %d requests (seed %d) in %d s, %d events acknowledged, statuses %s%n",
                requests, seed, seconds, acknowledged, statuses);
        assertThat(failures).as("answers that are 5xx, missing, or refusals that are not problems").isEmpty();
        Map<String, Long> grown = new TreeMap<>();
        streamHeads().forEach((stream, head) -> {
            if (!head.equals(headsBefore.get(stream))) {
                grown.put(stream, head);
            }
        });
        System.out.printf("Event store: %d events added, %d recorded by the 2xx answers, %d streams written%n",
                after - before, acknowledged, grown.size());
        assertThat(after - before).as("events added to the event store during the run, against the events the"
                + " acknowledged (2xx) writes say they recorded").isEqualTo(acknowledged);
        assertThat(grown).as("every stream that grew ends at the version a 2xx answer acknowledged")
                .allSatisfy((stream, head) -> assertThat(acknowledgedHeads.get(stream)).as(stream).isEqualTo(head));
        assertThat(statuses.keySet()).as("the corpus also gets through").anyMatch(s -> s.startsWith("201"));
        assertThat(statuses.keySet()).as("the auditors' writes are in the corpus")
                .anyMatch(s -> s.endsWith(" audit-write"));
        RawHttp.Answer projections = RawHttp.send(queryPort, request("GET", "/api/audit/projections", AUDITOR, null,
                null));
        assertThat(projections.status()).as(projections.body()).isEqualTo(200);
        assertThat(JSON.readTree(projections.body())).as("no hostile request started a rebuild")
                .allSatisfy(group -> assertThat(group.path("lastRebuild").isNull()
                        || group.path("lastRebuild").isMissingNode()).as(group.toString()).isTrue());
    }

    // ---- text: what is accepted reads back exactly ---------------------------------------------------

    /** Text a claimant may publish: every shape is accepted and reads back unchanged from every read model. */
    static final List<String> ACCEPTED_TEXT = List.of(
            "Plain text", "Z\u00fcrich \u2013 \u041a\u0438\u0457\u0432", "\u5317\u4eac \u6771\u4eac \uc11c\uc6b8",
            "emoji \ud83d\ude80\ud83c\uddfa\ud83c\udde6 \ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd \u202ereversed\u202c",
            "e\u0301 combining, \ufb03 ligature, \u00a0nbsp, \u200bzero width",
            "\"double\" and 'single' quotes", "back\\slash \\n \\u0000 literally",
            "tab\there\nnew line\r\ncarriage return", "<b>&amp;</b> <script>alert(1)</script>",
            "'); DROP TABLE event_store.domain_event_entry; --", "%00 %2F ../../ ${x} {{x}}",
            "\ud835\udd18\ud835\udd2b\ud835\udd26 supplementary", "\ufeffbyte order mark, \u2028line separator\u2029",
            "\ufffd replacement, \uffef", "\u03a9".repeat(200), "x");

    @Test
    void everyAcceptedTextShapeReadsBackUnchangedFromTheReadModels() throws Exception {
        for (int i = 0; i < ACCEPTED_TEXT.size(); i++) {
            String text = ACCEPTED_TEXT.get(i);
            String quoted = JSON.writeValueAsString(text);
            String conflict = "text-" + i;
            JsonNode registered = JSON.readTree(write("/api/conflicts", """
                    {"conflictId":"%s","name":%s,"startDate":"2022-02-24",
                     "parties":[{"code":"RU","name":%s},{"code":"UA","name":"Ukraine"}]}"""
                    .formatted(conflict, quoted, quoted)).body());
            JsonNode conflictView = read("/api/conflicts/" + conflict, registered);
            assertThat(conflictView.get("name").asText()).isEqualTo(text);
            assertThat(conflictView.at("/parties/0/name").asText()).isEqualTo(text);

            String source = """
                    {"outlet":%s,"url":"https://example.org/%d","headline":%s,"publishedAt":"2024-03-01T00:00:00Z"}"""
                    .formatted(quoted, i, quoted);
            JsonNode launched = JSON.readTree(write("/api/conflicts/" + conflict + "/attacks", """
                    {"attackId":"text-attack-%d","claimant":%s,"source":%s,
                     "details":{"attacker":"RU","description":%s,"targets":[{"place":%s,"region":%s}],
                                "startDate":"2024-01-10","weapons":[{"type":"ATTACK_DRONE","model":%s,"launched":3}]}}"""
                    .formatted(i, quoted, source, quoted, quoted, quoted, quoted.length() > 102 ? "\"m\"" : quoted))
                    .body());
            JsonNode attack = read("/api/conflicts/" + conflict + "/attacks", launched).get(0);
            assertThat(attack.get("description").asText()).isEqualTo(text);
            assertThat(attack.at("/targets/0/place").asText()).isEqualTo(text);
            assertThat(attack.at("/targets/0/region").asText()).isEqualTo(text);
            assertThat(attack.get("claimant").asText()).isEqualTo(text);
            assertThat(attack.at("/source/outlet").asText()).isEqualTo(text);
            assertThat(attack.at("/source/headline").asText()).isEqualTo(text);

            JsonNode opened = JSON.readTree(write("/api/conflicts/" + conflict + "/talks", """
                    {"talksId":"text-talks-%d","title":%s,"parties":["RU","UA"],"venue":%s,"date":"2024-01-01",
                     "source":%s}""".formatted(i, quoted, quoted, source)).body());
            JsonNode talks = read("/api/talks/text-talks-" + i, opened);
            assertThat(talks.get("title").asText()).isEqualTo(text);
            assertThat(talks.get("venue").asText()).isEqualTo(text);

            JsonNode reported = JSON.readTree(write("/api/conflicts/" + conflict + "/loss-reports", """
                    {"reportId":"text-report-%d","side":"RU","claimant":%s,"asOf":"2024-01-01",
                     "figures":[{"category":"TANKS","value":%d}],"source":%s}""".formatted(i, quoted, i, source))
                    .body());
            JsonNode series = read("/api/conflicts/" + conflict + "/losses/RU/TANKS/series", reported);
            assertThat(series.toString()).contains(quoted);
            String inside = quoted.substring(1, quoted.length() - 1);
            JsonNode timeline = read("/api/conflicts/" + conflict + "/timeline", reported);
            assertThat(timeline.toString()).contains(inside + " begins, between " + inside + " (RU)")
                    .contains(inside + " reports RU losses");
        }
        RawHttp.Answer deadLetters = RawHttp.send(queryPort, request("GET", "/api/audit/dead-letters", AUDITOR, null,
                null));
        assertThat(deadLetters.status()).isEqualTo(200);
        assertThat(JSON.readTree(deadLetters.body())).as("no event of the corpus failed a projection").isEmpty();
    }

    // ---- numbers, bounds, terms and responses: what is accepted reads back exactly ----------------

    /**
     * Every qualifier with and without bounds, zero and the largest counts, weapon lines and tolls
     * that leave counts out, peace-talk terms with parameters, responses with and without a reason,
     * a round and a prisoner exchange: each written through the editors' API and read back over
     * HTTP from the read models exactly as written, a count left out as null (never 0).
     */
    @Test
    void everyAcceptedNumberBoundTermAndResponseReadsBackExactly() throws Exception {
        write("/api/conflicts", """
                {"conflictId":"shapes","name":"Shapes","startDate":"2022-02-24",
                 "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""");
        String figures = """
                [{"category":"TANKS","value":0},
                 {"category":"PERSONNEL","value":1000340,"qualifier":"ABOUT"},
                 {"category":"KILLED","value":45000,"qualifier":"MORE_THAN","lower":40000,"upper":50000},
                 {"category":"WOUNDED","value":390000,"qualifier":"LESS_THAN","upper":400000},
                 {"category":"CAPTURED","value":6000,"qualifier":"AT_LEAST","lower":6000},
                 {"category":"UAVS","value":120,"qualifier":"LESS_THAN","lower":0},
                 {"category":"ARTILLERY","value":9007199254740993,"qualifier":"EXACT"},
                 {"category":"AIRCRAFT","value":9223372036854775807,"qualifier":"MORE_THAN",
                  "lower":9223372036854775806,"upper":9223372036854775807}]""";
        JsonNode reported = JSON.readTree(write("/api/conflicts/shapes/loss-reports", """
                {"reportId":"shapes-report","side":"RU","claimant":"Shapes","asOf":"2024-01-05",
                 "figures":%s,"source":%s}""".formatted(figures, SOURCE)).body());
        JsonNode losses = read("/api/conflicts/shapes/losses?side=RU", reported);
        for (JsonNode figure : JSON.readTree(figures)) {
            String category = figure.get("category").asText();
            JsonNode point = read("/api/conflicts/shapes/losses/RU/" + category + "/series", reported)
                    .at("/points/0");
            JsonNode headline = null;
            for (JsonNode candidate : losses.at("/sides/0/categories")) {
                if (candidate.get("category").asText().equals(category)) {
                    headline = candidate.get("headline");
                }
            }
            assertThat(headline).as("the headline of " + category).isNotNull();
            for (JsonNode shown : List.of(point, headline)) {
                assertThat(shown.get("value").toString()).as(category + " value")
                        .isEqualTo(figure.get("value").toString());
                assertThat(shown.get("qualifier").asText()).as(category + " qualifier")
                        .isEqualTo(figure.path("qualifier").asText("EXACT"));
                for (String bound : List.of("lower", "upper")) {
                    if (figure.has(bound)) {
                        assertThat(shown.get(bound).toString()).as(category + " " + bound)
                                .isEqualTo(figure.get(bound).toString());
                    } else {
                        assertThat(shown.get(bound)).as(category + " " + bound + " not given").isNotNull();
                        assertThat(shown.get(bound).isNull()).as(category + " " + bound + " not given: null")
                                .isTrue();
                    }
                }
            }
        }
        JsonNode milestones = read("/api/conflicts/shapes/milestones?side=RU&category=AIRCRAFT", reported);
        assertThat(milestones.at("/milestones/0/threshold").asLong()).isEqualTo(5_000_000_000_000_000_000L);
        assertThat(milestones.at("/milestones/0/value").toString()).isEqualTo("9223372036854775807");
        assertThat(milestones.at("/milestones/0/qualifier").asText()).isEqualTo("MORE_THAN");
        assertThat(read("/api/conflicts/shapes/milestones?side=RU&category=TANKS", reported).get("milestones"))
                .as("zero passes no round number").isEmpty();

        // Attacks: counts from 0 to the largest, and counts left out, which are not zero.
        JsonNode launched = JSON.readTree(write("/api/conflicts/shapes/attacks", """
                {"attackId":"shapes-attack","claimant":"Shapes","source":%s,
                 "details":{"attacker":"RU","startDate":"2024-01-10","targets":[{"place":"Kyiv","region":"Kyiv"}],
                            "weapons":[{"type":"ATTACK_DRONE","launched":0,"intercepted":0},
                                       {"type":"CRUISE_MISSILE","model":"Kh-101","launched":2147483647},
                                       {"type":"BALLISTIC_MISSILE","launched":2147483647,"intercepted":1},
                                       {"type":"GUIDED_AERIAL_BOMB"}],
                            "casualties":{"injured":0}}}""".formatted(SOURCE)).body());
        JsonNode attack = read("/api/conflicts/shapes/attacks", launched).get(0);
        assertThat(attack.get("attackId").asText()).isEqualTo("shapes-attack");
        JsonNode weapons = attack.get("weapons");
        assertThat(weapons).hasSize(4);
        assertThat(weapons.get(0).get("launched").toString()).isEqualTo("0");
        assertThat(weapons.get(0).get("intercepted").toString()).isEqualTo("0");
        assertThat(weapons.get(1).get("launched").toString()).isEqualTo("2147483647");
        assertThat(weapons.get(1).get("intercepted").isNull()).as("not reported is null, not 0").isTrue();
        assertThat(weapons.get(1).get("model").asText()).isEqualTo("Kh-101");
        assertThat(weapons.get(2).get("intercepted").toString()).isEqualTo("1");
        assertThat(weapons.get(3).get("launched").isNull()).as("not reported is null, not 0").isTrue();
        assertThat(weapons.get(3).get("intercepted").isNull()).isTrue();
        assertThat(attack.at("/launched/value").toString()).as("the sum over the lines that give it, in full")
                .isEqualTo("4294967294");
        assertThat(attack.at("/launched/complete").asBoolean()).as("one line does not give it").isFalse();
        assertThat(attack.at("/intercepted/value").toString()).isEqualTo("1");
        assertThat(attack.at("/intercepted/complete").asBoolean()).isFalse();
        assertThat(attack.at("/shotDown/value").isNull()).as("no line gives it: null, not 0").isTrue();
        assertThat(attack.at("/casualties/injured").toString()).isEqualTo("0");
        assertThat(attack.at("/casualties/killed").isNull()).as("killed not reported: null, not 0").isTrue();
        JsonNode day = read("/api/conflicts/shapes/attacks/daily?from=2024-01-10&to=2024-01-10", launched).get(0);
        assertThat(day.at("/launched/sum").toString()).isEqualTo("4294967294");
        assertThat(day.at("/killed/sum").isNull()).as("no attack gave it: null, not 0").isTrue();
        assertThat(day.at("/killed/unreported").asLong()).isEqualTo(1);
        assertThat(day.at("/injured/sum").toString()).isEqualTo("0");
        assertThat(day.at("/injured/reported").asLong()).isEqualTo(1);

        // Peace talks: terms with their parameters, responses with their reasons, a round, an exchange.
        write("/api/conflicts/shapes/talks", """
                {"talksId":"shapes-talks","title":"Shapes talks","parties":["RU","UA"],"date":"2024-01-01",
                 "source":%s}""".formatted(SOURCE));
        String terms = """
                [{"termId":"ceasefire","type":"CEASEFIRE","text":"A ceasefire of 30 days",
                  "parameters":{"durationDays":"30","zero":"0","empty":"","padded":"  two  spaces  ",
                                "quoted":"\\"x\\" & <y>","unicode":"\u041a\u0438\u0457\u0432 \ud83d\ude80"}},
                 {"termId":"reparations","type":"REPARATIONS","text":"Reparations","parameters":{}},
                 {"termId":"leaders","type":"LEADERS_MEETING","text":"A meeting of the presidents"},
                 {"termId":"territory","type":"TERRITORY","text":"Borders of 1991","parameters":{"year":"1991"}}]""";
        write("/api/talks/shapes-talks/proposals", """
                {"proposalId":"shapes-proposal","proposer":"UA","terms":%s,"date":"2024-01-03","source":%s}"""
                .formatted(terms, SOURCE));
        write("/api/talks/shapes-talks/proposals/shapes-proposal/responses", """
                {"party":"RU","response":"ACCEPTED","termIds":["ceasefire"],"date":"2024-01-04","source":%s}"""
                .formatted(SOURCE));
        String reason = "Not \"now\" \u2013 never; <b>&amp;</b>\n\u041d\u0435\u0442";
        write("/api/talks/shapes-talks/proposals/shapes-proposal/responses", """
                {"party":"RU","response":"REJECTED","termIds":["reparations","territory"],"reason":%s,
                 "date":"2024-01-05","source":%s}""".formatted(JSON.writeValueAsString(reason), SOURCE));
        write("/api/talks/shapes-talks/rounds", """
                {"round":1,"date":"2024-01-06","source":%s}""".formatted(SOURCE));
        JsonNode exchanged = JSON.readTree(write("/api/talks/shapes-talks/prisoner-exchanges", """
                {"prisonersReleased":{"RU":0,"UA":2147483647},"description":"All for all","date":"2024-01-07",
                 "source":%s}""".formatted(SOURCE)).body());
        JsonNode talks = read("/api/talks/shapes-talks", exchanged);
        JsonNode proposal = talks.at("/proposals/0");
        assertThat(proposal.get("proposalId").asText()).isEqualTo("shapes-proposal");
        assertThat(proposal.get("proposer").asText()).isEqualTo("UA");
        assertThat(proposal.get("date").asText()).isEqualTo("2024-01-03");
        JsonNode written = JSON.readTree(terms);
        assertThat(proposal.get("terms")).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            JsonNode term = proposal.get("terms").get(i);
            assertThat(term.get("termId").asText()).isEqualTo(written.get(i).get("termId").asText());
            assertThat(term.get("type").asText()).isEqualTo(written.get(i).get("type").asText());
            assertThat(term.get("text").asText()).isEqualTo(written.get(i).get("text").asText());
            JsonNode parameters = term.get("parameters");
            if (written.get(i).has("parameters")) {
                assertThat(parameters).as("the parameters of " + term.get("termId"))
                        .isEqualTo(written.get(i).get("parameters"));
            } else {
                assertThat(parameters == null || parameters.isNull() || parameters.isEmpty())
                        .as("no parameters given: none read, got " + parameters).isTrue();
            }
        }
        JsonNode accepted = proposal.at("/terms/0/responses/0");
        assertThat(accepted.get("party").asText()).isEqualTo("RU");
        assertThat(accepted.get("response").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("date").asText()).isEqualTo("2024-01-04");
        assertThat(accepted.get("reason").isNull()).as("no reason given: null").isTrue();
        for (String path : List.of("/terms/1/responses/0", "/terms/3/responses/0")) {
            JsonNode rejected = proposal.at(path);
            assertThat(rejected.get("party").asText()).isEqualTo("RU");
            assertThat(rejected.get("response").asText()).isEqualTo("REJECTED");
            assertThat(rejected.get("date").asText()).isEqualTo("2024-01-05");
            assertThat(rejected.get("reason").asText()).as("the reason exactly as written").isEqualTo(reason);
        }
        assertThat(proposal.at("/terms/2/responses")).isEmpty();
        List<String> statuses = new ArrayList<>();
        proposal.get("terms").forEach(term -> statuses.add(term.get("status").asText()));
        assertThat(statuses).containsExactly("ACCEPTED", "REJECTED", "OPEN", "REJECTED");
        assertThat(talks.get("openTerms").asInt()).isEqualTo(1);
        assertThat(talks.get("settledTerms").asInt()).isEqualTo(3);
        assertThat(talks.at("/rounds/0/round").asInt()).isEqualTo(1);
        assertThat(talks.at("/rounds/0/date").asText()).isEqualTo("2024-01-06");
        assertThat(talks.at("/rounds/0/venue").isNull()).as("no venue given: null").isTrue();
        assertThat(talks.at("/rounds/0/summary").isNull()).as("no summary given: null").isTrue();
        JsonNode exchange = talks.at("/prisonerExchanges/0");
        assertThat(exchange.get("prisonersReleased")).isEqualTo(JSON.readTree("{\"RU\":0,\"UA\":2147483647}"));
        assertThat(exchange.get("description").asText()).isEqualTo("All for all");
        assertThat(exchange.get("date").asText()).isEqualTo("2024-01-07");
    }

    private static JsonNode read(String path, JsonNode written) throws IOException {
        String waitFor = encode(written.get("streamId").asText() + "@" + written.get("version").asText());
        RawHttp.Answer answer = RawHttp.send(queryPort, request("GET", path + (path.contains("?") ? "&" : "?")
                + "waitFor=" + waitFor + "&waitMillis=10000", null, null, null));

        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /**
     * The events an acknowledged write says it recorded: a batch counts them (the losses batch its
     * corrections too, the attacks batch has none), whether answered 201 or 200; any other write
     * records one event when answered 201 and none when answered 200 (an identical write was already
     * recorded: the replay records nothing). A 2xx that is not a write's answer (an {@code OPTIONS})
     * records nothing.
     */
    private static long eventsRecorded(int status, String body) throws IOException {
        if (!body.startsWith("{")) {
            return status == 201 ? 1 : 0;
        }
        JsonNode answer = JSON.readTree(body);
        if (answer.has("recorded")) {
            return answer.get("recorded").asLong() + answer.path("corrected").asLong();
        }
        return status == 201 ? 1 : 0;
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() > 300 ? printable.substring(0, 300) + "..." : printable;
    }

    private static Map<String, Long> streamHeads() throws Exception {
        Map<String, Long> heads = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.COMMAND_ROLE,
                LocalDatabase.COMMAND_ROLE);
             ResultSet rows = connection.createStatement().executeQuery("""
                     SELECT aggregate_identifier, max(sequence_number) FROM event_store.domain_event_entry
                     GROUP BY aggregate_identifier""")) {
            while (rows.next()) {
                heads.put(rows.getString(1), rows.getLong(2));
            }
        }
        return heads;
    }

    private static long storedEvents() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.COMMAND_ROLE,
                LocalDatabase.COMMAND_ROLE);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM event_store.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
