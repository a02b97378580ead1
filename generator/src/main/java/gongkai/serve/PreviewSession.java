package gongkai.serve;

import gongkai.content.Lang;
import gongkai.content.Text;
import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code gongkai serve}: build once, serve, rebuild on every change under the watched folders and tell open
 * pages to reload. A failed rebuild is printed and the last good site stays served; open pages show the same
 * message as an overlay until a rebuild succeeds (see {@link DevServer#buildFailed}).
 */
public final class PreviewSession implements AutoCloseable {
    /** Runs one full build (the same pipeline as {@code gongkai build}). */
    @FunctionalInterface
    public interface Builder {
        BuildReport build() throws BuildException;

        /**
         * Brings the site up to date after a burst of changed paths, if this builder can do so without a full
         * build; returns the line to print, or null for "do a full build".
         */
        default String update(Set<Path> changed, long firstEventNanos) throws BuildException {
            return null;
        }

        /**
         * Called once the server exists, before it starts: a builder that replaces folders inside the served
         * site swaps them through the server, so that no request sees one missing (see {@link ServedSite}).
         */
        default void attach(DevServer server) {
        }
    }

    private final Builder builder;
    private final Consumer<String> log;
    private final DevServer server;
    private final SiteWatcher watcher;
    private final Function<BuildException, String> describe;
    private final Lang lang;
    private final Object buildLock = new Object();

    public PreviewSession(Builder builder, Path siteDir, List<Path> watched, int port, Consumer<String> log)
            throws IOException, BuildException {
        this(builder, siteDir, watched, port, log, BuildException::describe);
    }

    /**
     * @param describe what a failed rebuild is called in the terminal and in the browser's overlay (the CLI
     *                 gives paths as the user typed them)
     */
    public PreviewSession(Builder builder, Path siteDir, List<Path> watched, int port, Consumer<String> log,
            Function<BuildException, String> describe) throws IOException, BuildException {
        this(builder, siteDir, watched, port, log, describe, Lang.ZH);
    }

    /** @param lang the language of the lines printed and of the browser's overlay (the failure is {@code describe}'s) */
    public PreviewSession(Builder builder, Path siteDir, List<Path> watched, int port, Consumer<String> log,
            Function<BuildException, String> describe, Lang lang) throws IOException, BuildException {
        this.builder = builder;
        this.log = log;
        this.describe = describe;
        this.lang = lang;
        BuildReport first = builder.build();
        log.accept(first.summary(lang));
        this.server = new DevServer(siteDir, first.basePath(), port, log, lang);
        builder.attach(server);
        this.watcher = new SiteWatcher(watched, (Set<Path> paths, Long firstEvent) -> rebuild(paths, firstEvent), log);
    }

    /** The server, e.g. to {@link DevServer#addHandler} before {@link #start()}. */
    public DevServer server() {
        return server;
    }

    public void start() {
        server.start();
        watcher.start();
        String address = "serve: http://127.0.0.1:" + server.port() + server.basePathForDisplay();
        log.accept(Text.of(address + "（按 Ctrl+C 停止）", address + " (press Ctrl+C to stop)").in(lang));
    }

    void rebuild() {
        rebuild(Set.of(), System.nanoTime());
    }

    void rebuild(Set<Path> changed, long firstEventNanos) {
        synchronized (buildLock) {
            try {
                String incremental = changed.isEmpty() ? null : builder.update(changed, firstEventNanos);
                if (incremental != null) {
                    server.siteChanged(server.basePathForDisplay());
                    log.accept("serve: " + incremental);
                    return;
                }
                BuildReport report = builder.build();
                server.siteChanged(report.basePath());
                log.accept(Text.of("serve: 已重新构建 — ", "serve: rebuilt — ").in(lang) + report.summary(lang));
            } catch (BuildException e) {
                String message = describe.apply(e);
                server.buildFailed(message);
                log.accept(Text.of("serve: 重新构建失败，仍在提供上一次成功构建的网站。",
                        "serve: the rebuild failed; the last site that built is still served. ").in(lang) + message);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.close();
    }
}
