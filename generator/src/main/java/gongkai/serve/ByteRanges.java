package gongkai.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP byte ranges (RFC 9110 §14) for the dev server's file responses, so the static search reads its index as
 * on a real host: one range → 206 with Content-Range; several → 206 multipart/byteranges; malformed or
 * unsatisfiable → 416. A header in another unit, or with more than {@link #MAX_RANGES} ranges, is ignored
 * (200, the whole file), as the RFC allows.
 */
final class ByteRanges {
    static final int MAX_RANGES = 100;
    /** Never inside a part's headers; parts are delimited by their Content-Range lengths in any case. */
    static final String BOUNDARY = "gongkai_byteranges_5c1d8e";

    /** An inclusive byte range. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /** Thrown for a Range header that must be answered 416. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable(String message) {
            super(message);
        }
    }

    private ByteRanges() {
    }

    /**
     * The ranges of {@code header} in a body of {@code size} bytes, in request order, or null to serve the whole
     * body (no header, another unit, too many ranges).
     */
    static List<Range> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return null;
        }
        String[] specs = h.substring(6).split(",", -1);
        if (specs.length > MAX_RANGES) {
            return null;
        }
        List<Range> out = new ArrayList<>();
        for (String raw : specs) {
            String spec = raw.trim();
            int dash = spec.indexOf('-');
            if (dash < 0 || spec.indexOf('-', dash + 1) >= 0) {
                throw new Unsatisfiable("malformed range '" + spec + "'");
            }
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (!digits(a) && !a.isEmpty() || !digits(b) && !b.isEmpty() || a.isEmpty() && b.isEmpty()) {
                throw new Unsatisfiable("malformed range '" + spec + "'");
            }
            if (a.isEmpty()) { // suffix: the last n bytes
                long n = Long.parseLong(b);
                if (n > 0 && size > 0) {
                    out.add(new Range(Math.max(0, size - n), size - 1));
                }
                continue;
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Long.parseLong(b);
            if (last < first) {
                throw new Unsatisfiable("malformed range '" + spec + "'");
            }
            if (first < size) {
                out.add(new Range(first, Math.min(last, size - 1)));
            }
        }
        if (out.isEmpty()) {
            throw new Unsatisfiable("no range of '" + header + "' within " + size + " bytes");
        }
        return out;
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Sets the 206 headers for {@code ranges} of {@code body} and returns the response body to send. */
    static byte[] partial(HttpExchange exchange, byte[] body, String type, List<Range> ranges) {
        long size = body.length;
        if (ranges.size() == 1) {
            Range r = ranges.get(0);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size);
            return slice(body, r);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Range r : ranges) {
            out.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Range: bytes "
                    + r.first() + "-" + r.last() + "/" + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(slice(body, r));
        }
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        exchange.getResponseHeaders().set("Content-Type", "multipart/byteranges; boundary=" + BOUNDARY);
        return out.toByteArray();
    }

    /** Sets the 416 headers. */
    static void unsatisfiable(HttpExchange exchange, long size) throws IOException {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    }

    private static byte[] slice(byte[] body, Range r) {
        byte[] part = new byte[(int) r.length()];
        System.arraycopy(body, (int) r.first(), part, 0, part.length);
        return part;
    }
}
