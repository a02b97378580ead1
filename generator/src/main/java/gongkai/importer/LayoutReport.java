package gongkai.importer;

import gongkai.content.Text;
import gongkai.importer.document.Block;
import gongkai.importer.document.TabRendering;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * For a document in neither known layout: what was recognised and what not, table by table and row by row, so the
 * clerk sees which part of the file differs from a 项目支出绩效目标表 or a 部门预算公开 document.
 */
final class LayoutReport {
    private static final int MAX_TABLES = 12;
    private static final Pattern HEADING = Pattern.compile(".*绩效目标表\\s*$");
    private static final Pattern UNIT_CELL = Pattern.compile("^\\d{6}\\S.*");
    private static final List<String> INDICATOR_HEADER = List.of("一级指标", "二级指标", "三级指标");

    private LayoutReport() {
    }

    static List<ImportProblem> report(String document, String text) {
        List<ImportProblem> out = new ArrayList<>();
        int line = 1;
        int tables = 0;
        String lastHeading = null;
        int lastHeadingLine = 0;
        for (Block block : TabRendering.parse(text)) {
            if (block instanceof Block.Paragraph p) {
                if (HEADING.matcher(p.text()).matches()) {
                    lastHeading = p.text().strip();
                    lastHeadingLine = line;
                }
                line++;
                continue;
            }
            Block.Table t = (Block.Table) block;
            tables++;
            if (tables <= MAX_TABLES) {
                String first = t.rows().get(0).cells().get(0).text().strip();
                boolean unit = UNIT_CELL.matcher(first).matches();
                boolean indicators = t.rows().stream().anyMatch(r -> r.cells().size() >= 3
                        && r.cells().subList(0, 3).stream().map(c -> c.text().strip()).toList().equals(INDICATOR_HEADER));
                StringBuilder m = new StringBuilder("第 " + tables + " 个表格（" + t.rows().size() + " 行，首个单元格“"
                        + PrintedNumbers.abbreviated(first) + "”）：");
                StringBuilder e = new StringBuilder("table " + tables + " (" + Text.count(t.rows().size(), "row")
                        + ", first cell \"" + PrintedNumbers.abbreviated(first) + "\"): ");
                if (lastHeading != null && lastHeadingLine == line - 1 && !unit) {
                    m.append("标题“").append(PrintedNumbers.abbreviated(lastHeading))
                            .append("”之后的表格第 1 行不是“<6 位预算单位编码><单位名称>”；");
                    e.append("row 1 of the table after the heading \"").append(PrintedNumbers.abbreviated(lastHeading))
                            .append("\" is not \"<6-digit budget unit code><unit name>\"; ");
                }
                m.append(unit ? "认出了预算单位行" : "没有预算单位行").append("，")
                        .append(indicators ? "认出了指标表头（一级指标 二级指标 三级指标）" : "没有指标表头");
                e.append(unit ? "budget unit row recognised" : "no budget unit row").append(", ")
                        .append(indicators ? "indicator header (一级指标 二级指标 三级指标) recognised" : "no indicator header");
                out.add(new ImportProblem(document, line, "表格", Text.of(m.toString(), e.toString())));
            }
            for (Block.Row row : t.rows()) {
                for (Block.Cell cell : row.cells()) {
                    line += cell.paragraphs().size();
                }
                line++;
            }
        }
        if (tables > MAX_TABLES) {
            out.add(new ImportProblem(document, 1, "表格", Text.of("另有 " + (tables - MAX_TABLES) + " 个表格未列出",
                    (tables - MAX_TABLES) + " more " + (tables - MAX_TABLES == 1 ? "table" : "tables") + " not listed")));
        }
        if (tables == 0) {
            out.add(new ImportProblem(document, 1, "表格", Text.of("文件中没有表格：项目支出绩效目标表和部门预算公开文件都由表格组成"
                    + "（PDF 须是带文字的 PDF，扫描件无法导入）", "the file has no tables: both project performance target "
                    + "tables and department budget disclosures are made of tables (a PDF must have its text; a scan cannot "
                    + "be imported)")));
        }
        return out;
    }
}
