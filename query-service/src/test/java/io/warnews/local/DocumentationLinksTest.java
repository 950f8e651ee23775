package io.warnews.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is an entrance and the manual is in docs/: every relative link in README.md and
 * docs/*.md leads to a file the repository holds and, with a #fragment, to a heading of it.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkInTheReadmeAndTheDocsLeadsToAFileAndHeadingThatExist() throws IOException {
        assertThat(brokenLinks(ROOT, documents(ROOT))).isEmpty();
    }

    @Test
    void theReadmeIsAnEntranceOfUnderTwoHundredLinesThatLinksEveryPageOfTheDocs() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        assertThat(readme.size()).isLessThan(200);
        String text = String.join("\n", readme);
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            assertThat(pages.filter(page -> page.toString().endsWith(".md"))
                    .map(page -> "docs/" + page.getFileName()))
                    .isNotEmpty()
                    .allSatisfy(page -> assertThat(text).contains("(" + page));
        }
    }

    @Test
    void aMissingFileAndAMissingHeadingAreBothFound(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("docs"));
        Files.writeString(repository.resolve("README.md"), """
                # Title
                [fine](docs/page.md#a-heading) [gone](docs/gone.md) [no heading](docs/page.md#nowhere)
                ```
                [inside a code block](docs/ignored.md)
                ```
                [own heading](#title) [web](https://example.org/x.md)
                """);
        Files.writeString(repository.resolve("docs/page.md"), "# Page\n\n## A heading\n\n[back](../README.md#title)\n");
        assertThat(brokenLinks(repository, documents(repository)))
                .containsExactly("README.md: docs/gone.md (no such file)",
                        "README.md: docs/page.md#nowhere (no heading 'nowhere')");
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
            pages.filter(page -> page.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static List<String> brokenLinks(Path root, List<Path> documents) throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path document : documents) {
            for (String target : links(Files.readString(document))) {
                if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    continue; // http:, https:, mailto:
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                String where = root.relativize(document) + ": " + target;
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (fragment != null && !anchors.computeIfAbsent(resolved, DocumentationLinksTest::anchorsOf)
                        .contains(fragment)) {
                    broken.add(where + " (no heading '" + fragment + "')");
                }
            }
        }
        return broken;
    }

    /** Link targets outside fenced code blocks and inline code. */
    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (matcher.find()) {
                targets.add(matcher.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchorsOf(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        if (!file.toString().endsWith(".md")) {
            return anchors;
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.trim().startsWith("```")) {
                    fenced = !fenced;
                }
                Matcher heading = HEADING.matcher(line);
                if (!fenced && heading.matches()) {
                    String slug = heading.group(1).toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "")
                            .replace(' ', '-');
                    int count = seen.merge(slug, 1, Integer::sum);
                    anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }
}
