package gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.pipeline.DataFiles;
import gongkai.quality.QualityReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip of everything and the catalog the downloads page lists, from an export of the fixture content. */
class DataZipTest {
    static final String DATE = "2024-05-06";
    @TempDir
    static Path site;
    static DatasetExporter.Result result;

    @BeforeAll
    static void export() throws IOException {
        result = new DatasetExporter(DATE).exportAll(ExportFixture.content(), site, QualityReport.EMPTY);
    }

    @Test
    void holdsEveryFileUnderDataAndAChineseReadmeSortedInOneFolder() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.list(site.resolve("data"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".zip")).forEach(expected::add);
        }
        expected.add("README.txt");
        assertTrue(expected.containsAll(List.of("projects.csv", "projects-excel.csv", "indicators.csv",
                "indicators-excel.csv", "units.csv", "procurement-excel.csv", "all.json", "datapackage.json")), expected.toString());
        try (ZipFile zip = new ZipFile(site.resolve("data/gongkai-data.zip").toFile(), StandardCharsets.UTF_8)) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
                assertTrue(e.getName().startsWith("gongkai-data/"), e.getName());
                // dated with the content's date, not the clock; no extra timestamp fields, no comment
                assertEquals(LocalDateTime.of(2024, 5, 6, 0, 0), e.getTimeLocal(), e.getName());
                assertNull(e.getExtra(), e.getName());
                assertNull(e.getComment(), e.getName());
                String name = e.getName().substring("gongkai-data/".length());
                if (!name.equals("README.txt")) {
                    assertArrayEquals(Files.readAllBytes(site.resolve("data").resolve(name)),
                            zip.getInputStream(e).readAllBytes(), name);
                }
            }
            assertEquals(expected.stream().map(n -> "gongkai-data/" + n).toList(), names, "every file, sorted by name");
            String readme = new String(zip.getInputStream(zip.getEntry("gongkai-data/README.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(readme.startsWith("\uFEFF公开 · 预算绩效目标开放数据 — 全部数据\r\n"), readme);
            for (DataFiles.Table t : result.catalog().tables()) {
                String listed = name(t.csv()) + "、" + name(t.excel()) + "：" + t.title() + "，" + t.rows() + " 行。";
                assertTrue(readme.contains(listed), listed + " in\n" + readme);
            }
            assertTrue(readme.contains("数据更新日期：2024-05-06"), readme);
            assertTrue(readme.contains("许可：CC BY 4.0"), readme);
            assertTrue(readme.contains("https://gongkai.example.org/data/"), readme);
        }
    }

    /** Same content, same bytes: in another time zone too (DOS times are local times; ours carry no zone). */
    @Test
    void twoExportsGiveTheSameZipBytesInAnyTimeZone(@TempDir Path other) throws IOException {
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            new DatasetExporter(DATE).exportAll(ExportFixture.content(), other, QualityReport.EMPTY);
        } finally {
            TimeZone.setDefault(zone);
        }
        assertArrayEquals(Files.readAllBytes(site.resolve("data/gongkai-data.zip")),
                Files.readAllBytes(other.resolve("data/gongkai-data.zip")));
    }

    @Test
    void withoutAContentDateTheEntriesCarryTheEarliestZipTime(@TempDir Path other) throws IOException {
        new DatasetExporter().exportAll(ExportFixture.content(), other, QualityReport.EMPTY);
        try (ZipFile zip = new ZipFile(other.resolve("data/gongkai-data.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
            }
            String readme = new String(zip.getInputStream(zip.getEntry("gongkai-data/README.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(!readme.contains("数据更新日期"), readme);
        }
    }

    /** Rows and sizes the downloads page shows are those of the files on disk. */
    @Test
    void theCatalogCountsRowsAndBytesOfWhatWasWritten() throws IOException {
        DataFiles catalog = result.catalog();
        assertEquals(List.of("projects", "indicators", "departments", "department_years", "project_changes", "procurement", "units",
                "corrections", "retracted", "changes", "quality"), catalog.tables().stream().map(DataFiles.Table::name).toList());
        assertEquals(List.of(false, false, false, false, false, true, true, false, false, false, false),
                catalog.tables().stream().map(DataFiles.Table::departmentTable).toList());
        for (DataFiles.Table t : catalog.tables()) {
            List<List<String>> records = StrictCsvReader.read(Files.readAllBytes(site.resolve(t.csv().path())));
            assertEquals(records.size() - 1, t.rows(), t.name());
            assertSize(t.csv());
            assertSize(t.excel());
        }
        assertEquals(5, catalog.tables().get(0).rows());
        assertEquals(List.of("data/all.json", "data/quality.json", "data/datapackage.json"),
                catalog.documents().stream().map(d -> d.file().path()).toList());
        for (DataFiles.Document d : catalog.documents()) {
            assertSize(d.file());
        }
        assertSize(catalog.zip());
        assertEquals(4, catalog.years().size());
        for (DataFiles.Year y : catalog.years()) {
            assertSize(y.csv());
            assertSize(y.excel());
            assertSize(y.json());
            assertEquals(StrictCsvReader.read(Files.readAllBytes(site.resolve(y.csv().path()))).size() - 1, y.projects());
        }
        assertEquals("binhai/362301/2025.csv", catalog.years().get(0).csv().path());
    }

    /** serve regenerates data/ alone: the same files and the same catalog, year files counted without writing. */
    @Test
    void theBundleAloneWritesTheSameDataFilesAndCatalog(@TempDir Path other) throws IOException {
        DatasetExporter.Result bundle = new DatasetExporter(DATE).exportBundle(ExportFixture.content(), other, QualityReport.EMPTY);
        assertEquals(result.catalog(), bundle.catalog());
        for (WrittenFile f : bundle.files()) {
            assertTrue(f.path().startsWith("data/"), f.path());
            assertArrayEquals(Files.readAllBytes(site.resolve(f.path())), Files.readAllBytes(other.resolve(f.path())), f.path());
        }
        assertEquals(result.files().stream().filter(f -> f.path().startsWith("data/")).toList(), bundle.files());
    }

    static void assertSize(DataFiles.File f) throws IOException {
        assertEquals(Files.size(site.resolve(f.path())), f.bytes(), f.path());
    }

    static String name(DataFiles.File f) {
        return f.path().substring(f.path().lastIndexOf('/') + 1);
    }
}
