package gongkai.export;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that text is encoded into as UTF-8 directly (the same bytes as
 * {@code String.getBytes(UTF_8)}, an unpaired surrogate becoming '?'), reused for every file one export task
 * writes: a file's text is never first a String, then a byte array, then a copy.
 */
final class Utf8Bytes extends OutputStream {
    private byte[] buf;
    private int size;

    Utf8Bytes(int capacity) {
        buf = new byte[capacity];
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
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

    void ascii(char c) {
        ensure(1);
        buf[size++] = (byte) c;
    }

    /** Appends {@code s[from, to)} as UTF-8. */
    void append(String s, int from, int to) {
        ensure((to - from) * 3);
        byte[] b = buf;
        int n = size;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int cp = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))
                        ? Character.toCodePoint(c, s.charAt(++i)) : -1;
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

    void append(String s) {
        append(s, 0, s.length());
    }
}
