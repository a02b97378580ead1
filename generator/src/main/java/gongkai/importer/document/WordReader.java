package gongkai.importer.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a Word file with Apache POI as paragraphs and tables — the table structure itself, not a text export:
 * each row's cells in order, a horizontally merged cell once, a vertically merged cell's continuation as an
 * empty cell (as the seeds' exports print it). Bookmarks and TC (table of contents entry) fields are kept in
 * the text as Tika prints them ({@code [bookmark: _Toc…]}, {@code  TC … \f C \l 1}), since the seeds carry them
 * and headings are recognised with them.
 */
public final class WordReader {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final QName VAL = new QName(W, "val");
    private static final QName NAME = new QName(W, "name");
    private static final QName FLD_CHAR_TYPE = new QName(W, "fldCharType");

    private WordReader() {
    }

    /** The blocks of a .docx file. */
    public static List<Block> readDocx(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<Block> blocks = new ArrayList<>();
            int tables = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    blocks.add(new Block.Paragraph(paragraphText(p)));
                } else if (element instanceof XWPFTable t) {
                    tables++;
                    blocks.add(new Block.Table(rows(t), "表格 " + tables));
                } else if (element instanceof XWPFSDT sdt) {
                    // a content control: its text, as the reader of the printed page sees it
                    for (String line : sdt.getContent().getText().split("\n", -1)) {
                        blocks.add(new Block.Paragraph(line));
                    }
                }
            }
            return blocks;
        }
    }

    private static List<Block.Row> rows(XWPFTable table) {
        List<Block.Row> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<Block.Cell> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(continuesVerticalMerge(cell) ? new Block.Cell(List.of("")) : new Block.Cell(cellParagraphs(cell)));
            }
            rows.add(new Block.Row(cells));
        }
        return rows;
    }

    private static boolean continuesVerticalMerge(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr != null && pr.isSetVMerge()
                && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
    }

    /** A cell's paragraphs; a table nested in the cell adds its cells' text as further paragraphs. */
    private static List<String> cellParagraphs(XWPFTableCell cell) {
        List<String> out = new ArrayList<>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                out.addAll(List.of(paragraphText(p).split("\n", -1)));
            } else if (element instanceof XWPFTable nested) {
                for (XWPFTableRow row : nested.getRows()) {
                    for (XWPFTableCell c : row.getTableCells()) {
                        out.addAll(cellParagraphs(c));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A paragraph's text in document order: runs' text, tabs and breaks, bookmark starts as
     * {@code [bookmark: name]}, TC fields as their instruction text; other fields (PAGE, TOC, HYPERLINK) as the
     * result Word shows.
     */
    static String paragraphText(XWPFParagraph paragraph) {
        StringBuilder out = new StringBuilder();
        try (XmlCursor c = paragraph.getCTP().newCursor()) {
            walk(c, out, new boolean[1]);
        }
        return out.toString();
    }

    /** Depth-first over the children of the cursor's element; {@code inInstruction[0]}: between a field's begin and separate. */
    private static void walk(XmlCursor c, StringBuilder out, boolean[] inInstruction) {
        if (!c.toFirstChild()) {
            return;
        }
        do {
            String name = c.getName().getLocalPart();
            boolean word = W.equals(c.getName().getNamespaceURI());
            if (!word) {
                continue;
            }
            switch (name) {
                case "t" -> {
                    if (!inInstruction[0]) {
                        out.append(c.getTextValue());
                    }
                }
                case "instrText" -> {
                    String instruction = c.getTextValue();
                    if (instruction.strip().startsWith("TC ")) {
                        out.append(instruction);
                    }
                }
                case "fldChar" -> {
                    String type = c.getAttributeText(FLD_CHAR_TYPE);
                    inInstruction[0] = "begin".equals(type);
                }
                case "tab" -> out.append('\t');
                case "br", "cr" -> out.append('\n');
                case "bookmarkStart" -> {
                    String bookmark = c.getAttributeText(NAME);
                    if (bookmark != null) {
                        out.append("[bookmark: ").append(bookmark).append(']');
                    }
                }
                case "fldSimple" -> {
                    String instruction = c.getAttributeText(new QName(W, "instr"));
                    if (instruction != null && instruction.strip().startsWith("TC ")) {
                        out.append(instruction);
                    } else {
                        c.push();
                        walk(c, out, inInstruction);
                        c.pop();
                    }
                }
                case "pPr", "rPr", "del", "delText", "proofErr", "bookmarkEnd", "commentRangeStart",
                        "commentRangeEnd", "lastRenderedPageBreak" -> {
                    // formatting, deleted text and markers print nothing
                }
                default -> {
                    // runs, hyperlinks, insertions, smart tags, content controls: their children carry the text
                    c.push();
                    walk(c, out, inInstruction);
                    c.pop();
                }
            }
        } while (c.toNextSibling());
        c.toParent();
    }

    /** The blocks of an old binary Word file (.doc), through POI's HWPF: paragraphs and table cells. */
    public static List<Block> readDoc(byte[] bytes) throws IOException {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = doc.getRange();
            List<Block> blocks = new ArrayList<>();
            int tables = 0;
            for (int i = 0; i < range.numParagraphs(); i++) {
                org.apache.poi.hwpf.usermodel.Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    org.apache.poi.hwpf.usermodel.Table table = range.getTable(p);
                    tables++;
                    List<Block.Row> rows = new ArrayList<>();
                    int paragraphs = 0;
                    for (int r = 0; r < table.numRows(); r++) {
                        TableRow row = table.getRow(r);
                        List<Block.Cell> cells = new ArrayList<>();
                        for (int k = 0; k < row.numCells(); k++) {
                            TableCell cell = row.getCell(k);
                            List<String> texts = new ArrayList<>();
                            for (int q = 0; q < cell.numParagraphs(); q++) {
                                texts.add(clean(cell.getParagraph(q).text()));
                            }
                            cells.add(cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()
                                    ? new Block.Cell(List.of("")) : new Block.Cell(texts));
                        }
                        paragraphs += row.numParagraphs();
                        rows.add(new Block.Row(cells));
                    }
                    blocks.add(new Block.Table(rows, "表格 " + tables));
                    i += Math.max(0, paragraphs - 1);
                } else {
                    blocks.add(new Block.Paragraph(clean(p.text())));
                }
            }
            return blocks;
        }
    }

    /** HWPF text keeps Word's marks: paragraph and cell ends, field characters. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\r' || ch == '\u0007' || ch == '\u0013' || ch == '\u0014' || ch == '\u0015' || ch == '\f') {
                continue;
            }
            out.append(ch == '\u000B' ? '\n' : ch);
        }
        return out.toString();
    }
}
