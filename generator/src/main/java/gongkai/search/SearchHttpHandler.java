package gongkai.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /api/search?q=…&year=&dept=&cat=&min=&max=&page=&size=} → JSON {@link SearchService.Result}.
 * Bad parameters answer 400 with {@code {"error": …}} naming the parameter.
 */
public final class SearchHttpHandler implements HttpHandler {
    private final ObjectMapper json = new ObjectMapper();
    private final Path indexDir;
    private SearchService service;
    private String openedVersion;

    /** Answers from one open service (the caller closes it). */
    public SearchHttpHandler(SearchService service) {
        this.service = service;
        this.indexDir = null;
    }

    private SearchHttpHandler(Path indexDir) {
        this.indexDir = indexDir;
    }

    /**
     * For a dev server that rebuilds: opens the index at {@code indexDir} on the first request and reopens it
     * whenever a rebuild committed a new one; 503 until there is one.
     */
    public static SearchHttpHandler reopening(Path indexDir) {
        return new SearchHttpHandler(indexDir);
    }

    /** The service for this request, reopened if the index was rebuilt; null when there is no index. */
    private synchronized SearchService current() throws IOException {
        if (indexDir == null) {
            return service;
        }
        String version = commitId(indexDir);
        if (version == null) {
            return service; // none yet (503), or the swap of a new build is half-way: the last one still answers
        }
        if (!version.equals(openedVersion)) {
            if (service != null) {
                service.close();
            }
            service = SearchService.open(indexDir);
            openedVersion = version;
        }
        return service;
    }

    /**
     * The id of the index's latest commit, or null when there is none. Every build makes a new index folder
     * (swapped in with the site), whose first commit is always segments_1: the commit's random id tells them apart.
     */
    private static String commitId(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return null;
        }
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(indexDir)) {
            org.apache.lucene.index.SegmentInfos commit = org.apache.lucene.index.SegmentInfos.readLatestCommit(dir);
            return org.apache.lucene.util.StringHelper.idToString(commit.getId()) + "/" + commit.getGeneration();
        } catch (org.apache.lucene.index.IndexNotFoundException | java.nio.file.NoSuchFileException noIndexNow) {
            return null;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, Map.of("error", "method not allowed"));
                return;
            }
            Map<String, String> p = parse(exchange.getRequestURI().getRawQuery());
            SearchFilters filters;
            int page;
            int size;
            try {
                filters = new SearchFilters(integer(p, "year"), p.get("dept"), p.get("cat"), decimal(p, "min"),
                        decimal(p, "max"), "1".equals(p.get("nobudget")));
                page = p.containsKey("page") ? integer(p, "page") : 1;
                size = p.containsKey("size") ? Math.min(100, integer(p, "size")) : SearchService.PAGE_SIZE;
            } catch (IllegalArgumentException e) {
                send(exchange, 400, Map.of("error", e.getMessage()));
                return;
            }
            synchronized (this) { // a rebuild must not close the service under a running search
                SearchService s = current();
                if (s == null) {
                    send(exchange, 503, Map.of("error", "no search index yet at " + indexDir));
                    return;
                }
                send(exchange, 200, s.search(p.getOrDefault("q", ""), filters, page, size));
            }
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!v.isEmpty()) {
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }

    private static Integer integer(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not an integer: " + v);
        }
    }

    private static BigDecimal decimal(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) {
            return null;
        }
        // the page's rule: digits and an optional decimal part, in 万元 (not 1,000, not 1e3)
        if (!SearchFilters.isBudgetBound(v)) {
            throw new IllegalArgumentException(key + ": 预算金额应为不带逗号的数字（万元），例如 1000 或 12.5：" + v);
        }
        return new BigDecimal(v.strip());
    }
}
