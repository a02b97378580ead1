package gongkai.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local preview server (JDK com.sun.net.httpserver, 127.0.0.1 only): serves the built site under its base
 * path, index.html for directories, 404.html for misses, and a live-reload script injected into HTML
 * responses (the files on disk stay exactly what {@code gongkai build} writes). Open pages poll
 * {@value #VERSION_PATH} and reload when a rebuild bumped the version. Other files honour HTTP Range, single and
 * multiple ({@link ByteRanges}), as static hosts do for the search index.
 * Extension point: {@link #addHandler(String, HttpHandler)} (e.g. {@code /api/search}).
 */
public final class DevServer implements AutoCloseable {
    public static final String VERSION_PATH = "/__gongkai/version";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("bin", "application/octet-stream"));

    private final Path siteDir;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong version = new AtomicLong(1);
    private volatile String basePath;

    /**
     * @param port 0 for any free port
     */
    public DevServer(Path siteDir, String basePath, int port) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.basePath = basePath;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "gongkai-serve");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serveFile);
        server.createContext(VERSION_PATH, this::serveVersion);
    }

    /** Registers an extra handler (longest path prefix wins), e.g. {@code addHandler("/api/search", handler)}. */
    public void addHandler(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Called after a successful rebuild: open pages reload. */
    public void siteChanged(String newBasePath) {
        this.basePath = newBasePath;
        version.incrementAndGet();
    }

    String basePathForDisplay() {
        return basePath;
    }

    public long version() {
        return version.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serveVersion(HttpExchange exchange) throws IOException {
        byte[] body = Long.toString(version.get()).getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, body);
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, new byte[0]);
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            String base = basePath;
            if (!path.startsWith(base)) {
                if ((path + "/").equals(base) || path.equals("/")) {
                    exchange.getResponseHeaders().set("Location", base);
                    send(exchange, 302, new byte[0]);
                    return;
                }
                notFound(exchange);
                return;
            }
            Path file = siteDir.resolve(path.substring(base.length())).normalize();
            if (!file.startsWith(siteDir)) {
                notFound(exchange);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", rawPath + "/");
                    send(exchange, 301, new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                notFound(exchange);
                return;
            }
            respondWithFile(exchange, 200, file);
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Path page = siteDir.resolve("404.html");
        if (Files.isRegularFile(page)) {
            respondWithFile(exchange, 404, page);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            send(exchange, 404, "404 not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void respondWithFile(HttpExchange exchange, int status, Path file) throws IOException {
        String type = contentType(file.getFileName().toString());
        byte[] body = Files.readAllBytes(file);
        if (type.startsWith("text/html")) {
            body = LiveReload.inject(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (status == 200 && !type.startsWith("text/html")) { // HTML is rewritten above: no ranges of it
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            try {
                java.util.List<ByteRanges.Range> ranges =
                        ByteRanges.parse(exchange.getRequestHeaders().getFirst("Range"), body.length);
                if (ranges != null) {
                    send(exchange, 206, ByteRanges.partial(exchange, body, type, ranges));
                    return;
                }
            } catch (ByteRanges.Unsatisfiable e) {
                ByteRanges.unsatisfiable(exchange, body.length);
                send(exchange, 416, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        send(exchange, status, body);
    }

    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        boolean noBody = head || status == 301 || status == 302 || status == 405 && body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
