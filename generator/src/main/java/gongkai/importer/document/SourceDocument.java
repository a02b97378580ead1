package gongkai.importer.document;

import gongkai.content.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * A source document as the importers read it: its kind, and its text rendering ({@link TabRendering}), in which
 * every line citation counts. Word and Excel files are read as tables with Apache POI, PDF with PDFBox, and text
 * in whatever encoding it was saved in (UTF-8, UTF-16 with a byte-order mark, or GBK/GB18030 and the other
 * encodings Mozilla's detector tells apart).
 *
 * @param blocks the paragraphs and tables read (for text files, parsed back from the text)
 * @param charset the encoding a text file was read in; null for other kinds
 */
public record SourceDocument(Kind kind, String text, List<Block> blocks, String charset) {
    public enum Kind {
        TEXT("文本", "text", "txt"), DOCX("Word 文档", "Word document", "docx"), DOC("Word 97-2003 文档", "Word 97-2003 document", "doc"),
        XLSX("Excel 工作簿", "Excel workbook", "xlsx"), XLS("Excel 97-2003 工作簿", "Excel 97-2003 workbook", "xls"),
        PDF("PDF 文件", "PDF file", "pdf");

        public final String label;
        public final String englishLabel;
        public final String extension;

        Kind(String label, String englishLabel, String extension) {
            this.label = label;
            this.englishLabel = englishLabel;
            this.extension = extension;
        }
    }

    public SourceDocument {
        blocks = List.copyOf(blocks);
    }

    /**
     * Reads a document from its bytes, recognising the kind by content (a .docx renamed .txt is still read as
     * Word), and the file name's extension where content cannot tell (.docx vs .xlsx: both are ZIP files).
     */
    public static SourceDocument read(String fileName, byte[] bytes) throws DocumentException {
        Kind kind = kindOf(fileName, bytes);
        try {
            return switch (kind) {
                case DOCX -> of(kind, WordReader.readDocx(bytes));
                case DOC -> of(kind, WordReader.readDoc(bytes));
                case XLSX, XLS -> of(kind, SheetReader.read(bytes));
                case PDF -> of(kind, PdfReader.read(bytes));
                case TEXT -> {
                    Decoded decoded = decode(bytes);
                    yield new SourceDocument(kind, decoded.text(), TabRendering.parse(decoded.text()), decoded.charset());
                }
            };
        } catch (IOException | RuntimeException e) {
            // POI and PDFBox report a damaged or encrypted file with IOException or an unchecked exception
            throw new DocumentException(1, "文件格式", Text.of("无法作为" + kind.label + "读取（" + e.getMessage()
                    + "）：文件可能已损坏或加密；请在 Word/WPS/Excel 中打开后另存为 ." + kind.extension + " 再导入",
                    "cannot be read as a " + kind.englishLabel + " (" + e.getMessage() + "): the file may be damaged or "
                    + "encrypted; open it in Word/WPS/Excel, save it again as ." + kind.extension + " and import that"));
        }
    }

    private static SourceDocument of(Kind kind, List<Block> blocks) {
        return new SourceDocument(kind, TabRendering.render(blocks), blocks, null);
    }

    static Kind kindOf(String fileName, byte[] b) throws DocumentException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (startsWith(b, 'P', 'K', 3, 4)) {
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || contains(b, "xl/workbook")) {
                return Kind.XLSX;
            }
            if (name.endsWith(".docx") || contains(b, "word/document")) {
                return Kind.DOCX;
            }
            throw new DocumentException(1, "文件格式", Text.of("这是一个 ZIP 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件",
                    "this is a ZIP archive, but not a Word (.docx) or Excel (.xlsx) file"));
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return Kind.PDF;
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return name.endsWith(".xls") || name.endsWith(".et") ? Kind.XLS : Kind.DOC;
        }
        return Kind.TEXT;
    }

    /** Text and the encoding it was read in. */
    record Decoded(String text, String charset) {
    }

    /** Encodings Chinese disclosures are saved in besides UTF-8; any other guess is not trusted. */
    private static final List<String> CHINESE_ENCODINGS = List.of("GB18030", "GBK", "GB2312", "HZ-GB-2312", "BIG5",
            "EUC-TW", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE");

    /**
     * UTF-8 when the bytes are valid UTF-8 (the detector can mistake short Chinese UTF-8 for another encoding);
     * UTF-16 by its byte-order mark; otherwise a Chinese encoding the detector names, decoded strictly. Anything
     * else is reported where its first byte that is not UTF-8 is (line and byte offset), since a damaged UTF-8 file
     * is likelier than a Western encoding.
     */
    static Decoded decode(byte[] bytes) throws DocumentException {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            try {
                String text = strictOrThrow(StandardCharsets.UTF_16, bytes);
                return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, "UTF-16");
            } catch (CharacterCodingException e) {
                throw new DocumentException(1, "文件编码", Text.of("文件以 UTF-16 的字节顺序标记开头，但不是有效的 UTF-16 文本："
                        + "请在记事本或 WPS 中把它另存为“UTF-8”编码的文本再导入", "the file starts with a UTF-16 byte order "
                        + "mark but is not valid UTF-16 text: save it as \"UTF-8\" text in Notepad or WPS and import that"));
            }
        }
        try {
            return new Decoded(strictOrThrow(StandardCharsets.UTF_8, bytes), "UTF-8");
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
                    return new Decoded(strictOrThrow(charset, bytes), charset.name());
                } catch (CharacterCodingException | RuntimeException wrongGuess) {
                    // not that encoding either: report the first byte that is not UTF-8
                }
            }
            throw utf8Problem(bytes);
        }
    }

    /** Where the first byte that is not UTF-8 is: line and byte offset, with the bytes in hex. */
    private static DocumentException utf8Problem(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        int offset = in.position();
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        StringBuilder hex = new StringBuilder();
        int length = result.isError() ? Math.max(1, result.length()) : 1;
        for (int i = offset; i < Math.min(bytes.length, offset + length); i++) {
            hex.append(String.format(" %02X", bytes[i] & 0xFF));
        }
        return new DocumentException(line, "文件编码", Text.of("文件不是 UTF-8 文本：第 " + line + " 行（字节偏移 " + offset
                + "）处的字节" + hex + " 不是有效的 UTF-8 编码，也不像 GBK/GB18030 文本；请在记事本或 WPS 中把它另存为“UTF-8”编码的文本再导入",
                "the file is not UTF-8 text: the bytes" + hex + " on line " + line + " (byte offset " + offset
                + ") are not valid UTF-8, and the file does not look like GBK/GB18030 text either; save it as \"UTF-8\" "
                + "text in Notepad or WPS and import that"));
    }

    private static String strictOrThrow(Charset charset, byte[] bytes) throws CharacterCodingException {
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

    /** Whether the ZIP's local file headers (the first 64 KiB) name an entry starting with {@code entry}. */
    private static boolean contains(byte[] b, String entry) {
        String head = new String(b, 0, Math.min(b.length, 1 << 16), StandardCharsets.ISO_8859_1);
        return head.contains(entry);
    }
}
