package io.warnews.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for tests: real requests to the running service, answers as JSON trees. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestTemplate http = new RestTemplate(new SimpleClientHttpRequestFactory());
    private final String baseUrl;
    private String authorization;
    private Map<String, String> extraHeaders = Map.of();

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
        http.setErrorHandler(new DefaultResponseErrorHandler() {
            @Override
            public boolean hasError(ClientHttpResponse response) {
                return false;
            }
        });
        as("editor", "editor-dev-password");
    }

    public Api as(String user, String password) {
        authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Api anonymous() {
        return as(null, null);
    }

    public Api withHeaders(Map<String, String> headers) {
        this.extraHeaders = headers;
        return this;
    }

    public Response post(String path, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return exchange(HttpMethod.POST, path, text);
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    private Response exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        extraHeaders.forEach(headers::set);
        ResponseEntity<String> response = http.exchange(baseUrl + path, method, new HttpEntity<>(body, headers),
                String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
    }

    /** Status, headers and the body parsed as JSON (an empty object when there is none). */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
