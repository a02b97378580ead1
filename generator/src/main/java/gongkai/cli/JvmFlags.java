package gongkai.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The JVM flags a build runs with, chosen in one place by the size of the content. Below
 * {@link #LARGE_CONTENT_BYTES} of YAML: Serial GC and C1 alone ({@link #SMALL}, what the {@code gongkai} script
 * starts every command with); from it: the parallel GC and C2 with fewer compiles, a larger start heap and
 * metaspace threshold. Both get transparent huge pages where the kernel offers them and the script's class-data
 * archive where it exists. {@code build} {@link #relaunchIfLarge relaunches} itself when the content is large, and
 * {@code gongkai bench} starts its builds with {@link #forContentBytes} directly, so it measures what a user gets.
 * Why each flag, with the measurements: docs/performance.md.
 */
public final class JvmFlags {
    public static final String SERIAL_GC = "-XX:+UseSerialGC";
    /** For large content: collections on both cores (see the class comment). */
    public static final String PARALLEL_GC = "-XX:+UseParallelGC";
    /** For large content: no full collection just because C2's method profiles filled the first metaspace. */
    public static final String LARGER_METASPACE_THRESHOLD = "-XX:MetaspaceSize=256m";
    public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** For large content: C2 compiles only what runs 4× as often as by default (fewer, hotter methods). */
    public static final String FEWER_C2_COMPILES = "-XX:CompileThresholdScaling=4";
    public static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    /** The kernel's transparent huge page mode: {@code always [madvise] never}, the bracketed one in effect. */
    public static final Path HUGE_PAGES_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /**
     * For large content: the heap starts at 10% of RAM (capped by -Xmx) instead of 1/64. The content model grows
     * for seconds while it loads, and with the default small start Serial's young generation (a third of the
     * heap) was collected 110 times at 100k, each copying what the loader had just added.
     */
    public static final String LARGER_START_HEAP = "-XX:InitialRAMPercentage=10";
    /** The class-data archive the gongkai script writes beside target/gongkai.jar after each compile. */
    public static final String CLASS_ARCHIVE_NAME = "gongkai.jsa";
    /** With these the JVM says nothing when the archive does not match it (it then loads classes from the jar). */
    public static final List<String> QUIET_CLASS_ARCHIVE = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /** Marks a JVM the gongkai script started with the small-site flags, which {@code build} may replace. */
    public static final String AUTO = "-Dgongkai.jit=auto";
    /** The script's fixed flags (kept equal to the ones in ./gongkai; a test compares them). */
    public static final List<String> SMALL = List.of(SERIAL_GC, C1_ONLY);
    /** About 30,000 projects of content YAML: the measured break-even of C2 lies between 10k and 100k. */
    public static final long LARGE_CONTENT_BYTES = 100L << 20;

    private JvmFlags() {
    }

    /** The flags for a build of {@code contentBytes} of content (see the class comment). */
    public static List<String> forContentBytes(long contentBytes) {
        return forContentBytes(contentBytes, runningJar());
    }

    /** As {@link #forContentBytes(long)} for a JVM that runs {@code jar} (null: not a jar; no class archive). */
    public static List<String> forContentBytes(long contentBytes, Path jar) {
        List<String> flags = new ArrayList<>(contentBytes >= LARGE_CONTENT_BYTES
                ? List.of(PARALLEL_GC, FEWER_C2_COMPILES, LARGER_START_HEAP, LARGER_METASPACE_THRESHOLD) : SMALL);
        if (hugePagesOffered()) {
            flags.add(HUGE_PAGES);
        }
        flags.addAll(classArchive(jar));
        return List.copyOf(flags);
    }

    /** The jar this JVM runs from, when its class path is that one jar (as the gongkai script starts it). */
    static Path runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        return Path.of(classPath).toAbsolutePath();
    }

    /**
     * The flags that map the script's class-data archive beside {@code jar} ({@value #CLASS_ARCHIVE_NAME}), when
     * there is one at least as new as the jar; otherwise none. Same condition as the script's.
     */
    static List<String> classArchive(Path jar) {
        if (jar == null) {
            return List.of();
        }
        Path archive = jar.resolveSibling(CLASS_ARCHIVE_NAME);
        try {
            if (!Files.isRegularFile(archive)
                    || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
                return List.of();
            }
        } catch (IOException unreadable) {
            return List.of();
        }
        List<String> flags = new ArrayList<>();
        flags.add("-XX:SharedArchiveFile=" + archive);
        flags.addAll(QUIET_CLASS_ARCHIVE);
        return flags;
    }

    /** Whether the kernel hands out transparent huge pages to a JVM that asks (the script checks the same). */
    public static boolean hugePagesOffered() {
        try {
            String mode = Files.readString(HUGE_PAGES_SETTING);
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException notLinuxOrNotReadable) {
            return false;
        }
    }

    /** The java launcher of the running JVM (for child JVMs: a relaunched build, bench's builds). */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Bytes of the content's YAML files (what the build's work grows with). */
    public static long contentBytes(Path contentDir) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(contentDir)) {
            long sum = 0;
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(p)) {
                    sum += Files.size(p);
                }
            }
            return sum;
        }
    }

    /**
     * When this JVM runs with the script's small-site flags ({@link #AUTO} set) and the content is large: runs
     * the same command in a JVM with the large-site flags (keeping every other flag, e.g. -Xmx from
     * GONGKAI_JAVA_OPTS), waits for it and returns its exit code. Otherwise empty: the caller goes on itself.
     */
    public static OptionalInt relaunchIfLarge(Path contentDir, Class<?> mainClass, List<String> args, gongkai.content.Lang lang)
            throws IOException, InterruptedException {
        List<String> current = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!"auto".equals(System.getProperty("gongkai.jit")) || !current.contains(C1_ONLY)) {
            return OptionalInt.empty();
        }
        // A test lowers the threshold (a relaunch on a real 100 MB content tree would take minutes).
        long largeBytes = Long.getLong("gongkai.jit.largeBytes", LARGE_CONTENT_BYTES);
        long bytes = contentBytes(contentDir);
        if (bytes < largeBytes) {
            return OptionalInt.empty();
        }
        List<String> wanted = forContentBytes(LARGE_CONTENT_BYTES);
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(wanted);
        for (String flag : current) {
            if (!flag.equals(AUTO) && !SMALL.contains(flag) && !wanted.contains(flag)) {
                command.add(flag); // after ours, as in ./gongkai: GONGKAI_JAVA_OPTS can override them
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        System.err.printf(lang == gongkai.content.Lang.EN ? "build: the content is %,d MB; building in a JVM with the C2 compiler (%s)%n"
                : "build：内容共 %,d MB，改在启用 C2 编译器的 JVM 中构建（%s）%n", bytes >> 20, String.join(" ", wanted));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return OptionalInt.of(child.waitFor());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
