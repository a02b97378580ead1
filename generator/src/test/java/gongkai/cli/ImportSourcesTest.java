package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.importer.document.SourceDocument;
import gongkai.importer.document.TabRendering;
import gongkai.importer.document.Twins;
import gongkai.testing.Seeds;
import gongkai.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai import} keeps the imported document in the folder of each department it names,
 * {@code content/sources/<region>/<code>/}, and the year file cites it there: two agencies' files of the same name
 * live side by side, a Word file is kept with its text rendering, and what is kept validates and is published.
 */
class ImportSourcesTest {
    private static Path content(Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.copy(Path.of("content", "site.yaml"), content.resolve("site.yaml"));
        return content;
    }

    @Test
    void twoAgenciesFilesOfTheSameNameDoNotCollide(@TempDir Path tmp) throws Exception {
        Path content = content(tmp);
        Path zongdui = Files.createDirectories(tmp.resolve("zongdui")).resolve("2024.txt");
        Path zhengwu = Files.createDirectories(tmp.resolve("zhengwu")).resolve("2024.txt");
        Files.copy(Seeds.seed("001"), zongdui);
        Files.copy(Seeds.seed("002"), zhengwu);
        CliRun first = CliRun.run("import", "--content", content.toString(), zongdui.toString());
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("原文件存入 sources/tianjin/362303/2024.txt"), first.out());
        CliRun second = CliRun.run("import", "--content", content.toString(), zhengwu.toString());
        assertEquals(0, second.status(), second.err());

