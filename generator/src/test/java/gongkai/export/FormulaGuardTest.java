package gongkai.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.ParsedTarget;
import gongkai.content.Project;
import gongkai.content.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormulaGuardTest {
    @Test
    void guardsTextThatASpreadsheetWouldEvaluateAndUndoesItExactly() {
        assertEquals("'-5%", FormulaGuard.guard("-5%"));
        assertEquals("'=HYPERLINK(\"http://x\")", FormulaGuard.guard("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", FormulaGuard.guard("+1"));
        assertEquals("'@SUM(A1)", FormulaGuard.guard("@SUM(A1)"));
        assertEquals("'\tx", FormulaGuard.guard("\tx"));
        assertEquals("'\rx", FormulaGuard.guard("\rx"));
        assertEquals("''=x", FormulaGuard.guard("'=x"), "a text that already starts with '= keeps its own quote");
        for (String plain : List.of("≥90%", "有所提升", "'quoted", "'", "", "5-6", " =x")) {
            assertEquals(plain, FormulaGuard.guard(plain));
        }
        for (String s : List.of("-5%", "=1+1", "'=x", "''@y", "'quoted", "'", "", "≥90%", "\t", "+")) {
            assertEquals(s, FormulaGuard.unguard(FormulaGuard.guard(s)), s);
        }
    }

    static final String HOSTILE_KEY = "=HYPERLINK(\"http://evil.example\",\"x\")";

    /** The Binhai fixture with one extra project and one table whose texts a spreadsheet would evaluate. */
    static Content hostileContent() {
        Content base = ExportFixture.content();
        List<DepartmentYear> years = new ArrayList<>();
        for (DepartmentYear dy : base.departmentYears()) {
            if (dy.regionSlug().equals("binhai")) {
                List<Project> projects = new ArrayList<>(dy.projects());
                projects.add(new Project("362301-2025-099", "=HYPERLINK(\"http://evil.example\",\"点击\")",
                        new Budget(MoneyUnit.YUAN, Amount.of("-1500.50", MoneyUnit.YUAN), Amount.of("0.00", MoneyUnit.YUAN),
                                Amount.of("-1500.50", MoneyUnit.YUAN)),
                        "@SUM(1+1)", "-减少排放\n+增加监测\r\n=完成",
                        List.of(new Indicator("产出指标", "数量指标", "排放变化", "'=引号开头", "-5%", "+依据",
                                ParsedTarget.qualitative())),
                        new SourceRef(ExportFixture.DOC_BINHAI, "测试", 1)));
                // column keys come from the YAML too: a spreadsheet would evaluate these header cells
                DataTable negative = new DataTable("balances", "余额", List.of(
                        new Column("item", "项目", ColumnType.STRING, null),
                        new Column("change", "变动", ColumnType.DECIMAL, "万元"),
                        new Column(HOSTILE_KEY, "链接", ColumnType.DECIMAL, "万元"),
                        new Column("@SUM(A1)", "+求和", ColumnType.STRING, null)),
                        List.of(ExportFixture.row("item", "-结余", "change", "-3.50", HOSTILE_KEY, "1.00",
                                "@SUM(A1)", "=1+1")), null, null);
                years.add(new DepartmentYear(dy.regionSlug(), dy.departmentCode(), dy.year(), dy.title(), dy.document(),
                        dy.sections(), List.of(negative), projects));
            } else {
                years.add(dy);
            }
        }
        return new Content(base.site(), base.regions(), base.departments(), years, base.pages());
    }

    @Test
    void exporterGuardsTextColumnsOnlyAndJsonKeepsTheRawText(@TempDir Path site) throws IOException {
        new DatasetExporter().export(hostileContent(), site);
        Map<String, String> project = StrictCsvReader.rows(Files.readAllBytes(site.resolve("data/projects.csv"))).stream()
                .filter(r -> r.get("project_id").equals("362301-2025-099")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"点击\")", project.get("name"));
        assertEquals("'@SUM(1+1)", project.get("purpose"));
        assertEquals("'-减少排放\n+增加监测\r\n=完成", project.get("goals"), "only the first character matters");
        assertEquals("-1500.50", project.get("budget_total_printed"), "numbers are not guarded");
        assertEquals("-1500.50", project.get("budget_other_yuan"));

        Map<String, String> indicator = StrictCsvReader.rows(Files.readAllBytes(site.resolve("data/indicators.csv"))).stream()
                .filter(r -> r.get("project_id").equals("362301-2025-099")).findFirst().orElseThrow();
        assertEquals("'-5%", indicator.get("target"));
        assertEquals("''=引号开头", indicator.get("description"));
        assertEquals("'+依据", indicator.get("basis"));
        assertEquals("'=引号开头", FormulaGuard.unguard(indicator.get("description")));

        Map<String, String> balance = StrictCsvReader.rows(Files.readAllBytes(site.resolve("data/balances.csv"))).get(0);
        assertEquals("'-结余", balance.get("item"));
        assertEquals("-3.50", balance.get("change"));
        assertEquals("-35000.00", balance.get("change_yuan"));

        JsonNode json = new ObjectMapper().readTree(site.resolve("projects/362301-2025-099.json").toFile());
        assertEquals("=HYPERLINK(\"http://evil.example\",\"点击\")", json.get("name").asText(), "JSON is not guarded");
        assertEquals("-5%", json.get("indicators").get(0).get("target").asText());
        assertEquals("-1500.50", json.get("budget_total_yuan").asText());
    }

    @Test
    void headerCellsAreGuardedInTheCsvAndItsExcelTwinWhileJsonKeepsTheKeys(@TempDir Path site) throws IOException {
        new DatasetExporter().export(hostileContent(), site);
        byte[] csv = Files.readAllBytes(site.resolve("data/balances.csv"));
        List<String> header = StrictCsvReader.read(csv).get(0);
        assertEquals(List.of("region", "department_code", "year", "item", "change", "change_yuan",
                "'" + HOSTILE_KEY, "'" + HOSTILE_KEY + "_yuan", "'@SUM(A1)"), header);
        assertTrue(new String(csv, java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("region,department_code,year,item,change,change_yuan,\"'=HYPERLINK(\"\"http://evil.example\"\","));
        List<String> row = StrictCsvReader.read(csv).get(1);
        assertEquals(List.of("binhai", "362301", "2025", "'-结余", "-3.50", "-35000.00", "1.00", "10000.00", "'=1+1"), row);
        assertEquals(header.stream().map(FormulaGuard::unguard).toList().subList(6, 9),
                List.of(HOSTILE_KEY, HOSTILE_KEY + "_yuan", "@SUM(A1)"), "the guard is undone exactly");

        // the Excel twin: a BOM, the columns' titles as its header (guarded the same way), then the same records
        byte[] excel = Files.readAllBytes(site.resolve("data/balances-excel.csv"));
        List<List<String>> excelRecords = StrictCsvReader.read(java.util.Arrays.copyOfRange(excel, Csv.BOM.length, excel.length));
        assertEquals(List.of("地区代码", "预算单位编码", "预算年度", "项目", "变动（万元）", "变动（元）", "链接（万元）", "链接（元）",
                "'+求和"), excelRecords.get(0));
        List<List<String>> records = StrictCsvReader.read(csv);
        assertEquals(records.subList(1, records.size()), excelRecords.subList(1, excelRecords.size()));

        // JSON is data, not a spreadsheet: keys stay as written
        JsonNode year = new ObjectMapper().readTree(site.resolve("binhai/362301/2025.json").toFile());
        JsonNode table = year.get("tables").get(0);
        assertEquals(HOSTILE_KEY, table.get("columns").get(2).get("key").asText());
        assertEquals("1.00", table.get("rows").get(0).get(HOSTILE_KEY).asText());
        assertEquals("=1+1", table.get("rows").get(0).get("@SUM(A1)").asText());
        JsonNode fields = new ObjectMapper().readTree(site.resolve("data/datapackage.json").toFile()).findValues("fields")
                .stream().filter(f -> f.toString().contains("\"name\":\"change_yuan\"")).findFirst().orElseThrow();
        assertEquals(HOSTILE_KEY, fields.get(6).get("name").asText());
    }

    @Test
    void aStringInANumericColumnIsGuardedUnlessItIsAPlainNumber() {
        Field number = Field.number("n", "数", "数");
        assertEquals("-3.50", Csv.cellText(number, "-3.50"));
        assertEquals("'-5%", Csv.cellText(number, "-5%"));
        assertEquals("'=1+1", Csv.cellText(number, "=1+1"));
        assertEquals("-3.50", Csv.cellText(number, new java.math.BigDecimal("-3.50")));
    }

    @Test
    void sameIdTablesWithDifferentColumnsFailNamingBothFiles(@TempDir Path site) {
        Content base = ExportFixture.content();
        DataTable otherUnits = new DataTable("units", "部门机构设置情况", List.of(
                new Column("name", "单位名称", ColumnType.STRING, null),
                new Column("staff", "编制人数", ColumnType.INTEGER, null)),
                List.of(ExportFixture.row("name", "衡水市生态环境局", "staff", "80")), null, null);
        DepartmentYear next = new DepartmentYear("hengshui", "467", 2021, "衡水市生态环境局2021年部门预算信息公开情况说明",
                "test.txt", List.of(), List.of(otherUnits), List.of());
        List<DepartmentYear> years = new ArrayList<>(base.departmentYears());
        years.add(next);
        Content content = new Content(base.site(), base.regions(), base.departments(), years, base.pages());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetExporter().export(content, site));
        assertTrue(e.getMessage().contains("'units'"), e.getMessage());
        assertTrue(e.getMessage().contains("content/hengshui/467/2020.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("content/hengshui/467/2021.yaml"), e.getMessage());
    }

    @Test
    void sameIdTablesWithSameColumnsAreConcatenatedInYearOrder(@TempDir Path site) throws IOException {
        Content base = ExportFixture.content();
        DepartmentYear next = new DepartmentYear("hengshui", "467", 2021, "衡水市生态环境局2021年部门预算信息公开情况说明",
                "test.txt", List.of(), List.of(ExportFixture.unitsTable(List.of(ExportFixture.row(
                        "name", "衡水市生态环境局", "nature", "行政", "rank", "正处级", "funding", "财政拨款")))), List.of());
        List<DepartmentYear> years = new ArrayList<>(List.of(next));
        years.addAll(base.departmentYears());
        new DatasetExporter().export(new Content(base.site(), base.regions(), base.departments(), years, base.pages()), site);
        List<List<String>> units = StrictCsvReader.read(Files.readAllBytes(site.resolve("data/units.csv")));
        assertEquals(List.of("2020", "2020", "2021"), units.subList(1, 4).stream().map(r -> r.get(2)).toList());
    }
}
