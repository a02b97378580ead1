package gongkai.testing;

import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real source documents for tests: the committed copies in {@code content/sources/<region>/<code>/}
 * (published with the site, so a clean clone has them; a document naming several departments lies in each of
 * their folders and counts once), or a flat folder {@code GONGKAI_SEEDS} (system property or environment
 * variable). {@code CommittedContentTest} checks the copies equal {@code ../shared/seeds} where that folder exists.
 */
public final class Seeds {
    private Seeds() {
    }

    public static Path dir() {
        String configured = System.getProperty("GONGKAI_SEEDS", System.getenv("GONGKAI_SEEDS"));
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("content", "sources");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("seed documents not found in " + dir.toAbsolutePath()
                    + " (run the tests from the repository root, or set GONGKAI_SEEDS)");
        }
        return dir;
    }

    /** The seed whose file name starts with {@code <prefix>_}, e.g. seed("003"). */
    public static Path seed(String prefix) {
        List<Path> matches = all().stream().filter(f -> f.getFileName().toString().startsWith(prefix + "_")).toList();
        if (matches.size() != 1) {
            throw new IllegalStateException("expected one seed " + prefix + "_*.txt in " + dir() + ", found " + matches);
        }
        return matches.get(0);
    }

    /** Every non-blank line of the seeds, stripped: a corpus of real strings. */
    public static List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Path f : all()) {
            try {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!l.isBlank()) {
                        out.add(l.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The seeds as content, read by the importer: the committed content/ is the import of content/sources/, byte
     * for byte ({@code CommittedContentTest}), so loading it is reading the seeds the one way the product does.
     */
    public static Content content() {
        try {
            LoadResult result = ContentLoader.load(Path.of("content"));
            if (!result.ok()) {
                throw new IllegalStateException("the committed content has errors: " + result.errors());
            }
            return result.content();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every seed document, sorted by file name; of a document kept in several department folders, the first. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.walk(dir())) {
            java.util.TreeMap<String, Path> byName = new java.util.TreeMap<>();
            files.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f)).sorted()
                    .forEach(f -> byName.putIfAbsent(f.getFileName().toString(), f));
            return List.copyOf(byName.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed named {@code fileName}, or null when there is none. */
    public static Path named(String fileName) {
        return all().stream().filter(f -> f.getFileName().toString().equals(fileName)).findFirst().orElse(null);
    }
}
