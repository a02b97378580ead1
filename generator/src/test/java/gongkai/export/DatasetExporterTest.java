package gongkai.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.content.Content;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetExporterTest {
    @TempDir
    static Path site;
    static List<WrittenFile> written;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void export() throws IOException {
        written = new DatasetExporter().export(ExportFixture.content(), site);
    }

    static byte[] file(String path) throws IOException {
        return Files.readAllBytes(site.resolve(path));
    }

    static List<Map<String, String>> csv(String path) throws IOException {
        return StrictCsvReader.rows(file(path));
    }

    @Test
    void writesExactlyTheListedFiles() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> s = Files.walk(site)) {
            onDisk = s.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        Set<String> listed = written.stream().map(WrittenFile::path).collect(Collectors.toSet());
        assertEquals(onDisk, listed);
        for (String p : List.of("projects/362301-2025-001.csv", "projects/362301-2025-001-excel.csv",
                "projects/362301-2025-001.json", "binhai/362301/2025.csv", "binhai/362301/2025-excel.csv",
                "binhai/362301/2025.json", "hengshui/467/2020.json", "data/projects.csv", "data/projects-excel.csv",
                "data/indicators.csv", "data/departments.csv", "data/department_years.csv", "data/units.csv",
                "data/units-excel.csv", "data/procurement.csv", "data/all.json", "data/datapackage.json",
                "data/quality.csv", "data/quality-excel.csv", "data/quality.json", "data/corrections.csv",
                "data/retracted.csv", "data/changes.csv", "data/changes-excel.csv", "data/project_changes.csv",
                "data/project_changes-excel.csv", "data/gongkai-data.zip")) {
            assertTrue(listed.contains(p), p);
        }
        // 5 projects × 3 + 4 department-years × 3 + data/: 11 CSVs × 2 (quality, corrections, retracted, changes and
        // project_changes even when empty: outside git there is no history, no department has two years) + 3 JSON + the zip.
        assertEquals(5 * 3 + 4 * 3 + 11 * 2 + 3 + 1, listed.size());
        for (WrittenFile f : written) {
            byte[] bytes = file(f.path());
            assertEquals(bytes.length, f.bytes(), f.path());
            // Hashed exactly when datapackage.json describes the file: the whole-dataset CSVs, not their twins.
            boolean described = f.path().startsWith("data/") && f.path().endsWith(".csv") && !f.path().endsWith("-excel.csv");
            assertEquals(described ? sha256(bytes) : null, f.sha256(), f.path());
        }
    }

    @Test
    void projectsCsvHasTheDocumentedColumnsAndExactAmounts() throws IOException {
        List<List<String>> records = StrictCsvReader.read(file("data/projects.csv"));
        assertEquals(List.of("project_id", "project_key", "region", "department_code", "department_name", "year", "name", "budget_unit",
                "budget_total_printed", "budget_fiscal_printed", "budget_other_printed", "budget_total_yuan",
                "budget_fiscal_yuan", "budget_other_yuan", "purpose", "goals", "indicator_count", "source_document",
                "source_heading", "source_line", "url"), records.get(0));
        List<Map<String, String>> rows = csv("data/projects.csv");
        // Ordered by region, department code, year, project id.
        assertEquals(List.of("362301-2025-001", "362301-2025-002", "467-2020-002", "362101-2023-002", "362303-2024-001"),
                rows.stream().map(r -> r.get("project_id")).toList());

        Map<String, String> binhai = rows.get(0);
        assertEquals("binhai", binhai.get("region"));
        assertEquals("天津市滨海新区生态环境保护综合行政执法支队", binhai.get("department_name"));
        assertEquals("2025", binhai.get("year"));
        assertEquals("元", binhai.get("budget_unit"));
        assertEquals("2255000.00", binhai.get("budget_total_printed"));
        assertEquals("2255000.00", binhai.get("budget_total_yuan"));
        assertEquals("", binhai.get("budget_other_printed"), "其他资金 is blank in the source");
        assertEquals("6", binhai.get("indicator_count"));
        assertEquals("binhai/362301/000_d8be7fe3029b1b35.txt", binhai.get("source_document"));
        assertEquals("2", binhai.get("source_line"));
        assertEquals("https://gongkai.example.org/projects/362301-2025-001/", binhai.get("url"));

        Map<String, String> tianjin = rows.get(4);
        assertEquals("万元", tianjin.get("budget_unit"));
        assertEquals("6.00", tianjin.get("budget_total_printed"));
        assertEquals(0, new BigDecimal("60000").compareTo(new BigDecimal(tianjin.get("budget_total_yuan"))));
        assertEquals("60000.00", tianjin.get("budget_total_yuan"));

        Map<String, String> hengshui = rows.get(2);
        assertEquals("", hengshui.get("budget_unit"), "Hengshui tables print no amounts");
        assertEquals("", hengshui.get("budget_total_yuan"));
        assertEquals("1、实现对全市所有生态环境监测机构检查全覆盖\n2、引导检验检测机构能力持续提升，促进检验检测行业健康发展",
                hengshui.get("goals"), "multi-line goals survive the round trip");
        assertEquals("2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估", rows.get(3).get("name"));
    }

    @Test
    void everyCsvCellEqualsTheModel() throws IOException {
        Content content = ExportFixture.content();
        Map<String, Map<String, String>> byId = csv("data/projects.csv").stream()
                .collect(Collectors.toMap(r -> r.get("project_id"), r -> r));
        Map<String, List<Map<String, String>>> indicators = csv("data/indicators.csv").stream()
                .collect(Collectors.groupingBy(r -> r.get("project_id")));
        for (DepartmentYear dy : content.departmentYears()) {
            for (Project p : dy.projects()) {
                Map<String, String> row = byId.get(p.id());
                assertEquals(p.name(), FormulaGuard.unguard(row.get("name")));
                assertEquals(nullToEmpty(p.purpose()), FormulaGuard.unguard(row.get("purpose")));
                assertEquals(nullToEmpty(p.goals()), FormulaGuard.unguard(row.get("goals")));
                if (p.budget() != null) {
                    assertEquals(p.budget().total().value(), new BigDecimal(row.get("budget_total_printed")));
                    assertEquals(p.budget().total().yuan(), new BigDecimal(row.get("budget_total_yuan")));
                    assertEquals(p.budget().fiscal().yuan(), new BigDecimal(row.get("budget_fiscal_yuan")));
                }
                List<Map<String, String>> rows = indicators.getOrDefault(p.id(), List.of());
                assertEquals(p.indicators().size(), rows.size(), p.id());
                for (int i = 0; i < rows.size(); i++) {
                    Indicator ind = p.indicators().get(i);
                    Map<String, String> r = rows.get(i);
                    assertEquals(String.valueOf(i + 1), r.get("seq"));
                    assertEquals(ind.level1(), FormulaGuard.unguard(r.get("level1")));
                    assertEquals(ind.level3(), FormulaGuard.unguard(r.get("level3")));
                    assertEquals(nullToEmpty(ind.description()), FormulaGuard.unguard(r.get("description")));
                    assertEquals(ind.target(), FormulaGuard.unguard(r.get("target")));
                    assertEquals(nullToEmpty(ind.basis()), FormulaGuard.unguard(r.get("basis")));
                    assertEquals(ind.parsed().kind().name().toLowerCase(), r.get("target_kind"));
                    if (ind.parsed().value() != null) {
                        assertEquals(ind.parsed().value(), new BigDecimal(r.get("target_value")));
                    }
                }
            }
        }
    }

    @Test
    void indicatorsCarryPrintedTargetAndParsedColumns() throws IOException {
        List<List<String>> records = StrictCsvReader.read(file("data/indicators.csv"));
        assertEquals(List.of("project_id", "project_key", "project_name", "region", "department_code", "department_name", "year",
                "budget_total_yuan", "seq", "level1", "level2", "level3", "description", "target", "basis",
                "target_kind", "target_comparator", "target_value", "target_upper_value", "target_unit", "target_sign",
                "target_norm_value", "target_norm_upper_value", "target_norm_unit", "target_date", "target_end_date",
                "target_remark"), records.get(0));
        List<Map<String, String>> rows = csv("data/indicators.csv");
        Map<String, String> satisfaction = rows.stream()
                .filter(r -> r.get("project_id").equals("362301-2025-001") && r.get("seq").equals("6")).findFirst().orElseThrow();
        assertEquals("≥90百分比", satisfaction.get("target"));
        assertEquals("number", satisfaction.get("target_kind"));
        assertEquals("ge", satisfaction.get("target_comparator"));
        assertEquals("90", satisfaction.get("target_value"));
        assertEquals("%", satisfaction.get("target_unit"));
        assertEquals("≥", satisfaction.get("target_sign"));
        assertEquals("90", satisfaction.get("target_norm_value"));
        assertEquals("%", satisfaction.get("target_norm_unit"));
        // self-contained: the project's name, department, year and budget ride along
        assertEquals("2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）", satisfaction.get("project_name"));
        assertEquals("binhai", satisfaction.get("region"));
        assertEquals("362301", satisfaction.get("department_code"));
        assertEquals("天津市滨海新区生态环境保护综合行政执法支队", satisfaction.get("department_name"));
        assertEquals("2025", satisfaction.get("year"));
        assertEquals("2255000.00", satisfaction.get("budget_total_yuan"));
        // 万元 in a target becomes 元, exactly; other units stay as printed
        Map<String, String> wan = rows.stream()
                .filter(r -> r.get("project_id").equals("362303-2024-001") && r.get("target").equals("≤6万元"))
                .findFirst().orElseThrow();
        assertEquals(List.of("6", "万元", "≤", "60000", "元"), List.of(wan.get("target_value"), wan.get("target_unit"),
                wan.get("target_sign"), wan.get("target_norm_value"), wan.get("target_norm_unit")));
        Map<String, String> months = rows.stream()
                .filter(r -> r.get("project_id").equals("362303-2024-001") && r.get("target").equals("≤12个月"))
                .findFirst().orElseThrow();
        assertEquals(List.of("12", "个月"), List.of(months.get("target_norm_value"), months.get("target_norm_unit")));
        Map<String, String> period = rows.stream()
                .filter(r -> r.get("project_id").equals("362301-2025-001") && r.get("seq").equals("3")).findFirst().orElseThrow();
        assertEquals("2025.1.1-2025.12.31", period.get("target"));
        assertEquals("date_range", period.get("target_kind"));
        assertEquals("2025-01-01", period.get("target_date"));
        assertEquals("2025-12-31", period.get("target_end_date"));
        assertEquals(List.of("", ""), List.of(period.get("target_norm_value"), period.get("target_norm_unit")),
                "a date range has no number");
        Map<String, String> hengshui = rows.stream().filter(r -> r.get("project_id").equals("467-2020-002")).findFirst().orElseThrow();
        assertEquals("依项目方案要求", hengshui.get("basis"));
    }

    @Test
    void perProjectAndPerYearCsvs() throws IOException {
        List<List<String>> project = StrictCsvReader.read(file("projects/362303-2024-001.csv"));
        List<String> expectedHeader = new ArrayList<>(StrictCsvReader.read(file("data/projects.csv")).get(0));
        List<String> indicatorHeader = StrictCsvReader.read(file("data/indicators.csv")).get(0);
        expectedHeader.addAll(indicatorHeader.subList(indicatorHeader.indexOf("seq"), indicatorHeader.size()));
        assertEquals(expectedHeader, project.get(0));
        assertEquals(1 + 6, project.size(), "one row per indicator");
        assertEquals(List.of("4台", "100%", "≤12个月", "≤6万元", "<20mSv", "≥90%"),
                csv("projects/362303-2024-001.csv").stream().map(r -> r.get("target")).toList());
        assertEquals("60000.00", csv("projects/362303-2024-001.csv").get(4).get("budget_total_yuan"),
                "project fields repeated on every indicator row");

        List<Map<String, String>> year = csv("binhai/362301/2025.csv");
        assertEquals(List.of("362301-2025-001", "362301-2025-002"), year.stream().map(r -> r.get("project_id")).toList());
        assertEquals(StrictCsvReader.read(file("data/projects.csv")).get(0), StrictCsvReader.read(file("binhai/362301/2025.csv")).get(0));
    }

    @Test
    void departmentTablesAreConcatenatedWithKeysAndYuan() throws IOException {
        List<List<String>> units = StrictCsvReader.read(file("data/units.csv"));
        assertEquals(List.of("region", "department_code", "year", "name", "nature", "rank", "funding"), units.get(0));
        assertEquals(List.of("hengshui", "467", "2020", "衡水市生态环境局参公", "参公", "副处级", "财政性资金基本保证"), units.get(2));
        List<Map<String, String>> procurement = csv("data/procurement.csv");
        assertEquals(List.of("region", "department_code", "year", "project_name", "item_name", "catalog_code",
                "measure_unit", "quantity", "unit_price", "unit_price_yuan", "total", "total_yuan", "project_id"),
                StrictCsvReader.read(file("data/procurement.csv")).get(0));
        assertEquals("258.40", procurement.get(0).get("total"));
        assertEquals("2584000.00", procurement.get(0).get("total_yuan"));
        assertEquals("1.00", procurement.get(0).get("quantity"));
        assertEquals(List.of("procurement units"),
                csv("data/department_years.csv").stream().filter(r -> r.get("region").equals("hengshui"))
                        .map(r -> r.get("table_ids")).toList());
    }

    @Test
    void departmentYearsSumOnlyCompleteBudgets() throws IOException {
        Map<String, Map<String, String>> rows = csv("data/department_years.csv").stream()
                .collect(Collectors.toMap(r -> r.get("region") + "/" + r.get("department_code") + "/" + r.get("year"), r -> r));
        assertEquals(new BigDecimal("2679741.00"), new BigDecimal(rows.get("binhai/362301/2025").get("budget_total_yuan")));
        assertEquals("2", rows.get("binhai/362301/2025").get("project_count"));
        assertEquals("9", rows.get("binhai/362301/2025").get("indicator_count"));
        assertEquals("", rows.get("hengshui/467/2020").get("budget_total_yuan"));
        assertEquals("衡水市生态环境局2020年部门预算信息公开情况说明", rows.get("hengshui/467/2020").get("title"));
        List<Map<String, String>> departments = csv("data/departments.csv");
        assertEquals(List.of("binhai/362301", "hengshui/467", "tianjin/362101", "tianjin/362303"),
                departments.stream().map(r -> r.get("region") + "/" + r.get("department_code")).toList());
        assertEquals("天津市滨海新区", departments.get(0).get("region_name"));
        assertEquals("执法总队", departments.get(3).get("short_name"));
    }

    /**
     * An Excel twin is a BOM, a header of the columns' Chinese titles (from datapackage.json for the whole-dataset
     * files, the same Field titles for the others), then the canonical file's records byte for byte.
     */
    @Test
    void canonicalCsvsHaveNoBomAndExcelTwinsHaveABomChineseHeadersAndTheSameRecords() throws IOException {
        JsonNode pkg = MAPPER.readTree(file("data/datapackage.json"));
        Map<String, List<String>> titles = new java.util.HashMap<>();
        for (JsonNode r : pkg.get("resources")) {
            List<String> t = new ArrayList<>();
            r.get("schema").get("fields").forEach(f -> t.add(f.get("title").asText()));
            titles.put("data/" + r.get("path").asText(), t);
        }
        int checked = 0;
        for (WrittenFile f : written) {
            byte[] bytes = file(f.path());
            if (f.path().endsWith("-excel.csv")) {
                assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), f.path());
                String canonical = f.path().replace("-excel.csv", ".csv");
                List<List<String>> excelRecords = StrictCsvReader.read(Arrays.copyOfRange(bytes, 3, bytes.length));
                List<List<String>> canonicalRecords = StrictCsvReader.read(file(canonical));
                assertEquals(canonicalRecords.subList(1, canonicalRecords.size()), excelRecords.subList(1, excelRecords.size()),
                        f.path());
                String canonicalText = new String(file(canonical), StandardCharsets.UTF_8);
                String excelText = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
                assertEquals(canonicalText.substring(canonicalText.indexOf("\r\n")), excelText.substring(excelText.indexOf("\r\n")),
                        f.path() + ": records byte for byte");
                List<String> header = excelRecords.get(0);
                assertEquals(canonicalRecords.get(0).size(), header.size(), f.path());
                assertEquals(header.size(), new HashSet<>(header).size(), f.path() + ": unique headers " + header);
                for (String h : header) {
                    assertTrue(h.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                            f.path() + ": a Chinese header, not " + h);
                }
                if (titles.containsKey(canonical)) {
                    assertEquals(titles.get(canonical), header, f.path() + ": the datapackage titles");
                }
                checked++;
            } else if (f.path().endsWith(".csv")) {
                StrictCsvReader.read(bytes); // rejects a BOM, bare LF record ends, bad quoting
                assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\r\n"));
            } else {
                assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF, f.path() + " JSON without BOM");
            }
        }
        assertEquals(5 + 4 + 11, checked, "every CSV has its twin");
        assertEquals(List.of("项目编号", "跨年度项目键", "地区代码", "预算单位编码", "预算单位名称", "预算年度"),
                StrictCsvReader.read(Arrays.copyOfRange(file("binhai/362301/2025-excel.csv"), 3,
                        file("binhai/362301/2025-excel.csv").length)).get(0).subList(0, 6));
    }

    @Test
    void jsonIsStableUtf8AndRoundTripsWithJackson() throws IOException {
        byte[] bytes = file("data/all.json");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("\\u"), "no \\u escapes");
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("}\n"));
        assertTrue(text.startsWith("{\n  \"title\": \"公开 · 预算绩效目标开放数据\",\n"));
        JsonNode all = MAPPER.readTree(bytes);
        JsonNode years = all.get("department_years");
        assertEquals(4, years.size());
        assertEquals("binhai", years.get(0).get("region").asText());
        JsonNode project = years.get(3).get("projects").get(0);
        assertEquals("362303-2024-001", project.get("project_id").asText());
        assertTrue(project.get("budget_total_yuan").isTextual(), "money is a JSON string of an exact decimal");
        assertEquals("60000.00", project.get("budget_total_yuan").asText());
        assertEquals("6.00", project.get("budget_total_printed").asText());
        assertTrue(project.get("year").isInt());
        assertTrue(project.get("budget_other_yuan").isNull());
        assertEquals("<20mSv", project.get("indicators").get(4).get("target").asText());
        assertEquals("20", project.get("indicators").get(4).get("target_value").asText());

        // The per-project and per-year JSON are the same objects as in all.json.
        assertEquals(project, MAPPER.readTree(file("projects/362303-2024-001.json")));
        assertEquals(years.get(1), MAPPER.readTree(file("hengshui/467/2020.json")));
        JsonNode table = years.get(1).get("tables").get(1);
        assertEquals("procurement", table.get("id").asText());
        assertEquals("258.40", table.get("rows").get(0).get("total").asText());
        assertEquals("部门职责", years.get(1).get("sections").get(0).get("title").asText());
        assertEquals("procurement units", years.get(1).get("table_ids").asText());
        List<String> yearKeys = new ArrayList<>();
        years.get(1).fieldNames().forEachRemaining(yearKeys::add);
        assertEquals(List.of("region", "department_code", "year", "department_name", "title", "source_document",
                "document_url", "document_published", "project_count", "indicator_count", "budget_total_yuan", "table_ids", "url", "sections", "tables",
                "projects"), yearKeys);
        assertEquals("天津市滨海新区", all.get("regions").get(0).get("region_name").asText());
        assertEquals("tianjin", all.get("regions").get(0).get("region_parent").asText());
    }

    @Test
    void foreignAndPrimaryKeysHold() throws IOException {
        List<Map<String, String>> projects = csv("data/projects.csv");
        Set<String> projectIds = new HashSet<>();
        projects.forEach(p -> assertTrue(projectIds.add(p.get("project_id")), "unique project_id"));
        Set<String> indicatorKeys = new HashSet<>();
        for (Map<String, String> i : csv("data/indicators.csv")) {
            assertTrue(projectIds.contains(i.get("project_id")), i.get("project_id"));
            assertTrue(indicatorKeys.add(i.get("project_id") + "#" + i.get("seq")));
        }
        Set<String> departments = csv("data/departments.csv").stream()
                .map(d -> d.get("region") + "/" + d.get("department_code")).collect(Collectors.toSet());
        Set<String> years = csv("data/department_years.csv").stream()
                .map(d -> d.get("region") + "/" + d.get("department_code") + "/" + d.get("year")).collect(Collectors.toSet());
        for (Map<String, String> p : projects) {
            assertTrue(departments.contains(p.get("region") + "/" + p.get("department_code")));
            assertTrue(years.contains(p.get("region") + "/" + p.get("department_code") + "/" + p.get("year")));
        }
        for (String table : List.of("data/units.csv", "data/procurement.csv")) {
            for (Map<String, String> r : csv(table)) {
                assertTrue(years.contains(r.get("region") + "/" + r.get("department_code") + "/" + r.get("year")), table);
            }
        }
    }

    @Test
    void twoExportsAreByteIdentical(@TempDir Path other) throws IOException {
        List<WrittenFile> again = new DatasetExporter().export(ExportFixture.content(), other);
        assertEquals(written, again);
        for (WrittenFile f : written) {
            assertArrayEquals(file(f.path()), Files.readAllBytes(other.resolve(f.path())), f.path());
        }
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

}
