package gongkai.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8BytesTest {
    /** Reads unsigned LEB128 varints the way search.js does (7 bits a byte, low bits first, high bit = more). */
    private static List<Long> readVarints(byte[] bytes) {
        List<Long> values = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            long v = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[i++] & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            values.add(v);
        }
        return values;
    }

    @Test
    void varintsReadBackAcrossByteBoundariesAndBufferGrowth() {
        List<Long> written = new ArrayList<>(List.of(0L, 1L, 127L, 128L, 300L, 16_383L, 16_384L, 2_097_151L,
                2_097_152L, Integer.MAX_VALUE + 1L, Long.MAX_VALUE));
        for (long v = 0; v < 5_000; v += 7) {
            written.add(v * v); // enough values to grow the 4-byte start buffer many times
        }
        Utf8Bytes out = new Utf8Bytes(4);
        for (long v : written) {
            out.varint(v);
        }
        assertEquals(written, readVarints(out.toByteArray()));
    }

    @Test
    void varintBytesAreTheShortestEncoding() {
        Utf8Bytes out = new Utf8Bytes(1);
        out.varint(127);
        out.varint(128);
        out.varint(16_384);
        assertArrayEquals(new byte[] {0x7F, (byte) 0x80, 0x01, (byte) 0x80, (byte) 0x80, 0x01}, out.toByteArray());
    }
}
