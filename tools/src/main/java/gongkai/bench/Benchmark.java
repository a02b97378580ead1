package gongkai.bench;

import gongkai.cli.SitePipelines;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.pipeline.BuildPipeline;
import gongkai.cli.JvmFlags;
import gongkai.cli.Main;
import gongkai.pipeline.SiteSwap;
import gongkai.content.Content;
import gongkai.sample.SampleGenerator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code gongkai bench}: for each size, a seeded sample content tree is generated, then the real build runs in a
 * separate JVM (so the wall time includes JVM start, as a user sees it). The child writes its stage times and
 * peak heap with {@code --timings}; its peak RSS is read from /proc/PID/status (VmHWM) while it runs.
 * A benchmark, not a test: it measures and records, it asserts nothing.
 */
public final class Benchmark {
    public static final String CSV_HEADER = "time,projects,seed,xmx,wall_ms,"
            + String.join(",", SitePipelines.STAGE_ORDER.stream().map(s -> s + "_ms").toList())
            + ",cpu_ms,pages,pages_per_s,us_per_project,peak_heap_mb,peak_rss_mb,out_files,out_mb,exit";

    /** One size's result. Stage times in ms, in {@link BuildPipeline#STAGE_ORDER}. */
    public record Result(int projects, long seed, String xmx, long wallMs, List<Long> stageMs, long cpuMs, int pages,
                         long peakHeapBytes, long peakRssBytes, long outFiles, long outBytes, int exit) {
        double pagesPerSecond() {
            return wallMs == 0 ? 0 : pages * 1000.0 / wallMs;
        }

        double microsPerProject() {
            return projects == 0 ? 0 : wallMs * 1000.0 / projects;
        }

        String csv(Instant when) {
            StringBuilder row = new StringBuilder();
            row.append(when.truncatedTo(ChronoUnit.SECONDS)).append(',').append(projects).append(',').append(seed)
                    .append(',').append(xmx).append(',').append(wallMs);
            stageMs.forEach(ms -> row.append(',').append(ms));
            row.append(',').append(cpuMs).append(',').append(pages)
                    .append(',').append(String.format(Locale.ROOT, "%.0f", pagesPerSecond()))
                    .append(',').append(String.format(Locale.ROOT, "%.0f", microsPerProject()))
                    .append(',').append(peakHeapBytes >> 20).append(',').append(peakRssBytes >> 20)
                    .append(',').append(outFiles).append(',').append(outBytes >> 20).append(',').append(exit);
            return row.toString();
        }
    }

    private final Content source;
    private final Path themeDir;
    private final String xmx;
    private final long seed;
    private final Consumer<String> log;

    public Benchmark(Content source, Path themeDir, String xmx, long seed, Consumer<String> log) {
        this.source = source;
        this.themeDir = themeDir.toAbsolutePath().normalize();
        this.xmx = xmx;
        this.seed = seed;
        this.log = log;
    }

    /** Generates the sample of {@code projects} under {@code workDir}/content and builds it into {@code workDir}/site. */
    public Result run(int projects, Path workDir) throws IOException, InterruptedException {
        Path content = workDir.resolve("content");
        Path site = workDir.resolve("site");
        Path timings = workDir.resolve("timings.json");
        SampleGenerator.Summary sample = SampleGenerator.generate(source, content, projects, seed, line -> { });
        log.accept(String.format(Locale.ROOT, "bench: sample of %,d projects (%d department-years) in %s",
                sample.projects(), sample.departmentYears(), content));
        // The flags the gongkai script and build would choose for this content, so the figures are a user's.
        Path productJar = productJar();
        List<String> jvm = JvmFlags.forContentBytes(JvmFlags.contentBytes(content), productJar);
        log.accept("bench: build JVM flags: -Xmx" + xmx + " " + String.join(" ", jvm));
        List<String> command = new ArrayList<>(List.of(JvmFlags.javaBinary(), "-Xmx" + xmx));
        command.addAll(jvm);
        // The product jar alone, as a user runs it; from compiled classes (tests) the whole class path.
        String classPath = productJar != null ? productJar.toString() : System.getProperty("java.class.path");
        command.addAll(List.of("-cp", classPath, Main.class.getName(), "build",
                "--content", content.toString(), "--theme", themeDir.toString(), "--out", site.toString(),
                "--timings", timings.toString()));
        Path childLog = workDir.resolve("build.log");
        flushPendingWrites();
        log.accept(String.format(Locale.ROOT, "bench: host speed gauge before the build: %d ms (SHA-256 of 64 MB on one core,"
                + " best of 3; more means a busier host before the build; the cpu s column shows one during it)", hostGaugeMs()));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(childLog.toFile()).start();
        Path status = Path.of("/proc", String.valueOf(child.pid()), "status");
        long rss = 0;
        // VmHWM only grows, so the last value read before the process ends is its peak (to within one poll).
        while (!child.waitFor(20, TimeUnit.MILLISECONDS)) {
            rss = Math.max(rss, highWaterMark(status));
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        int exit = child.exitValue();
        if (exit != 0) {
            log.accept("bench: the build of " + projects + " projects failed (exit " + exit + "); its output is in " + childLog);
        }
        List<Long> stageMs = new ArrayList<>();
        int pages = 0;
        long heap = 0;
        long cpu = 0;
        if (exit == 0 && Files.isRegularFile(timings)) {
            JsonNode json = new ObjectMapper().readTree(timings.toFile());
            for (String stage : SitePipelines.STAGE_ORDER) {
                stageMs.add(json.path("stages").path(stage).asLong(0));
            }
            pages = json.path("pages").asInt();
            heap = json.path("peakHeapBytes").asLong();
            cpu = json.path("cpuMs").asLong();
        } else {
            SitePipelines.STAGE_ORDER.forEach(s -> stageMs.add(0L));
        }
        long files = 0;
        long bytes = 0;
        if (Files.isDirectory(site)) {
            try (Stream<Path> walk = Files.walk(site)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files++;
                    bytes += Files.size(p);
                }
            }
        }
        return new Result(projects, seed, xmx, wallMs, List.copyOf(stageMs), cpu, pages, heap, rss, files, bytes, exit);
    }

