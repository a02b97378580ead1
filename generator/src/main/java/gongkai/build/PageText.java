package gongkai.build;

import java.io.Writer;
import java.util.Arrays;

/**
 * The text of one page while it is rendered: chars appended without the locking and copying of a
 * {@code StringWriter}, then encoded to UTF-8 once into a byte array. One instance per render thread, reused for
 * every page that thread renders, so a page costs no buffer allocation; the link scan reads the chars in place.
 */
final class PageText extends Writer {
    private char[] chars = new char[1 << 16];
    private int length;
    private byte[] utf8 = new byte[1 << 17];

    void reset() {
        length = 0;
    }

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    @Override
    public void write(int c) {
        ensure(1);
        chars[length++] = (char) c;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        ensure(len);
        System.arraycopy(cbuf, off, chars, length, len);
        length += len;
    }

    @Override
    public void write(String str, int off, int len) {
        ensure(len);
        str.getChars(off, off + len, chars, length);
        length += len;
    }

    @Override
    public void write(String str) {
        write(str, 0, str.length());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The text as UTF-8 (as {@code String.getBytes(UTF_8)}: an unpaired surrogate becomes '?'); see {@link #utf8Length}. */
    byte[] utf8() {
        return utf8;
    }

    /** Encodes the text into {@link #utf8()}; returns the number of bytes. */
    int encode() {
        if (utf8.length < length * 3) {
            utf8 = new byte[Math.max(utf8.length * 2, length * 3)];
        }
        byte[] b = utf8;
        char[] a = chars;
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = a[i];
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int cp = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(a[i + 1])
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
        return n;
    }
}