        assertArrayEquals(Files.readAllBytes(zongdui), Files.readAllBytes(content.resolve("sources/tianjin/362303/2024.txt")));
        assertArrayEquals(Files.readAllBytes(zhengwu), Files.readAllBytes(content.resolve("sources/binhai/319101/2024.txt")));
        assertTrue(Files.readString(content.resolve("tianjin/362303/2024.yaml")).contains("\ndocument: tianjin/362303/2024.txt\n"));
        assertTrue(Files.readString(content.resolve("binhai/319101/2026.yaml")).contains("\ndocument: binhai/319101/2024.txt\n"));
        CliRun validate = CliRun.run("validate", content.toString());
        assertEquals(0, validate.status(), validate.err());
    }

    @Test
    void aDocumentNamingFourDepartmentsIsKeptInEachOfTheirFolders(@TempDir Path tmp) throws Exception {
        Path content = content(tmp);
        CliRun r = CliRun.run("import", "--content", content.toString(), Seeds.seed("003").toString());
        assertEquals(0, r.status(), r.err());
        String name = Seeds.seed("003").getFileName().toString();
        for (String code : new String[] {"362101", "362203", "362207", "362303"}) {
            assertArrayEquals(Files.readAllBytes(Seeds.seed("003")),
                    Files.readAllBytes(content.resolve("sources/tianjin").resolve(code).resolve(name)), code);
            assertTrue(Files.readString(content.resolve("tianjin").resolve(code).resolve("2023.yaml"))
                    .contains("\ndocument: tianjin/" + code + "/" + name + "\n"), code);
        }
        assertTrue(r.out().contains("原文件存入 sources/tianjin/362101/" + name + " 等 4 个文件"), r.out());
        // importing it again finds everything in place
        Map<String, String> before = Trees.hashes(content);
        CliRun again = CliRun.run("import", "--content", content.toString(), Seeds.seed("003").toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(before, Trees.hashes(content));
    }

    @Test
    void aWordFileIsKeptWithItsTextRenderingAndPublished(@TempDir Path tmp) throws Exception {
        Path content = content(tmp);
        String seed = Files.readString(Seeds.seed("001"), StandardCharsets.UTF_8);
        Path docx = tmp.resolve("zongdui-2024.docx");
        Files.write(docx, Twins.docx(TabRendering.parse(seed)));
        CliRun r = CliRun.run("import", "--content", content.toString(), docx.toString());
        assertEquals(0, r.status(), r.err());

        Path folder = content.resolve("sources/tianjin/362303");
        assertArrayEquals(Files.readAllBytes(docx), Files.readAllBytes(folder.resolve("zongdui-2024.docx")));
        assertEquals(SourceDocument.read("zongdui-2024.docx", Files.readAllBytes(docx)).text(),
                Files.readString(folder.resolve("zongdui-2024.docx.txt")), "the rendering line citations count in");
        assertTrue(Files.readString(content.resolve("tianjin/362303/2024.yaml"))
                .contains("\ndocument: tianjin/362303/zongdui-2024.docx\n"));

        Path site = tmp.resolve("site");
        assertEquals(0, Main.execute("build", "--content", content.toString(), "--theme", "themes/default",
                "--out", site.toString()));
        assertArrayEquals(Files.readAllBytes(docx), Files.readAllBytes(site.resolve("sources/tianjin/362303/zongdui-2024.docx")),
                "the original is what pages cite and link");
        assertTrue(Files.readString(site.resolve("projects/362303-2024-001/index.html"))
                .contains("sources/tianjin/362303/zongdui-2024.docx"));
        // the text rendering is published too, and the document's page shows its lines, the Word file as the original
        assertArrayEquals(Files.readAllBytes(folder.resolve("zongdui-2024.docx.txt")),
                Files.readAllBytes(site.resolve("sources/tianjin/362303/zongdui-2024.docx.txt")));
        Document page = Jsoup.parse(site.resolve("sources/tianjin/362303/zongdui-2024.docx.html").toFile(), "UTF-8");
        List<String> facts = page.select(".source-facts dd").eachText();
        assertEquals(List.of("未提供", "未提供"), facts.subList(0, 2), "no address or date was given");
        assertTrue(facts.get(2).startsWith("zongdui-2024.docx（Word 文档，"), facts.get(2));
        assertEquals("/sources/tianjin/362303/zongdui-2024.docx", page.selectFirst(".source-facts dd a[download]").attr("href"));
        assertTrue(facts.get(3).startsWith("zongdui-2024.docx.txt（纯文本，UTF-8 编码，"), facts.get(3));
        List<String> lines = Files.readAllLines(folder.resolve("zongdui-2024.docx.txt"));
        assertEquals(lines.size(), page.select("ol.lines > li").size());
        Document project = Jsoup.parse(site.resolve("projects/362303-2024-001/index.html").toFile(), "UTF-8");
        String line = project.selectFirst("p.source a[href*=#L]").attr("href");
        assertTrue(line.startsWith("/sources/tianjin/362303/zongdui-2024.docx.html#L"), line);
        assertTrue(page.getElementById(line.substring(line.indexOf('#') + 1)).selectFirst("li").text()
                .contains("2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表"), line);
    }

    /**
     * A text file saved in GBK is kept and published as it was (its bytes are the original); its page shows it
     * decoded, so no reader depends on the host sending the right charset for the raw file.
     */
    @Test
    void aGbkTextIsPublishedAsItWasAndShownDecodedOnItsPage(@TempDir Path tmp) throws Exception {
        Path content = content(tmp);
        String seed = Files.readString(Seeds.seed("001"), StandardCharsets.UTF_8);
        Path gbk = tmp.resolve("zongdui-2024.txt");
        Files.write(gbk, seed.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertEquals(0, CliRun.run("import", "--content", content.toString(), gbk.toString()).status());
        Path site = tmp.resolve("site");
        assertEquals(0, Main.execute("build", "--content", content.toString(), "--theme", "themes/default",
                "--out", site.toString()));
        assertArrayEquals(Files.readAllBytes(gbk), Files.readAllBytes(site.resolve("sources/tianjin/362303/zongdui-2024.txt")));
        Document page = Jsoup.parse(site.resolve("sources/tianjin/362303/zongdui-2024.txt.html").toFile(), "UTF-8");
        assertTrue(page.select(".source-facts dd").get(3).text().startsWith("zongdui-2024.txt（纯文本，GB18030 编码，"),
                page.select(".source-facts dd").get(3).text());
        List<String> lines = Files.readAllLines(Seeds.seed("001"), StandardCharsets.UTF_8);
        List<String> shown = page.select("ol.lines > li").stream().map(org.jsoup.nodes.Element::wholeText).toList();
        assertEquals(lines, shown);
    }

    @Test
    void aDifferentFileOfTheSameNameInTheFolderIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path content = content(tmp);
        Path first = Files.createDirectories(tmp.resolve("a")).resolve("2024.txt");
        Files.copy(Seeds.seed("001"), first);
        assertEquals(0, CliRun.run("import", "--content", content.toString(), first.toString()).status());
        Map<String, String> before = Trees.hashes(content);

        Path revised = Files.createDirectories(tmp.resolve("b")).resolve("2024.txt");
        Files.writeString(revised, Files.readString(first).replace("\t117.00\n", "\t120.50\n"));
        CliRun r = CliRun.run("import", "--content", content.toString(), revised.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("导入失败：2024.txt:1: 文件名: " + content.resolve("sources/tianjin/362303/2024.txt")
                + " 已有另一个同名文件，内容不同"), r.err());
        assertEquals(before, Trees.hashes(content), "neither the year file nor the source changed");
    }
}
