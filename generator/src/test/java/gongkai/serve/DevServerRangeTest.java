package gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP Range on the dev server over a real port, as the static search uses it. */
class DevServerRangeTest {
    @TempDir
    static Path site;
    static byte[] data;
    static byte[] big;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void writeSite() throws IOException {
        data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        Files.createDirectories(site.resolve("search/data"));
        Files.write(site.resolve("search/data/post.bin"), data);
        big = new byte[1_300_000];
        new java.util.Random(7).nextBytes(big);
        Files.write(site.resolve("search/data/big.bin"), big);
        Files.writeString(site.resolve("index.html"), "<!doctype html><html><body><p>首页</p></body></html>");
    }

    private static HttpResponse<byte[]> get(DevServer server, String path, String range) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (range != null) {
            req.header("Range", range);
        }
        return CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void singleRangeIs206WithContentRange() throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            HttpResponse<byte[]> whole = get(server, "/search/data/post.bin", null);
            assertEquals(200, whole.statusCode());
            assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
            assertArrayEquals(data, whole.body());

            HttpResponse<byte[]> r = get(server, "/search/data/post.bin", "bytes=10-19");
            assertEquals(206, r.statusCode());
            assertEquals("bytes 10-19/1000", r.headers().firstValue("Content-Range").orElse(""));
            assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(data, 10, 20), r.body());

            HttpResponse<byte[]> open = get(server, "/search/data/post.bin", "bytes=990-");
            assertEquals("bytes 990-999/1000", open.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(data, 990, 1000), open.body());

            HttpResponse<byte[]> suffix = get(server, "/search/data/post.bin", "bytes=-5");
            assertArrayEquals(Arrays.copyOfRange(data, 995, 1000), suffix.body());

            HttpResponse<byte[]> past = get(server, "/search/data/post.bin", "bytes=900-5000");
            assertEquals("bytes 900-999/1000", past.headers().firstValue("Content-Range").orElse(""));
            assertEquals(100, past.body().length);
        }
    }

    @Test
    void severalRangesAreOneMultipartResponse() throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            HttpResponse<byte[]> r = get(server, "/search/data/post.bin", "bytes=0-3, 500-509,996-");
            assertEquals(206, r.statusCode());
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
            String boundary = type.substring(type.indexOf("boundary=") + 9);
            // parse the parts the way search.js does: headers, then Content-Range's length of data
            String body = new String(r.body(), StandardCharsets.ISO_8859_1);
            int at = 0;
            int[][] expected = {{0, 3}, {500, 509}, {996, 999}};
            for (int[] e : expected) {
                at = body.indexOf("--" + boundary + "\r\n", at);
                assertTrue(at >= 0, "part " + e[0]);
                int headersEnd = body.indexOf("\r\n\r\n", at);
                String headers = body.substring(at, headersEnd);
                assertTrue(headers.contains("Content-Range: bytes " + e[0] + "-" + e[1] + "/1000"), headers);
                assertTrue(headers.contains("Content-Type: application/octet-stream"), headers);
                byte[] part = Arrays.copyOfRange(r.body(), headersEnd + 4, headersEnd + 4 + e[1] - e[0] + 1);
                assertArrayEquals(Arrays.copyOfRange(data, e[0], e[1] + 1), part);
                at = headersEnd + 4 + e[1] - e[0] + 1;
            }
            assertTrue(body.substring(at).startsWith("\r\n--" + boundary + "--"), "closing delimiter");
        }
    }

    @Test
    void invalidOrUnsatisfiableRangesAre416() throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            for (String bad : new String[] {"bytes=2000-3000", "bytes=abc", "bytes=20-10", "bytes=-0", "bytes=1-2-3"}) {
                HttpResponse<byte[]> r = get(server, "/search/data/post.bin", bad);
                assertEquals(416, r.statusCode(), bad);
                assertEquals("bytes */1000", r.headers().firstValue("Content-Range").orElse(""), bad);
            }
            // another unit is ignored: the whole file
            assertEquals(200, get(server, "/search/data/post.bin", "items=0-1").statusCode());
        }
    }

    @Test
    void htmlIgnoresRangeBecauseItIsRewritten() throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            HttpResponse<byte[]> r = get(server, "/", "bytes=0-5");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Accept-Ranges").isEmpty());
            String html = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(html.contains("首页") && html.contains(DevServer.VERSION_PATH), html);
        }
    }

    private static String repeat(String range, int times) {
        return "bytes=" + String.join(",", java.util.Collections.nCopies(times, range));
    }

    @Test
    void manyOrOverlappingRangesNeverMakeAnAnswerLargerThanTheFile() throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            // over the cap: the header is ignored, the whole file (before: 100 × 1.3 MB = 126 MB)
            HttpResponse<byte[]> many = get(server, "/search/data/big.bin", repeat("0-", ByteRanges.MAX_RANGES + 36));
            assertEquals(200, many.statusCode());
            assertArrayEquals(big, many.body());

            // within the cap, all overlapping: coalesced into one range
            HttpResponse<byte[]> same = get(server, "/search/data/big.bin", repeat("0-", ByteRanges.MAX_RANGES));
            assertEquals(206, same.statusCode());
            assertEquals("bytes 0-1299999/1300000", same.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(big, same.body());

            StringBuilder sliding = new StringBuilder("bytes=");
            for (int i = 0; i < 60; i++) {
                sliding.append(i == 0 ? "" : ",").append(i * 1000).append('-').append(i * 1000 + 500_000);
            }
            HttpResponse<byte[]> overlapping = get(server, "/search/data/big.bin", sliding.toString());
            assertEquals(206, overlapping.statusCode());
            assertEquals("bytes 0-559000/1300000", overlapping.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(big, 0, 559_001), overlapping.body());

            // many small ranges whose part headers would outweigh the file: the whole file instead
            StringBuilder small = new StringBuilder("bytes=");
            for (int i = 0; i < 50; i++) {
                small.append(i == 0 ? "" : ",").append(i * 20).append('-').append(i * 20);
            }
            HttpResponse<byte[]> scattered = get(server, "/search/data/post.bin", small.toString());
            assertEquals(200, scattered.statusCode());
            assertArrayEquals(data, scattered.body());
        }
    }

    @Test
    void adjacentRangesAreOnePartAndSeparateOnesKeepTheRequestOrder() throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            HttpResponse<byte[]> adjacent = get(server, "/search/data/post.bin", "bytes=10-19,0-9,5-12");
            assertEquals(206, adjacent.statusCode());
            assertEquals("bytes 0-19/1000", adjacent.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(data, 0, 20), adjacent.body());

            HttpResponse<byte[]> r = get(server, "/search/data/big.bin", "bytes=500000-500099,0-3,200-299,250-349");
            assertEquals(206, r.statusCode());
            String body = new String(r.body(), StandardCharsets.ISO_8859_1);
            int first = body.indexOf("Content-Range: bytes 500000-500099/1300000");
            int second = body.indexOf("Content-Range: bytes 0-3/1300000");
            int third = body.indexOf("Content-Range: bytes 200-349/1300000");
            assertTrue(first > 0 && second > first && third > second, body.substring(0, Math.min(400, body.length())));
            assertTrue(r.body().length < 1000, r.body().length + " bytes for 254 bytes of ranges");
        }
    }

    @Test
    void coalescingMergesOverlapsAndTouchingRangesOnly() {
        assertEquals(java.util.List.of(new ByteRanges.Range(0, 20), new ByteRanges.Range(30, 40)),
                ByteRanges.coalesce(java.util.List.of(new ByteRanges.Range(0, 10), new ByteRanges.Range(11, 20),
                        new ByteRanges.Range(30, 40), new ByteRanges.Range(5, 7))));
        assertEquals(java.util.List.of(new ByteRanges.Range(30, 40), new ByteRanges.Range(0, 10)),
                ByteRanges.coalesce(java.util.List.of(new ByteRanges.Range(30, 40), new ByteRanges.Range(0, 10))));
    }
}
