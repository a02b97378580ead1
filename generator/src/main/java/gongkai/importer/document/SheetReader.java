package gongkai.importer.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an Excel workbook (.xlsx or .xls) with Apache POI, every sheet in order (one sheet per project or one
 * sheet with all of them read alike). A sheet row is a table row of its cells from column A to the sheet's
 * last used column, a merged range once (its top-left value; below its first row, an empty cell as a
 * vertically merged Word cell prints); a row that has no cell but in column A and no merge is a paragraph
 * (a heading; table cells have borders, so a table row has its cells); an empty row is an empty line. Values are read as Excel shows them ({@link DataFormatter}), so a
 * number formatted 0.00 reads 2255000.00; a line break in a cell starts a further paragraph of the cell.
 */
public final class SheetReader {
    private SheetReader() {
    }

    public static List<Block> read(byte[] bytes) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            List<Block> blocks = new ArrayList<>();
            for (Sheet sheet : workbook) {
                readSheet(sheet, formatter, blocks);
            }
            return blocks;
        }
    }

    private static void readSheet(Sheet sheet, DataFormatter formatter, List<Block> blocks) {
        List<CellRangeAddress> merges = sheet.getMergedRegions();
        int width = 0;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (!formatter.formatCellValue(cell).isEmpty()) {
                    width = Math.max(width, cell.getColumnIndex() + 1);
                }
            }
        }
        for (CellRangeAddress m : merges) {
            width = Math.max(width, m.getLastColumn() + 1);
        }
        List<Block.Row> rows = new ArrayList<>();
        int tables = 0;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String where = "工作表“" + sheet.getSheetName() + "”第 " + (r + 1) + " 行";
            boolean merged = false;
            for (CellRangeAddress m : merges) {
                merged |= m.getFirstRow() <= r && r <= m.getLastRow();
            }
            int lastCell = row == null ? -1 : row.getLastCellNum() - 1;
            if (!merged && lastCell <= 0) {
                if (!rows.isEmpty()) {
                    tables++;
                    blocks.add(new Block.Table(rows, "工作表“" + sheet.getSheetName() + "”表格 " + tables));
                    rows = new ArrayList<>();
                }
                blocks.add(new Block.Paragraph(text(row, 0, formatter), where));
                continue;
            }
            List<Block.Cell> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                CellRangeAddress range = rangeAt(merges, r, c);
                if (range == null) {
                    cells.add(Block.Cell.of(text(row, c, formatter)));
                    continue;
                }
                if (range.getFirstColumn() == c) {
                    cells.add(range.getFirstRow() == r
                            ? Block.Cell.of(text(sheet.getRow(r), c, formatter)) : new Block.Cell(List.of("")));
                }
            }
            rows.add(new Block.Row(cells));
        }
        if (!rows.isEmpty()) {
            tables++;
            blocks.add(new Block.Table(rows, "工作表“" + sheet.getSheetName() + "”表格 " + tables));
        }
    }

    private static CellRangeAddress rangeAt(List<CellRangeAddress> merges, int r, int c) {
        for (CellRangeAddress m : merges) {
            if (m.isInRange(r, c)) {
                return m;
            }
        }
        return null;
    }

    private static String text(Row row, int column, DataFormatter formatter) {
        if (row == null) {
            return "";
        }
        Cell cell = row.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell);
    }
}
