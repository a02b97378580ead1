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

/**
 * content/pages/data-guide.md and its English twin data-guide.en.md each document every column and JSON key the
 * exporter writes, with the types it writes: the two cannot fall out of step with the data, nor with each other.
 */
class DataGuideTest {
    static final Path GUIDE = Path.of("content/pages/data-guide.md");
    static final Path ENGLISH_GUIDE = Path.of("content/pages/data-guide.en.md");
    static final List<Path> GUIDES = List.of(GUIDE, ENGLISH_GUIDE);
    static final ObjectMapper MAPPER = new ObjectMapper();

    static String guide() throws IOException {
        return guide(GUIDE);
    }

    static String guide(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
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
        for (Path file : GUIDES) {
            assertGuideDocuments(guide(file), site, requireTables);
        }
    }

    private static void assertGuideDocuments(String guide, Path site, boolean requireTables) throws IOException {
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
        for (Path file : GUIDES) {
            String guide = guide(file);
            List<List<String>> keys = documentedColumns(guide, "data/<id>.csv");
            assertTrue(keys != null, file + ": section for department-level tables");
            assertEquals(Columns.TABLE_KEYS.stream().map(f -> List.of(f.name(), f.type().tableSchemaName())).toList(),
                    keys.subList(0, Columns.TABLE_KEYS.size()), file.toString());
        }
        String zh = guide(GUIDE);
        for (String file : List.of("data/all.json", "data/datapackage.json", "projects/<项目编号>.csv",
                "projects/<项目编号>.json", "<地区>/<单位编码>/<年度>.csv", "<地区>/<单位编码>/<年度>.json", "-excel.csv")) {
            assertTrue(zh.contains("`" + file + "`"), file);
        }
        String en = guide(ENGLISH_GUIDE);
        for (String file : List.of("data/all.json", "data/datapackage.json", "projects/<project_id>.csv",
                "projects/<project_id>.json", "<region>/<department_code>/<year>.csv",
                "<region>/<department_code>/<year>.json", "-excel.csv")) {
            assertTrue(en.contains("`" + file + "`"), file);
        }
        assertTrue(zh.startsWith("# 数据说明\n"), "page title is the first heading, Chinese");
        assertTrue(en.startsWith("# Data guide\n"), "the twin's title is the first heading, English");
    }

    /** The twin documents the same files, under the same headings, with the same columns as the Chinese guide. */
    @Test
    void theEnglishGuideDocumentsWhatTheChineseOneDoes() throws IOException {
        // the placeholders of the file names are words of each language; code blocks are the same program
        String zh = withoutCode(guide(GUIDE)).replace("<项目编号>", "<project_id>").replace("<地区>", "<region>")
                .replace("<单位编码>", "<department_code>").replace("<年度>", "<year>").replace("<列名>", "<column>");
        String en = withoutCode(guide(ENGLISH_GUIDE));
        List<String> sections = quoted(zh, "(?m)^#{3,4} [^`\\n]*`([^`]+)`");
        assertEquals(sections, quoted(en, "(?m)^#{3,4} [^`\\n]*`([^`]+)`"));
        assertTrue(sections.size() >= 15, "sections: " + sections);
        for (String file : sections) {
            assertEquals(documentedColumns(zh, file), documentedColumns(en, file), file);
        }
        // every file of the file list, every quality code, and the Chinese values both quote (units, statuses, kinds)
        assertEquals(quoted(zh, "(?m)^\\| `([^`]+)`"), quoted(en, "(?m)^\\| `([^`]+)`"));
        assertEquals(quoted(zh, "(?m)^\\| (Q[0-9]{3}) "), quoted(en, "(?m)^\\| (Q[0-9]{3}) "));
        assertEquals(chineseCode(zh), chineseCode(en), "the Chinese values quoted as `code`");
        assertTrue(chineseCode(en).containsAll(List.of("元", "万元", "延续", "新增", "本年无", "是", "否", "撤回")),
                chineseCode(en).toString());
    }

    private static String withoutCode(String guide) {
        return guide.replaceAll("(?s)```.*?```", "");
    }

    /** The `code` spans with Chinese in them (placeholders aside), sorted: what the text quotes of the data. */
    private static List<String> chineseCode(String guide) {
        return quoted(guide, "`([^`\\n]*)`").stream()
                .filter(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .filter(v -> !v.contains("<")).sorted().toList();
    }

    private static List<String> quoted(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theSectionParserSeesRealColumns() throws IOException {
        // Guards the sync test above against a parser that finds nothing.
        for (Path file : GUIDES) {
            assertEquals(List.of("project_id", "string"), documentedColumns(guide(file), "data/projects.csv").get(0));
            assertEquals(21, documentedColumns(guide(file), "data/projects.csv").size(), file.toString());
        }
    }
}
