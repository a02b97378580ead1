package gongkai.render;

import gongkai.pipeline.Utf8Bytes;

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
    private final Utf8Bytes utf8 = new Utf8Bytes(1 << 17);

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

    /** The text as UTF-8 (as {@code String.getBytes(UTF_8)}: an unpaired surrogate becomes '?'), after {@link #encode}. */
    byte[] utf8() {
        return utf8.array();
    }

    /** Encodes the text into {@link #utf8()}; returns the number of bytes. */
    int encode() {
        utf8.reset();
        utf8.append(chars, 0, length);
        return utf8.size();
    }
}
