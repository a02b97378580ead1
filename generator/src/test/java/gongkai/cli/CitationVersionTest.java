package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 引用本页 quotes the data version: under every page of both editions, both citation forms (GB/T 7714 and plain
 * text) carry the very string datapackage.json states as its {@code version}, made once by the export stage, before
 * render.
 */
class CitationVersionTest {
    @Test
    void everyCitationQuotesTheVersionOfTheDataPackage(@TempDir Path tmp) throws Exception {
        Path site = TestSites.buildWithDownloads(TestSites.TEST_SITE, tmp);
        String version = new ObjectMapper().readTree(site.resolve("data/datapackage.json").toFile()).get("version").asText();
        assertTrue(version.matches("(\\d{4}-\\d{2}-\\d{2}|undated)\\.[0-9a-f]{8}"), version);
        List<String> wrong = new ArrayList<>();
        int cited = 0;
        for (Path file : pages(site)) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            Element cite = page.selectFirst("details.cite");
            if (cite == null) {
                continue; // 404.html: no address to cite
            }
            cited++;
            List<String> quoted = cite.select("span.data-version").eachText();
            if (!quoted.equals(List.of(version, version))) {
                wrong.add(site.relativize(file) + ": " + quoted);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(cited > 20, "pages with a citation: " + cited);

        Element zh = Jsoup.parse(site.resolve("about/index.html").toFile(), "UTF-8").selectFirst("details.cite");
        assertTrue(zh.select("p").get(0).text().contains("[EB/OL]. 数据版本 " + version + ". "), zh.text());
        assertTrue(zh.select("p").get(1).text().endsWith("，数据版本 " + version + "。"), zh.text());
        Element en = Jsoup.parse(site.resolve("en/about/index.html").toFile(), "UTF-8").selectFirst("details.cite");
        assertTrue(en.select("p").get(0).text().contains("[EB/OL]. Data version " + version + ". "), en.text());
        assertTrue(en.select("p").get(1).text().endsWith(", data version " + version + "."), en.text());
    }

    private static List<Path> pages(Path site) throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
