package gongkai.serve;

import gongkai.build.BuildException;
import gongkai.build.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code gongkai serve}: build once, serve, rebuild on every change under the watched folders and tell open
 * pages to reload. A failed rebuild is printed and the last good site stays served.
 */
public final class PreviewSession implements AutoCloseable {
    /** Runs one full build (the same pipeline as {@code gongkai build}). */
    @FunctionalInterface
    public interface Builder {
        BuildReport build() throws BuildException;
    }

    private final Builder builder;
    private final Consumer<String> log;
    private final DevServer server;
    private final SiteWatcher watcher;
    private final Object buildLock = new Object();

    public PreviewSession(Builder builder, Path siteDir, List<Path> watched, int port, Consumer<String> log)
            throws IOException, BuildException {
        this.builder = builder;
        this.log = log;
        BuildReport first = builder.build();
        log.accept(first.summary());
        this.server = new DevServer(siteDir, first.basePath(), port);
        this.watcher = new SiteWatcher(watched, this::rebuild, log);
    }

    /** The server, e.g. to {@link DevServer#addHandler} before {@link #start()}. */
    public DevServer server() {
        return server;
    }

    public void start() {
        server.start();
        watcher.start();
        log.accept("serve: http://127.0.0.1:" + server.port() + server.basePathForDisplay() + " (Ctrl+C to stop)");
    }

    void rebuild() {
        synchronized (buildLock) {
            try {
                BuildReport report = builder.build();
                server.siteChanged(report.basePath());
                log.accept("serve: rebuilt — " + report.summary());
            } catch (BuildException e) {
                log.accept("serve: rebuild failed, still serving the last good site: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.close();
    }
}
