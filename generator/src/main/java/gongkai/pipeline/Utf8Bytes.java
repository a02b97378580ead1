package gongkai.pipeline;



import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that text is encoded into as UTF-8 directly (the same bytes as
 * {@code String.getBytes(UTF_8)}, an unpaired surrogate becoming '?'), reused for every file one render or export
 * thread writes: a file's text is never first a String, then a byte array, then a copy. The one UTF-8 encoder of
 * the build ({@code render.PageText} encodes pages with it, gongkai.export the CSV downloads), and the byte buffer
 * with varints the static search export encodes postings into.
 *
 * <p>Measured (10k sample): Lucene's ByteBuffersDataOutput +11–14% static-search CPU, BytesRefBuilder +5–10% export CPU.
 * Re-measure: java scripts/measure/StageAB.java SAMPLE static|export 12 /dev/shm A.jar B.jar (docs/performance.md)
 */
public final class Utf8Bytes extends OutputStream {
    private byte[] buf;
    private int size;
    /** Strings are copied here first, so there is one encoding loop (over chars). */
    private char[] scratch = new char[256];

    public Utf8Bytes(int capacity) {
        buf = new byte[capacity];
    }

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return buf;
    }

    /** A copy of the bytes written since the last reset. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** Appends {@code v} as an unsigned LEB128 varint (7 bits a byte, low bits first). */
    public void varint(long v) {
        ensure(10);
        byte[] b = buf;
        int s = size;
        while ((v & ~0x7FL) != 0) {
            b[s++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[s++] = (byte) v;
        size = s;
    }

    public void ascii(char c) {
        ensure(1);
        buf[size++] = (byte) c;
    }

    /** Appends {@code s[from, to)} as UTF-8. */
    public void append(String s, int from, int to) {
        int len = to - from;
        if (scratch.length < len) {
            scratch = new char[Math.max(scratch.length * 2, len)];
        }
        s.getChars(from, to, scratch, 0);
        append(scratch, 0, len);
    }

    /** Appends {@code a[from, to)} as UTF-8. */
    public void append(char[] a, int from, int to) {
        ensure((to - from) * 3);
        byte[] b = buf;
        int n = size;
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int cp = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(a[i + 1])
                        ? Character.toCodePoint(c, a[++i]) : -1;
                if (cp < 0) {
                    b[n++] = '?';
                } else {
                    b[n++] = (byte) (0xF0 | cp >> 18);
                    b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | cp & 0x3F);
                }
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = n;
    }

    public void append(String s) {
        append(s, 0, s.length());
    }
}
