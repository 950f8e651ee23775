package io.warnews.command.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The acceptance story (DESIGN.md, "The seed story") as the editors' requests that record it,
 * read from {@code seed/seed-story.json}. Tests, the local run and a newcomer's demo all post the
 * same requests.
 */
public final class SeedStory {

    public static final String RESOURCE = "seed/seed-story.json";

    private SeedStory() {
    }

    /** One request: the path to POST to and its JSON body. */
    public record Request(String path, JsonNode body) {
    }

    public static List<Request> requests() {
        try (InputStream in = SeedStory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            List<Request> requests = new ArrayList<>();
            for (JsonNode request : new ObjectMapper().readTree(in).get("requests")) {
                requests.add(new Request(request.get("path").asText(), request.get("body")));
            }
            return requests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
