package gongkai.importer;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.DocumentFacts;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.content.TargetParser;
import gongkai.load.ContentLoader;
import gongkai.testing.TestSites;
import gongkai.load.LoadResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWriterTest {
    private static final Path SITE = TestSites.TEST_SITE;

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void writerReproducesTheHandWrittenFixtureFilesByteForByte() throws Exception {
        // The fixture files were written by hand from docs/content-format.md, so this checks the writer
        // against the contract (key order, quoting, block scalars, omitted blanks), not against itself.
        Content c = ContentLoader.load(SITE).content();
        assertEquals(read(SITE.resolve("site.yaml")), ContentWriter.siteYaml(c.site()));
        for (Region r : c.regions()) {
            assertEquals(read(SITE.resolve(r.slug()).resolve("region.yaml")), ContentWriter.regionYaml(r));
        }
        for (Department d : c.departments()) {
            assertEquals(read(SITE.resolve(d.regionSlug()).resolve(d.code()).resolve("department.yaml")),
                    ContentWriter.departmentYaml(d));
        }
        for (DepartmentYear dy : c.departmentYears()) {
            assertEquals(read(SITE.resolve(dy.regionSlug()).resolve(dy.departmentCode()).resolve(dy.year() + ".yaml")),
                    ContentWriter.yearYaml(dy));
        }
    }

    @Test
    void correctionsAndRetractionsAreWrittenAsTheHandWrittenFixtureHasThem() throws Exception {
        // an import never makes them, but a rewrite of a hand-edited file (import --force, tools) must keep them
        Path corrections = Path.of("generator/src/test/resources/sites/corrections");
        Content c = ContentLoader.load(corrections).content();
        DepartmentYear dy = c.departmentYears().get(0);
        assertEquals(4, dy.corrections().size() + dy.projects().get(0).corrections().size());
        assertEquals(1, dy.retracted().size());
        assertEquals(read(corrections.resolve("tianjin/362303/2024.yaml")), ContentWriter.yearYaml(dy));
    }

    /** A department-year full of awkward values: every one must come back exactly. */
    private static DepartmentYear awkwardYear() {
        String doc = "001_88a8ef7fc06e4953.txt";
        List<Indicator> indicators = new ArrayList<>();
        for (String target : List.of("≥90%", "100", "yes", "- 项", "*重要*", "a: b", "时间 #1", " 前后空格 ", "~")) {
            indicators.add(new Indicator("产出指标", "数量指标", "指标" + target, null, target, "依据: 合同",
                    TargetParser.parse(target)));
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", "'引号'");
        row.put("count", "12");
        row.put("amount", "0.50");
        Map<String, String> blankRow = new LinkedHashMap<>();
        blankRow.put("name", null);
        blankRow.put("count", null);
        blankRow.put("amount", null);
        DataTable table = new DataTable("t", "表", List.of(
                new Column("name", "名称", ColumnType.STRING, null),
                new Column("count", "数量", ColumnType.INTEGER, null),
                new Column("amount", "金额", ColumnType.DECIMAL, "万元")),
                List.of(row, blankRow), "注：\n  缩进行\n", new SourceRef(doc, "表", 9));
        Project p1 = new Project("362303-2024-001", "项目一",
                new Budget(MoneyUnit.WAN_YUAN, Amount.of("6.00", MoneyUnit.WAN_YUAN), Amount.of("6.00", MoneyUnit.WAN_YUAN),
                        Amount.of("0.00", MoneyUnit.WAN_YUAN)),
                "用途\n\n\n", "  以空格开头\n第二行", indicators, new SourceRef(doc, "1.项目一", 1));
        Project p2 = new Project("362303-2024-002", "true", new Budget(MoneyUnit.YUAN, null, null, null),
                null, "\n前导空行", List.of(), new SourceRef(doc, null, 3));
        return new DepartmentYear("tianjin", "362303", 2024, "标题", doc,
                List.of(new Section("s", "部门职责", "（一）职责。\n", new SourceRef(doc, "一、", 5))),
                List.of(table), List.of(p1, p2));
    }

    /** Hand-written facts about the document survive a rewrite and a re-import of the same document, not of another. */
    @Test
    void documentFactsAreWrittenAfterTheDocumentAndKeptByAReimportOfIt() {
        DepartmentYear plain = awkwardYear();
        DocumentFacts facts = new DocumentFacts("https://sthj.tj.gov.cn/公开/2024.docx?id=1&t=2",
                java.time.LocalDate.of(2024, 2, 5), "tianjin/362303/2024.docx");
        DepartmentYear withFacts = new DepartmentYear(plain.regionSlug(), plain.departmentCode(), plain.year(),
                plain.title(), plain.document(), plain.sections(), plain.tables(), plain.projects(), List.of(), List.of(),
                facts);
        String yaml = ContentWriter.yearYaml(withFacts);
        assertTrue(yaml.contains("\ndocument: " + plain.document() + "\ndocument_url: https://sthj.tj.gov.cn/公开/2024.docx?id=1&t=2\n"
                + "document_published: 2024-02-05\ndocument_original: tianjin/362303/2024.docx\n"), yaml);
        assertEquals(facts, ContentLoader.parseYear(yaml, "2024.yaml", "tianjin", "362303", 2024).documentFacts());
        assertEquals(facts, IdReconciler.reconcile(withFacts, plain).year().documentFacts(), "the same document");
        DepartmentYear other = new DepartmentYear(plain.regionSlug(), plain.departmentCode(), plain.year(), plain.title(),
                "tianjin/362303/2024-revised.txt", plain.sections(), plain.tables(), plain.projects());
        assertEquals(DocumentFacts.NONE, IdReconciler.reconcile(withFacts, other).year().documentFacts(), "another document");
    }

    @Test
    void writeThenLoadGivesTheSameModelAndWritingTwiceTheSameBytes(@TempDir Path dir) throws Exception {
        DepartmentYear dy = awkwardYear();
        Department dept = new Department("tianjin", "362303", "天津市生态环境保护综合行政执法总队", null, "说明：\n- 一\n- 二");
        Region region = new Region("tianjin", "天津市", null);
        SiteConfig site = new SiteConfig("站点", "说明", "发布者", "CC BY 4.0", null, "https://example.org/");
        Files.writeString(dir.resolve("site.yaml"), ContentWriter.siteYaml(site));
        ContentWriter.writeImport(dir, new ImportedDocument(List.of(region), List.of(dept), List.of(dy), List.of()), false);

        LoadResult loaded = ContentLoader.load(dir);
        assertEquals(List.of(), loaded.errors());
        assertEquals(site, loaded.content().site());
        assertEquals(List.of(region), loaded.content().regions());
        assertEquals(List.of(dept), loaded.content().departments());
        assertEquals(List.of(dy), loaded.content().departmentYears());
        assertEquals(ContentWriter.yearYaml(dy), ContentWriter.yearYaml(loaded.content().departmentYears().get(0)));
        assertEquals(ContentWriter.yearYaml(dy), ContentWriter.yearYaml(awkwardYear()));

        String text = read(dir.resolve("tianjin/362303/2024.yaml"));
        assertFalse(text.contains("\\u"), "Chinese is written raw");
        assertFalse(text.contains("\r"));
        assertTrue(text.contains("      total: 6.00\n      fiscal: 6.00\n      other: 0.00\n"), text);
        assertTrue(text.contains("department: '362303'\nyear: 2024\n"), text);
        assertFalse(text.contains("parsed"), "the parsed target is derived on load, never written");
    }

    private static ImportedDocument tianjinImport(String projectName) {
        String doc = "001_88a8ef7fc06e4953.txt";
        Project p = new Project("362303-2024-001", projectName,
                new Budget(MoneyUnit.WAN_YUAN, Amount.of("6.00", MoneyUnit.WAN_YUAN), Amount.of("6.00", MoneyUnit.WAN_YUAN), null),
                null, null, List.of(new Indicator("产出指标", "数量指标", "购置设备数量", "辐射检测报警设备", "4台", null,
                        TargetParser.parse("4台"))), new SourceRef(doc, "1." + projectName + "绩效目标表", 1));
        return new ImportedDocument(List.of(new Region("tianjin", "天津市", null)),
                List.of(new Department("tianjin", "362303", "天津市生态环境保护综合行政执法总队", null, null)),
                List.of(new DepartmentYear("tianjin", "362303", 2024, null, doc, List.of(), List.of(), List.of(p))),
                List.of());
    }

    @Test
    void importNeverOverwritesEditedRegionOrDepartmentFiles(@TempDir Path dir) throws Exception {
        Path dept = dir.resolve("tianjin/362303/department.yaml");
        Files.createDirectories(dept.getParent());
        String edited = "code: '362303'\nname: 天津市生态环境保护综合行政执法总队\nshort_name: 执法总队\n";
        Files.writeString(dept, edited);

        ContentWriter.ImportWrite result = ContentWriter.writeImport(dir, tianjinImport("项目"), false);
        assertEquals(edited, read(dept));
        assertEquals(List.of(dir.resolve("tianjin/region.yaml"), dir.resolve("tianjin/362303/2024.yaml")), result.written());
        assertEquals(List.of(dept), result.unchanged());

        // Re-importing the same document: nothing to write.
        ContentWriter.ImportWrite again = ContentWriter.writeImport(dir, tianjinImport("项目"), false);
        assertEquals(List.of(), again.written());
        assertEquals(3, again.unchanged().size());
    }

    @Test
    void changedYearFileIsAConflictUnlessForcedAndConflictsWriteNothing(@TempDir Path dir) throws Exception {
        ContentWriter.writeImport(dir, tianjinImport("项目"), false);
        Path year = dir.resolve("tianjin/362303/2024.yaml");
        byte[] before = Files.readAllBytes(year);
        Files.delete(dir.resolve("tianjin/region.yaml"));

        ContentConflictException e = assertThrows(ContentConflictException.class,
                () -> ContentWriter.writeImport(dir, tianjinImport("改过的项目"), false));
        assertEquals(List.of(year), e.conflicts());
        assertTrue(e.getMessage().startsWith(year + ": 文件已被手工修改过"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(year));
        assertFalse(Files.exists(dir.resolve("tianjin/region.yaml")), "a conflict writes nothing at all");

        ContentWriter.writeImport(dir, tianjinImport("改过的项目"), true);
        assertTrue(read(year).contains("name: 改过的项目\n"));
        try (Stream<Path> files = Files.list(year.getParent())) {
            assertEquals(List.of("2024.yaml", "department.yaml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void amountsAreWrittenAsPlainStringsKeepingScale() {
        Budget b = new Budget(MoneyUnit.YUAN, new Amount(new BigDecimal("2255000.00"), MoneyUnit.YUAN),
                new Amount(new BigDecimal("1E+2"), MoneyUnit.YUAN), null);
        Project p = new Project("1-2024-001", "x", b, null, null, List.of(), null);
        String yaml = ContentWriter.yearYaml(new DepartmentYear("r", "1", 2024, null, null, List.of(), List.of(), List.of(p)));
        assertEquals("department: '1'\nyear: 2024\nprojects:\n  - id: 1-2024-001\n    name: x\n    budget:\n"
                + "      unit: 元\n      total: 2255000.00\n      fiscal: 100\n    indicators: []\n", yaml);
    }
}
