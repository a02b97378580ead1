package gongkai.search;

import java.util.Arrays;

/**
 * A growable byte buffer for the static search export. Not {@link java.io.ByteArrayOutputStream}: its
 * synchronized {@code write(int)}, called once per varint byte, was most of the export's own time.
 */
final class ByteBuf {
    private byte[] buf;
    private int size;

    ByteBuf() {
        this(64);
    }

    ByteBuf(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    void write(int b) {
        if (size == buf.length) {
            ensure(1);
        }
        buf[size++] = (byte) b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** Unsigned LEB128. */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    /** The backing array: bytes {@code [0, size())} are the content (valid until the next write). */
    byte[] array() {
        return buf;
    }

    void writeTo(ByteBuf other) {
        other.write(buf, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