    /** The jar the product's classes come from (target/gongkai.jar beside the tools jar), or null for a directory. */
    static Path productJar() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location.toAbsolutePath() : null;
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the product's classes: " + e.getMessage(), e);
        }
    }

    /**
     * A fixed piece of single-core work, timed: on a shared VM the same build varied by a factor of two with the
     * host's load, and this figure, printed beside each size, tells such runs apart.
     */
    static long hostGaugeMs() {
        byte[] data = new byte[64 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 11));
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            try {
                java.security.MessageDigest.getInstance("SHA-256").digest(data);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }

    /**
     * Writes out what the sample generator (and an earlier size's build) left in the page cache before the clock
     * starts: otherwise the kernel writes it back during the build, on the build's cores, and the figures depend on
     * what ran before. The build's own output is still written back during the build, as it is for a user.
     */
    private void flushPendingWrites() throws InterruptedException {
        try {
            Process sync = new ProcessBuilder("sync").redirectErrorStream(true).start();
            sync.getInputStream().readAllBytes();
            if (sync.waitFor() != 0) {
                log.accept("bench: sync exited " + sync.exitValue() + "; pending writes may overlap the build");
            }
        } catch (IOException e) {
            log.accept("bench: no sync command (" + e.getMessage() + "); pending writes may overlap the build");
        }
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the process just ended, or no /proc (not Linux): RSS is reported as 0
        }
        return 0;
    }

    /** Appends rows to {@code csv}, writing the header first when the file is new. */
    public static void append(Path csv, List<Result> results, Instant when) throws IOException {
        Path parent = csv.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        StringBuilder text = new StringBuilder();
        if (!Files.exists(csv) || Files.size(csv) == 0) {
            text.append(CSV_HEADER).append('\n');
        }
        for (Result r : results) {
            text.append(r.csv(when)).append('\n');
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A fixed-width table of the results for the terminal. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%9s %8s", "projects", "wall s"));
        for (String stage : SitePipelines.STAGE_ORDER) {
            out.append(String.format(Locale.ROOT, " %8s", stage));
        }
        out.append(String.format(Locale.ROOT, " %7s %7s %8s %7s %8s %8s %8s %7s%n",
                "cpu s", "pages", "pages/s", "µs/proj", "heap MB", "RSS MB", "files", "MB"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%9d %8.1f", r.projects(), r.wallMs() / 1000.0));
            for (long ms : r.stageMs()) {
                out.append(String.format(Locale.ROOT, " %8.2f", ms / 1000.0));
            }
            out.append(String.format(Locale.ROOT, " %7.1f %7d %8.0f %7.0f %8d %8d %8d %7d%s%n", r.cpuMs() / 1000.0, r.pages(), r.pagesPerSecond(),
                    r.microsPerProject(), r.peakHeapBytes() >> 20, r.peakRssBytes() >> 20, r.outFiles(),
                    r.outBytes() >> 20, r.exit() == 0 ? "" : "  FAILED (exit " + r.exit() + ")"));
        }
        out.append("(wall s includes JVM start; index runs beside assemble, render, export and check, so stage times overlap;\n"
                + " cpu s is the build's own CPU time, about the same for the same size on a quiet host: a run with clearly\n"
                + " more CPU seconds than another was slowed by the host, which the gauge before it can miss)\n");
        return out.toString();
    }

    /** Deletes a work directory (the sample and the built site). */
    public static void delete(Path workDir) throws IOException {
        SiteSwap.deleteTree(workDir);
    }
}
