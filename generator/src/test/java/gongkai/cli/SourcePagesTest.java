package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Content;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Urls;
import gongkai.export.ExportStage;
import gongkai.importer.document.TabRendering;
import gongkai.importer.document.Twins;
import gongkai.load.ContentLoader;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.serve.DevServer;
import gongkai.testing.Browser;
import gongkai.testing.HtmlChecker;
import gongkai.testing.Seeds;
import gongkai.testing.TestSites;
import gongkai.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sites/sources (执法总队 2024, citing the seed 001 with its official address, date and a Word original) built by
 * the standard stages: the document's page beside the published files, a numbered, anchored line for every line
 * of the text file, citations linking their line, in Chromium on a phone.
 */
@Tag("slow")
class SourcePagesTest {
    static final Path FIXTURE = Path.of("generator/src/test/resources/sites/sources");
    static final String DOCUMENT = "tianjin/362303/001_88a8ef7fc06e4953.txt";
    static final String ORIGINAL = "tianjin/362303/zongdui-2024.docx";

    @TempDir
    static Path tmp;
    static Path contentDir;
    static Path site;
    static Content content;
    static List<String> lines;

    @BeforeAll
    static void build() throws Exception {
        contentDir = TestSites.copyWithSources(FIXTURE, tmp);
        // the original the year file names: the seed written as a real Word file
        Files.write(contentDir.resolve("sources").resolve(ORIGINAL),
                Twins.docx(TabRendering.parse(Files.readString(Seeds.seed("001"), StandardCharsets.UTF_8))));
        content = ContentLoader.load(contentDir).content();
        site = build(tmp.resolve("site"));
        lines = Files.readAllLines(contentDir.resolve("sources").resolve(DOCUMENT), StandardCharsets.UTF_8);
    }

    static Path build(Path out) throws Exception {
        SitePipelines.builder(BuildOptions.of(contentDir, TestSites.defaultTheme(), out, line -> { }),
                ContentSource.yaml()).export(new ExportStage()).build().run();
        return out;
    }

    static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    static Document sourcePage() throws Exception {
        return page(Urls.sourcePage(DOCUMENT));
    }

    @Test
    void everyLineOfTheTextFileHasItsNumberAnchorAndExactText() throws Exception {
        Document doc = sourcePage();
        assertEquals(373, lines.size());
        List<Element> anchored = doc.select("main [id~=^L[0-9]+$]");
        assertEquals(lines.size(), anchored.size(), "one anchor per line");
        List<Element> items = doc.select("ol.lines > li");
        assertEquals(lines.size(), items.size(), "one list item per line");
        int number = 0;
        for (Element ol : doc.select("ol.lines")) {
            int start = Integer.parseInt(ol.attr("start"));
            assertEquals(number + 1, start, "the lists continue each other's numbers");
            for (Element li : ol.children()) {
                number++;
                // the list's own number is the line number, its text the file's line (Word's marks included)
                assertEquals(lines.get(number - 1), li.wholeText(), "line " + number);
                Element anchor = li.id().isEmpty() ? li.parent().parent() : li;
                assertEquals("L" + number, anchor.id(), "line " + number + " (a passage's first line: the passage)");
                if (li.id().isEmpty()) {
                    assertTrue(anchor.hasClass("passage") && li.elementSiblingIndex() == 0, "line " + number);
                }
            }
        }
        assertEquals(lines.size(), number);
        // 373 lines are one page: no parts, no pager, no script taking links to other parts
        assertEquals("全文", doc.getElementById("text-h").text());
        assertEquals(List.of(), doc.select("nav.source-parts, nav.source-prev-next, head script:not([src])").eachText());
        assertTrue(!Files.exists(site.resolve(Urls.sourcePage(DOCUMENT, 2))));
    }

