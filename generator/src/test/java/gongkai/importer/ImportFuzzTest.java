package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.load.LoadResult;
import gongkai.testing.Seeds;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated seed documents (see {@link SeedMutator}; fixed seed, so the same mutants every run): for each, the
 * import either succeeds and what it writes passes the real loader without errors, or fails with problems (or an
 * {@link ImportException}) that name the document and one of its lines — never with any other exception or
 * error, and never slowly. Failures are grouped by kind, each with a mutant that shows it.
 */
@Tag("slow")
class ImportFuzzTest {
    /** Mutants per seed document: 2,000 in all. */
    private static final int MUTANTS_PER_SEED = 400;
    private static final long SEED = 20_241_212L;
    /** CPU time one mutant's import may take: the largest seed imports in well under 100 ms. */
    private static final long MAX_IMPORT_CPU_NANOS = 2_000_000_000L;

    @Test
    void mutatedSeedsImportCleanlyOrFailWithPositionedProblems(@TempDir Path tmp) {
        // a liveness bound for the whole run: about 20 s on an idle two-core machine
        Map<String, String> failures = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> fuzz(tmp));
        assertTrue(failures.isEmpty(), () -> failures.size() + " kind(s) of failure:\n" + String.join("\n",
                failures.entrySet().stream().map(e -> e.getKey() + "\n    e.g. " + e.getValue()).toList()));
    }

    private static Map<String, String> fuzz(Path tmp) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SeedMutator mutator = new SeedMutator(SEED);
        Map<String, String> failures = new LinkedHashMap<>();
        int[] outcomes = new int[3];
        int tree = 0;
        long start = System.nanoTime();
        long processCpuStart = processCpuNanos();
        for (Path seed : Seeds.all()) {
            String name = seed.getFileName().toString();
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            for (int n = 1; n <= MUTANTS_PER_SEED; n++) {
                String which = name + " mutant " + n;
                byte[] bytes = mutator.mutantBytes(text);
                ImportOptions options = mutator.options();
                long before = cpu.getCurrentThreadCpuTime();
                ImportedDocument doc;
                try {
                    doc = Importer.importBytes(name, bytes, options);
                } catch (ImportException e) {
                    outcomes[2]++;
                    String wrong = ImportOutcomes.unpositioned(name, ImportOutcomes.lineCount(bytes), e.problems());
                    if (wrong != null) {
                        failures.putIfAbsent("ImportException: " + wrong.replaceAll(":.*", ""), which + ": " + wrong);
                    }
                    continue;
                } catch (Throwable t) {
                    failures.putIfAbsent(kind(t), which + ": " + t);
                    continue;
                } finally {
                    long used = cpu.getCurrentThreadCpuTime() - before;
                    if (used > MAX_IMPORT_CPU_NANOS) {
                        failures.putIfAbsent("slow import", which + ": " + used / 1_000_000 + " ms of CPU");
                    }
                }
                if (!doc.problems().isEmpty()) {
                    outcomes[1]++;
                    String wrong = ImportOutcomes.unpositioned(name, ImportOutcomes.lineCount(bytes), doc.problems());
                    if (wrong != null) {
                        failures.putIfAbsent("problems: " + wrong.replaceAll(":.*", ""), which + ": " + wrong);
                    }
                    continue;
                }
                outcomes[0]++;
                LoadResult loaded;
                try {
                    loaded = ImportedTree.writeAndLoad(tmp.resolve("tree" + tree++), doc);
                } catch (RuntimeException e) {
                    failures.putIfAbsent("writing: " + kind(e), which + ": " + e);
                    continue;
                }
                if (!loaded.errors().isEmpty()) {
                    String first = loaded.errors().get(0).format();
                    failures.putIfAbsent("imported but invalid: " + loaded.errors().get(0).message()
                            .replaceAll("'[^']*'", "'…'").replaceAll("[0-9]+", "N"), which + ": " + first);
                }
            }
        }
        System.out.printf("ImportFuzzTest: %d mutants in %.1f s (%.1f s of CPU): %d imported and validated,"
                + " %d with problems, %d refused%n", outcomes[0] + outcomes[1] + outcomes[2],
                (System.nanoTime() - start) / 1e9, (processCpuNanos() - processCpuStart) / 1e9, outcomes[0], outcomes[1],
                outcomes[2]);
        assertTrue(outcomes[0] > 100 && outcomes[1] > 100, "the mutants exercise both outcomes");
        return failures;
    }

    /** CPU time of the whole JVM (the loader parses on several threads), or 0 where the JVM does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** An exception's kind: its class and the first project frame. */
    private static String kind(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("gongkai.")) {
                return t.getClass().getName() + " at " + e;
            }
        }
        return t.getClass().getName();
    }

    /** A new mutant to look at by hand: {@code mutant(seed file, n)} is the n-th mutant of that seed above. */
    static byte[] mutant(String seedName, int n) throws IOException {
        SeedMutator mutator = new SeedMutator(SEED);
        for (Path seed : Seeds.all()) {
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            for (int k = 1; k <= MUTANTS_PER_SEED; k++) {
                byte[] bytes = mutator.mutantBytes(text);
                mutator.options();
                if (seed.getFileName().toString().equals(seedName) && k == n) {
                    return bytes;
                }
            }
        }
        throw new IllegalArgumentException("no mutant " + n + " of " + seedName);
    }
}
