package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.serve.DevServer;
import gongkai.testing.Browser;
import gongkai.testing.HtmlChecker;
import gongkai.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Markdown page's English twin ({@code pages/<name>.en.md}): sites/test-site with the pages of sites/english-pages
 * (guide.md and its twin guide.en.md; about.md keeps no twin), built by the standard stages. /en/guide/ is the
 * English text in an English page — no notice, its own title in the menu, contents and heading anchors of its own,
 * the Chinese it quotes marked, its links read from where it is — while /guide/ keeps its Chinese text and address,
 * the two linked both ways; /en/about/ still shows the Chinese text under its notice.
 */
class EnglishPagesTest {
    private static final Pattern CJK = Pattern.compile("[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F]");
    private static final String BASE = "https://example.org/";

    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        Path content = TestSites.copyWithSources(TestSites.TEST_SITE, tmp);
        Path pages = Path.of("generator/src/test/resources/sites/english-pages/pages");
        for (String name : List.of("guide.md", "guide.en.md")) {
            Files.copy(pages.resolve(name), content.resolve("pages").resolve(name));
        }
        site = tmp.resolve("site");
        SitePipelines.builder(BuildOptions.of(content, TestSites.defaultTheme(), site, line -> { }), ContentSource.yaml())
                .export(new ExportStage()).build().run();
    }

    private static Document page(String url) throws Exception {
        return Jsoup.parse(site.resolve(url + "index.html").toFile(), "UTF-8", BASE + url);
    }

    @Test
    void theTwinIsAnEnglishPageWithoutTheNotice() throws Exception {
        Document en = page("en/guide/");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("Data guide", en.selectFirst("h1").text());
        assertEquals("Data guide · 公开 · 预算绩效目标公开数据", en.title());
        assertNull(en.selectFirst("main p.hint"), "no 'published in Chinese only' notice");
        Element prose = en.selectFirst("main div.prose");
        assertNull(prose.closest("[lang=zh-CN]"), "the text is not marked Chinese");
        assertTrue(prose.text().startsWith("This page describes the site's downloads."), prose.text());
        assertEquals("This page describes the site's downloads. All the data is on the downloads page, or download everything at once.",
                en.selectFirst("meta[name=description]").attr("content"), "the description is the English text's first paragraph");
        assertEquals(BASE + "en/guide/", en.selectFirst("link[rel=canonical]").attr("href"));
        // in the English menu the page has its English title; a page without a twin keeps its Chinese one, marked
        assertEquals("Data guide", en.selectFirst("nav.site-nav a[href=/en/guide/]").text());
        assertEquals("zh-CN", en.selectFirst("nav.site-nav a[href=/en/about/] span").attr("lang"));
        assertEquals("Data guide", page("en/").selectFirst("nav.site-nav a[href=/en/guide/]").text());
    }

    @Test
    void theChinesePageKeepsItsTextAndAddress() throws Exception {
        Document zh = page("guide/");
        assertEquals("zh-CN", zh.selectFirst("html").attr("lang"));
        assertEquals("数据说明", zh.selectFirst("h1").text());
        assertTrue(zh.selectFirst("main div.prose").text().startsWith("本页说明本站的下载文件。"));
        assertEquals("数据说明", zh.selectFirst("nav.site-nav a[href=/guide/]").text());
        assertEquals(BASE + "data/gongkai-data.zip", zh.selectFirst("main div.prose a[href$=.zip]").absUrl("href"));
    }

    @Test
    void theTwinsLinkEachOtherBothWays() throws Exception {
        Document zh = page("guide/");
        Document en = page("en/guide/");
        assertEquals("/en/guide/", zh.selectFirst("nav.site-nav li.lang-switch a").attr("href"));
        assertEquals("/guide/", en.selectFirst("nav.site-nav li.lang-switch a").attr("href"));
        for (Document d : List.of(zh, en)) {
            assertEquals(BASE + "guide/", d.selectFirst("link[rel=alternate][hreflang=zh-CN]").attr("href"));
            assertEquals(BASE + "en/guide/", d.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
        }
    }

    /** The contents list the English headings, each linking the heading's own id (h- and its English words). */
    @Test
    void theContentsAndHeadingAnchorsWorkInEnglish() throws Exception {
        Document en = page("en/guide/");
        List<Element> entries = en.select("nav.toc li a");
        assertEquals(List.of("Files", "Amounts", "Ids", "Sources"), entries.stream().map(Element::text).toList());
        assertEquals(List.of("#h-files", "#h-amounts", "#h-ids", "#h-sources"), entries.stream().map(a -> a.attr("href")).toList());
        for (Element a : entries) {
            Element target = en.getElementById(a.attr("href").substring(1));
            assertNotNull(target, a.attr("href"));
            assertEquals("h2", target.tagName());
            assertEquals(a.text(), target.text());
            assertFalse(a.hasAttr("lang"), "an English entry is not marked Chinese");
        }
        List<String> ids = en.select("[id]").eachAttr("id");
        assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique: " + ids);
        // the Chinese page's own contents are unchanged, its entries unmarked (the page is Chinese)
        assertEquals(List.of("文件", "金额", "编号", "来源"), page("guide/").select("nav.toc li a").eachText());
    }

    /** Every Chinese word of the English text — a quoted unit, a code value — sits in an element marked Chinese. */
    @Test
    void theChineseTheTwinQuotesIsMarked() throws Exception {
        Element prose = page("en/guide/").selectFirst("main div.prose");
        List<String> unmarked = prose.select("*").stream()
                .flatMap(e -> e.textNodes().stream())
                .filter(t -> CJK.matcher(t.text()).find())
                .filter(t -> !"zh-CN".equals(((Element) t.parent()).closest("[lang]") == null ? null
                        : ((Element) t.parent()).closest("[lang]").attr("lang")))
                .map(t -> t.text()).toList();
        assertEquals(List.of(), unmarked);
        assertEquals(List.of("元", "万元"), prose.select("code[lang=zh-CN]").eachText());
        assertEquals(List.of("万元/人"), prose.select("span[lang=zh-CN]").eachText(), "a run of Chinese, with what it holds");
        assertEquals(List.of("data/projects.csv", "tianjin/362303/2024.csv", "budget_unit"),
                prose.select("code:not([lang])").eachText(), "code without Chinese is not marked");
    }

    /** The twin's relative links are read from /en/guide/, as its author wrote them; every one reaches a page. */
    @Test
    void theTwinsLinksLeadWhereTheyAreWritten() throws Exception {
        Document en = page("en/guide/");
        assertEquals(List.of("en/data/", "data/gongkai-data.zip", "tianjin/362303/2024.csv", "en/projects/362303-2024-001/",
                        "projects/362303-2024-001/", "en/sources/tianjin/362303/001_88a8ef7fc06e4953.txt.html#L1", "guide/"),
                en.select("main div.prose a").stream().map(a -> a.absUrl("href").substring(BASE.length())).toList());
        for (Element a : en.select("main div.prose a")) {
            String path = a.absUrl("href").substring(BASE.length()).replaceAll("#.*", "");
            assertTrue(Files.isRegularFile(site.resolve(path.endsWith("/") ? path + "index.html" : path)), path);
        }
    }

    @Test
    void aPageWithoutATwinStillShowsTheChineseTextUnderTheNotice() throws Exception {
        Document about = page("en/about/");
        assertEquals("en", about.selectFirst("html").attr("lang"));
        assertTrue(about.selectFirst("main p.hint").text().startsWith("This page is published in Chinese only"));
        assertEquals("zh-CN", about.selectFirst("main div.prose").closest("[lang]").attr("lang"));
        assertTrue(about.selectFirst("meta[name=description]").attr("content").endsWith("published in Chinese only"),
                about.selectFirst("meta[name=description]").attr("content"));
        assertFalse(CJK.matcher(about.selectFirst("meta[name=description]").attr("content")
                .replace("关于本站", "").replace("公开 · 预算绩效目标公开数据", "")).find(), "the words around the titles are English");
    }

    @Test
    @Tag("slow")
    void theTwinsAreValidHtml() throws Exception {
        assertEquals(List.of(), HtmlChecker.errors(List.of(site.resolve("en/guide/index.html"),
                site.resolve("guide/index.html"), site.resolve("en/about/index.html"))));
    }

    @Test
    @Tag("slow")
    void theTwinWorksOnAPhoneAndADesktop(@TempDir Path profile) throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            for (int width : new int[] {360, 1280}) {
                try (Browser browser = Browser.start(profile.resolve("w" + width), Math.max(width, 800), 900)) {
                    if (width < 800) {
                        browser.emulatePhone(width, 800);
                    }
                    for (String url : List.of("en/guide/", "guide/", "en/guide/#h-amounts")) {
                        browser.open(base + url);
                        assertEquals(List.of(), browser.axeViolations(), width + "px /" + url);
                        assertEquals(List.of(), browser.overflowing(), width + "px /" + url);
                    }
                }
            }
        }
    }

    /** The committed English twins (content/pages/*.en.md) pass validation with the content they describe. */
    @Test
    void theCommittedPagesHaveTheirTwins() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("content/pages"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("about.en.md", "about.md", "data-guide.en.md", "data-guide.md"), names);
        }
        assertEquals(List.of(), gongkai.validate.Validation.check(Path.of("content")).errors());
    }
}
