package gongkai.export;

import com.fasterxml.jackson.core.SerializableString;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A JSON value already written by {@link Json}'s pretty printer at the top level, to be placed inside a larger
 * document with {@code generator.writeRawValue(RawJson.nested(bytes, depth))}: a project's JSON inside its
 * department-year's, a department-year's inside all.json. The pretty printer breaks lines only between tokens
 * (string values escape their line breaks), so nesting the value {@code depth} levels deeper is inserting
 * {@code 2 × depth} spaces after every line break; the generator writes the separator and the first line's
 * indentation itself. The bytes are those the generator would write for the same tree, encoded once instead of
 * three times (the per-project file, the department-year file, all.json).
 *
 * <p>Measured (10k sample): Jackson re-parsing each value (copyCurrentStructure), same bytes, +26% export CPU.
 * Re-measure: java scripts/measure/StageAB.java SAMPLE export 12 /dev/shm A.jar B.jar (docs/performance.md)
 */
final class RawJson implements SerializableString {
    /** Copied rather than filled: with C1 alone, Arrays.fill is a byte loop and was most of nested(). */
    private static final byte[] SPACES = "                                ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] utf8;

    private RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** {@code json[0, length)}, one value with no trailing line break, re-indented {@code depth} levels deeper. */
    static RawJson nested(byte[] json, int length, int depth) {
        // One scan of the bytes (noting where lines end), then one copy per line: with C1 alone the byte loop is
        // most of the time, and a second scan to size the output doubled it.
        int[] ends = new int[64];
        int breaks = 0;
        for (int i = 0; i < length; i++) {
            if (json[i] == '\n') {
                if (breaks == ends.length) {
                    ends = java.util.Arrays.copyOf(ends, breaks * 2);
                }
                ends[breaks++] = i;
            }
        }
        int pad = 2 * depth;
        byte[] out = new byte[length + breaks * pad];
        int o = 0;
        int from = 0;
        for (int k = 0; k < breaks; k++) {
            int i = ends[k];
            System.arraycopy(json, from, out, o, i + 1 - from);
            o += i + 1 - from;
            if (pad <= SPACES.length) {
                System.arraycopy(SPACES, 0, out, o, pad);
            } else {
                java.util.Arrays.fill(out, o, o + pad, (byte) ' ');
            }
            o += pad;
            from = i + 1;
        }
        System.arraycopy(json, from, out, o, length - from);
        return new RawJson(out);
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) {
            return -1; // the generator then writes asUnquotedUTF8() itself
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws java.io.IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(utf8);
        return utf8.length;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String s = getValue();
        if (offset + s.length() > buffer.length) {
            return -1;
        }
        s.getChars(0, s.length(), buffer, offset);
        return s.length();
    }

    // A raw value is never written as a quoted string.

    @Override
    public char[] asQuotedChars() {
        throw new UnsupportedOperationException("raw JSON is not a string value");
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw new UnsupportedOperationException("raw JSON is not a string value");
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        throw new UnsupportedOperationException("raw JSON is not a string value");
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        throw new UnsupportedOperationException("raw JSON is not a string value");
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
        throw new UnsupportedOperationException("raw JSON is not a string value");
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw new UnsupportedOperationException("raw JSON is not a string value");
    }
}
