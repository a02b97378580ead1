package gongkai.importer.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.DepartmentYear;
import gongkai.importer.ContentWriter;
import gongkai.importer.ImportOptions;
import gongkai.importer.ImportedDocument;
import gongkai.importer.Importer;
import gongkai.testing.Seeds;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each seed written as a real .docx, .xlsx (one sheet, and a sheet per project), .xls, PDF and GBK text file
 * imports to the committed YAML: byte for byte, except the {@code document:} line, which names the file imported.
 */
@Tag("slow")
class DocumentTwinsTest {
    static Stream<String> seeds() {
        return Stream.of("000", "001", "002", "003", "004");
    }

    private static String seedText(String prefix) throws Exception {
        return Files.readString(Seeds.seed(prefix), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theRenderingOfASeedsBlocksIsTheSeed(String prefix) throws Exception {
        String text = seedText(prefix);
        assertEquals(TabRendering.lines(text), TabRendering.lines(TabRendering.render(TabRendering.parse(text))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wordTwin(String prefix) throws Exception {
        assertTwin(prefix, "docx", Twins.docx(TabRendering.parse(seedText(prefix))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void excelTwinOneSheet(String prefix) throws Exception {
        assertTwin(prefix, "xlsx", Twins.workbook(TabRendering.parse(seedText(prefix)), false, b -> false));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void excelTwinASheetPerProject(String prefix) throws Exception {
        // a new sheet at each " " paragraph before a heading, as the seeds print one
        assertTwin(prefix, "xlsx", Twins.workbook(TabRendering.parse(seedText(prefix)), false,
                b -> b instanceof Block.Paragraph p && p.text().matches("\\s*(\\[bookmark: [^]]*])?\\s*\\d+[.、].*")));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void excel97Twin(String prefix) throws Exception {
        assertTwin(prefix, "xls", Twins.workbook(TabRendering.parse(seedText(prefix)), true, b -> false));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pdfTwin(String prefix) throws Exception {
        assertTwin(prefix, "pdf", Twins.pdf(TabRendering.parse(seedText(prefix))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gbkTwin(String prefix) throws Exception {
        byte[] gbk = seedText(prefix).getBytes(Charset.forName("GBK"));
        assertEquals(seedText(prefix), new String(gbk, Charset.forName("GBK")), "the seed is GBK-encodable");
        assertTwin(prefix, "txt", gbk);
    }

    @Test
    void theWordTwinHasRealMergedCellsBookmarksAndFields() throws Exception {
        byte[] docx = Twins.docx(TabRendering.parse(seedText("000")));
        String xml = zipEntry(docx, "word/document.xml");
        assertTrue(xml.contains("<w:vMerge w:val=\"restart\"/>"), "vertical merges");
        assertTrue(xml.contains("<w:gridSpan w:val=\"6\"/>"), "the 资金用途 cell spans six columns");
        assertTrue(xml.contains("w:bookmarkStart") && xml.contains("_Toc_4_4_0000000045"), "bookmarks");
        assertTrue(!xml.contains("[bookmark:"), "no bookmark marker is text");
        String hengshui = zipEntry(Twins.docx(TabRendering.parse(seedText("004"))), "word/document.xml");
        assertTrue(hengshui.contains("<w:instrText xml:space=\"preserve\"> TC 3、"), "TC fields are fields");
    }

    private static String zipEntry(byte[] zip, String name) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    private static List<String> withoutTrailingEmpty(String text) {
        List<String> lines = new java.util.ArrayList<>(TabRendering.lines(text));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** "" when equal, else the first line that differs (a whole-document diff is too long to read). */
    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String a = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(a)) {
                return "line " + (i + 1) + ": expected [" + e + "] but read [" + a + "]";
            }
        }
        return "";
    }

    /** The twin reads to the seed's text, and imports to the committed YAML up to the document line. */
    private static void assertTwin(String prefix, String extension, byte[] bytes) throws Exception {
        Path seed = Seeds.seed(prefix);
        String seedName = seed.getFileName().toString();
        String twinName = seedName.replaceAll("\\.txt$", "") + "." + extension;
        SourceDocument read = SourceDocument.read(twinName, bytes);
        // a PDF has no empty lines after its last printed line
        List<String> expectedLines = withoutTrailingEmpty(seedText(prefix));
        if (extension.equals("pdf")) {
            // a PDF prints a TAB inside a cell's text as a space
            expectedLines = expectedLines.stream()
                    .map(l -> l.isEmpty() ? l : l.charAt(0) + l.substring(1).replace('\t', ' ')).toList();
        }
        assertEquals("", firstDifference(expectedLines, withoutTrailingEmpty(read.text())),
                twinName + " reads as the seed");
        ImportedDocument doc = Importer.importBytes(twinName, bytes, ImportOptions.inferAll());
        assertEquals(List.of(), doc.problems());
        Path content = Path.of("content");
        for (DepartmentYear dy : doc.departmentYears()) {
            Path committed = content.resolve(dy.regionSlug()).resolve(dy.departmentCode()).resolve(dy.year() + ".yaml");
            String cited = dy.regionSlug() + "/" + dy.departmentCode() + "/";
            String expected = Files.readString(committed, StandardCharsets.UTF_8)
                    .replace("document: " + cited + seedName + "\n", "document: " + cited + twinName + "\n");
            assertEquals(expected, ContentWriter.yearYaml(dy), twinName + " → " + committed);
        }
    }
}