    @Test
    void eachProjectsCitationLinksTheLineOfItsHeadingAndThePassageUpToTheNext() throws Exception {
        Document source = sourcePage();
        DepartmentYear dy = content.departmentYears().get(0);
        assertEquals(5, dy.projects().size());
        List<Integer> cited = dy.projects().stream().map(p -> p.source().line()).toList();
        assertEquals(List.of(1, 69, 143, 217, 307), cited);
        for (int i = 0; i < dy.projects().size(); i++) {
            Project p = dy.projects().get(i);
            Document project = page(Urls.project(p.id()) + "index.html");
            Element line = project.selectFirst("p.source a[href$=#L" + p.source().line() + "]");
            assertNotNull(line, p.id());
            assertEquals("第 " + p.source().line() + " 行", line.text());
            assertEquals("/" + Urls.sourcePage(DOCUMENT) + "#L" + p.source().line(), line.attr("href"));
            assertEquals("/" + Urls.sourcePage(DOCUMENT), project.selectFirst("p.source a").attr("href"));

            Element passage = source.getElementById("L" + p.source().line());
            assertTrue(passage.hasClass("passage"), p.id());
            assertTrue(passage.selectFirst("ol.lines > li").text().contains(p.source().heading()), p.id());
            // the passage runs to the line before the next project's (the last one to the end of the file)
            int last = i + 1 < cited.size() ? cited.get(i + 1) - 1 : lines.size();
            List<Element> items = passage.select("ol.lines > li");
            assertEquals(last - p.source().line() + 1, items.size(), p.id());
            // and names what cites it
            assertEquals("/" + Urls.project(p.id()), passage.selectFirst("p.cited-by a").attr("href"));
        }
        assertEquals(5, source.select("details.source-citations li").size());
    }

    @Test
    void theFactsLinkTheOfficialAddressTheOriginalAndTheTextAsPublished() throws Exception {
        Document doc = sourcePage();
        assertEquals("原文：天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表", doc.selectFirst("h1").text());
        List<Element> dd = doc.select(".source-facts dd");
        assertEquals("https://example.org/zongdui/2024年项目支出绩效目标表.docx?id=17&type=docx",
                dd.get(0).selectFirst("a").attr("href"));
        assertEquals("2024年2月5日", dd.get(1).text());
        assertEquals("2024-02-05", dd.get(1).selectFirst("time").attr("datetime"));
        long originalBytes = Files.size(contentDir.resolve("sources").resolve(ORIGINAL));
        Element original = dd.get(2).selectFirst("a");
        assertEquals("/sources/" + ORIGINAL, original.attr("href"));
        assertTrue(original.hasAttr("download"));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", original.attr("type"));
        assertTrue(dd.get(2).text().startsWith("zongdui-2024.docx（Word 文档，" + String.format(java.util.Locale.ROOT,
                "%.1f KB", originalBytes / 1024.0) + "）"), dd.get(2).text());
        assertEquals("001_88a8ef7fc06e4953.txt（纯文本，UTF-8 编码，7.0 KB，373 行）", dd.get(3).text());
        // the files are published unchanged beside the page
        assertArrayEquals(Files.readAllBytes(contentDir.resolve("sources").resolve(ORIGINAL)),
                Files.readAllBytes(site.resolve(Urls.source(ORIGINAL))));
        assertArrayEquals(Files.readAllBytes(contentDir.resolve("sources").resolve(DOCUMENT)),
                Files.readAllBytes(site.resolve(Urls.source(DOCUMENT))));
        // the department-year page's 出处 opens the page too
        assertEquals("/" + Urls.sourcePage(DOCUMENT), page(Urls.departmentYear("tianjin", "362303", 2024) + "index.html")
                .selectFirst("p.source a").attr("href"));
        // and the department page's 公开文件 list, by the file's name
        Element year = page(Urls.department("tianjin", "362303") + "index.html").selectFirst("ul.year-docs li");
        assertEquals(List.of("天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表", "001_88a8ef7fc06e4953.txt"),
                year.select("a").eachText().subList(0, 2));
        assertEquals("/" + Urls.sourcePage(DOCUMENT), year.select("a").get(1).attr("href"));
    }

