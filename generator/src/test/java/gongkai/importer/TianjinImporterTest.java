package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.MoneyUnit;
import gongkai.content.Project;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small hand-written tables in the Tianjin layout for what the seeds do not show: failures and reports. */
class TianjinImporterTest {
    /** One project table; {@code unitLine} and the rows vary per test. */
    private static String table(String heading, String unitLine, String rows) {
        return heading + "\n"
                + "\t" + unitLine + "\n"
                + "\t单位：万元\n"
                + "\n"
                + "\t项目名称\n"
                + "\t2021年测试项目\n"
                + "\n"
                + "\t预算规模及资金用途\n"
                + "\t预算数\n"
                + "\t12.50\n"
                + "\t其中：财政    资金\n"
                + "\t10.00\n"
                + "\t其他资金\n"
                + "\t2.50\n"
                + "\n"
                + "\t\n"
                + "\t用于测试。\n"
                + "\n"
                + "\t绩效目标\n"
                + "\t1.第一段\n"
                + "2.第二段\n"
                + "\n"
                + "\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n"
                + "\n"
                + rows;
    }

    private static final String ROWS = "\t产出指标\n\t数量指标\n\t报告数量\n\t报告数量\n\t≥2份\n\n"
            + "\t\n\t时效指标\n\t完成时间\n\t完成时间\n\t2021年底前\n\n";

    @Test
    void readsAHandWrittenTable() throws Exception {
        String text = table("1.2021年测试项目绩效目标表", "123456天津市测试局", ROWS);
        ImportedDocument doc = TianjinImporter.importText("t.txt", text, ImportOptions.inferAll());
        assertEquals(List.of(), doc.problems());
        Project p = doc.departmentYears().get(0).projects().get(0);
        assertEquals("123456-2021-001", p.id());
        assertEquals(new Budget(MoneyUnit.WAN_YUAN, new Amount(new BigDecimal("12.50"), MoneyUnit.WAN_YUAN),
                new Amount(new BigDecimal("10.00"), MoneyUnit.WAN_YUAN),
                new Amount(new BigDecimal("2.50"), MoneyUnit.WAN_YUAN)), p.budget());
        assertEquals("1.第一段\n2.第二段", p.goals());
        assertEquals("产出指标", p.indicators().get(1).level1());
        assertNull(p.indicators().get(0).basis());
    }

    @Test
    void unknownRegionFailsAskingForRegion() {
        String text = table("1.2021年测试项目绩效目标表", "123456北京市测试局", ROWS);
        ImportException e = assertThrows(ImportException.class,
                () -> TianjinImporter.importText("t.txt", text, ImportOptions.inferAll()));
        // at the unit line, naming the unit
        assertTrue(e.getMessage().startsWith("t.txt:2: 地区: 认不出单位“北京市测试局”属于哪个地区"), e.getMessage());
        assertTrue(e.getMessage().contains("请用 --region 加地区代码"), e.getMessage());
    }

    @Test
    void givenRegionIsUsedForAnUnknownUnit() throws Exception {
        String text = table("1.2021年测试项目绩效目标表", "123456北京市测试局", ROWS);
        ImportedDocument doc = TianjinImporter.importText("t.txt", text, new ImportOptions(null, "beijing"));
        assertEquals("beijing", doc.departmentYears().get(0).regionSlug());
        assertEquals(List.of(), doc.regions()); // the importer does not know this region's name
    }

    @Test
    void noYearInTheTextFailsAskingForYear() {
        // a year in a target (2021年底前) is the body, not a title: not used
        String text = table("1.测试项目绩效目标表", "123456天津市测试局", ROWS).replace("2021年测试项目", "测试项目");
        ImportException e = assertThrows(ImportException.class,
                () -> TianjinImporter.importText("t.txt", text, ImportOptions.inferAll()));
        assertEquals("t.txt:1: 年度: 文件标题和项目标题里都没有年度（如“2024年度…绩效目标表”）：请用 --year 指定预算年度，例如 --year 2024",
                e.getMessage());
        // With the year given, the same text imports.
        assertTrue(assertDoesNotThrowImport(text, new ImportOptions(2021, null)));
    }

