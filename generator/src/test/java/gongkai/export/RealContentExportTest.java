package gongkai.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.load.LoadResult;
import gongkai.content.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exporter on the repository's real content/ (the five imported seed documents). */
@Tag("slow")
class RealContentExportTest {
    @TempDir
    static Path site;
    static Content content;
    static List<WrittenFile> written;

    @BeforeAll
    static void export() throws IOException {
        LoadResult loaded = ContentLoader.load(Path.of("content"));
        assertTrue(loaded.ok(), () -> "content/ does not load: " + loaded.errors());
        content = loaded.content();
        written = new DatasetExporter().export(content, site);
    }

    @Test
    void datapackageValidatesAndEveryResourceConforms() throws IOException {
        int references = DataPackageTest.assertFilesConform(site);
        int indicators = content.departmentYears().stream().flatMap(y -> y.projects().stream())
                .mapToInt(p -> p.indicators().size()).sum();
        assertTrue(references >= indicators, "every indicator row's project_id was checked: " + references);
    }

    @Test
    void dataGuideDocumentsEveryColumnIncludingEveryTableKind() throws IOException {
        DataGuideTest.assertGuideDocuments(site, true);
    }

    /**
     * procurement.csv names the project of each 采购项目 line whose 项目名称 is a project of the same year (the
     * Hengshui document prints names only): the id exists, the names agree, and only item rows carry one.
     */
    @Test
    void procurementLinesCarryTheProjectIdTheyName() throws IOException {
        Map<String, Map<String, String>> projects = StrictCsvReader.rows(Files.readAllBytes(site.resolve("data/projects.csv")))
                .stream().collect(Collectors.toMap(r -> r.get("project_id"), r -> r));
        List<Map<String, String>> lines = StrictCsvReader.rows(Files.readAllBytes(site.resolve("data/procurement.csv")));
        java.util.Set<String> linked = new java.util.TreeSet<>();
        int withId = 0;
        for (Map<String, String> line : lines) {
            String id = line.get("project_id");
            if (id.isEmpty()) {
                continue;
            }
            withId++;
            assertEquals("item", line.get("row_type"), id);
            Map<String, String> project = projects.get(id);
            assertTrue(project != null, "unknown project " + id);
            assertEquals(project.get("name"), line.get("project_name"), id);
            assertEquals(line.get("year"), project.get("year"), id);
            assertEquals(line.get("department_code"), project.get("department_code"), id);
            linked.add(id);
        }
        // every item line whose name is a project name of its year has the id (none is missed)
        java.util.Set<String> names = new java.util.HashSet<>();
        projects.values().forEach(p -> names.add(p.get("department_code") + "/" + p.get("year") + "/" + p.get("name")));
        long nameable = lines.stream().filter(l -> "item".equals(l.get("row_type")))
                .filter(l -> names.contains(l.get("department_code") + "/" + l.get("year") + "/" + l.get("project_name"))).count();
        assertEquals(nameable, withId);
        assertEquals(20, linked.size(), "projects with procurement lines (as shown on their pages)");
    }

    @Test
    void csvRowsEqualTheLoadedModel() throws IOException {
        Map<String, Map<String, String>> projects = StrictCsvReader.rows(Files.readAllBytes(site.resolve("data/projects.csv")))
                .stream().collect(Collectors.toMap(r -> r.get("project_id"), r -> r));
        Map<String, List<Map<String, String>>> indicators = StrictCsvReader.rows(
                Files.readAllBytes(site.resolve("data/indicators.csv"))).stream()
                .collect(Collectors.groupingBy(r -> r.get("project_id")));
        int count = 0;
        int moneyTargets = 0;
        for (DepartmentYear dy : content.departmentYears()) {
            for (Project p : dy.projects()) {
                count++;
                Map<String, String> row = projects.get(p.id());
                assertEquals(p.name(), FormulaGuard.unguard(row.get("name")), p.id());
                assertEquals(p.goals() == null ? "" : p.goals(), FormulaGuard.unguard(row.get("goals")), p.id());
                assertEquals(p.purpose() == null ? "" : p.purpose(), FormulaGuard.unguard(row.get("purpose")), p.id());
                if (p.budget() != null && p.budget().total() != null) {
                    assertEquals(p.budget().unit().label(), row.get("budget_unit"));
                    assertEquals(p.budget().total().value().toPlainString(), row.get("budget_total_printed"), p.id());
                    assertEquals(0, p.budget().total().yuan().compareTo(new BigDecimal(row.get("budget_total_yuan"))), p.id());
                }
                List<Map<String, String>> rows = indicators.getOrDefault(p.id(), List.of());
                assertEquals(p.indicators().size(), rows.size(), p.id());
                for (int i = 0; i < rows.size(); i++) {
                    Indicator ind = p.indicators().get(i);
                    assertEquals(ind.target(), FormulaGuard.unguard(rows.get(i).get("target")), p.id() + " #" + (i + 1));
                    assertEquals(ind.level3(), FormulaGuard.unguard(rows.get(i).get("level3")), p.id() + " #" + (i + 1));
                    // indicators.csv stands alone: the project's own cells ride along on every row
                    Map<String, String> r = rows.get(i);
                    for (String[] same : new String[][] {{"project_key", "project_key"}, {"project_name", "name"}, {"region", "region"},
                            {"department_code", "department_code"}, {"department_name", "department_name"},
                            {"year", "year"}, {"budget_total_yuan", "budget_total_yuan"}}) {
                        assertEquals(row.get(same[1]), r.get(same[0]), p.id() + " #" + (i + 1) + " " + same[0]);
                    }
                    if (r.get("target_unit").startsWith("万元")) {
                        moneyTargets++;
                        assertEquals(new BigDecimal(r.get("target_value")).multiply(BigDecimal.valueOf(10000)),
                                new BigDecimal(r.get("target_norm_value")), r.get("target"));
                        assertEquals("元" + r.get("target_unit").substring(2), r.get("target_norm_unit"), r.get("target"));
                    }
                }
                assertTrue(written.stream().anyMatch(f -> f.path().equals("projects/" + p.id() + "-excel.csv")));
            }
        }
        assertEquals(count, projects.size());
        assertTrue(moneyTargets >= 5, "targets printed in 万元 (≤90.8万元, ≤6.5万元/人/年 …): " + moneyTargets);
    }

    @Test
    void jsonRoundTripsAndTwoExportsAreIdentical(@TempDir Path other) throws IOException {
        JsonNode all = new ObjectMapper().readTree(site.resolve("data/all.json").toFile());
        assertEquals(content.departmentYears().size(), all.get("department_years").size());
        List<WrittenFile> again = new DatasetExporter().export(content, other);
        assertEquals(written, again);
        for (WrittenFile f : written) {
            assertArrayEquals(Files.readAllBytes(site.resolve(f.path())), Files.readAllBytes(other.resolve(f.path())), f.path());
        }
    }
}
