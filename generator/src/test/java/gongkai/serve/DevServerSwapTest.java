package gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.pipeline.SiteSwap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the served folder, or folders inside it, are replaced over and over, every request for a file that
 * exists in both versions is a 200 with one whole version of it: never a 404, never a truncated or mixed body.
 * The replacements are the real ones: the full build's {@link SiteSwap#replace} (two renames of the site
 * folder) and the incremental rebuild's {@link SiteInstall} (files renamed in, folders swapped through the
 * server's gate).
 */
@Tag("slow")
class DevServerSwapTest {
    private static final int PAD = 200_000;
    private static final List<String> FILES = List.of("search/data/meta.json", "data/all.json", "index.html");

    /** The content of {@code file} in version {@code v}: its version at both ends, a fixed length. */
    private static String body(String file, int v) {
        String version = String.format(Locale.ROOT, "%06d", v);
        if (file.endsWith(".html")) {
            return "<!doctype html><html><body><p>" + version + "</p><p>" + "页".repeat(PAD / 100) + "</p><p>"
                    + version + "</p></body></html>";
        }
        return "{\"v\":\"" + version + "\",\"pad\":\"" + "x".repeat(file.startsWith("data/") ? PAD : PAD / 50)
                + "\",\"end\":\"" + version + "\"}\n";
    }

    private static void writeVersion(Path root, int v) throws IOException {
        for (String file : FILES) {
            Path target = root.resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, body(file, v), StandardCharsets.UTF_8);
        }
    }

    /** Null when {@code text} is one whole version of {@code file}, else what is wrong. */
    private static String problem(String file, String text) {
        int at = text.indexOf(file.endsWith(".html") ? "<p>" : "\"v\":\"") + (file.endsWith(".html") ? 3 : 5);
        if (at < 5 || text.length() < at + 6) {
            return "no version in " + text.length() + " chars";
        }
        int v = Integer.parseInt(text.substring(at, at + 6));
        String expected = body(file, v);
        if (file.endsWith(".html")) {
            String withoutReload = text.replace(LiveReload.SCRIPT + "\n", "");
            return withoutReload.equals(expected) ? null : "version " + v + " differs (" + text.length() + " chars)";
        }
        return text.equals(expected) ? null : "version " + v + " differs (" + text.length() + " chars)";
    }

    /** Runs {@code replaceOnce} {@code times} times while three clients read the files; the failures seen. */
    private static List<String> readWhileReplacing(DevServer server, int times, Replacement replaceOnce)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger requests = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int offset = t;
            Thread reader = new Thread(() -> {
                int i = offset;
                while (!done.get()) {
                    String file = FILES.get(i++ % FILES.size());
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/" + file)).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        requests.incrementAndGet();
                        String wrong = r.statusCode() != 200 ? "HTTP " + r.statusCode() : problem(file, r.body());
                        if (wrong != null) {
                            failures.add(file + ": " + wrong);
                        }
                    } catch (IOException e) {
                        failures.add(file + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "swap-test-reader-" + t);
            reader.start();
            readers.add(reader);
        }
        try {
            for (int v = 1; v <= times; v++) {
                replaceOnce.run(v);
                Thread.sleep(3);
            }
        } finally {
            done.set(true);
            for (Thread reader : readers) {
                reader.join(30_000);
            }
        }
        assertTrue(requests.get() >= 30, "only " + requests.get() + " requests were made during the replacements");
        return new ArrayList<>(failures);
    }

    @FunctionalInterface
    private interface Replacement {
        void run(int version) throws Exception;
    }

    @Test
    void theFullBuildsFolderSwapNeverGivesA404OrAPartialFile(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        writeVersion(site, 0);
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            List<String> failures = readWhileReplacing(server, 100, v -> {
                SiteSwap swap = SiteSwap.begin(site, line -> { });
                Path staging = swap.siteDir();
                writeVersion(staging, v);
                if (v % 2 == 0) {
                    swap.publish();
                } else { // the same two renames, with a slow machine's pause between them
                    Path old = tmp.resolve(".site-old-" + v);
                    Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(20);
                    Files.move(staging, site, StandardCopyOption.ATOMIC_MOVE);
                    SiteSwap.deleteTree(old);
                    swap.close();
                }
            });
            assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " bad answers");
        }
    }

    @Test
    void theIncrementalRebuildsRenamesNeverGiveA404OrAPartialFile(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        writeVersion(site, 0);
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            List<String> failures = readWhileReplacing(server, 150, v -> {
                Path staging = SiteInstall.createStaging(site);
                try {
                    if (v % 2 == 0) { // pages and downloads: file by file
                        writeVersion(staging, v);
                        assertEquals(FILES.size(), SiteInstall.moveFiles(staging, site));
                    } else { // data/ and search/data/: whole folders
                        for (String file : FILES.subList(0, 2)) {
                            Path target = staging.resolve(file);
                            Files.createDirectories(target.getParent());
                            Files.writeString(target, body(file, v), StandardCharsets.UTF_8);
                        }
                        SiteInstall.replaceFolders(staging, site, server::exclusive);
                    }
                } finally {
                    SiteInstall.delete(staging);
                }
            });
            assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " bad answers");
            try (var left = Files.list(tmp)) {
                assertEquals(List.of(site), left.toList(), "no staging folder is left beside the site");
            }
            try (var walk = Files.walk(site)) {
                assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                        "nothing of the staging inside the site");
            }
        }
    }

    /** Runs {@code request} on another thread; it must not be done within {@code millis}. */
    private static java.util.concurrent.CompletableFuture<RawHttp.Response> startedAndWaiting(DevServer server,
            String target, long millis) throws InterruptedException {
        java.util.concurrent.CompletableFuture<RawHttp.Response> response = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return RawHttp.get(server.port(), target);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        Thread.sleep(millis);
        assertTrue(!response.isDone(), "the request waited for the swap");
        return response;
    }

    @Test
    void aRequestBetweenTheFullBuildsTwoRenamesIsAnsweredFromTheNewSite(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        writeVersion(site, 0);
        Path staging = Files.createDirectories(tmp.resolve(".site-staging"));
        writeVersion(staging, 1);
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            Files.move(site, tmp.resolve(".site-old"), StandardCopyOption.ATOMIC_MOVE);
            var response = startedAndWaiting(server, "/data/all.json", 300);
            Files.move(staging, site, StandardCopyOption.ATOMIC_MOVE);
            RawHttp.Response r = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertEquals(body("data/all.json", 1), r.text());
        }
    }

    @Test
    void aRequestDuringAFolderSwapThroughTheGateWaitsForIt(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        writeVersion(site, 0);
        Path fresh = Files.createDirectories(tmp.resolve("fresh"));
        Files.writeString(fresh.resolve("meta.json"), body("search/data/meta.json", 1));
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            java.util.concurrent.CountDownLatch swapping = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch requested = new java.util.concurrent.CountDownLatch(1);
            Thread swap = new Thread(() -> {
                try {
                    server.exclusive(() -> {
                        Files.move(site.resolve("search/data"), tmp.resolve("old-data"), StandardCopyOption.ATOMIC_MOVE);
                        swapping.countDown();
                        try {
                            requested.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.io.InterruptedIOException("interrupted");
                        }
                        Files.move(fresh, site.resolve("search/data"), StandardCopyOption.ATOMIC_MOVE);
                    });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "swap");
            swap.start();
            swapping.await();
            var response = startedAndWaiting(server, "/search/data/meta.json", 300);
            requested.countDown();
            swap.join(10_000);
            RawHttp.Response r = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertEquals(body("search/data/meta.json", 1), r.text());
        }
    }
}
