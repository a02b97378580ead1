package gongkai.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively (WatchService registers single directories, so every sub-folder is registered,
 * including ones created later) and calls {@code onChange} once per burst of changes: events are collected
 * until {@link #QUIET_MILLIS} pass without a new one, so an editor's save-rename-delete dance is one rebuild.
 */
public final class SiteWatcher implements AutoCloseable {
    static final long QUIET_MILLIS = 60;

    private final WatchService watchService;
    private final Thread thread;
    private final java.util.function.BiConsumer<Set<Path>, Long> onChange;
    private long burstStart;
    /** Paths named by the events of the current burst; null after an overflow (then: unknown, rebuild all). */
    private Set<Path> changed = new TreeSet<>();
    private final Consumer<String> log;

    public SiteWatcher(List<Path> roots, Runnable onChange, Consumer<String> log) throws IOException {
        this(roots, (paths, firstEventNanos) -> onChange.run(), log);
    }

    /**
     * {@code onChange} receives the paths that changed in the burst (an empty set when they are unknown) and the
     * {@link System#nanoTime()} at which the burst's first event was taken from the watch service.
     */
    public SiteWatcher(List<Path> roots, java.util.function.BiConsumer<Set<Path>, Long> onChange, Consumer<String> log)
            throws IOException {
        this.watchService = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        this.log = log;
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            }
        }
        this.thread = new Thread(this::loop, "gongkai-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                burstStart = System.nanoTime();
                handle(key);
                // Collect the rest of the burst.
                WatchKey more;
                while ((more = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    handle(more);
                }
                Set<Path> burst = changed == null ? Set.of() : Set.copyOf(changed);
                changed = new TreeSet<>();
                onChange.accept(burst, burstStart);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // close() was called: the loop ends.
        }
    }

    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path)) {
                changed = null;
            } else if (changed != null) {
                changed.add(dir.resolve((Path) event.context()));
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = dir.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        log.accept("serve: 无法监视新文件夹 " + created + "：" + e.getMessage());
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        thread.interrupt();
    }
}
