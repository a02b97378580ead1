package gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send half a request, trickle a body, or stop reading a response must neither stall other
 * requests nor hold the server's threads for longer than the limits. Liveness bounds, with generous margins.
 */
@Tag("slow")
class DevServerSlowClientTest {
    @TempDir
    static Path site;

    @BeforeAll
    static void writeSite() throws IOException {
        Files.writeString(site.resolve("index.html"), "<!doctype html><html><body><p>首页</p></body></html>");
        byte[] big = new byte[32 << 20];
        java.util.Arrays.fill(big, (byte) 'x');
        Files.write(site.resolve("big.bin"), big);
    }

    private static Socket connect(DevServer server) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
        return s;
    }

    /** Waits for the server to close {@code socket}; the milliseconds it took (fails after {@code maxMillis}). */
    private static long awaitClosed(Socket socket, long maxMillis) throws IOException {
        long start = System.nanoTime();
        socket.setSoTimeout((int) maxMillis);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            while (in.read(buffer) >= 0) {
                // a refusal's text or the start of a response: read on until the server closes
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + maxMillis + " ms", e);
        } catch (SocketException reset) {
            // closed by the server while data was unread: a reset is a close too
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void awaitIdle(DevServer server, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (server.activeRequests() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.activeRequests(), "requests still holding a thread after " + maxMillis + " ms");
    }

    @Test
    void sixteenHalfSentRequestsNeitherStallAGetNorOutliveTheHeaderTime() throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    Socket s = connect(server);
                    String partial = i % 2 == 0 ? "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " : "GE";
                    s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    slow.add(s);
                }
                for (int i = 0; i < 4; i++) {
                    slow.add(connect(server)); // connected, nothing sent: no thread is taken for these
                }
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (server.activeRequests() < 16 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(16, server.activeRequests(), "each half-sent request holds a thread while it waits");

                long start = System.nanoTime();
                RawHttp.Response r = RawHttp.get(server.port(), "/");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, r.status());
                assertTrue(r.text().contains("首页"));
                assertTrue(millis < 3_000, "a GET took " + millis + " ms beside 16 half-sent requests");

                long limit = ServerLimits.DEFAULT.headerMillis();
                for (Socket s : slow.subList(0, 16)) {
                    long waited = awaitClosed(s, limit + 5_000);
                    assertTrue(waited < limit + 5_000, waited + " ms");
                }
                awaitIdle(server, 2_000);
                assertEquals(200, RawHttp.get(server.port(), "/").status());
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void clientsThatStopReadingOrTrickleABodyLoseTheirThreadAfterTheLimits() throws Exception {
        ServerLimits limits = new ServerLimits(1_000, 3_000, 4);
        try (DevServer server = new DevServer(site, "/", 0, line -> { }, limits)) {
            server.start();
            List<Socket> stuck = new ArrayList<>();
            try {
                // every thread busy writing 32 MB to a client that reads nothing
                for (int i = 0; i < limits.maxThreads(); i++) {
                    Socket s = connect(server);
                    s.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    stuck.add(s);
                }
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (server.activeRequests() < limits.maxThreads() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(limits.maxThreads(), server.activeRequests(), "all threads writing");
                awaitIdle(server, limits.responseMillis() + 4_000);
                assertEquals(200, RawHttp.get(server.port(), "/").status());

                // a request with a body that never comes: refused at once, closed after the header time
                Socket body = connect(server);
                stuck.add(body);
                body.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nab")
                        .getBytes(StandardCharsets.US_ASCII));
                body.getOutputStream().flush();
                RawHttp.Response refused = RawHttp.read(body.getInputStream(), false);
                assertEquals(400, refused.status());
                long waited = awaitClosed(body, limits.headerMillis() + 4_000);
                assertTrue(waited < limits.headerMillis() + 4_000, waited + " ms");
                awaitIdle(server, 2_000);
                assertEquals(200, RawHttp.get(server.port(), "/").status());
            } finally {
                for (Socket s : stuck) {
                    s.close();
                }
            }
        }
    }
}
