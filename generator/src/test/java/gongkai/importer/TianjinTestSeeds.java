package gongkai.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the real seed documents: {@code GONGKAI_SEEDS} (system property or environment variable), else
 * the first {@code shared/seeds} folder found walking up from the working directory (the seeds sit next
 * to the repository, e.g. /work/shared/seeds beside /work/main or /work/wt/&lt;branch&gt;).
 */
final class TianjinTestSeeds {
    private TianjinTestSeeds() {
    }

    static Path dir() {
        String configured = System.getProperty("GONGKAI_SEEDS", System.getenv("GONGKAI_SEEDS"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("GONGKAI_SEEDS=" + configured + " is not a directory");
            }
            return p;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("seeds");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("seed documents not found: set GONGKAI_SEEDS or put shared/seeds"
                + " beside the repository (searched upwards from " + Path.of("").toAbsolutePath() + ")");
    }

    /** The seed whose file name starts with {@code <prefix>_}, e.g. seed("003"). */
    static Path seed(String prefix) {
        try (Stream<Path> files = Files.list(dir())) {
            List<Path> matches = files.filter(f -> f.getFileName().toString().startsWith(prefix + "_")).sorted().toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("expected one seed " + prefix + "_*.txt in " + dir() + ", found " + matches);
            }
            return matches.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
