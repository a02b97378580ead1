package gongkai.build;

import gongkai.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What stages share during one build: the options, the staging directory every output file goes to, and the
 * results of earlier stages (the loaded {@link Content}, the assembled {@link SiteModel}), each set once by
 * the stage that produces it and immutable afterwards. One context per build; no global state.
 */
public final class BuildContext {
    private final java.util.Set<String> writtenPaths = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final BuildOptions options;
    private final Path stagingDir;
    private final AtomicInteger pagesRendered = new AtomicInteger();
    private final java.util.Set<Path> createdFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Content content;
    private volatile SiteModel site;
    private volatile GitDates dates = GitDates.none();
    private volatile LinkChecker links;
    private volatile gongkai.render.Templates templates;

    BuildContext(BuildOptions options, Path stagingDir) {
        this.options = options;
        this.stagingDir = stagingDir;
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

    /**
     * A context that writes straight into an existing site folder, with content and site model given: for
     * re-running a stage (e.g. the search index) after an incremental rebuild in the dev server.
     */
    public static BuildContext live(BuildOptions options, Path siteDir, Content content, SiteModel site) {
        BuildContext context = standalone(options, siteDir, content);
        context.setSite(site);
        return context;
    }

    /** Content dates from git (set by the assemble stage). */
    public GitDates dates() {
        return dates;
    }

    /** The link checker pages are fed to while they are rendered (created by the render stage), or null. */
    LinkChecker links() {
        return links;
    }

    void setLinks(LinkChecker links) {
        this.links = links;
    }

    /** The theme's templates as the render stage parsed them, or null before it ran (serve renders edits with them). */
    public gongkai.render.Templates templates() {
        return templates;
    }

    void setTemplates(gongkai.render.Templates templates) {
        this.templates = templates;
    }

    void setDates(GitDates dates) {
        this.dates = dates;
    }

    public BuildOptions options() {
        return options;
    }

    /** The directory this build writes into; it becomes the output directory when every stage succeeded. */
    public Path stagingDir() {
        return stagingDir;
    }

    /** The loaded content (available from the validate stage on). */
    public Content content() {
        if (content == null) {
            throw new IllegalStateException("content is not loaded yet (the load stage has not run)");
        }
        return content;
    }

    /** The assembled site: URLs, page jobs, base path (available from the render stage on). */
    public SiteModel site() {
        if (site == null) {
            throw new IllegalStateException("site is not assembled yet (the assemble stage has not run)");
        }
        return site;
    }

    void setContent(Content content) {
        if (this.content != null) {
            throw new IllegalStateException("content already loaded");
        }
        this.content = content;
    }

    void setSite(SiteModel site) {
        if (this.site != null) {
            throw new IllegalStateException("site already assembled");
        }
        this.site = site;
    }

    void addPagesRendered(int count) {
        pagesRendered.addAndGet(count);
    }

    public int pagesRendered() {
        return pagesRendered.get();
    }

    public void log(String line) {
        options.log().accept(line);
    }

    /** Resolves a site path ("projects/x.json") inside the staging directory, refusing paths that leave it. */
    public Path resolve(String sitePath) {
        Path target = stagingDir.resolve(sitePath).normalize();
        if (!target.startsWith(stagingDir) || target.equals(stagingDir)) {
            throw new IllegalArgumentException("output path outside the site: " + sitePath);
        }
        return target;
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
        String key = LinkChecker.normalise(sitePath.replace('\\', '/'));
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("output path outside the site: " + sitePath);
        }
        writtenPaths.add(key);
    }

    /** Every file written through {@link #write} or recorded with {@link #recordWritten}, as site paths. */
    public java.util.Set<String> writtenPaths() {
        return java.util.Collections.unmodifiableSet(writtenPaths);
    }

    public void writeString(String sitePath, String text) throws IOException {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }
}