    /** The year's downloads carry the document's official address and date: department_years.csv and the year's JSON. */
    @Test
    void theYearsDownloadsCarryTheDocumentsAddressAndDate() throws Exception {
        String url = "https://example.org/zongdui/2024年项目支出绩效目标表.docx?id=17&type=docx";
        List<String> csv = Files.readAllLines(site.resolve("data/department_years.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).contains(",source_document,document_url,document_published,project_count,"), csv.get(0));
        assertTrue(csv.get(1).contains("," + DOCUMENT + "," + url + ",2024-02-05,"), csv.get(1));
        com.fasterxml.jackson.databind.JsonNode year = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(site.resolve("tianjin/362303/2024.json").toFile());
        assertEquals(url, year.get("document_url").asText());
        assertEquals("2024-02-05", year.get("document_published").asText());
    }

    /** A Markdown page may link a line too (validate knows the page; the build's link check finds it). */
    @Test
    void aMarkdownPageLinksALine() throws Exception {
        assertEquals("../" + Urls.sourcePage(DOCUMENT) + "#L69",
                page(Urls.page("about") + "index.html").selectFirst("main .prose a").attr("href"));
    }

    @Test
    void wordMarkupIsShownApartInsideItsLine() throws Exception {
        Element first = sourcePage().getElementById("L1").selectFirst("li");
        assertEquals(" [bookmark: _Toc157675417]1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表", first.wholeText());
        assertEquals(List.of("[bookmark: _Toc157675417]"), first.select("span.word-mark").eachText());
    }

    @Test
    void theSourcePageIsInTheSitemapAndTheBuildIsByteIdentical(@TempDir Path again) throws Exception {
        assertTrue(Files.readString(site.resolve("sitemap.xml")).contains("<loc>https://example.org/"
                + Urls.sourcePage(DOCUMENT) + "</loc>"));
        assertEquals(Trees.hashes(site), Trees.hashes(build(again.resolve("site"))));
    }

    @Test
    void theNuHtmlCheckerFindsNoErrors() throws Exception {
        assertEquals(List.of(), HtmlChecker.errors(List.of(site.resolve(Urls.sourcePage(DOCUMENT)),
                site.resolve(Urls.project("362303-2024-001") + "index.html"),
                site.resolve(Urls.departmentYear("tianjin", "362303", 2024) + "index.html"))));
    }

    @Test
    void axeFindsNoViolationsWithAPassageTargeted(@TempDir Path profile) throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            for (int width : new int[] {390, 1280}) {
                try (Browser browser = Browser.start(profile.resolve("w" + width), width, 900)) {
                    for (String url : List.of(Urls.sourcePage(DOCUMENT), Urls.sourcePage(DOCUMENT) + "#L69",
                            Urls.sourcePage(DOCUMENT) + "#L70")) {
                        browser.open("http://127.0.0.1:" + server.port() + "/" + url);
                        assertEquals(List.of(), browser.axeViolations(), width + "px /" + url);
                    }
                }
            }
        }
    }

    /**
     * On a 360 px phone nothing reaches past the screen (the long lines wrap), the text is at least 16 px, and
     * following a citation scrolls to its passage and highlights it, the cited line most.
     */
    @Test
    void onAPhoneLinesWrapAndACitationHighlightsItsPassage(@TempDir Path profile) throws Exception {
        String overflow = "document.querySelectorAll('details').forEach(d => d.open = true);"
                + "const w = document.documentElement.clientWidth; const bad = [];"
                + "if (document.documentElement.scrollWidth > w) bad.push('document ' + document.documentElement.scrollWidth);"
                + "for (const e of document.querySelectorAll('main *')) {"
                + "  if (e.closest('.visually-hidden')) continue;"
                + "  const r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && r.right > w + 0.5) bad.push(e.tagName + '.' + e.className + ' right=' + r.right);"
                + "}"
                + "return bad.slice(0, 10);";
        String background = "return getComputedStyle(document.getElementById(arguments[0])).backgroundColor;";
        try (DevServer server = new DevServer(site, "/", 0); Browser browser = Browser.start(profile, 360, 800)) {
            server.start();
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
            browser.open("http://127.0.0.1:" + server.port() + "/" + Urls.sourcePage(DOCUMENT) + "#L69");
            assertEquals(List.of(), browser.driver().executeScript(overflow));
            Object fontSize = browser.driver().executeScript(
                    "return parseFloat(getComputedStyle(document.querySelector('ol.lines > li')).fontSize);");
            assertTrue(((Number) fontSize).doubleValue() >= 16, "text size " + fontSize);
            // the target passage is highlighted and in view; another passage is not highlighted
            assertEquals("rgb(255, 246, 204)", browser.driver().executeScript(background, "L69"));
            assertEquals("rgba(0, 0, 0, 0)", browser.driver().executeScript(background, "L143"));
            Object top = browser.driver().executeScript("return document.getElementById('L69').getBoundingClientRect().top;");
            assertTrue(Math.abs(((Number) top).doubleValue()) < 40, "scrolled to the passage: top " + top);
            Object cited = browser.driver().executeScript("return getComputedStyle(document.querySelector("
                    + "'#L69 > ol > li')).fontWeight;");
            assertEquals("700", String.valueOf(cited));
        }
    }
}
