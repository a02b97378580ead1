package gongkai.importer.document;

import gongkai.content.DocumentText;
import gongkai.content.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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

    /**
     * The text as {@link DocumentText#decode} reads it (the one rule for a document's text, which the site's source
     * pages and the quality check share); what it cannot read is reported: a broken UTF-16 file, else where its
     * first byte that is not UTF-8 is (line and byte offset), since a damaged UTF-8 file is likelier than a Western
     * encoding.
     */
    static Decoded decode(byte[] bytes) throws DocumentException {
        DocumentText.Decoded decoded = DocumentText.decode(bytes);
        if (decoded != null) {
            return new Decoded(decoded.text(), decoded.charset());
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new DocumentException(1, "文件编码", Text.of("文件以 UTF-16 的字节顺序标记开头，但不是有效的 UTF-16 文本："
                    + "请在记事本或 WPS 中把它另存为“UTF-8”编码的文本再导入", "the file starts with a UTF-16 byte order "
                    + "mark but is not valid UTF-16 text: save it as \"UTF-8\" text in Notepad or WPS and import that"));
        }
        throw utf8Problem(bytes);
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
