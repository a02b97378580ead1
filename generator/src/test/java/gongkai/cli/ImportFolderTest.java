package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.importer.document.TabRendering;
import gongkai.importer.document.Twins;
import gongkai.testing.Seeds;
import gongkai.testing.Trees;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai import <folder>} imports every importable file in the folder and its sub-folders in path order,
 * reporting each; a file that fails writes nothing and does not stop the others, but the exit status is 1; each
 * department-year is written whole (its source document first, its year file last).
 */
class ImportFolderTest {
    private static String seedText(String prefix) throws Exception {
        return Files.readString(Seeds.seed(prefix), StandardCharsets.UTF_8);
    }

    private static Path content(Path dir) throws Exception {
        Path content = Files.createDirectories(dir);
        Files.copy(Path.of("content", "site.yaml"), content.resolve("site.yaml"));
        return content;
    }

    /** The five seeds as an agency's folder would hold them, with a broken file and files that are not documents. */
    private static Path agencyFolder(Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("a-binhai-2025.docx"), Twins.docx(TabRendering.parse(seedText("000"))));
        Files.write(in.resolve("b-zongdui-2024.xlsx"), Twins.workbook(TabRendering.parse(seedText("001")), false, b -> false));
        Files.writeString(in.resolve("c-broken.txt"), "随便一段文字\n");
        Path d = Files.createDirectories(in.resolve("d"));
        Files.copy(Seeds.seed("003"), d.resolve(Seeds.seed("003").getFileName()));
        Files.write(d.resolve("004-gbk.txt"), seedText("004").getBytes(Charset.forName("GBK")));
        Files.copy(Seeds.seed("002"), in.resolve("e-binhai-2026.txt"));
        Files.writeString(in.resolve("notes.md"), "# 备忘\n");
        Files.write(in.resolve("~$a-binhai-2025.docx"), new byte[] {0});
        Files.writeString(in.resolve(".hidden.txt"), "x\n");
        return in;
    }

    @Test
    void aFolderImportsEveryDocumentInPathOrderAndOneFailureDoesNotStopTheOthers(@TempDir Path tmp) throws Exception {
        Path in = agencyFolder(tmp);
        Path content = content(tmp.resolve("content"));
        CliRun r = CliRun.run("import", "--content", content.toString(), in.toString());
        assertEquals(1, r.status(), "one file failed: " + r.err());

        List<String> report = r.out().lines().filter(l -> l.startsWith("导入 ") || l.startsWith("跳过 ")).toList();
        assertEquals(List.of(
                "导入 " + in.resolve("a-binhai-2025.docx") + "：" + summary("000"),
                "导入 " + in.resolve("b-zongdui-2024.xlsx") + "：" + summary("001"),
                "导入 " + in.resolve("d/" + Seeds.seed("003").getFileName()) + "：4 个部门年度，69 个项目，748 条指标",
                "导入 " + in.resolve("d/004-gbk.txt") + "：" + summary("004"),
                "导入 " + in.resolve("e-binhai-2026.txt") + "：" + summary("002"),
                "跳过 " + in.resolve("notes.md") + "：不是可导入的文件类型（可导入 .docx .doc .xlsx .xls .pdf .txt）",
                "跳过 " + in.resolve("~$a-binhai-2025.docx") + "：Word 或 Excel 打开文件时生成的临时文件"), report);
        assertTrue(r.out().endsWith("共 8 个文件：5 个导入成功，1 个失败，2 个跳过\n"), r.out());
        assertTrue(r.err().startsWith("导入失败：" + in.resolve("c-broken.txt") + ":1: 文件格式: 既不是天津的项目支出绩效目标表"),
                r.err());

        // the written tree: the committed YAML, citing the files as named in the folder, each kept in its folder
        Map<String, String> names = Map.of("000", "a-binhai-2025.docx", "001", "b-zongdui-2024.xlsx",
                "002", "e-binhai-2026.txt", "004", "004-gbk.txt");
        for (Path committed : yearFiles(Path.of("content"))) {
            String rel = Path.of("content").relativize(committed).toString();
            String expected = Files.readString(committed);
            for (Map.Entry<String, String> e : names.entrySet()) {
                expected = expected.replace("/" + Seeds.seed(e.getKey()).getFileName() + "\n", "/" + e.getValue() + "\n");
            }
            assertEquals(expected, Files.readString(content.resolve(rel)), rel);
        }
        assertEquals(yearFiles(Path.of("content")).size(), yearFiles(content).size());
        assertArrayEquals(Files.readAllBytes(in.resolve("a-binhai-2025.docx")),
                Files.readAllBytes(content.resolve("sources/binhai/362301/a-binhai-2025.docx")));
        assertTrue(Files.isRegularFile(content.resolve("sources/binhai/362301/a-binhai-2025.docx.txt")));
        assertFalse(Trees.hashes(content).keySet().stream().anyMatch(f -> f.contains("broken") || f.contains("notes")
                || f.contains("hidden")), "nothing of the failed or skipped files");
        assertEquals(0, CliRun.run("validate", content.toString()).status());
    }

    @Test
    void theSameFolderAlwaysImportsToTheSameTreeAndReport(@TempDir Path tmp) throws Exception {
        Path in = agencyFolder(tmp);
        CliRun first = CliRun.run("import", "--content", content(tmp.resolve("one")).toString(), in.toString());
        CliRun second = CliRun.run("import", "--content", content(tmp.resolve("two")).toString(), in.toString());
        assertEquals(first, second);
        assertEquals(Trees.hashes(tmp.resolve("one")), Trees.hashes(tmp.resolve("two")));
    }

    @Test
    void reimportingTheCommittedSourcesFolderChangesNothing(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Trees.copy(Path.of("content"), content);
        Map<String, String> before = Trees.hashes(content);
        CliRun r = CliRun.run("import", "--content", content.toString(), content.resolve("sources").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(before, Trees.hashes(content));
        String name = Seeds.seed("003").getFileName().toString();
        assertTrue(r.out().contains("跳过 " + content.resolve("sources/tianjin/362203/" + name) + "：与 "
                + content.resolve("sources/tianjin/362101/" + name) + " 内容相同，只导入一次"), r.out());
        assertTrue(r.out().endsWith("共 8 个文件：5 个导入成功，0 个失败，3 个跳过\n"), r.out());
    }

    @Test
    void twoFilesOfOneDepartmentYearInAFolderAreRefused(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Seeds.seed("001"), Files.createDirectories(in.resolve("x")).resolve("2024.txt"));
        Files.write(Files.createDirectories(in.resolve("y")).resolve("2024-copy.docx"),
                Twins.docx(TabRendering.parse(seedText("001"))));
        Path content = content(tmp.resolve("content"));
        CliRun r = CliRun.run("import", "--content", content.toString(), in.toString());
        assertEquals(1, r.status());
        assertEquals("导入失败：" + in.resolve("y/2024-copy.docx") + ": tianjin/362303/2024.yaml 已由本次导入的 "
                + in.resolve("x/2024.txt") + " 写出：同一个部门年度只能来自一个文件，请把重复的文件移出文件夹，未写入任何文件\n", r.err());
        assertTrue(Files.readString(content.resolve("tianjin/362303/2024.yaml")).contains("document: tianjin/362303/2024.txt\n"));
        assertFalse(Files.exists(content.resolve("sources/tianjin/362303/2024-copy.docx")));
    }

    @Test
    void aFailedWriteLeavesEachDepartmentYearWholeOrAbsent(@TempDir Path tmp) throws Exception {
        Path content = content(tmp.resolve("content"));
        // the last of seed 003's four departments cannot get its source folder
        Files.createDirectories(content.resolve("sources/tianjin"));
        Files.writeString(content.resolve("sources/tianjin/362303"), "not a folder\n");
        CliRun r = CliRun.run("import", "--content", content.toString(), Seeds.seed("003").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("导入失败：" + Seeds.seed("003").getFileName() + ": 无法读取或写入文件"), r.err());
        String name = Seeds.seed("003").getFileName().toString();
        for (String code : List.of("362101", "362203", "362207")) {
            assertTrue(Files.isRegularFile(content.resolve("tianjin/" + code + "/2023.yaml")), code);
            assertTrue(Files.isRegularFile(content.resolve("sources/tianjin/" + code + "/" + name)), code);
        }
        assertFalse(Files.exists(content.resolve("tianjin/362303")), "no part of the department-year that failed");
        assertEquals(List.of(), Trees.hashes(content).keySet().stream().filter(f -> f.endsWith(".tmp")).toList());
    }

    /** What the import of a seed reports, counted from the committed content. */
    private static String summary(String prefix) {
        var years = Seeds.content().departmentYears().stream()
                .filter(dy -> dy.document().endsWith("/" + Seeds.seed(prefix).getFileName())).toList();
        return years.size() + " 个部门年度，" + years.stream().mapToInt(dy -> dy.projects().size()).sum() + " 个项目，"
                + years.stream().flatMap(dy -> dy.projects().stream()).mapToInt(p -> p.indicators().size()).sum() + " 条指标";
    }

    private static List<Path> yearFiles(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().matches("\\d{4}\\.yaml")).sorted().toList();
        }
    }

}
