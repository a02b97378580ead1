package gongkai.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.tools.ToolsMain;
import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.content.DataTable;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.load.LoadResult;
import gongkai.content.MoneyUnit;
import gongkai.content.ProcurementLinks;
import gongkai.content.Project;
import gongkai.content.Region;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthetic trees made from the committed content: exact size, same bytes for the same seed, valid, varied. */
@Tag("slow")
class SampleGeneratorTest {
    private static Content real;

    @BeforeAll
    static void loadRealContent() throws IOException {
        LoadResult result = ContentLoader.load(Path.of("content"));
        assertTrue(result.ok(), "committed content loads: " + result.errors());
        real = result.content();
    }

    private static Content loadClean(Path dir) throws IOException {
        LoadResult result = ContentLoader.load(dir);
        assertEquals(List.of(), result.errors(), "errors");
        assertEquals(List.of(), result.warnings(), "warnings");
        return result.content();
    }

    private static int projectCount(Content c) {
        return c.departmentYears().stream().mapToInt(dy -> dy.projects().size()).sum();
    }

    // 3 is less than one department-year (at least 5 unless cut), 997 and 1301 are primes.
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 997, 1301})
    void writesExactlyTheRequestedNumberOfProjects(int n, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("sample");
        SampleGenerator.Summary summary = SampleGenerator.generate(real, out, n, 42, line -> { });
        Content c = loadClean(out);
        assertEquals(n, projectCount(c));
        assertEquals(n, summary.projects());
        assertEquals(c.departmentYears().size(), summary.departmentYears());
        assertEquals(c.departments().size(), summary.departments());
        assertEquals(c.regions().size(), summary.regions());
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(summary.files(), files.filter(Files::isRegularFile).count(), "files counted");
        }
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
        SampleGenerator.generate(real, tmp.resolve("a"), 600, 7, line -> { });
        SampleGenerator.generate(real, tmp.resolve("b"), 600, 7, line -> { });
        SampleGenerator.generate(real, tmp.resolve("c"), 600, 8, line -> { });
        Map<String, byte[]> a = tree(tmp.resolve("a"));
        Map<String, byte[]> b = tree(tmp.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String rel : a.keySet()) {
            assertArrayEquals(a.get(rel), b.get(rel), rel);
        }
        Map<String, byte[]> c = tree(tmp.resolve("c"));
        assertFalse(a.keySet().equals(c.keySet())
                && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), c.get(k))), "seed 8 differs from seed 7");
    }

    private static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void twoThousandProjectsValidateAndLookLikeTheRealThing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("sample");
        SampleGenerator.generate(real, out, 2000, 1, line -> { });
        Content c = loadClean(out);
        assertEquals(2000, projectCount(c));
        assertTrue(c.regions().size() >= 3, "regions: " + c.regions().size());
        assertTrue(c.departments().size() >= 10, "departments: " + c.departments().size());
        assertTrue(c.regions().stream().anyMatch(r -> r.parent() != null), "some regions lie in others");
        Set<String> realRegionNames = real.regions().stream().map(Region::name).collect(Collectors.toSet());
        for (Region r : c.regions()) {
            assertTrue(r.slug().matches("region-[0-9]{4}"), r.slug());
            assertTrue(r.name().matches("[\\u4e00-\\u9fff]+[市区县]"), r.name());
            assertFalse(realRegionNames.contains(r.name()), r.name());
        }
        Set<String> codes = c.departments().stream().map(d -> d.code()).collect(Collectors.toSet());
        assertEquals(c.departments().size(), codes.size(), "department codes are unique");
        assertTrue(codes.stream().allMatch(code -> code.matches("[1-9][0-9]{5}")), "six-digit codes");
        assertEquals(List.of(), c.pages().stream().map(p -> p.slug()).filter(s -> real.pages().stream().noneMatch(r -> r.slug().equals(s))).toList());
        assertEquals(real.pages().size(), c.pages().size(), "the real pages are copied");
        assertEquals(real.site(), c.site());

        // Real (一级, 二级) pairs only: indicator rows are taken from real rows.
        Set<String> realSlots = real.departmentYears().stream().flatMap(dy -> dy.projects().stream())
                .flatMap(p -> p.indicators().stream()).map(Vocabulary::slot).collect(Collectors.toSet());
        int withBudget = 0;
        int withoutBudget = 0;
        int withBasis = 0;
        Set<MoneyUnit> units = new java.util.TreeSet<>();
        Set<Integer> years = new java.util.TreeSet<>();
        for (DepartmentYear dy : c.departmentYears()) {
            years.add(dy.year());
            assertTrue(dy.projects().size() <= 90, "at most 90 projects in " + dy.departmentCode() + "/" + dy.year());
            assertTrue(dy.document() != null && dy.document().endsWith(".txt"));
            assertEquals(dy.projects().size(), dy.projects().stream().map(Project::name).distinct().count(),
                    "project names are unique within a department-year");
            for (Project p : dy.projects()) {
                assertFalse(p.indicators().isEmpty());
                for (Indicator i : p.indicators()) {
                    assertTrue(realSlots.contains(Vocabulary.slot(i)), i.level1() + "/" + i.level2());
                    withBasis += i.basis() != null ? 1 : 0;
                }
                if (p.budget() == null) {
                    withoutBudget++;
                    assertNull(p.purpose(), "the Hengshui shape has no 资金用途");
                } else {
                    withBudget++;
                    units.add(p.budget().unit());
                    assertEquals(2, p.budget().total().value().scale(), "amounts keep fen: " + p.budget().total());
                }
            }
        }
        assertTrue(withBudget > 0 && withoutBudget > 0, withBudget + " with budget, " + withoutBudget + " without");
        assertTrue(withBasis > 0, "Hengshui-shaped indicators carry 指标值确定依据");
        assertEquals(Set.of(MoneyUnit.YUAN, MoneyUnit.WAN_YUAN), units);
        assertTrue(years.size() >= 4 && years.stream().allMatch(y -> y >= 2019 && y <= 2026), years.toString());
    }

    @Test
    void departmentTablesAddUpAndProcurementNamesProjects(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("sample");
        SampleGenerator.generate(real, out, 2000, 3, line -> { });
        Content c = loadClean(out);
        List<DepartmentYear> withTables = c.departmentYears().stream().filter(dy -> !dy.tables().isEmpty()).toList();
        assertFalse(withTables.isEmpty(), "some department-years carry tables");
        int linked = 0;
        for (DepartmentYear dy : withTables) {
            assertFalse(dy.sections().isEmpty(), "prose sections come with the tables");
            Set<String> ids = dy.tables().stream().map(DataTable::id).collect(Collectors.toSet());
            assertTrue(ids.containsAll(Set.of("units", "budget_totals", "procurement", "assets", "glossary")), ids.toString());
            DataTable procurement = table(dy, "procurement");
            BigDecimal items = BigDecimal.ZERO;
            BigDecimal subtotals = BigDecimal.ZERO;
            BigDecimal total = null;
            for (Map<String, String> row : procurement.rows()) {
                switch (row.get("row_type")) {
                    case "item" -> {
                        BigDecimal line = new BigDecimal(row.get("quantity")).multiply(new BigDecimal(row.get("unit_price")));
                        assertEquals(0, line.compareTo(new BigDecimal(row.get("total"))), "quantity × unit price = total");
                        assertTrue(new BigDecimal(row.get("budget")).compareTo(new BigDecimal(row.get("total"))) >= 0);
                        items = items.add(new BigDecimal(row.get("total")));
                    }
                    case "subtotal" -> subtotals = subtotals.add(new BigDecimal(row.get("total")));
                    case "total" -> total = new BigDecimal(row.get("total"));
                    default -> throw new AssertionError(row);
                }
            }
            assertEquals(0, items.compareTo(subtotals), "items add up to the subtotals");
            assertEquals(0, items.compareTo(total), "items add up to the total");
            linked += ProcurementLinks.forDepartmentYear(dy).size();
            // The prose quotes the synthetic figures, not the real document's.
            assertTrue(section(dy, "procurement").contains("政府采购预算" + total.toPlainString() + "万元"),
                    section(dy, "procurement"));
            String threePublicTotal = table(dy, "three_public").rows().get(0).get("amount");
            assertTrue(section(dy, "three_public").contains("预算安排" + threePublicTotal + "万元"), section(dy, "three_public"));

            Map<String, BigDecimal> totals = amounts(table(dy, "budget_totals"));
            assertEquals(0, totals.get("基本支出").add(totals.get("项目支出")).add(totals.get("其他支出"))
                    .compareTo(totals.get(dy.year() + "年支出预算")));
            assertEquals(0, totals.get("人员经费").add(totals.get("日常公用经费")).compareTo(totals.get("基本支出")));
            Map<String, BigDecimal> assets = new TreeMap<>();
            for (Map<String, String> row : table(dy, "assets").rows()) {
                if (row.get("value") != null) {
                    assets.put(row.get("item"), new BigDecimal(row.get("value")));
                }
            }
            BigDecimal parts = assets.entrySet().stream().filter(e -> e.getKey().matches("[0-9]+、.*"))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, parts.compareTo(assets.get("资产总额")), "asset classes add up to 资产总额");
            assertEquals(table(real.departmentYears().stream().filter(r -> !r.tables().isEmpty()).findFirst().orElseThrow(),
                    "glossary").rows(), table(dy, "glossary").rows(), "the glossary is the real one");
        }
        assertTrue(linked > 0, "procurement rows name projects of their department-year");
    }

    private static String section(DepartmentYear dy, String id) {
        return dy.sections().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id)).markdown();
    }

    private static DataTable table(DepartmentYear dy, String id) {
        return dy.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static Map<String, BigDecimal> amounts(DataTable t) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (Map<String, String> row : t.rows()) {
            if (row.get("amount") != null) {
                m.putIfAbsent(row.get("item"), new BigDecimal(row.get("amount")));
            }
        }
        return m;
    }

    @Test
    void commandWritesATreeAndRefusesANonEmptyDirectory(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("sample");
        assertEquals(0, ToolsMain.execute("sample", "--projects", "25", "--out", out.toString(), "--seed", "5"));
        assertEquals(25, projectCount(loadClean(out)));
        assertEquals(2, ToolsMain.execute("sample", "--projects", "25", "--out", out.toString()));
        assertThrows(IOException.class, () -> SampleGenerator.generate(real, out, 1, 1, line -> { }));
        assertNotEquals(0, ToolsMain.execute("sample", "--out", tmp.resolve("other").toString()), "--projects is required");
    }

    @Test
    void yearsInTextMoveWithTheSyntheticYear() {
        assertEquals("2024年度天津市项目（2025-2026年）", SampleGenerator.shiftYears("2023年度天津市项目（2024-2025年）", 1));
        assertEquals("PM2.5浓度55853.63平方米", SampleGenerator.shiftYears("PM2.5浓度55853.63平方米", 3));
    }
}
