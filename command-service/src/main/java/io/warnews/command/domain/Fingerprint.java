package io.warnews.command.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short digest of a fact's content, kept by aggregates to tell a safe retry (same id, same
 * content) from an id reused for something else.
 */
public final class Fingerprint {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private Fingerprint() {
    }

    public static String of(Object content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(content));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + content.getClass().getSimpleName(), e);
        }
    }
}
