package gongkai.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * HTTP byte ranges (RFC 9110 §14) for the dev server's file responses, so the static search reads its index as
 * on a real host: one range → 206 with Content-Range; several → 206 multipart/byteranges; malformed or
 * unsatisfiable → 416.
 *
 * <p>A response never exceeds the file: overlapping and adjacent ranges are coalesced into one (RFC 9110 §14.2
 * allows it "regardless of the order"; otherwise the parts keep the request's order), and the Range header is
 * ignored — 200 with the whole file, which §14.2 allows any server to do — when it holds more than
 * {@link #MAX_RANGES} ranges, or when the multipart answer would be at least as large as the file. (Before,
 * 100 overlapping ranges of a 1.3 MB file made a 126 MB answer.) A header in another unit is ignored too.
 */
final class ByteRanges {
    /**
     * More ranges than this in one header: the whole file. search.js merges ranges closer than 128 bytes and asks
     * for one per postings window (with positions, two), so a query of several common words can pass 16; a 200
     * makes it fetch range by range for the rest of the visit, which is slow but correct.
     */
    static final int MAX_RANGES = 64;
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
     * The ranges of {@code header} in a body of {@code size} bytes, coalesced (see the class comment), or null to
     * serve the whole body (no header, another unit, too many ranges).
     */
    static List<Range> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return null;
        }
        String[] specs = h.substring(6).split(",", MAX_RANGES + 2);
        if (specs.length > MAX_RANGES) {
            return null;
        }
        List<Range> out = new ArrayList<>();
        for (String raw : specs) {
            String spec = raw.trim();
            int dash = spec.indexOf('-');
            if (dash < 0 || spec.indexOf('-', dash + 1) >= 0) {
                throw new Unsatisfiable("格式错误的范围 (malformed range) '" + spec + "'");
            }
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (!digits(a) && !a.isEmpty() || !digits(b) && !b.isEmpty() || a.isEmpty() && b.isEmpty()) {
                throw new Unsatisfiable("格式错误的范围 (malformed range) '" + spec + "'");
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
                throw new Unsatisfiable("格式错误的范围 (malformed range) '" + spec + "'");
            }
            if (first < size) {
                out.add(new Range(first, Math.min(last, size - 1)));
            }
        }
        if (out.isEmpty()) {
            throw new Unsatisfiable("没有落在文件 " + size + " 字节之内的范围 (no range of '" + header + "' within "
                    + size + " bytes)");
        }
        return coalesce(out);
    }

    /**
     * Merges ranges that overlap or touch; the merged ranges are in the order in which their first member was
     * requested.
     */
    static List<Range> coalesce(List<Range> ranges) {
        if (ranges.size() < 2) {
            return ranges;
        }
        List<Integer> byStart = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            byStart.add(i);
        }
        byStart.sort(Comparator.comparingLong((Integer i) -> ranges.get(i).first()).thenComparingInt(i -> i));
        List<long[]> merged = new ArrayList<>(); // first, last, earliest request index
        for (int i : byStart) {
            Range r = ranges.get(i);
            long[] open = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (open != null && r.first() <= open[1] + 1) {
                open[1] = Math.max(open[1], r.last());
                open[2] = Math.min(open[2], i);
            } else {
                merged.add(new long[] {r.first(), r.last(), i});
            }
        }
        merged.sort(Comparator.comparingLong(m -> m[2]));
        return merged.stream().map(m -> new Range(m[0], m[1])).toList();
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

    /** The headers of one part of a multipart/byteranges body (with the delimiter before them). */
    static byte[] partHeader(String type, Range r, long size) {
        return ("\r\n--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Range: bytes " + r.first() + "-"
                + r.last() + "/" + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] closingDelimiter() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The exact length of the multipart/byteranges body for {@code ranges}. */
    static long multipartLength(String type, List<Range> ranges, long size) {
        long total = closingDelimiter().length;
        for (Range r : ranges) {
            total += partHeader(type, r, size).length + r.length();
        }
        return total;
    }

    static String multipartType() {
        return "multipart/byteranges; boundary=" + BOUNDARY;
    }

    /** Writes the multipart/byteranges body of {@code ranges} of {@code file}. */
    static void writeMultipart(OutputStream out, FileChannel file, String type, List<Range> ranges, long size)
            throws IOException {
        for (Range r : ranges) {
            out.write(partHeader(type, r, size));
            copy(file, r.first(), r.length(), out);
        }
        out.write(closingDelimiter());
    }

    /** Copies {@code length} bytes of {@code file} from {@code position} to {@code out}. */
    static void copy(FileChannel file, long position, long length, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 16, Math.max(1, length)));
        long at = position;
        long end = position + length;
        while (at < end) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - at));
            int n = file.read(buffer, at);
            if (n < 0) {
                throw new IOException("文件在发送时变短了 (the file shrank while being sent): " + (end - at)
                        + " bytes missing");
            }
            out.write(buffer.array(), 0, n);
            at += n;
        }
    }
}
