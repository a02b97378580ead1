package gongkai.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import gongkai.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journalist's reading of the downloads: Debian's python3-pandas reads every CSV (the whole-dataset files, their
 * Excel twins, every department-year's and every project's) with column types derived from datapackage.json —
 * {@code src/test/resources/pandas/read_with_datapackage.py} — and gets every cell back as written: codes as text
 * with their leading zeros, amounts as exact decimals, every row. The content is the committed content with the
 * Hengshui department's code given a leading zero (0467), as many real budget-unit codes have.
 */
@Tag("slow")
class PandasReadTest {
    /** Debian's interpreter (python3-pandas installs into it; scripts/test-prereqs.sh installs the package). */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("generator/src/test/resources/pandas/read_with_datapackage.py");

    @TempDir
    static Path tmp;
    static Path site;
    static JsonNode report;

    @BeforeAll
    static void exportAndRead() throws Exception {
        Path content = leadingZeroCode(TestSites.copyWithSources(Path.of("content"), tmp));
        LoadResult loaded = ContentLoader.load(content);
        assertTrue(loaded.ok(), () -> "the content with code 0467 does not load: " + loaded.errors());
        site = tmp.resolve("site");
        new DatasetExporter().export(loaded.content(), site);

        Process python = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), site.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = python.getInputStream().readAllBytes();
        assertTrue(python.waitFor(300, TimeUnit.SECONDS), "pandas did not finish");
        assertEquals(0, python.exitValue(), "python3 with pandas failed (installed by scripts/test-prereqs.sh): "
                + new String(out, StandardCharsets.UTF_8));
        report = new ObjectMapper().readTree(out);
    }

    /**
     * content/hengshui/467 → hengshui/0467: its department code and project ids start with a zero (its cited
     * document moves to its new folder under sources/ with it).
     */
    static Path leadingZeroCode(Path content) throws IOException {
        Path from = content.resolve("hengshui/467");
        Path to = content.resolve("hengshui/0467");
        Files.move(from, to);
        Files.move(content.resolve("sources/hengshui/467"), content.resolve("sources/hengshui/0467"));
        Path department = to.resolve("department.yaml");
        Files.writeString(department, Files.readString(department).replace("code: '467'", "code: '0467'"));
        Path year = to.resolve("2020.yaml");
        String yaml = Files.readString(year);
        assertTrue(yaml.startsWith("department: '467'\n"), "the year file names its department first");
        Files.writeString(year, yaml.replace("department: '467'\n", "department: '0467'\n")
                .replace("- id: 467-2020-", "- id: 0467-2020-").replace("hengshui/467/", "hengshui/0467/"));
        return content;
    }

    @Test
    void everyCsvIsReadWithTheDatapackageTypesCellForCell() throws IOException {
        JsonNode files = report.get("files");
        List<Path> csvs;
        try (Stream<Path> walk = Files.walk(site)) {
            csvs = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        Map<String, String> types = columnTypes();
        int cells = 0;
        for (Path csv : csvs) {
            String path = site.relativize(csv).toString().replace('\\', '/');
            boolean twin = path.endsWith("-excel.csv");
            if (twin && !path.startsWith("data/")) {
                continue; // the per-page twins hold the same records as their CSVs, read above
            }
            JsonNode read = files.get(path);
            assertTrue(read != null, "pandas did not read " + path);
            byte[] bytes = Files.readAllBytes(csv);
            List<List<String>> records = StrictCsvReader.read(twin ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes);
            List<String> header = twin ? StrictCsvReader.read(Files.readAllBytes(site.resolve(path.replace("-excel.csv", ".csv")))).get(0)
                    : records.get(0);
            assertEquals(records.size() - 1, read.get("rows").asInt(), path + ": rows");
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c);
                String type = types.getOrDefault(path.replace("-excel.csv", ".csv") + "#" + name, types.get(name));
                assertEquals(switch (type) {
                    case "integer" -> "Int64";
                    case "number" -> "object";
                    default -> "string";
                }, read.get("dtypes").get(name).asText(), path + " " + name);
                JsonNode column = read.get("columns").get(name);
                for (int r = 1; r < records.size(); r++) {
                    String written = records.get(r).get(c);
                    JsonNode value = column.get(r - 1);
                    // the exact text: an amount "60000.00" stays 60000.00 (Decimal), a code "0467" stays "0467"
                    assertEquals(written.isEmpty() ? null : written, value.isNull() ? null : value.asText(),
                            path + " row " + r + " " + name);
                    cells++;
                }
            }
        }
        assertTrue(cells > 50_000, "cells compared: " + cells);
        assertTrue(csvs.size() > 175 * 2, "every project's CSV: " + csvs.size());
    }

    @Test
    void codesKeepTheirLeadingZerosWhichPandasDropsWithoutTheTypes() {
        JsonNode projects = report.get("files").get("data/projects.csv").get("columns");
        List<String> codes = new ArrayList<>();
        projects.get("department_code").forEach(v -> codes.add(v.asText()));
        assertTrue(codes.contains("0467"), codes.toString());
        List<String> ids = new ArrayList<>();
        projects.get("project_id").forEach(v -> ids.add(v.asText()));
        assertTrue(ids.contains("0467-2020-001"), ids.toString());
        JsonNode indicators = report.get("files").get("data/indicators.csv").get("columns").get("department_code");
        assertTrue(indicators.toString().contains("\"0467\""), "indicators.csv's own department_code");
        // the control: the same file read without the types loses the zero (and reads codes as numbers)
        JsonNode untyped = report.get("files").get("untyped:data/projects.csv");
        assertEquals("int64", untyped.get("dtypes").get("department_code").asText());
        assertTrue(untyped.get("columns").get("department_code").toString().contains("\"467\""));
        assertTrue(!untyped.get("columns").get("department_code").toString().contains("\"0467\""));
    }

    @Test
    void amountsAreExactDecimalsNotFloats() {
        JsonNode projects = report.get("files").get("data/projects.csv");
        assertEquals("object", projects.get("dtypes").get("budget_total_yuan").asText(), "decimal.Decimal values");
        List<String> yuan = new ArrayList<>();
        projects.get("columns").get("budget_total_yuan").forEach(v -> yuan.add(v.isNull() ? null : v.asText()));
        // printed 万元 with two decimals: ×10000 keeps them (a float would print 60000.0 or 1234567.8900000001)
        assertTrue(yuan.stream().filter(v -> v != null).allMatch(v -> v.matches("\\d+(\\.\\d+)?")), yuan.toString());
        assertTrue(yuan.stream().anyMatch(v -> v != null && v.endsWith(".00")), yuan.toString());
        assertEquals("Int64", projects.get("dtypes").get("year").asText());
    }

    /** path#column → type for data/ files (department tables may reuse a name), and column → type for the rest. */
    static Map<String, String> columnTypes() throws IOException {
        JsonNode pkg = new ObjectMapper().readTree(site.resolve("data/datapackage.json").toFile());
        Map<String, String> types = new HashMap<>();
        for (JsonNode r : pkg.get("resources")) {
            for (JsonNode f : r.get("schema").get("fields")) {
                types.put("data/" + r.get("path").asText() + "#" + f.get("name").asText(), f.get("type").asText());
                if (r.get("name").asText().equals("projects") || r.get("name").asText().equals("indicators")) {
                    types.put(f.get("name").asText(), f.get("type").asText());
                }
            }
        }
        return types;
    }
}
