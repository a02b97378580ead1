package gongkai.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Local preview server (JDK com.sun.net.httpserver, 127.0.0.1 only): serves the built site under its base
 * path, index.html for directories, 404.html for misses, and a live-reload script injected into HTML
 * responses (the files on disk stay exactly what {@code gongkai build} writes). Open pages poll
 * {@value #VERSION_PATH} and reload when a rebuild bumped the version, or show the failed rebuild's message
 * ({@value #FAILURE_PATH}) over the page until the content is fixed. Other files honour HTTP Range, single and
 * multiple ({@link ByteRanges}), as static hosts do for the search index.
 * Extension point: {@link #addHandler(String, HttpHandler)} (e.g. {@code /api/search}).
 *
 * <p>Hardening (docs/security.md, "The preview server"): every request, on every handler, first passes a
 * filter that answers 414 for a request target over {@value #MAX_TARGET_BYTES} bytes or a query over
 * {@value #MAX_QUERY_BYTES}, 405 for methods other than GET and HEAD, 400 for a request with a body and for a
 * path or query that does not decode cleanly ({@link RequestTarget}), and 500 without details for a handler's
 * unexpected exception. Files are looked up by real path and never outside the site ({@link ServedSite}); time
 * and thread limits are in {@link ServerLimits}, enforced by {@link ExchangeThreads}.
 */
public final class DevServer implements AutoCloseable {
    public static final String VERSION_PATH = "/__gongkai/version";
    /** The last rebuild's failure as plain text, empty while the served site is current. */
    public static final String FAILURE_PATH = "/__gongkai/failure";
    /** Longest request target (path and query as sent); longer: 414. */
    static final int MAX_TARGET_BYTES = 8192;
    /** Longest query string (as sent, percent-encoded); longer: 414. Bounds e.g. /api/search?q=. */
    static final int MAX_QUERY_BYTES = 2048;

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
            Map.entry("zip", "application/zip"),
            Map.entry("bin", "application/octet-stream"));

    private final ServedSite site;
    private final HttpServer server;
    private final ExchangeThreads threads;
    private final Consumer<String> log;
    private final Filter guard = new Guard();
    private final AtomicLong version = new AtomicLong(1);
    private volatile String failure = "";
    private volatile String basePath;
    /** The live-reload snippet, its failure overlay in the session's language. */
    private final String reloadScript;

    /**
     * @param port 0 for any free port
     */
    public DevServer(Path siteDir, String basePath, int port) throws IOException {
        this(siteDir, basePath, port, System.err::println);
    }

    /**
     * @param log where a handler's unexpected failure is reported (the client gets a bare 500)
     */
    public DevServer(Path siteDir, String basePath, int port, Consumer<String> log) throws IOException {
        this(siteDir, basePath, port, log, ServerLimits.DEFAULT);
    }

    /** A server whose build-failure overlay speaks {@code lang}. */
    public DevServer(Path siteDir, String basePath, int port, Consumer<String> log, gongkai.content.Lang lang) throws IOException {
        this(siteDir, basePath, port, log, ServerLimits.DEFAULT, lang);
    }

    DevServer(Path siteDir, String basePath, int port, Consumer<String> log, ServerLimits limits) throws IOException {
        this(siteDir, basePath, port, log, limits, gongkai.content.Lang.ZH);
    }

    DevServer(Path siteDir, String basePath, int port, Consumer<String> log, ServerLimits limits, gongkai.content.Lang lang)
            throws IOException {
        this.site = new ServedSite(siteDir);
        this.basePath = basePath;
        this.log = log;
        this.reloadScript = LiveReload.script(lang);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.threads = new ExchangeThreads(limits);
        server.setExecutor(threads);
        guarded(server.createContext("/", this::serveFile));
        guarded(server.createContext(VERSION_PATH, this::serveVersion));
        guarded(server.createContext(FAILURE_PATH, this::serveFailure));
    }

    /** Registers an extra handler (longest path prefix wins), e.g. {@code addHandler("/api/search", handler)}. */
    public void addHandler(String path, HttpHandler handler) {
        guarded(server.createContext(path, handler));
    }

    private void guarded(HttpContext context) {
        context.getFilters().add(guard);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Called after a successful rebuild: open pages reload (and a failure overlay goes away). */
    public void siteChanged(String newBasePath) {
        this.basePath = newBasePath;
        this.failure = "";
        version.incrementAndGet();
    }

    /**
     * Called after a failed rebuild: the last good site stays served, and open pages show {@code message} over it
     * until a rebuild succeeds (pages opened meanwhile show it too).
     */
    public void buildFailed(String message) {
        this.failure = message;
        version.incrementAndGet();
    }

    String basePathForDisplay() {
        return basePath;
    }

    public long version() {
        return version.get();
    }

    /**
     * Runs {@code renames} of folders inside the served site while no request is looking a file up (see
     * {@link ServedSite}); requests wait for it. For replacing e.g. search/data/ by a freshly written copy.
     */
    void exclusive(ServedSite.FolderAction renames) throws IOException {
        site.exclusive(renames);
    }

    /** Requests in progress (for tests). */
    int activeRequests() {
        return threads.active();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }

    /** The checks every request passes before its handler (see the class comment). */
    private final class Guard extends Filter {
        @Override
        public String description() {
            return "gongkai dev server request checks";
        }

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            threads.headersRead();
            try {
                if (refused(exchange)) {
                    return;
                }
                chain.doFilter(exchange);
            } catch (RuntimeException e) {
                failed(exchange, e);
            } catch (IOException e) {
                if (exchange.getResponseCode() != -1) {
                    throw e; // e.g. the client went away mid-response: the JDK drops the connection
                }
                failed(exchange, e);
            }
        }

        /** Reports a handler's failure to the log and, if nothing was sent yet, a bare 500 to the client. */
        private void failed(HttpExchange exchange, Exception e) throws IOException {
            StackTraceElement[] at = e.getStackTrace();
            log.accept("serve: 处理请求出错 (request failed) " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e + (at.length > 0 ? " at " + at[0] : ""));
            if (exchange.getResponseCode() == -1) {
                sendText(exchange, 500, "500 服务器内部错误 (internal server error)\n");
            }
            exchange.close();
        }

        /** Answers a request that must not reach a handler; true when it did. */
        private boolean refused(HttpExchange exchange) throws IOException {
            URI uri = exchange.getRequestURI();
            int target = uri.toString().length();
            if (target > MAX_TARGET_BYTES) {
                refuse(exchange, 414, "414 网址过长 (URI too long): " + target + " 字节，上限 " + MAX_TARGET_BYTES + "\n");
                return true;
            }
            String query = uri.getRawQuery();
            if (query != null && query.length() > MAX_QUERY_BYTES) {
                refuse(exchange, 414, "414 查询参数过长 (query too long): " + query.length() + " 字节，上限 "
                        + MAX_QUERY_BYTES + "\n");
                return true;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                refuse(exchange, 405, "405 只支持 GET 和 HEAD (method not allowed)\n");
                return true;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (exchange.getRequestHeaders().containsKey("Transfer-Encoding") || length != null && !length.equals("0")) {
                refuse(exchange, 400, "400 GET/HEAD 请求不能带正文 (a GET or HEAD request has no body)\n");
                return true;
            }
            try {
                RequestTarget.path(uri.getRawPath());
                RequestTarget.checkQuery(query);
            } catch (RequestTarget.Invalid e) {
                refuse(exchange, 400, "400 请求无效 (bad request): " + e.getMessage() + "\n");
                return true;
            }
            return false;
        }

        private void refuse(HttpExchange exchange, int status, String message) throws IOException {
            exchange.getResponseHeaders().set("Connection", "close");
            sendText(exchange, status, message);
            threads.draining(); // closing reads what is left of a body, which may come slowly
            exchange.close();
        }
    }

    private void serveVersion(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = Long.toString(version.get()).getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, 200, body);
        }
    }

    private void serveFailure(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = failure.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, 200, body);
        }
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path;
            try {
                path = RequestTarget.path(uri.getRawPath());
            } catch (RequestTarget.Invalid e) { // the guard answers these first; a handler does not rely on it
                sendText(exchange, 400, "400 请求无效 (bad request): " + e.getMessage() + "\n");
                return;
            }
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
            ServedSite.Lookup lookup = site.lookup(path.substring(base.length()), path.endsWith("/"));
            if (lookup instanceof ServedSite.Found found) {
                try (found) {
                    respondWithFile(exchange, 200, found);
                }
            } else if (lookup instanceof ServedSite.Redirect) {
                String query = uri.getRawQuery();
                exchange.getResponseHeaders().set("Location", uri.getRawPath() + "/" + (query == null ? "" : "?" + query));
                send(exchange, 301, new byte[0]);
            } else if (lookup instanceof ServedSite.Outside) {
                sendText(exchange, 403, "403 禁止访问 (forbidden): 该路径经符号链接指向站点目录之外"
                        + " (a symbolic link leads outside the site folder)\n");
            } else {
                notFound(exchange);
            }
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        if (site.lookup("404.html", false) instanceof ServedSite.Found page) {
            try (page) {
                respondWithFile(exchange, 404, page);
            }
        } else {
            sendText(exchange, 404, "404 未找到 (not found)\n");
        }
    }

    private void respondWithFile(HttpExchange exchange, int status, ServedSite.Found file) throws IOException {
        String type = contentType(file.name());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (type.startsWith("text/html")) { // rewritten, so no ranges of it
            String html = new String(readAll(file), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            send(exchange, status, LiveReload.inject(html, reloadScript).getBytes(StandardCharsets.UTF_8));
            return;
        }
        long size = file.size();
        if (status == 200) {
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            List<ByteRanges.Range> ranges;
            try {
                ranges = ByteRanges.parse(exchange.getRequestHeaders().getFirst("Range"), size);
            } catch (ByteRanges.Unsatisfiable e) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                sendText(exchange, 416, "416 无法满足的范围请求 (range not satisfiable): " + e.getMessage() + "\n");
                return;
            }
            if (ranges != null && ranges.size() == 1) {
                ByteRanges.Range r = ranges.get(0);
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.getResponseHeaders().set("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size);
                if (headers(exchange, 206, r.length())) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        ByteRanges.copy(file.channel(), r.first(), r.length(), out);
                    }
                }
                return;
            }
            // several ranges: one multipart answer, unless it would not be smaller than the file itself
            if (ranges != null && ByteRanges.multipartLength(type, ranges, size) < size) {
                exchange.getResponseHeaders().set("Content-Type", ByteRanges.multipartType());
                if (headers(exchange, 206, ByteRanges.multipartLength(type, ranges, size))) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        ByteRanges.writeMultipart(out, file.channel(), type, ranges, size);
                    }
                }
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        if (headers(exchange, status, size)) {
            try (OutputStream out = exchange.getResponseBody()) {
                ByteRanges.copy(file.channel(), 0, size, out);
            }
        }
    }

    private static byte[] readAll(ServedSite.Found file) throws IOException {
        if (file.size() > Integer.MAX_VALUE - 16) {
            throw new IOException("文件过大 (file too large to rewrite): " + file.name());
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) file.size());
        while (buffer.hasRemaining()) {
            if (file.channel().read(buffer, buffer.position()) < 0) {
                break; // shorter than when opened: send what there is
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /**
     * Sends the status line and headers for a body of {@code length} bytes; true when the body is to be written
     * (not for HEAD, whose Content-Length still tells the length a GET would get).
     */
    private static boolean headers(HttpExchange exchange, int status, long length) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
        }
        // 0 would mean "chunked" to the JDK; -1 is "no body"
        exchange.sendResponseHeaders(status, head || length == 0 ? -1 : length);
        return !head && length > 0;
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = status == 301 || status == 302;
        if (headers(exchange, status, noBody ? 0 : body.length)) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
