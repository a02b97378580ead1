package gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the dev server answers to request targets that try to leave the site (symbolic links, dot segments,
 * encoded or not, backslashes), that do not decode (NUL, bad percent-encoding, invalid UTF-8), that are too long,
 * and to HEAD, other methods, bodies and failing handlers: real sockets, raw bytes, one server for all.
 */
class DevServerRequestTest {
    static final String SECRET = "不该被看到的秘密 secret-7f3a";

    @TempDir
    static Path tmp;
    static Path site;
    static byte[] allJson;
    static boolean links;
    static DevServer server;
    static final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        site = Files.createDirectories(tmp.resolve("site"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(site.resolve("index.html"), "<!doctype html><html><body><p>首页</p></body></html>");
        Files.writeString(site.resolve("404.html"), "<!doctype html><html><body><p>页面不存在</p></body></html>");
        Files.createDirectories(site.resolve("about"));
        Files.writeString(site.resolve("about/index.html"), "<!doctype html><html><body><p>关于</p></body></html>");
        Files.createDirectories(site.resolve("data"));
        allJson = ("{\"data\":\"" + "预算".repeat(5000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        Files.write(site.resolve("data/all.json"), allJson);
        try {
            Files.createSymbolicLink(site.resolve("leak.txt"), outside.resolve("secret.txt"));
            Files.createSymbolicLink(site.resolve("leakdir"), outside);
            Files.createSymbolicLink(site.resolve("same.json"), site.resolve("data/all.json"));
            Files.createSymbolicLink(site.resolve("about-too"), site.resolve("about"));
            links = true;
        } catch (UnsupportedOperationException | IOException e) {
            links = false; // e.g. Windows without the privilege: the link tests are skipped
        }
        server = new DevServer(site, "/", 0, log::add);
        server.addHandler("/api/echo", exchange -> {
            try (exchange) {
                byte[] body = String.valueOf(exchange.getRequestURI().getRawQuery()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.addHandler("/api/boom", exchange -> {
            throw new IllegalStateException("internal detail " + SECRET);
        });
        // the real search handler, without an index: 503 once a request gets through to it
        server.addHandler("/api/search", gongkai.search.SearchHttpHandler.reopening(tmp.resolve("no-index")));
        server.addHandler("/api/ioboom", exchange -> {
            throw new IOException("disk detail " + SECRET);
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response get(String target) throws IOException {
        return RawHttp.get(server.port(), target);
    }

    private static void assertNoLeak(RawHttp.Response r, String target) {
        String body = r.text();
        assertFalse(body.contains(SECRET), target + " leaked: " + body);
        assertFalse(body.contains("\tat ") || body.contains("at java.") || body.contains("at gongkai."),
                target + " shows a stack trace: " + body);
        assertTrue(r.body().length < 2048, target + ": " + r.body().length + " bytes");
    }

    @Test
    void aSymlinkLeadingOutOfTheSiteIs403AndOneInsideIsServed() throws IOException {
        assumeTrue(links, "symbolic links cannot be created here");
        for (String target : List.of("/leak.txt", "/leakdir/secret.txt", "/leakdir/", "/leakdir")) {
            RawHttp.Response r = get(target);
            assertEquals(403, r.status(), target);
            assertNoLeak(r, target);
        }
        RawHttp.Response same = get("/same.json");
        assertEquals(200, same.status());
        assertArrayEquals(allJson, same.body());
        assertEquals(200, get("/about-too/").status());
    }

    @Test
    void a404PageLinkedOutOfTheSiteIsNotServed(@TempDir Path other) throws IOException {
        assumeTrue(links, "symbolic links cannot be created here");
        Path otherSite = Files.createDirectories(other.resolve("site"));
        Files.writeString(otherSite.resolve("index.html"), "<p>x</p>");
        Files.createSymbolicLink(otherSite.resolve("404.html"), tmp.resolve("outside/secret.txt"));
        try (DevServer s = new DevServer(otherSite, "/", 0, log::add)) {
            s.start();
            RawHttp.Response r = RawHttp.get(s.port(), "/no-such-page");
            assertEquals(404, r.status());
            assertNoLeak(r, "/no-such-page");
        }
    }

    @Test
    void dotSegmentsEncodedOrNotAndBackslashesAre400() throws IOException {
        for (String target : List.of("/../outside/secret.txt", "/data/../../outside/secret.txt",
                "/%2e%2e/outside/secret.txt", "/%2E%2E%2Foutside%2Fsecret.txt", "/data/..%2f..%2foutside/secret.txt",
                "/.%2e/outside/secret.txt", "/data/./all.json", "/%5c..%5coutside%5csecret.txt", "/..\\outside\\secret.txt",
                "/data%5call.json")) {
            RawHttp.Response r = get(target);
            assertEquals(400, r.status(), target);
            assertNoLeak(r, target);
        }
    }

    @Test
    void nulInvalidEncodingAndMalformedTargetsAre400() throws IOException {
        for (String target : List.of("/%00", "/index.html%00.png", "/data/all.json%00", "/%zz", "/%", "/%4",
                "/%e4%b8", "/%c0%ae%c0%ae/", "/%ff", "/a%0d%0aSet-Cookie:%20x=1", "/a%7f", "/?q=%zz", "/?q=%00",
                "/?q=%e4", "/api/echo?q=%zz", "/api/echo?q=%", "http://[bad/")) {
            RawHttp.Response r = get(target);
            assertEquals(400, r.status(), target);
            assertNoLeak(r, target);
        }
        assertTrue(log.stream().noneMatch(l -> l.contains("request failed") && !l.contains("boom")),
                "no handler failed: " + log);
    }

    @Test
    void percentEncodedUtf8AndRawUtf8NameTheSameFile() throws IOException {
        Files.writeString(site.resolve("说明.txt"), "说明");
        assertEquals("说明", get("/%E8%AF%B4%E6%98%8E.txt").text());
        Files.writeString(site.resolve("说.txt"), "说"); // E8 AF B4: bytes the JDK's URI parser lets through
        assertEquals("说", get(new String("/说.txt".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).text());
    }

    @Test
    void aFolderWithoutItsSlashRedirectsAndAFileWithOneIs404() throws IOException {
        RawHttp.Response r = get("/about");
        assertEquals(301, r.status());
        assertEquals("/about/", r.header("Location"));
        assertEquals("/about/?x=1", get("/about?x=1").header("Location"));
        assertEquals(200, get("/about/").status());
        assertTrue(get("/about/").text().contains("关于"));
        assertEquals(404, get("/data/all.json/").status());
        RawHttp.Response missing = get("/no/such/page");
        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("页面不存在"), missing.text());
    }

    @Test
    void headGivesTheHeadersAndLengthOfAGetWithoutTheBody() throws IOException {
        String request = "HEAD /data/all.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Response r = RawHttp.read(socket.getInputStream(), true);
            assertEquals(200, r.status());
            assertEquals(Integer.toString(allJson.length), r.header("Content-Length"));
            assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
            assertEquals("bytes", r.header("Accept-Ranges"));
            assertEquals(-1, socket.getInputStream().read(), "no body after the headers");
        }
        RawHttp.Response page = RawHttp.send(server.port(), "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertEquals(404, RawHttp.send(server.port(), "HEAD /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status());
    }

    @Test
    void longTargetsAre414AndTheQueryIsCapped() throws IOException {
        for (String target : List.of("/" + "a".repeat(9_000), "/" + "a".repeat(100_000),
                "/?q=" + "a".repeat(DevServer.MAX_QUERY_BYTES), "/api/echo?q=" + "%E9%A2%84".repeat(1_000))) {
            RawHttp.Response r = get(target);
            assertEquals(414, r.status(), target.substring(0, 20));
            assertNoLeak(r, target.substring(0, 20));
        }
        String longest = "q=" + "a".repeat(DevServer.MAX_QUERY_BYTES - 2);
        RawHttp.Response ok = get("/api/echo?" + longest);
        assertEquals(200, ok.status());
        assertEquals(longest, ok.text());
    }

    @Test
    void otherMethodsAre405AndAGetWithABodyIs400() throws IOException {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            RawHttp.Response r = RawHttp.send(server.port(), method + " / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(405, r.status(), method);
            assertEquals("GET, HEAD", r.header("Allow"), method);
        }
        RawHttp.Response r = RawHttp.send(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\nhello");
        assertEquals(400, r.status());
    }

    @Test
    void aFailingHandlerGivesABare500AndTheDetailGoesToTheLog() throws IOException {
        RawHttp.Response r = get("/api/boom");
        assertEquals(500, r.status());
        assertNoLeak(r, "/api/boom");
        assertTrue(r.text().startsWith("500 服务器内部错误"), r.text());
        assertTrue(log.stream().anyMatch(l -> l.contains("/api/boom") && l.contains("internal detail")), log.toString());
        RawHttp.Response io = get("/api/ioboom");
        assertEquals(500, io.status());
        assertNoLeak(io, "/api/ioboom");
        assertTrue(log.stream().anyMatch(l -> l.contains("/api/ioboom") && l.contains("disk detail")), log.toString());
        assertEquals(200, get("/").status(), "and the server goes on");
    }

    @Test
    void theSearchApiGetsOnlyBoundedCleanQueries() throws IOException {
        assertEquals(503, get("/api/search?q=%E9%A2%84%E7%AE%97").status(), "a normal query reaches the handler");
        assertEquals(414, get("/api/search?q=" + "%E9%A2%84".repeat(300)).status());
        assertEquals(414, get("/api/search?q=" + "a".repeat(5_000)).status());
        for (String bad : List.of("/api/search?q=%zz", "/api/search?q=a&year=%", "/api/search?q=%ff%fe")) {
            RawHttp.Response r = get(bad);
            assertEquals(400, r.status(), bad);
            assertNoLeak(r, bad);
        }
    }
}
