package gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.cli.SitePipelines;
import gongkai.content.Column;
import gongkai.content.DataTable;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Section;
import gongkai.pipeline.BuildOptions;
import gongkai.testing.HostileSite;
import gongkai.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloads of the hostile site ({@link HostileSite}): JSON keeps every text exactly (the U+2028/U+2029,
 * the RTL override, the markup), and no text cell of any CSV starts a spreadsheet formula, while the guard
 * comes off to give the text back.
 */
class HostileDownloadsTest {
    @TempDir
    static Path tmp;
    static Path site;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void build() throws Exception {
        Path content = HostileSite.write(tmp.resolve("content"));
        site = tmp.resolve("site");
        SitePipelines.standard(BuildOptions.of(content, TestSites.defaultTheme(), site, line -> { })).run();
    }

    @Test
    void jsonKeepsEveryTextExactly() throws Exception {
        Project p = HostileSite.YEAR_FILE.projects().get(0);
        JsonNode project = JSON.readTree(site.resolve("projects/" + p.id() + ".json").toFile());
        assertEquals(p.name(), project.get("name").textValue());
        assertEquals(p.purpose(), project.get("purpose").textValue());
        assertEquals(p.goals(), project.get("goals").textValue());
        assertEquals(p.source().heading(), project.get("source_heading").textValue());
        assertEquals(HostileSite.DEPARTMENT.name(), project.get("department_name").textValue());
        for (int i = 0; i < p.indicators().size(); i++) {
            Indicator expected = p.indicators().get(i);
            JsonNode actual = project.get("indicators").get(i);
            assertEquals(expected.level1(), actual.get("level1").textValue());
            assertEquals(expected.level2(), actual.get("level2").textValue());
            assertEquals(expected.level3(), actual.get("level3").textValue());
            assertEquals(expected.description(), actual.get("description").textValue());
            assertEquals(expected.target(), actual.get("target").textValue());
            assertEquals(expected.basis(), actual.get("basis").textValue());
        }

        JsonNode year = JSON.readTree(site.resolve(HostileSite.REGION + "/" + HostileSite.CODE + "/" + HostileSite.YEAR + ".json").toFile());
        assertEquals(HostileSite.YEAR_FILE.title(), year.get("title").textValue());
        Section section = HostileSite.YEAR_FILE.sections().get(0);
        assertEquals(section.title(), year.get("sections").get(0).get("title").textValue());
        assertEquals(section.markdown(), year.get("sections").get(0).get("markdown").textValue());
        DataTable table = HostileSite.YEAR_FILE.tables().get(0);
        JsonNode t = year.get("tables").get(0);
        assertEquals(table.title(), t.get("title").textValue());
        assertEquals(table.note(), t.get("note").textValue());
        assertEquals(table.source().heading(), t.get("source_heading").textValue());
        for (int c = 0; c < table.columns().size(); c++) {
            Column column = table.columns().get(c);
            assertEquals(column.title(), t.get("columns").get(c).get("title").textValue());
            assertEquals(column.unit(), t.get("columns").get(c).get("unit").textValue());
        }
        for (int r = 0; r < table.rows().size(); r++) {
            for (Map.Entry<String, String> cell : table.rows().get(r).entrySet()) {
                assertEquals(cell.getValue(), t.get("rows").get(r).get(cell.getKey()).asText(), cell.getKey());
            }
        }

        JsonNode dataPackage = JSON.readTree(site.resolve("data/datapackage.json").toFile());
        assertEquals(HostileSite.SITE.title(), dataPackage.get("title").textValue());
        assertTrue(dataPackage.get("description").textValue().startsWith(HostileSite.SITE.description()));
        assertEquals(HostileSite.LICENCE_URL, dataPackage.get("licenses").get(0).get("path").textValue());
    }

    @Test
    void noCsvTextCellStartsAFormulaAndTheGuardComesOffExactly() throws Exception {
        // Column types from datapackage.json: numbers (a negative amount) are never guarded.
        Map<String, String> types = new HashMap<>();
        for (JsonNode resource : JSON.readTree(site.resolve("data/datapackage.json").toFile()).get("resources")) {
            for (JsonNode field : resource.get("schema").get("fields")) {
                types.put(field.get("name").textValue(), field.get("type").textValue());
            }
        }
        List<Path> csvs;
        try (Stream<Path> files = Files.walk(site)) {
            csvs = files.filter(f -> f.toString().endsWith(".csv") && !f.toString().endsWith("-excel.csv")).sorted().toList();
        }
        assertTrue(csvs.size() >= 8, csvs.toString());
        List<String> unguarded = new ArrayList<>();
        Map<String, List<String>> texts = new HashMap<>();
        for (Path csv : csvs) {
            byte[] bytes = Files.readAllBytes(csv);
            Path excel = csv.resolveSibling(csv.getFileName().toString().replace(".csv", "-excel.csv"));
            // the twin: a BOM and a header of titles, then the same records (guarded as here)
            byte[] twin = Files.readAllBytes(excel);
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(twin, 3), excel.toString());
            List<List<String>> records = StrictCsvReader.read(bytes);
            List<List<String>> twinRecords = StrictCsvReader.read(java.util.Arrays.copyOfRange(twin, 3, twin.length));
            assertEquals(records.subList(1, records.size()), twinRecords.subList(1, twinRecords.size()), excel.toString());
            for (String title : twinRecords.get(0)) {
                if (!title.isEmpty() && "=+-@\t\r".indexOf(title.charAt(0)) >= 0) {
                    unguarded.add(site.relativize(excel) + ": header " + title);
                }
            }
            List<String> header = records.get(0);
            for (List<String> record : records.subList(1, records.size())) {
                for (int i = 0; i < header.size(); i++) {
                    String cell = record.get(i);
                    if ("number".equals(types.get(header.get(i))) || "integer".equals(types.get(header.get(i)))) {
                        continue;
                    }
                    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                        unguarded.add(site.relativize(csv) + ": " + header.get(i) + ": " + cell);
                    }
                    texts.computeIfAbsent(header.get(i), k -> new ArrayList<>()).add(FormulaGuard.unguard(cell));
                }
            }
        }
        assertEquals(List.of(), unguarded);

        // the guarded cells read back as the content's text
        Project formula = HostileSite.YEAR_FILE.projects().get(1);
        assertTrue(texts.get("name").contains(formula.name()), formula.name());
        assertTrue(texts.get("purpose").contains("@SUM(1+1)"));
        assertTrue(texts.get("goals").contains(formula.goals()));
        assertTrue(texts.get("source_heading").contains("+出处"));
        assertTrue(texts.get("description").contains(HostileSite.FORMULA));
        assertTrue(texts.get("target").contains("=1+1"));
        assertTrue(texts.get("basis").contains("-2+3"));
        assertTrue(texts.get("item").contains("@SUM(1+1)*cmd|' /C calc'!A0"));
        assertTrue(texts.get("formula").containsAll(List.of(HostileSite.FORMULA, "+1+1")));
        // and the hostile text elsewhere is exact, separators and RTL override included
        assertTrue(texts.get("department_name").contains(HostileSite.DEPARTMENT.name()));
        assertTrue(texts.get("short_name").contains(HostileSite.DEPARTMENT.shortName()));
        List<List<String>> table = StrictCsvReader.read(Files.readAllBytes(site.resolve("data/hostile_table.csv")));
        assertEquals("-3.00", table.get(2).get(table.get(0).indexOf("amount")), "numbers are not guarded");
    }
}
