package gongkai.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The text a document's citations count lines in, read the one way the importer (which numbers the lines), the
 * quality check (which reads figures off them) and the source pages (which show them) all read it: the bytes
 * decoded in the encoding they were saved in (UTF-8, UTF-16 with a byte-order mark, or GBK/GB18030 and the other
 * encodings Chinese disclosures come in, as Mozilla's detector tells them apart), split at LF, CRLF or CR.
 */
public final class DocumentText {
    private DocumentText() {
    }

    /** Text and the encoding it was read in ("UTF-8", "UTF-16", "GB18030" …). */
    public record Decoded(String text, String charset) {
    }

    /** Encodings Chinese disclosures are saved in besides UTF-8; any other guess is not trusted. */
    private static final List<String> CHINESE_ENCODINGS = List.of("GB18030", "GBK", "GB2312", "HZ-GB-2312", "BIG5",
            "EUC-TW", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE");

    /**
     * UTF-8 when the bytes are valid UTF-8 (the detector can mistake short Chinese UTF-8 for another encoding);
     * UTF-16 by its byte-order mark (the mark dropped); otherwise a Chinese encoding the detector names, decoded
     * strictly. Null when none of these reads the bytes.
     */
    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            try {
                String text = strict(StandardCharsets.UTF_16, bytes);
                return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, "UTF-16");
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        try {
            return new Decoded(strict(StandardCharsets.UTF_8, bytes), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            UniversalDetector detector = new UniversalDetector();
            detector.handleData(bytes, 0, bytes.length);
            detector.dataEnd();
            String name = detector.getDetectedCharset();
            if (name != null && CHINESE_ENCODINGS.contains(name.toUpperCase(Locale.ROOT))) {
                // GB2312 and GBK texts are GB18030 texts, which Java decodes completely
                Charset charset = name.toUpperCase(Locale.ROOT).startsWith("GB") || name.startsWith("HZ")
                        ? Charset.forName("GB18030") : Charset.forName(name);
                try {
                    return new Decoded(strict(charset, bytes), charset.name());
                } catch (CharacterCodingException | RuntimeException wrongGuess) {
                    return null; // not that encoding either
                }
            }
            return null;
        }
    }

    /**
     * The lines of a document's bytes, for showing them: decoded as {@link #decode} does, or — when no encoding
     * reads them — as UTF-8 with U+FFFD for what is not, so the numbering still holds.
     *
     * @return the lines, and the encoding (null when the bytes were not readable text)
     */
    public static Read read(byte[] bytes) {
        Decoded decoded = decode(bytes);
        String text = decoded != null ? decoded.text() : new String(bytes, StandardCharsets.UTF_8);
        return new Read(lines(text), decoded == null ? null : decoded.charset());
    }

    /** A document's lines and the encoding they were read in (null: not readable text, shown as UTF-8). */
    public record Read(List<String> lines, String charset) {
        public Read {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Lines as citations count them: split at LF, CRLF or CR; a leading byte-order mark dropped. A line break at
     * the very end does not start another line ({@code Files.readAllLines}' rule).
     */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = decoder.decode(ByteBuffer.wrap(bytes));
        return out.toString();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
