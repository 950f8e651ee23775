package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.query.QueryServiceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four years of real figures through the whole backend: the importer, run as the README says,
 * records both datasets through the command-service; the query-service's running totals then
 * equal the last row of each file, category by category, with the two claimants side by side, and
 * every figure of both files reads back as published, through every series and as of every day.
 */
class RealDataEndToEndTest {

    private static final Path DATA = Path.of("../command-service/src/main/resources/data");
    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINISTRY = "Ministry of Defence of Ukraine";
    private static final String TRANSCRIPTION = "Ministry of Defence of Ukraine (Orc Losses transcription)";

    /** The datasets' names for our categories, read here independently of the importer's mapping. */
    private static final Map<String, String> UA_MOD = Map.ofEntries(Map.entry("aircraft", "AIRCRAFT"),
            Map.entry("helicopter", "HELICOPTERS"), Map.entry("tank", "TANKS"), Map.entry("APC", "ARMOURED_VEHICLES"),
            Map.entry("field artillery", "ARTILLERY"), Map.entry("MRL", "MLRS"),
            Map.entry("anti-aircraft warfare", "AIR_DEFENCE"), Map.entry("ground robotic systems",
                    "GROUND_ROBOTIC_SYSTEMS"), Map.entry("drone", "UAVS"), Map.entry("cruise missiles",
                    "CRUISE_MISSILES"), Map.entry("naval ship", "SHIPS"), Map.entry("submarines", "SUBMARINES"),
            Map.entry("vehicles and fuel tanks", "VEHICLES_AND_FUEL_TANKS"),
            Map.entry("special equipment", "SPECIAL_EQUIPMENT"));
    private static final Map<String, String> ORC = Map.ofEntries(Map.entry("personnel", "PERSONNEL"),
            Map.entry("tanks", "TANKS"), Map.entry("afvs", "ARMOURED_VEHICLES"), Map.entry("artillery", "ARTILLERY"),
            Map.entry("airDefense", "AIR_DEFENCE"), Map.entry("rocketSystems", "MLRS"),
            Map.entry("unarmoredVehicles", "VEHICLES_AND_FUEL_TANKS"), Map.entry("fixedWingAircraft", "AIRCRAFT"),
            Map.entry("rotaryWingAircraft", "HELICOPTERS"), Map.entry("uavs", "UAVS"), Map.entry("ships", "SHIPS"),
            Map.entry("submarines", "SUBMARINES"), Map.entry("specialEquipment", "SPECIAL_EQUIPMENT"),
            Map.entry("missiles", "CRUISE_MISSILES"));

    @TempDir
    Path logs;

