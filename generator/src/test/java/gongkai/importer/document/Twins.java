package gongkai.importer.document;

import gongkai.importer.WordMarkupAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTMarkupRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Writes a seed's blocks as a real Word, Excel or PDF file, the way an agency's file holds them: Word tables with
 * a grid (the last cell of a short row spans the rest, an empty first cell under a filled one continues it as a
 * vertical merge), bookmarks and TC fields as Word's own markup; Excel rows with merged ranges; PDF tables as
 * ruled cells with the text in them, in a Chinese font embedded by PDFBox.
 */
public final class Twins {
    /** The Debian package fonts-wqy-microhei (scripts/test-prereqs.sh installs it). */
    public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private Twins() {
    }

    // ---- Word ----------------------------------------------------------------------------------------

    public static byte[] docx(List<Block> blocks) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int[] bookmarkId = {0};
            for (Block block : blocks) {
                if (block instanceof Block.Paragraph p) {
                    writeParagraph(doc.createParagraph(), p.text(), bookmarkId);
                } else if (block instanceof Block.Table t) {
                    writeTable(doc, t, bookmarkId);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void writeTable(XWPFDocument doc, Block.Table t, int[] bookmarkId) {
        int width = t.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(1);
        XWPFTable table = doc.createTable();
        table.removeRow(0);
        XWPFTableCell[] above = new XWPFTableCell[1];
        for (int r = 0; r < t.rows().size(); r++) {
            Block.Row row = t.rows().get(r);
            XWPFTableRow wordRow = table.insertNewTableRow(r);
            for (int c = 0; c < row.cells().size(); c++) {
                Block.Cell cell = row.cells().get(c);
                XWPFTableCell wordCell = wordRow.createCell();
                wordCell.removeParagraph(0);
                for (String paragraph : cell.paragraphs()) {
                    writeParagraph(wordCell.addParagraph(), paragraph, bookmarkId);
                }
                CTTcPr pr = wordCell.getCTTc().isSetTcPr() ? wordCell.getCTTc().getTcPr() : wordCell.getCTTc().addNewTcPr();
                if (c == row.cells().size() - 1 && row.cells().size() < width) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(width - row.cells().size() + 1));
                }
                if (c == 0) {
                    boolean empty = cell.text().isEmpty();
                    if (empty && above[0] != null && row.cells().size() > 1) {
                        CTTcPr abovePr = above[0].getCTTc().getTcPr();
                        if (!abovePr.isSetVMerge()) {
                            abovePr.addNewVMerge().setVal(STMerge.RESTART);
                        }
                        pr.addNewVMerge().setVal(STMerge.CONTINUE);
                    } else {
                        above[0] = empty ? null : wordCell;
                    }
                }
            }
        }
    }

    /** Text with its bookmark markers and a trailing TC field as Word markup. */
    private static void writeParagraph(XWPFParagraph p, String text, int[] bookmarkId) {
        String body = text;
        String field = null;
        WordMarkupAccess.Tc tc = WordMarkupAccess.trailingTc(text);
        if (tc != null) {
            body = text.substring(0, tc.start());
            field = text.substring(tc.start());
        }
        int from = 0;
        for (int at = body.indexOf("[bookmark: "); at >= 0; at = body.indexOf("[bookmark: ", from)) {
            int close = body.indexOf(']', at);
            if (close < 0) {
                break;
            }
            run(p, body.substring(from, at));
            CTBookmark start = p.getCTP().addNewBookmarkStart();
            start.setName(body.substring(at + "[bookmark: ".length(), close));
            start.setId(BigInteger.valueOf(bookmarkId[0]));
            CTMarkupRange end = p.getCTP().addNewBookmarkEnd();
            end.setId(BigInteger.valueOf(bookmarkId[0]++));
            from = close + 1;
        }
        run(p, body.substring(from));
        if (field != null) {
            CTR begin = p.getCTP().addNewR();
            begin.addNewFldChar().setFldCharType(STFldCharType.BEGIN);
            CTR instruction = p.getCTP().addNewR();
            var instr = instruction.addNewInstrText();
            instr.setStringValue(field);
            instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
            CTR end = p.getCTP().addNewR();
            end.addNewFldChar().setFldCharType(STFldCharType.END);
        }
    }

