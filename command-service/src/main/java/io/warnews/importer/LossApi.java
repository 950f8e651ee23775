package io.warnews.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warnews.events.LossFigure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;

/** The editors' HTTP API, as far as the importer needs it. Any answer other than 200/201 is an {@link ImportFailure}. */
final class LossApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String authorization;

    LossApi(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What a write answered: whether it recorded something, and its body. */
    record Answer(boolean created, JsonNode body) {
    }

    /** Registers russia-ukraine exactly as the seed story does, so that it answers 200 when present. */
    Answer registerConflict() {
        ObjectNode body = JSON.createObjectNode()
                .put("conflictId", Dataset.CONFLICT).put("name", "Russia-Ukraine war");
        body.putArray("parties").add(party("RU", "Russia")).add(party("UA", "Ukraine"));
        body.put("startDate", "2022-02-24");
        return post("/api/conflicts", body);
    }

    /** One batch of days, each as its file gives it, all or none. */
    Answer recordBatch(Dataset dataset, Collection<Day> days) {
        ObjectNode body = JSON.createObjectNode().put("side", Dataset.SIDE).put("claimant", dataset.claimant)
                .put("basis", "CUMULATIVE");
        ArrayNode reports = body.putArray("reports");
        for (Day day : days) {
            ObjectNode report = reports.addObject().put("reportId", dataset.reportId(day.date()))
                    .put("asOf", day.date().toString());
            figures(report.putArray("figures"), day.figures().values());
            report.putObject("source").put("outlet", Dataset.OUTLET).put("url", dataset.url(day))
                    .put("publishedAt", Dataset.publishedAt(day.date()).toString());
        }
        return post("/api/conflicts/" + Dataset.CONFLICT + "/loss-reports/batch", body);
    }

    private static ObjectNode party(String code, String name) {
        return JSON.createObjectNode().put("code", code).put("name", name);
    }

    private static void figures(ArrayNode array, Collection<LossFigure> figures) {
        for (LossFigure figure : figures) {
            array.addObject().put("category", figure.category().name()).put("value", figure.value())
                    .put("qualifier", figure.qualifier().name());
        }
    }

    private Answer post(String path, JsonNode body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ImportFailure("cannot reach the command-service at " + baseUrl + " (" + e + ")");
        } catch (IOException e) {
            throw new ImportFailure("POST " + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("interrupted during POST " + path);
        }
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new ImportFailure("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return new Answer(response.statusCode() == 201, JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new ImportFailure("POST " + path + " answered " + response.statusCode() + " with no JSON: "
                    + response.body());
        }
    }

    /** Why the import stopped: the request and the service's answer (its problem body). */
    static final class ImportFailure extends RuntimeException {
        ImportFailure(String message) {
            super(message);
        }
    }
}
