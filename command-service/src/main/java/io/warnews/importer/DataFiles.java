package io.warnews.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the dataset files are read from: the project's own copy on the classpath
 * ({@code data/ua-mod-losses/...}, {@code data/orc-losses/...}), or a folder given on the command
 * line with the same layout (a newer download of the datasets, for example).
 */
final class DataFiles {

    static final String CLASSPATH_ROOT = "data/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    private DataFiles(Path folder) {
        this.folder = folder;
    }

    static DataFiles classpath() {
        return new DataFiles(null);
    }

    static DataFiles in(Path folder) {
        return new DataFiles(folder);
    }

    JsonNode read(String relativePath) {
        try (InputStream in = open(relativePath)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + describe(relativePath), e);
        }
    }

    String describe(String relativePath) {
        return folder == null ? "classpath:" + CLASSPATH_ROOT + relativePath : folder.resolve(relativePath).toString();
    }

    private InputStream open(String relativePath) throws IOException {
        if (folder != null) {
            return Files.newInputStream(folder.resolve(relativePath));
        }
        InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + relativePath);
        if (in == null) {
            throw new IOException(describe(relativePath) + " is not on the classpath");
        }
        return in;
    }
}
