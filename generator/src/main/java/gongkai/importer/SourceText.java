package gongkai.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A source document read as text: strictly UTF-8, so that a Word (.docx) or PDF file or a GBK text passed to
 * import is reported with its file, line and byte offset instead of failing with a bare
 * {@code MalformedInputException} ("Input length = 1"), or being read as replacement characters.
 */
public final class SourceText {
    private SourceText() {
    }

    /** The text of {@code file}; an {@link ImportException} (file, line, byte offset) when it is not UTF-8. */
    public static String read(Path file) throws IOException, ImportException {
        return decode(file.getFileName().toString(), Files.readAllBytes(file));
    }

    /** The bytes as UTF-8 text; malformed or unmappable bytes are an {@link ImportException} naming where. */
    static String decode(String document, byte[] bytes) throws ImportException {
        String kind = binaryKind(bytes);
        if (kind != null) {
            throw new ImportException(new ImportProblem(document, 1, "文件格式",
                    "文件不是 UTF-8 文本，而是" + kind + "：请先在 Word/WPS 中另存为“纯文本（UTF-8）”再导入"
                            + "（.docx/PDF 暂不能直接导入）"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            StringBuilder hex = new StringBuilder();
            for (int i = offset; i < Math.min(bytes.length, offset + Math.max(1, result.length())); i++) {
                hex.append(String.format(" %02X", bytes[i] & 0xFF));
            }
            throw new ImportException(new ImportProblem(document, line, "文件编码",
                    "文件不是 UTF-8 文本：第 " + line + " 行（字节偏移 " + offset + "）处的字节" + hex
                            + " 不是有效的 UTF-8 编码；GBK/GB2312 等编码的文件请先另存为 UTF-8 纯文本再导入"));
        }
        out.flip();
        return out.toString();
    }

    /** What a file that is clearly not plain text is (by its first bytes), or null. */
    private static String binaryKind(byte[] b) {
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return " ZIP 压缩包（例如 Word .docx 文件）";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return " PDF 文件";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "旧版 Word .doc（OLE）文件";
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            return " UTF-16 编码的文本";
        }
        return null;
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

    /**
     * Lines as the seeds' line numbers count them: split at LF, CRLF or CR; a leading byte-order mark dropped.
     * A line break at the very end does not start another line ({@code Files.readAllLines}' rule).
     */
    static List<String> lines(String text) {
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
}