    private static void run(XWPFParagraph p, String text) {
        if (text.isEmpty()) {
            return;
        }
        String[] parts = text.split("\t", -1);
        XWPFRun run = p.createRun();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                run.addTab();
            }
            if (!parts[i].isEmpty()) {
                run.setText(parts[i], i == 0 ? 0 : run.getCTR().sizeOfTArray());
            }
        }
    }

    // ---- Excel -----------------------------------------------------------------------------------------

    /** One sheet with every block, or (perSheet) a sheet per project starting at each paragraph for which {@code startsSheet}. */
    public static byte[] workbook(List<Block> blocks, boolean xls, java.util.function.Predicate<Block> startsSheet)
            throws IOException {
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<List<Block>> sheets = new ArrayList<>();
            for (Block b : blocks) {
                if (sheets.isEmpty() || (startsSheet.test(b) && !sheets.get(sheets.size() - 1).stream().allMatch(x -> isBlank(x)))) {
                    sheets.add(new ArrayList<>());
                }
                sheets.get(sheets.size() - 1).add(b);
            }
            for (List<Block> sheetBlocks : sheets) {
                writeSheet(wb.createSheet("表" + (wb.getNumberOfSheets() + 1)), sheetBlocks);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static boolean isBlank(Block b) {
        return b instanceof Block.Paragraph p && p.text().isBlank();
    }

    private static void writeSheet(Sheet sheet, List<Block> blocks) {
        int width = 2;
        for (Block b : blocks) {
            if (b instanceof Block.Table t) {
                for (Block.Row r : t.rows()) {
                    width = Math.max(width, r.cells().size());
                }
            }
        }
        int r = 0;
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) {
                Row row = sheet.createRow(r++);
                if (!p.text().isEmpty()) {
                    row.createCell(0).setCellValue(p.text());
                }
                continue;
            }
            Block.Table t = (Block.Table) b;
            int firstOfMerge = -1;
            for (Block.Row tableRow : t.rows()) {
                Row row = sheet.createRow(r);
                int n = tableRow.cells().size();
                for (int c = 0; c < n; c++) {
                    Block.Cell cell = tableRow.cells().get(c);
                    row.createCell(c).setCellValue(cell.text());
                }
                for (int c = n; c < width; c++) {
                    row.createCell(c);
                }
                if (n < width) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, n - 1, width - 1));
                }
                // an empty first cell under a filled one continues it, as a merged range (when the rows' columns agree)
                boolean empty = tableRow.cells().get(0).text().isEmpty();
                if (!empty || n == 1) {
                    mergeColumnA(sheet, firstOfMerge, r - 1);
                    firstOfMerge = empty ? -1 : r;
                }
                r++;
            }
            mergeColumnA(sheet, firstOfMerge, r - 1);
        }
    }

    private static void mergeColumnA(Sheet sheet, int first, int last) {
        if (first >= 0 && last > first) {
            // only rows whose column A is a plain cell (a short row's last cell may span from A)
            for (CellRangeAddress m : sheet.getMergedRegions()) {
                if (m.getFirstColumn() == 0 && m.getFirstRow() >= first && m.getFirstRow() <= last) {
                    return;
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(first, last, 0, 0));
        }
    }

    // ---- PDF ---------------------------------------------------------------------------------------------

    private static final float SIZE = 10;
    private static final float LEADING = SIZE * 1.4f;
    private static final float MARGIN = 36;
    private static final float PAD = 4;
    private static final int SLOTS_PER_PAGE = 50;

    /** A PDF printed from the blocks: paragraphs as lines, table rows as ruled cells holding their paragraphs. */
    public static byte[] pdf(List<Block> blocks) throws IOException {
        try (PDDocument pdf = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(Files.newInputStream(CJK_FONT));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeFont ttf = fonts.getFontByName("WenQuanYiMicroHei");
            PDType0Font font = PDType0Font.load(pdf, ttf, true);
            float pageWidth = MARGIN * 2;
            for (Block b : blocks) {
                pageWidth = Math.max(pageWidth, MARGIN * 2 + width(b, font));
            }
            float pageHeight = MARGIN * 2 + SLOTS_PER_PAGE * LEADING;
            float top = pageHeight - MARGIN;
            PDPageContentStream content = null;
            float cursor = 0;
            int pendingBlanks = 0;
            List<Object> items = new ArrayList<>();
            for (Block b : blocks) {
                if (b instanceof Block.Table t) {
                    items.addAll(t.rows());
                } else {
                    items.add(b);
                }
            }
            for (Object item : items) {
                if (item instanceof Block.Paragraph p && p.text().isEmpty()) {
                    pendingBlanks++;
                    continue;
                }
                int slots = item instanceof Block.Row row
                        ? row.cells().stream().mapToInt(c -> c.paragraphs().size()).max().orElse(1) : 1;
                float needed = (pendingBlanks + slots) * LEADING;
                if (content == null || cursor - needed < MARGIN - 0.01f) {
                    if (content != null) {
                        content.close();
                    }
                    PDPage page = new PDPage(new PDRectangle(pageWidth, pageHeight));
                    pdf.addPage(page);
                    content = new PDPageContentStream(pdf, page);
                    content.setLineWidth(0.5f);
                    cursor = top;
                }
                cursor -= pendingBlanks * LEADING;
                pendingBlanks = 0;
                if (item instanceof Block.Paragraph p) {
                    text(content, font, MARGIN, cursor - SIZE, p.text());
                } else {
                    Block.Row row = (Block.Row) item;
                    float x = MARGIN;
                    for (Block.Cell cell : row.cells()) {
                        float w = cellWidth(cell, font);
                        content.addRect(x, cursor - slots * LEADING, w, slots * LEADING);
                        content.stroke();
                        for (int k = 0; k < cell.paragraphs().size(); k++) {
                            text(content, font, x + PAD, cursor - SIZE - k * LEADING, cell.paragraphs().get(k));
                        }
                        x += w;
                    }
                }
                cursor -= slots * LEADING;
            }
            if (content != null) {
                content.close();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream content, PDType0Font font, float x, float baseline, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, SIZE);
        content.newLineAtOffset(x, baseline);
        content.showText(text.replace('\t', ' '));
        content.endText();
    }

    private static float stringWidth(PDType0Font font, String s) throws IOException {
        return font.getStringWidth(s.replace('\t', ' ')) / 1000 * SIZE;
    }

    private static float cellWidth(Block.Cell cell, PDType0Font font) throws IOException {
        float w = 40;
        for (String p : cell.paragraphs()) {
            w = Math.max(w, stringWidth(font, p) + PAD * 2);
        }
        return w;
    }

    private static float width(Block b, PDType0Font font) throws IOException {
        if (b instanceof Block.Paragraph p) {
            return stringWidth(font, p.text());
        }
        float max = 0;
        for (Block.Row row : ((Block.Table) b).rows()) {
            float w = 0;
            for (Block.Cell c : row.cells()) {
                w += cellWidth(c, font);
            }
            max = Math.max(max, w);
        }
        return max;
    }
}
