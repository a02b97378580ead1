package gongkai.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** content/pages/data-guide.md documents every column and JSON key the exporter writes. */
class DataGuideTest {
    static final Path GUIDE = Path.of("content/pages/data-guide.md");
    static final ObjectMapper MAPPER = new ObjectMapper();

    static String guide() throws IOException {
        return Files.readString(GUIDE, StandardCharsets.UTF_8);
    }

    /** The rows of the first Markdown table after the "### " heading that names {@code `<file>`}: [name, type]. */
    static List<List<String>> documentedColumns(String guide, String file) {
        Matcher heading = Pattern.compile("\n#{3,4} [^\n]*`" + Pattern.quote(file) + "`").matcher(guide);
        if (!heading.find()) {
            return null;
        }
        int at = heading.start();
        List<List<String>> columns = new ArrayList<>();
        boolean inTable = false;
        for (String line : guide.substring(at + 1).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                Matcher m = Pattern.compile("^\\| `([a-z0-9_]+)` \\| ([a-z]+) \\|").matcher(line);
                if (m.find()) {
                    columns.add(List.of(m.group(1), m.group(2)));
                }
            } else if (inTable) {
                break;
            }
        }
        return columns;
    }

    /** Checks the canonical CSVs described in data/datapackage.json; table CSVs only when {@code requireTables}. */
    static void assertGuideDocuments(Path site, boolean requireTables) throws IOException {
        String guide = guide();
        JsonNode pkg = MAPPER.readTree(site.resolve("data/datapackage.json").toFile());
        Set<String> fixed = Set.of("projects", "indicators", "departments", "department_years", "project_changes", "quality",
                "corrections", "retracted", "changes");
        for (JsonNode r : pkg.get("resources")) {
            String name = r.get("name").asText();
            List<List<String>> written = new ArrayList<>();
            for (JsonNode f : r.get("schema").get("fields")) {
                written.add(List.of(f.get("name").asText(), f.get("type").asText()));
            }
            List<List<String>> documented = documentedColumns(guide, "data/" + name + ".csv");
            if (fixed.contains(name) || requireTables) {
                assertTrue(documented != null, "data guide has no section ### `data/" + name + ".csv`");
                if (!fixed.contains(name)) {
                    // Department-level tables: the key columns are documented once, generically.
                    written = written.subList(Columns.TABLE_KEYS.size(), written.size());
                }
                assertEquals(written, documented, "columns of data/" + name + ".csv in the data guide");
            }
        }
        Set<String> keys = new TreeSet<>();
        collectKeys(MAPPER.readTree(site.resolve("data/all.json").toFile()), keys);
        for (String key : keys) {
            assertTrue(guide.contains("`" + key + "`"), "JSON key '" + key + "' is not in the data guide");
        }
    }

    /** Object keys, except inside tables[].rows (those are the tables' own column keys). */
    static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                keys.add(e.getKey());
                if (!e.getKey().equals("rows")) {
                    collectKeys(e.getValue(), keys);
                }
            }
        }
    }

    @Test
    void documentsEveryColumnAndKeyTheExporterWrites(@TempDir Path site) throws IOException {
        new DatasetExporter().export(ExportFixture.content(), site);
        assertGuideDocuments(site, false);
    }

    @Test
    void documentsTheGenericTableKeysAndEveryFile() throws IOException {
        String guide = guide();
        List<List<String>> keys = documentedColumns(guide, "data/<id>.csv");
        assertTrue(keys != null, "section for department-level tables");
        assertEquals(Columns.TABLE_KEYS.stream().map(f -> List.of(f.name(), f.type().tableSchemaName())).toList(),
                keys.subList(0, Columns.TABLE_KEYS.size()));
        for (String file : List.of("data/all.json", "data/datapackage.json", "projects/<项目编号>.csv",
                "projects/<项目编号>.json", "<地区>/<单位编码>/<年度>.csv", "<地区>/<单位编码>/<年度>.json", "-excel.csv")) {
            assertTrue(guide.contains("`" + file + "`"), file);
        }
        assertTrue(guide.startsWith("# 数据说明\n"), "page title is the first heading, Chinese");
    }

    @Test
    void theSectionParserSeesRealColumns() throws IOException {
        // Guards the sync test above against a parser that finds nothing.
        assertEquals(List.of("project_id", "string"), documentedColumns(guide(), "data/projects.csv").get(0));
        assertEquals(21, documentedColumns(guide(), "data/projects.csv").size());
    }
}
