package gongkai.pipeline;


import gongkai.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What stages share during one build: the options, the staging directory every output file goes to, and the
 * results of earlier stages: the loaded {@link Content}, and typed {@link Slot}s that later stages declare for what
 * they leave (the assembled site, the parsed templates), each set once by the stage that produces it and immutable
 * afterwards. One context per build; no global state. The pipeline knows no stage's result type, so this package
 * depends on no stage package.
 */
public final class BuildContext {
    private final java.util.Set<String> writtenPaths = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> announced = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final BuildOptions options;
    private final Path stagingDir;
    /** This build's folder and swap; null for a standalone context, which writes into its output directly. */
    private final SiteSwap swap;
    private final AtomicInteger pagesRendered = new AtomicInteger();
    private final java.util.Set<Path> createdFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<Slot<?>, Object> results = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.List<PageObserver> pageObservers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Content content;
    private volatile String basePath;

    /** A result one stage leaves for later ones, declared (as a constant) by the package that produces it. */
    public static final class Slot<T> {
        private final String name;

        private Slot(String name) {
            this.name = name;
        }

        public static <T> Slot<T> named(String name) {
            return new Slot<>(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Sees every page while its text is in memory, right after it was written (e.g. to take its links). */
    @FunctionalInterface
    public interface PageObserver {
        void pageRendered(String sitePath, char[] text, int length) throws Exception;
    }

    BuildContext(BuildOptions options, SiteSwap swap) {
        this.options = options;
        this.stagingDir = swap.siteDir();
        this.swap = swap;
    }

    private BuildContext(BuildOptions options, Path outputDir) {
        this.options = options;
        this.stagingDir = outputDir;
        this.swap = null;
    }

    /**
     * A context outside a pipeline, for running one stage on its own (e.g. an export stage in its tests):
     * files go to {@code outputDir}, the content is given, the site model is not assembled.
     */
    public static BuildContext standalone(BuildOptions options, Path outputDir, Content content) {
        BuildContext context = new BuildContext(options, outputDir.toAbsolutePath().normalize());
        context.setContent(content);
        return context;
    }

    public BuildOptions options() {
        return options;
    }

    /** The directory this build writes into; it becomes the output directory when every stage succeeded. */
    public Path stagingDir() {
        return stagingDir;
    }

    /**
     * The folder to write what is published beside the output as {@code <out><suffix>} (the search index:
     * {@code site.index}): in a pipeline it is staged in the build's folder and swapped in with the site by the
     * write stage, or deleted with it when the build fails; standalone it is the published folder itself.
     */
    public Path besideOutput(String suffix) throws IOException {
        if (swap == null) {
            return SiteSwap.besideOutput(options.outDir(), suffix);
        }
        return swap.stageBeside(suffix);
    }

    /** The build's swap (the write stage publishes through it). */
    SiteSwap swap() {
        if (swap == null) {
            throw new IllegalStateException("a standalone context has nothing to publish");
        }
        return swap;
    }

    /** The loaded content (available from the validate stage on). */
    public Content content() {
        if (content == null) {
            throw new IllegalStateException("content is not loaded yet (the load stage has not run)");
        }
        return content;
    }

    /** Leaves a stage's result for later stages; each slot is set once per build. */
    public <T> void set(Slot<T> slot, T value) {
        if (results.putIfAbsent(slot, java.util.Objects.requireNonNull(value, slot.name)) != null) {
            throw new IllegalStateException(slot.name + " already set");
        }
    }

    /** A result an earlier stage left; fails when that stage has not run. */
    @SuppressWarnings("unchecked")
    public <T> T get(Slot<T> slot) {
        Object value = results.get(slot);
        if (value == null) {
            throw new IllegalStateException(slot.name + " is not available yet (the stage that makes it has not run)");
        }
        return (T) value;
    }

    /** A result an earlier stage left, or null. */
    @SuppressWarnings("unchecked")
    public <T> T find(Slot<T> slot) {
        return (T) results.get(slot);
    }

    /** The slot's value, made once by {@code make} if no stage set it yet (thread-safe). */
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Slot<T> slot, java.util.function.Supplier<T> make) {
        return (T) results.computeIfAbsent(slot, s -> make.get());
    }

    /** The path every internal link starts with ("/" or "/sub/"), set by the stage that assembles the site. */
    public String basePath() {
        if (basePath == null) {
            throw new IllegalStateException("the base path is not known yet (the assemble stage has not run)");
        }
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    /** Registers a page observer (before the render stage runs). */
    public void addPageObserver(PageObserver observer) {
        pageObservers.add(observer);
    }

    /** Called by the render stage for every page it wrote. */
    public void pageRendered(String sitePath, char[] text, int length) throws Exception {
        for (PageObserver observer : pageObservers) {
            observer.pageRendered(sitePath, text, length);
        }
    }

    public void setContent(Content content) {
        if (this.content != null) {
            throw new IllegalStateException("content already loaded");
        }
        this.content = content;
    }

    public void addPagesRendered(int count) {
        pagesRendered.addAndGet(count);
    }

    public int pagesRendered() {
        return pagesRendered.get();
    }

    public void log(String line) {
        options.log().accept(line);
    }

    /** Logs a line told in both languages, in the build's. */
    public void log(gongkai.content.Text line) {
        options.log().accept(line.in(options.lang()));
    }

    /** Logs a problem (a warning) as validate prints it, in the build's language. */
    public void log(gongkai.content.Problem problem) {
        options.log().accept(problem.format(options.lang()));
    }

    /** Resolves a site path ("projects/x.json") inside the staging directory, refusing paths that leave it. */
    public Path resolve(String sitePath) {
        return SitePaths.inside(stagingDir, sitePath);
    }

    /** Writes one output file (thread-safe; stages may write in parallel). */
    public void write(String sitePath, byte[] bytes) throws IOException {
        write(sitePath, bytes, 0, bytes.length);
    }

    /** Writes {@code bytes[offset, offset+length)} as one output file (e.g. from a reused buffer). */
    public void write(String sitePath, byte[] bytes, int offset, int length) throws IOException {
        Path target = resolve(sitePath);
        recordWritten(sitePath);
        Path folder = target.getParent();
        // createDirectories stats every level; each folder is made once per build instead.
        if (!createdFolders.contains(folder)) {
            Files.createDirectories(folder);
            createdFolders.add(folder);
        }
        // One write call (Files.write would split the array into 8 KB writes).
        try (var out = Files.newOutputStream(target)) {
            out.write(bytes, offset, length);
        }
    }

    /**
     * Records a file a stage wrote itself (the downloads): the link check resolves links against the recorded
     * files instead of walking the output, which at 100,000 projects meant 420,000 stat calls. The search
     * index's files are not recorded: it runs beside the check, and no page may link into them.
     */
    public void recordWritten(String sitePath) {
        String key = SitePaths.normalise(sitePath.replace('\\', '/'));
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("output path outside the site: " + sitePath);
        }
        writtenPaths.add(key);
    }

    /**
     * Announces, in a stage's {@link BuildStage#prepare}, a file that stage will write: an earlier stage may then
     * link it (a page links a site-wide download only when this build writes it; a pipeline without the export
     * stage writes none). The link check still verifies the file was written.
     */
    public void willWrite(String sitePath) {
        String key = SitePaths.normalise(sitePath.replace('\\', '/'));
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("output path outside the site: " + sitePath);
        }
        announced.add(key);
    }

    /** Whether a stage announced it will write {@code sitePath} ({@link #willWrite}). */
    public boolean writes(String sitePath) {
        String key = SitePaths.normalise(sitePath.replace('\\', '/'));
        return key != null && announced.contains(key);
    }

    /** Every file written through {@link #write} or recorded with {@link #recordWritten}, as site paths. */
    public java.util.Set<String> writtenPaths() {
        return java.util.Collections.unmodifiableSet(writtenPaths);
    }

    public void writeString(String sitePath, String text) throws IOException {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }
}
