package gongkai.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: the JDK's HttpClient normalises and encodes request
 * targets, which is exactly what these tests must not do.
 */
final class RawHttp {
    /** A response: status, headers (names lower-cased, first value), body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** GET {@code target} with Connection: close. */
    static Response get(int port, String target) throws IOException {
        return send(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} (ISO-8859-1, so "\u00e9" is one byte) and reads the response until the server closes. */
    static Response send(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream(), request.startsWith("HEAD "));
        }
    }

    /** Reads one response; the body by Content-Length, else until the end of the stream. */
    static Response read(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the headers: "
                        + headerBytes.toString(StandardCharsets.ISO_8859_1));
            }
            headerBytes.write(b);
            last4 = last4 << 8 | b;
        }
        String[] lines = headerBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        if (head || status == 304 || status / 100 == 1) {
            return new Response(status, headers, new byte[0]);
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Response(status, headers, body);
    }
}
