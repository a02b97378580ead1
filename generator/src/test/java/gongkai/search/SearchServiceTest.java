package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import gongkai.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server side on the seed projects: SearchService, /api/search over real HTTP, and `gongkai search`. */
class SearchServiceTest {
    @TempDir
    static Path tmp;
    static Path indexDir;

    @BeforeAll
    static void build() throws Exception {
        indexDir = tmp.resolve("index");
        new SearchIndexBuilder().build(gongkai.testing.Seeds.content(), indexDir,
                SearchVariants.load(java.nio.file.Path.of("themes", "default")));
    }

    @Test
    void nameMatchesRankFirst() throws Exception {
        try (SearchService s = SearchService.open(indexDir)) {
            // 001 lists 2024年度天津市辐射环境执法安全防护能力提升项目: 辐射 in the name beats 辐射 in indicators only
            SearchService.Result r = s.search("辐射", SearchFilters.NONE, 1, 10);
            assertTrue(r.total() >= 2, "辐射 occurs in several seed projects");
            assertTrue(r.items().get(0).title().contains("辐射"), r.items().get(0).title());
            // an exact phrase that is not in any source text finds nothing, its words apart do
            assertEquals(0, s.search("\"设备辐射\"", SearchFilters.NONE, 1, 10).total());
        }
    }

    @Test
    void apiAnswersJsonOverHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (SearchService s = SearchService.open(indexDir)) {
            server.createContext("/api/search", new SearchHttpHandler(s));
            server.start();
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/search?q=";
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(base
                    + URLEncoder.encode("辐射", StandardCharsets.UTF_8) + "&size=3")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode json = new ObjectMapper().readTree(ok.body());
            assertEquals(s.search("辐射", SearchFilters.NONE, 1, 3).total(), json.get("total").asInt());
            assertEquals(3, json.get("items").size());
            assertTrue(json.get("items").get(0).get("url").asText().startsWith("projects/"));
            assertTrue(json.get("facets").has("year"));

            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(URI.create(base + "x&year=abc")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("year"), bad.body());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void reopeningHandlerFollowsRebuilds() throws Exception {
        Path index = tmp.resolve("rebuilt-index");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/search", SearchHttpHandler.reopening(index));
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/search?q="
                    + URLEncoder.encode("辐射", StandardCharsets.UTF_8));
            assertEquals(503, client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            new SearchIndexBuilder().build(java.util.List.of(), index, SearchVariants.NONE);
            assertEquals(0, new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("total").asInt());
            new SearchIndexBuilder().build(gongkai.testing.Seeds.content(), index, SearchVariants.NONE);
            assertTrue(new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("total").asInt() > 0, "sees the rebuilt index");
        } finally {
            server.stop(0);
        }
    }

    /** A build publishes a new index folder (swapped in with the site) whose commit is segments_1 every time. */
    @Test
    void reopeningHandlerFollowsAnIndexFolderSwappedIn() throws Exception {
        Path index = tmp.resolve("swapped-index");
        Path first = tmp.resolve("first-staged");
        new SearchIndexBuilder().build(java.util.List.of(), first, SearchVariants.NONE);
        java.nio.file.Files.move(first, index);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/search", SearchHttpHandler.reopening(index));
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/search?q="
                    + URLEncoder.encode("辐射", StandardCharsets.UTF_8));
            assertEquals(0, new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("total").asInt());
            Path second = tmp.resolve("second-staged");
            new SearchIndexBuilder().build(gongkai.testing.Seeds.content(), second, SearchVariants.NONE);
            assertTrue(java.nio.file.Files.exists(second.resolve("segments_1")) && java.nio.file.Files.exists(index.resolve("segments_1")));
            java.nio.file.Files.move(index, tmp.resolve("old-index"));
            java.nio.file.Files.move(second, index);
            assertTrue(new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("total").asInt() > 0, "sees the swapped-in index");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void emptyContentBuildsExportsAndFindsNothing() throws Exception {
        Path index = tmp.resolve("empty-index");
        Path site = tmp.resolve("empty-site");
        new SearchIndexBuilder().build(java.util.List.of(), index, SearchVariants.NONE);
        StaticSearchExporter.Stats stats = new StaticSearchExporter().export(index, site);
        assertEquals(0, stats.docs());
        assertTrue(java.nio.file.Files.exists(site.resolve("search/data/meta.json")));
        try (SearchService s = SearchService.open(index)) {
            assertEquals(0, s.search("辐射", SearchFilters.NONE, 1, 10).total());
        }
    }

    @Test
    void cliPrintsRankedResults() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.execute("search", "辐射", "--index", indexDir.toString(), "--limit", "2");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("results for 辐射"), out);
        assertTrue(out.contains(" 1. ") && out.contains(" 2. ") && !out.contains(" 3. "), out);
        assertEquals(2, Main.execute("search", "x", "--index", tmp.resolve("missing").toString()));
    }
}
