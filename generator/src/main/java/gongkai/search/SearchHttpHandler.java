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

/**
 * {@code GET /api/search?q=…&year=&dept=&cat=&min=&max=&page=&size=} → JSON {@link SearchService.Result}.
 * Bad parameters answer 400 with {@code {"error": …}} naming the parameter.
 */
public final class SearchHttpHandler implements HttpHandler {
    private final SearchService service;
    private final ObjectMapper json = new ObjectMapper();

    public SearchHttpHandler(SearchService service) {
        this.service = service;
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
                        decimal(p, "max"));
                page = p.containsKey("page") ? integer(p, "page") : 1;
                size = p.containsKey("size") ? Math.min(100, integer(p, "size")) : SearchService.PAGE_SIZE;
            } catch (IllegalArgumentException e) {
                send(exchange, 400, Map.of("error", e.getMessage()));
                return;
            }
            send(exchange, 200, service.search(p.getOrDefault("q", ""), filters, page, size));
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
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + v);
        }
    }
}