    @Test
    void theRunningTotalsAfterImportingBothDatasetsAreTheirLastRows() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "realdata");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/realdata";
            ServiceProcess command = ServiceProcess.start(COMMAND_JAR, "command-service", logs, ServiceProcess.freePort(), jdbcUrl,
                    LocalDatabase.COMMAND_ROLE, List.of()).awaitHealthy(Duration.ofMinutes(2));
            try (ConfigurableApplicationContext query = new SpringApplicationBuilder(QueryServiceApplication.class)
                    .profiles("local").run("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                            "--spring.datasource.username=" + LocalDatabase.QUERY_ROLE,
                            "--spring.datasource.password=" + LocalDatabase.QUERY_ROLE)) {
                runTheImporterAsDocumented(command.url());
                String queryUrl = "http://localhost:" + ((WebServerApplicationContext) query).getWebServer().getPort();

                Map<String, Long> ministry = ministrysLastRow();
                Map<String, Long> transcription = transcriptionsLastRow();
                JsonNode losses = awaitTotals(queryUrl, "2026-08-22");
                Map<String, Map<String, Long>> byClaimant = figuresByClaimant(losses);
                assertThat(byClaimant.get(MINISTRY)).containsAllEntriesOf(ministry);
                assertThat(byClaimant.get(TRANSCRIPTION)).containsAllEntriesOf(transcription);
                assertThat(ministry).hasSize(15);
                assertThat(transcription).hasSize(14);
                assertThat(ministry.get("VEHICLES_AND_FUEL_TANKS"))
                        .as("the two claimants disagree, side by side")
                        .isNotEqualTo(transcription.get("VEHICLES_AND_FUEL_TANKS"));

                everyFigureOfBothFilesReadsBackAsPublished(queryUrl);

                for (String claimant : List.of(MINISTRY, TRANSCRIPTION)) {
                    JsonNode day = get(queryUrl + "/api/conflicts/russia-ukraine/losses/RU/PERSONNEL/series?claimant="
                            + claimant.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                            + "&from=2025-06-12&to=2025-06-12");
                    assertThat(day.path("points")).hasSize(1);
                    assertThat(day.at("/points/0/value").asLong()).as(claimant).isEqualTo(1_000_340L);
                }
            } finally {
                command.stop();
            }
        }
    }

    /**
     * Every (day, category) figure of both files, read back through the series (every point of
     * every series of each claimant), and through the totals as of a day, on every day where a file
     * goes down, the day before it and every seventh day: 0 differences, decreases included.
     */
    private static void everyFigureOfBothFilesReadsBackAsPublished(String queryUrl) throws Exception {
        Map<String, Map<String, Map<String, Long>>> files = Map.of(MINISTRY, ministrysFile(),
                TRANSCRIPTION, transcriptionsFile());
        List<String> differences = new java.util.ArrayList<>();
        long points = 0;
        for (var claimant : files.entrySet()) {
            for (var category : claimant.getValue().entrySet()) {
                JsonNode series = get(queryUrl + "/api/conflicts/russia-ukraine/losses/RU/" + category.getKey()
                        + "/series?claimant=" + java.net.URLEncoder.encode(claimant.getKey(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
                Map<String, Long> read = new java.util.TreeMap<>();
                series.path("points").forEach(point -> read.put(point.path("asOf").asText(),
                        point.path("value").asLong()));
                if (!read.equals(category.getValue())) {
                    Map<String, Long> expected = new java.util.TreeMap<>(category.getValue());
                    expected.forEach((day, value) -> {
                        if (!value.equals(read.get(day))) {
                            differences.add("series " + claimant.getKey() + " " + category.getKey() + " " + day
                                    + ": file " + value + ", read " + read.get(day));
                        }
                    });
                    read.keySet().stream().filter(day -> !expected.containsKey(day)).forEach(day -> differences.add(
                            "series " + claimant.getKey() + " " + category.getKey() + " " + day + ": not in the file"));
                }
                points += read.size();
            }
        }
        java.util.SortedSet<String> days = new java.util.TreeSet<>();
        files.values().forEach(byCategory -> byCategory.values().forEach(byDay -> days.addAll(byDay.keySet())));
        // as of every day of the files: each claimant's figure shown that day is the file's, on that day
        long asOfReads = 0;
        for (String day : days) {
            JsonNode losses = get(queryUrl + "/api/conflicts/russia-ukraine/losses?side=RU&asOf=" + day);
            Map<String, Map<String, JsonNode>> read = new HashMap<>();
            for (JsonNode category : losses.at("/sides/0/categories")) {
                for (JsonNode claimant : category.path("claimants")) {
                    read.computeIfAbsent(claimant.path("claimant").asText(), c -> new HashMap<>())
                            .put(category.path("category").asText(), claimant);
                }
            }
            for (var claimant : files.entrySet()) {
                for (var category : claimant.getValue().entrySet()) {
                    Long value = category.getValue().get(day);
                    if (value == null) {
                        continue;
                    }
                    asOfReads++;
                    JsonNode figure = read.getOrDefault(claimant.getKey(), Map.of()).get(category.getKey());
                    if (figure == null || figure.path("value").asLong() != value
                            || !figure.path("asOf").asText().equals(day)) {
                        differences.add("asOf " + day + " " + claimant.getKey() + " " + category.getKey() + ": file "
                                + value + ", read " + figure);
                    }
                }
            }
        }
        System.out.println("READ BACK: " + points + " series points, and " + asOfReads + " figures as of their day on "
                + days.size() + " days: " + differences.size() + " differences");
        assertThat(differences).as("figures that differ from the files").isEmpty();
        assertThat(points).isGreaterThan(40_000);
        assertThat(asOfReads).isEqualTo(points);
    }

    /** The ministry's file, per category, per day: personnel, prisoners, equipment (vehicles summed before the merge). */
    static Map<String, Map<String, Long>> ministrysFile() throws IOException {
        Map<String, Map<String, Long>> file = new HashMap<>();
        for (JsonNode row : JSON.readTree(DATA.resolve("ua-mod-losses/russia_losses_personnel.json").toFile())) {
            String day = row.get("date").asText();
            file.computeIfAbsent("PERSONNEL", c -> new HashMap<>()).put(day, row.get("personnel").asLong());
            if (row.hasNonNull("POW")) {
                file.computeIfAbsent("CAPTURED", c -> new HashMap<>()).put(day, row.get("POW").asLong());
            }
        }
        for (JsonNode row : JSON.readTree(DATA.resolve("ua-mod-losses/russia_losses_equipment.json").toFile())) {
            String day = row.get("date").asText();
            row.fields().forEachRemaining(field -> {
                if (UA_MOD.containsKey(field.getKey()) && !field.getValue().isNull()) {
                    file.computeIfAbsent(UA_MOD.get(field.getKey()), c -> new HashMap<>())
                            .put(day, field.getValue().asLong());
                }
            });
            if (row.hasNonNull("military auto") || row.hasNonNull("fuel tank")) {
                file.computeIfAbsent("VEHICLES_AND_FUEL_TANKS", c -> new HashMap<>())
                        .put(day, row.path("military auto").asLong(0) + row.path("fuel tank").asLong(0));
            }
        }
        return file;
    }

    private static Map<String, Map<String, Long>> transcriptionsFile() throws IOException {
        Map<String, Map<String, Long>> file = new HashMap<>();
        for (JsonNode row : JSON.readTree(DATA.resolve("orc-losses/russian-losses.json").toFile())) {
            String day = row.get("date").asText();
            row.fields().forEachRemaining(field -> {
                if (ORC.containsKey(field.getKey()) && !field.getValue().isNull()) {
                    file.computeIfAbsent(ORC.get(field.getKey()), c -> new HashMap<>())
                            .put(day, field.getValue().asLong());
                }
            });
        }
        return file;
    }

    private void runTheImporterAsDocumented(String commandUrl) throws Exception {
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process importer = new ProcessBuilder(javaBinary, "-cp", COMMAND_JAR.toString(),
                "-Dloader.main=io.warnews.importer.Importer",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--url", commandUrl, "--user", "editor", "--password", "editor-dev-password", "--dataset", "both")
                .redirectErrorStream(true).redirectOutput(logs.resolve("importer.log").toFile()).start();
        assertThat(importer.waitFor()).as(Files.readString(logs.resolve("importer.log")))
                .isZero();
        List<String> output = Files.readAllLines(logs.resolve("importer.log"));
        System.out.println("IMPORT THROUGH THE BACKEND: " + output.get(output.size() - 1));
    }

    private static JsonNode awaitTotals(String queryUrl, String newestOfAll) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode losses = null;
        while (System.nanoTime() < deadline) {
            losses = get(queryUrl + "/api/conflicts/russia-ukraine/losses?side=RU");
            Map<String, Map<String, Long>> figures = figuresByClaimant(losses);
            if (losses.toString().contains("\"asOf\":\"" + newestOfAll + "\"") && figures.containsKey(MINISTRY)
                    && figures.get(MINISTRY).size() >= 15 && figures.containsKey(TRANSCRIPTION)
                    && figures.get(MINISTRY).getOrDefault("PERSONNEL", 0L) > 1_000_340L) {
                return losses;
            }
            Thread.sleep(200);
        }
        return losses;
    }

    private static Map<String, Map<String, Long>> figuresByClaimant(JsonNode losses) {
        Map<String, Map<String, Long>> figures = new HashMap<>();
        for (JsonNode side : losses.path("sides")) {
            for (JsonNode category : side.path("categories")) {
                for (JsonNode claimant : category.path("claimants")) {
                    figures.computeIfAbsent(claimant.path("claimant").asText(), c -> new HashMap<>())
                            .put(category.path("category").asText(), claimant.path("value").asLong());
                }
            }
        }
        return figures;
    }

    private static Map<String, Long> ministrysLastRow() throws IOException {
        JsonNode equipment = JSON.readTree(DATA.resolve("ua-mod-losses/russia_losses_equipment.json").toFile());
        JsonNode personnel = JSON.readTree(DATA.resolve("ua-mod-losses/russia_losses_personnel.json").toFile());
        JsonNode last = equipment.get(equipment.size() - 1);
        JsonNode lastPersonnel = personnel.get(personnel.size() - 1);
        assertThat(last.get("date").asText()).isEqualTo(lastPersonnel.get("date").asText()).isEqualTo("2026-08-08");
        Map<String, Long> row = new HashMap<>();
        row.put("PERSONNEL", lastPersonnel.get("personnel").asLong());
        last.fields().forEachRemaining(field -> {
            if (UA_MOD.containsKey(field.getKey())) {
                row.put(UA_MOD.get(field.getKey()), field.getValue().asLong());
            }
        });
        return row;
    }

    private static Map<String, Long> transcriptionsLastRow() throws IOException {
        JsonNode rows = JSON.readTree(DATA.resolve("orc-losses/russian-losses.json").toFile());
        JsonNode newest = rows.get(0);
        assertThat(newest.get("date").asText()).isEqualTo("2026-08-22");
        Map<String, Long> row = new HashMap<>();
        newest.fields().forEachRemaining(field -> {
            if (ORC.containsKey(field.getKey()) && !field.getValue().isNull()) {
                row.put(ORC.get(field.getKey()), field.getValue().asLong());
            }
        });
        return row;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