    @Test
    void theYearIsTheHeadingsNotTheTexts() throws Exception {
        // a target dated 2022 (and the name without a year) does not move the year the heading starts with
        String text = table("1.2021年测试项目绩效目标表", "123456天津市测试局",
                ROWS.replace("2021年底前", "2022年底前")).replace("\t2021年测试项目\n", "\t测试项目\n");
        ImportedDocument doc = TianjinImporter.importText("t.txt", text, ImportOptions.inferAll());
        assertEquals(2021, doc.departmentYears().get(0).year());
        assertEquals(List.of(), doc.notes(), "one year in the headings: nothing to tell the reviewer");
    }

    private static boolean assertDoesNotThrowImport(String text, ImportOptions options) {
        try {
            return !TianjinImporter.importText("t.txt", text, options).departmentYears().isEmpty();
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void notATianjinDocumentFails() {
        ImportException e = assertThrows(ImportException.class,
                () -> TianjinImporter.importText("x.txt", "衡水市生态环境局2020年部门预算信息公开情况说明\n", null));
        assertTrue(e.getMessage().startsWith("x.txt:1: 文件格式: 没有找到项目表"), e.getMessage());
    }

    @Test
    void cellsThatFitNowhereAreReportedWithTheirLine() throws Exception {
        String text = "前言文字\n\n" + table("1.2021年测试项目绩效目标表", "123456天津市测试局",
                ROWS + "\t产出指标\n\t数量指标\n\t多余\n");
        ImportedDocument doc = TianjinImporter.importText("t.txt", text, ImportOptions.inferAll());
        List<ImportProblem> problems = doc.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(1, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("前言文字"));
        assertEquals("t.txt:43: 指标表: 指标行不完整（只有 3 个单元格，应有 5 个：“产出指标”、“数量指标”、“多余”），没有读入",
                problems.get(1).toString());
        assertEquals(2, doc.departmentYears().get(0).projects().get(0).indicators().size());
    }

    @Test
    void aMissingCellIsReportedInsteadOfShiftingRows() throws Exception {
        // The first row lacks its 绩效指标描述: taking five cells would start the next row mid-row.
        String rows = "\t产出指标\n\t数量指标\n\t报告数量\n\t≥2份\n\n"
                + "\t\n\t时效指标\n\t完成时间\n\t完成时间\n\t2021年底前\n\n";
        ImportedDocument doc = TianjinImporter.importText("t.txt",
                table("1.2021年测试项目绩效目标表", "123456天津市测试局", rows), ImportOptions.inferAll());
        assertTrue(doc.problems().stream().anyMatch(p -> p.message().equals("这一行指标没有从新的表格行开始：上一行可能少了一个单元格")),
                doc.problems().toString());
    }

    @Test
    void headingNumbersOutOfSequenceAreReported() throws Exception {
        String text = table("1.2021年测试项目绩效目标表", "123456天津市测试局", ROWS) + "\n"
                + table("3.2021年测试项目绩效目标表", "123456天津市测试局", ROWS);
        ImportedDocument doc = TianjinImporter.importText("t.txt", text, ImportOptions.inferAll());
        assertEquals(1, doc.problems().size(), doc.problems().toString());
        assertTrue(doc.problems().get(0).message().startsWith("这里应是第 2 个项目，标题却编号为 3"), doc.problems().toString());
        assertEquals(List.of("123456-2021-001", "123456-2021-002"),
                doc.departmentYears().get(0).projects().stream().map(Project::id).toList());
    }

    @Test
    void unlabelledBudgetCellIsReported() throws Exception {
        String text = table("1.2021年测试项目绩效目标表", "123456天津市测试局", ROWS)
                .replace("\t\n\t用于测试。", "\t备注\n\n\t\n\t用于测试。");
        ImportedDocument doc = TianjinImporter.importText("t.txt", text, ImportOptions.inferAll());
        assertEquals(1, doc.problems().size(), doc.problems().toString());
        assertTrue(doc.problems().get(0).message().startsWith("单元格“备注”不是已知的栏目"), doc.problems().toString());
    }
}
