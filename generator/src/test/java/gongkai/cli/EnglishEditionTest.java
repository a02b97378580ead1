package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.content.Urls;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.serve.DevServer;
import gongkai.site.Editions;
import gongkai.testing.Browser;
import gongkai.testing.HtmlChecker;
import gongkai.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The English edition of two fixture sites built by the standard stages (sites/test-site: every page type but the
 * withdrawn project's; sites/corrections: corrections and a withdrawn project): every page is also under /en/ with
 * lang="en", English headings, a language switch to the same page in the other edition and back, hreflang
 * alternates in both, every Chinese text inside an element marked lang="zh-CN" (the data as published), the
 * downloads shared, both editions in the sitemap.
 */
class EnglishEditionTest {
    private static final Pattern CJK = Pattern.compile("[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F]");
    private static final String BASE = "https://example.org/";
    private static final String DOCUMENT = "tianjin/362303/001_88a8ef7fc06e4953.txt";

    @TempDir
    static Path tmp;
    static Path site;
    static Path corrections;

    @BeforeAll
    static void build() throws Exception {
        site = build(TestSites.TEST_SITE, "test-site");
        corrections = build(Path.of("generator/src/test/resources/sites/corrections"), "corrections");
    }

    private static Path build(Path fixture, String name) throws Exception {
        Path content = TestSites.copyWithSources(fixture, tmp.resolve(name));
        Path out = tmp.resolve(name + "-site");
        SitePipelines.builder(BuildOptions.of(content, TestSites.defaultTheme(), out, line -> { }), ContentSource.yaml())
                .export(new ExportStage()).index(new gongkai.search.SearchIndexStage()).build().run();
        return out;
    }

    private static Document page(Path root, String url) throws Exception {
        Path file = root.resolve(url.isEmpty() || url.endsWith("/") ? url + "index.html" : url);
        return Jsoup.parse(file.toFile(), "UTF-8", BASE + url);
    }

    /** Every page type's URL in the default edition (the English one is "en/" + it), with the site it is in. */
    private static Map<String, Path> pageTypes() {
        Map<String, Path> urls = new LinkedHashMap<>();
        urls.put(Urls.home(), site);
        urls.put(Urls.region("tianjin"), site);
        urls.put(Urls.department("tianjin", "362303"), site);
        urls.put(Urls.departmentYear("tianjin", "362303", 2024), site);
        urls.put(Urls.departmentYear("hengshui", "467", 2020), site);
        urls.put(Urls.project("362303-2024-001"), site);
        urls.put(Urls.dataPage(), site);
        urls.put(Urls.quality(), site);
        urls.put(Urls.search(), site);
        urls.put(Urls.page("about"), site);
        urls.put(Urls.sourcePage(DOCUMENT), site);
        urls.put("404.html", site);
        urls.put(Urls.project("362303-2024-003"), corrections); // withdrawn
        urls.put(Urls.departmentYear("tianjin", "362303", 2024) + "#corrections", corrections);
        return urls;
    }

    @Test
    void everyPageTypeHasAnEnglishTwinWithEnglishHeadings() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(Urls.home(), "By year");
        expected.put(Urls.region("tianjin"), "Departments");
        expected.put(Urls.department("tianjin", "362303"), "Years");
        expected.put(Urls.departmentYear("tianjin", "362303", 2024), "Project performance targets");
        expected.put(Urls.departmentYear("hengshui", "467", 2020), "Department tables");
        expected.put(Urls.project("362303-2024-001"), "Performance indicators");
        expected.put(Urls.dataPage(), "Whole-dataset files");
        expected.put(Urls.quality(), "Checks");
        expected.put(Urls.sourcePage(DOCUMENT), "About the document");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Document en = page(site, "en/" + e.getKey());
            assertEquals("en", en.selectFirst("html").attr("lang"), e.getKey());
            assertTrue(en.select("main h2").eachText().contains(e.getValue()),
                    e.getKey() + ": " + en.select("main h2").eachText());
            assertEquals("zh-CN", page(site, e.getKey()).selectFirst("html").attr("lang"));
        }
        assertEquals("Data downloads", page(site, "en/data/").selectFirst("h1").text());
        assertEquals("Search", page(site, "en/search/").selectFirst("h1").text());
        assertEquals("Page not found", page(site, "en/404.html").selectFirst("h1").text());
        assertEquals("Withdrawn", page(corrections, "en/" + Urls.project("362303-2024-003")).selectFirst("main h2").text());
        assertEquals("Corrections", page(corrections, "en/" + Urls.departmentYear("tianjin", "362303", 2024))
                .selectFirst("aside.corrections h2").text());
        // the Markdown page is the Chinese text, marked so, under a note saying it is in Chinese
        Document about = page(site, "en/about/");
        assertTrue(about.selectFirst("main p.hint").text().startsWith("This page is published in Chinese only"));
        assertEquals("zh-CN", about.selectFirst("main div.prose").closest("[lang]").attr("lang"));
        // amounts keep their figures; the unit is written out
        Document year = page(site, "en/" + Urls.departmentYear("tianjin", "362303", 2024));
        assertTrue(year.selectFirst("p.totals").text().contains("×10,000 yuan"), year.selectFirst("p.totals").text());
        assertEquals(page(site, Urls.departmentYear("tianjin", "362303", 2024)).select("#project-table data").eachText(),
                year.select("#project-table data").eachText());
    }

    @Test
    void theLanguageSwitchAndTheAlternatesLinkTheTwinsBothWays() throws Exception {
        for (Map.Entry<String, Path> e : pageTypes().entrySet()) {
            String url = e.getKey().replaceAll("#.*", "");
            if (url.equals("404.html")) {
                continue; // no canonical twin: a host serves its own 404
            }
            Document zh = page(e.getValue(), url);
            Document en = page(e.getValue(), "en/" + url);
            Element toEn = zh.selectFirst("nav.site-nav li.lang-switch a");
            assertNotNull(toEn, url);
            assertEquals("/en/" + url, toEn.attr("href"));
            assertEquals("en", toEn.attr("hreflang"));
            assertEquals("English", toEn.text());
            Element toZh = en.selectFirst("nav.site-nav li.lang-switch a");
            assertEquals("/" + url, toZh.attr("href"));
            assertEquals("zh-CN", toZh.attr("hreflang"));
            assertEquals("zh-CN", toZh.attr("lang"));
            assertEquals("中文", toZh.text());
            for (Document d : List.of(zh, en)) {
                assertEquals(BASE + url, d.selectFirst("link[rel=alternate][hreflang=zh-CN]").attr("href"), url);
                assertEquals(BASE + "en/" + url, d.selectFirst("link[rel=alternate][hreflang=en]").attr("href"), url);
            }
            assertEquals(BASE + "en/" + url, en.selectFirst("link[rel=canonical]").attr("href"));
            // links between pages stay in the edition (but a link marked with the other edition's hreflang, and the
            // links of the Chinese Markdown text, which reach what its author linked); files are shared
            for (Element a : en.select("main a[href^=/]:not([hreflang]):not(.prose a)")) {
                String href = a.attr("href");
                boolean file = href.startsWith("/data/") && !href.equals("/data/") || href.startsWith("/sources/")
                        || href.matches(".*\\.(csv|json|xml|zip|txt)(#.*)?$");
                assertTrue(file != href.startsWith("/en/") || href.equals("/"), url + ": " + href);
            }
        }
    }

    /** Every Chinese text of an English page's body sits in an element marked lang="zh-CN". */
    @Test
    void chineseOnEnglishPagesIsMarkedAsChinese() throws Exception {
        for (Path root : List.of(site, corrections)) {
            List<Path> pages;
            try (Stream<Path> files = Files.walk(root.resolve("en"))) {
                pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            }
            assertTrue(pages.size() > 10, root + ": " + pages.size());
            List<String> unmarked = new ArrayList<>();
            for (Path file : pages) {
                Document d = Jsoup.parse(file.toFile(), "UTF-8");
                NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
                    if (node instanceof TextNode text && CJK.matcher(text.text()).find()) {
                        Element parent = (Element) node.parent();
                        if (parent.closest("script, style, title") != null) {
                            return;
                        }
                        Element marked = parent.closest("[lang]");
                        if (marked == null || !marked.attr("lang").equals("zh-CN")) {
                            unmarked.add(root.relativize(file) + ": <" + parent.tagName() + "> " + text.text().strip());
                        }
                    }
                }, d.body());
            }
            assertEquals(List.of(), unmarked.stream().limit(20).toList());
        }
    }

    /**
     * The interface words of an English page's labels are English too — aria-label, title, alt, placeholder, the
     * &lt;title&gt; and the descriptions: the Chinese in them is only what they quote of the data (a project's, a
     * department's name), which the page shows marked lang="zh-CN".
     */
    @Test
    void labelsTitlesAndDescriptionsOfEnglishPagesAreEnglish() throws Exception {
        Pattern run = Pattern.compile("[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F]+");
        List<String> unquoted = new ArrayList<>();
        int labels = 0;
        for (Path root : List.of(site, corrections)) {
            List<Path> pages;
            try (Stream<Path> files = Files.walk(root.resolve("en"))) {
                pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            }
            for (Path file : pages) {
                Document d = Jsoup.parse(file.toFile(), "UTF-8");
                String data = String.join("\n", d.select("[lang=zh-CN]").eachText());
                List<String> texts = new ArrayList<>();
                texts.add(d.title());
                for (String attr : List.of("aria-label", "title", "alt", "placeholder")) {
                    texts.addAll(d.select("[" + attr + "]").eachAttr(attr));
                }
                texts.addAll(d.select("meta[name=description], meta[property=og:description], meta[property=og:title]")
                        .eachAttr("content"));
                for (String text : texts) {
                    labels++;
                    java.util.regex.Matcher m = run.matcher(text);
                    while (m.find()) {
                        if (!data.contains(m.group())) {
                            unquoted.add(root.relativize(file) + ": " + text);
                            break;
                        }
                    }
                }
            }
        }
        assertTrue(labels > 300, "labels checked: " + labels);
        assertEquals(List.of(), unquoted.stream().distinct().limit(20).toList());
    }

    /**
     * A source document's page is a page of each edition: /en/ citations link the line on the English one, whose
     * labels are English and whose text stays the document's own, marked Chinese; the files it offers are shared.
     */
    @Test
    void citationsOnEnglishPagesLinkTheEnglishSourcePage() throws Exception {
        String sourcePage = "/en/" + Urls.sourcePage(DOCUMENT);
        Document project = page(site, "en/" + Urls.project("362303-2024-001"));
        Element citation = project.selectFirst("main p.source");
        assertTrue(citation.text().matches("Source: file 001_88a8ef7fc06e4953\\.txt, “.*”, line \\d+\\."), citation.text());
        assertEquals(sourcePage, citation.selectFirst("a:has(code)").attr("href"));
        assertTrue(citation.select("a").last().attr("href").matches(Pattern.quote(sourcePage) + "#L\\d+"),
                citation.select("a").last().attr("href"));
        assertEquals(sourcePage, page(site, "en/" + Urls.department("tianjin", "362303"))
                .selectFirst("ul.year-docs a[href$=.txt.html]").attr("href"));

        Document en = page(site, sourcePage.substring(1));
        Document zh = page(site, Urls.sourcePage(DOCUMENT));
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals(List.of("About the document", "Full text"), en.select("main h2").eachText());
        assertEquals(List.of("Official address", "Published on", "Original file", "Text file"),
                en.select(".source-facts dt").eachText());
        assertEquals("zh-CN", en.selectFirst("div.source-text").attr("lang"));
        assertEquals(zh.select("ol.lines > li").eachText(), en.select("ol.lines > li").eachText(), "the same text");
        assertEquals(zh.select("ol.lines > li[id]").eachAttr("id"), en.select("ol.lines > li[id]").eachAttr("id"));
        assertTrue(en.selectFirst("p.cited-by").text().startsWith("Cited on this site by: project "),
                en.selectFirst("p.cited-by").text());
        assertEquals("/en/" + Urls.project("362303-2024-001"), en.selectFirst("p.cited-by a").attr("href"));
        assertEquals("/" + Urls.source(DOCUMENT), en.selectFirst(".source-facts a[type=text/plain]").attr("href"));
        assertEquals(zh.select(".source-facts a[type]").eachAttr("href"), en.select(".source-facts a[type]").eachAttr("href"));
    }

    @Test
    void downloadsAreSharedAndTheSitemapListsBothEditions() throws Exception {
        try (Stream<Path> files = Files.walk(site.resolve("en"))) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".html"))
                    .map(p -> site.relativize(p).toString()).toList(), "no file but pages under en/");
        }
        String sitemap = Files.readString(site.resolve("sitemap.xml"), StandardCharsets.UTF_8);
        for (String url : List.of(Urls.home(), Urls.departmentYear("tianjin", "362303", 2024), Urls.dataPage())) {
            assertTrue(sitemap.contains("<loc>" + BASE + url + "</loc>"), url);
            assertTrue(sitemap.contains("<loc>" + BASE + "en/" + url + "</loc>"), url);
        }
        // /en/data/ lists the same files as /data/, by the same links
        assertEquals(page(site, "data/").select("main a[href$=.csv], main a[href$=.json], main a[href$=.zip]").eachAttr("href"),
                page(site, "en/data/").select("main a[href$=.csv], main a[href$=.json], main a[href$=.zip]").eachAttr("href"));
    }

    @Test
    void theSearchPageGivesSearchJsItsEditionsLabels() throws Exception {
        Element zh = page(site, "search/").selectFirst("#search-app");
        Element en = page(site, "en/search/").selectFirst("#search-app");
        assertEquals(zh.attr("data-base"), en.attr("data-base"), "one index for both editions");
        assertEquals("/en/", en.attr("data-pages"));
        assertFalse(zh.hasAttr("data-pages"));
        ObjectMapper json = new ObjectMapper();
        JsonNode zhStrings = json.readTree(zh.attr("data-strings"));
        JsonNode enStrings = json.readTree(en.attr("data-strings"));
        Set<String> zhKeys = new TreeSet<>();
        zhStrings.fieldNames().forEachRemaining(zhKeys::add);
        Set<String> enKeys = new TreeSet<>();
        enStrings.fieldNames().forEachRemaining(enKeys::add);
        assertEquals(zhKeys, enKeys);
        assertEquals("搜索结果", zhStrings.get("results").asText());
        assertEquals("Search results", enStrings.get("results").asText());
        assertEquals(Editions.load(TestSites.defaultTheme()).primary().strings().keySet().stream()
                .filter(k -> k.startsWith("js_")).count(), zhKeys.size());
    }

    @Test
    @Tag("slow")
    void theEnglishPagesAreValidHtml() throws Exception {
        List<Path> html;
        try (Stream<Path> files = Stream.concat(Files.walk(site.resolve("en")), Files.walk(corrections.resolve("en")))) {
            html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertEquals(List.of(), HtmlChecker.errors(html));
    }

    /**
     * In Chromium, every English page type at 360 px and 1280 px: axe finds nothing, nothing reaches past the
     * screen; a search on the English page reports in English and links its results into /en/.
     */
    @Test
    @Tag("slow")
    void theEnglishPagesWorkOnAPhoneAndADesktop(@TempDir Path profile) throws Exception {
        for (Path root : List.of(site, corrections)) {
            try (DevServer server = new DevServer(root, "/", 0)) {
                server.start();
                String base = "http://127.0.0.1:" + server.port() + "/";
                for (int width : new int[] {360, 1280}) {
                    try (Browser browser = Browser.start(profile.resolve(root.getFileName() + "-" + width),
                            Math.max(width, 800), 900)) {
                        if (width < 800) {
                            browser.emulatePhone(width, 800);
                        }
                        for (Map.Entry<String, Path> e : pageTypes().entrySet()) {
                            if (e.getValue() != root) {
                                continue;
                            }
                            browser.open(base + "en/" + e.getKey());
                            assertEquals(List.of(), browser.axeViolations(), width + "px /en/" + e.getKey());
                            assertEquals(List.of(), browser.overflowing(), width + "px /en/" + e.getKey());
                        }
                        if (root == site) {
                            browser.open(base + "en/search/?q=" + java.net.URLEncoder.encode("辐射", StandardCharsets.UTF_8));
                            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("ol.search-results h3 a")).isEmpty());
                            String status = browser.driver().findElement(org.openqa.selenium.By.cssSelector("#search-app .search-status")).getText();
                            assertTrue(status.matches("Results: \\d+.*"), status);
                            var first = browser.driver().findElement(org.openqa.selenium.By.cssSelector("ol.search-results h3 a"));
                            assertTrue(first.getAttribute("href").startsWith(base + "en/"), first.getAttribute("href"));
                            assertEquals("zh-CN", first.getAttribute("lang"));
                            assertEquals(List.of(), browser.axeViolations(), width + "px /en/search/?q=");
                        }
                    }
                }
            }
        }
    }
}
