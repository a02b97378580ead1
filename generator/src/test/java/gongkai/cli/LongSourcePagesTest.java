package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.DepartmentYear;
import gongkai.content.DocumentText;
import gongkai.content.Project;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.content.Urls;
import gongkai.export.ExportStage;
import gongkai.load.ContentLoader;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.serve.DevServer;
import gongkai.testing.Browser;
import gongkai.testing.HtmlChecker;
import gongkai.testing.TestSites;
import gongkai.testing.Trees;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * sites/long-sources: seed 003 (6,791 lines), the one document four Tianjin departments published, kept in the
 * folders of 财务处 (362101, citing lines 1–4,632) and 监测中心 (362203, 4,714–5,824), with their committed year
 * files (copied in from content/tianjin/, so the citations are the real ones), served under /gongkai/. Each copy's
 * page is shown in parts: consecutive line ranges, no cited passage cut, every link to a line landing on the part
 * that shows it, and an old link (the page's address with #L5000) taken there, in Chromium.
 */
@Tag("slow")
class LongSourcePagesTest {
    static final Path FIXTURE = Path.of("generator/src/test/resources/sites/long-sources");
    static final String CAIWU = "tianjin/362101/003_048537671a369fc1.txt";
    static final String JIANCE = "tianjin/362203/003_048537671a369fc1.txt";
    static final String BASE = "/gongkai/";

    @TempDir
    static Path tmp;
    static Path contentDir;
    static Path site;
    static Content content;
    static List<String> lines;

    @BeforeAll
    static void build() throws Exception {
        contentDir = tmp.resolve("content");
        Trees.copy(FIXTURE, contentDir);
        for (String code : List.of("362101", "362203")) {
            Trees.copy(Path.of("content/tianjin", code), contentDir.resolve("tianjin").resolve(code));
        }
        content = ContentLoader.load(contentDir).content();
        TestSites.addSources(content, contentDir);
        site = build(tmp.resolve("site"));
        lines = DocumentText.read(Files.readAllBytes(contentDir.resolve("sources").resolve(CAIWU))).lines();
    }

    static Path build(Path out) throws Exception {
        SitePipelines.builder(BuildOptions.of(contentDir, TestSites.defaultTheme(), out, line -> { }),
                ContentSource.yaml()).export(new ExportStage()).build().run();
        return out;
    }

    static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    /** The parts of the document's page in an edition ("" or "en/"), in order. */
    static List<Document> parts(String document, String edition) throws Exception {
        List<Document> parts = new ArrayList<>();
        for (int k = 1; Files.exists(site.resolve(edition + Urls.sourcePage(document, k))); k++) {
            parts.add(page(edition + Urls.sourcePage(document, k)));
        }
        return parts;
    }

    /** Every line a year file citing {@code document} (or, with null, either copy) cites: where passages end. */
    static NavigableSet<Integer> cited(String document) {
        NavigableSet<Integer> out = new TreeSet<>();
        for (DepartmentYear dy : content.departmentYears()) {
            if (document == null || dy.document().equals(document)) {
                List<SourceRef> refs = new ArrayList<>();
                dy.sections().stream().map(Section::source).forEach(refs::add);
                dy.tables().stream().map(DataTable::source).forEach(refs::add);
                dy.projects().stream().map(Project::source).forEach(refs::add);
                refs.stream().filter(r -> r != null && r.line() >= 1).forEach(r -> out.add(r.line()));
            }
        }
        return out;
    }

    static String range(int part, int first, int last) {
        return String.format(Locale.ROOT, "第 %d 部分（第 %,d–%,d 行）", part, first, last);
    }

    @Test
    void aLongDocumentIsShownInPartsThatKeepItsLineNumbersTheFirstAtThePagesAddress() throws Exception {
        assertEquals(6791, lines.size());
        for (String document : List.of(CAIWU, JIANCE)) {
            List<Document> parts = parts(document, "");
            assertTrue(parts.size() >= 5, document + ": " + parts.size() + " parts");
            int number = 0;
            for (int k = 1; k <= parts.size(); k++) {
                Document part = parts.get(k - 1);
                String where = document + " part " + k;
                int first = number + 1;
                for (Element ol : part.select("ol.lines")) {
                    assertEquals(number + 1, Integer.parseInt(ol.attr("start")), where + ": the lists continue the numbers");
                    for (Element li : ol.children()) {
                        number++;
                        assertEquals(lines.get(number - 1), li.wholeText(), where + ", line " + number);
                        Element anchor = li.id().isEmpty() ? li.parent().parent() : li;
                        assertEquals("L" + number, anchor.id(), where + ", line " + number);
                    }
                }
                int last = number;
                // parts of about equal length, each far shorter than the 6,791 lines
                assertTrue(last - first + 1 >= 500 && last - first + 1 <= 1500, where + ": lines " + first + "–" + last);
                // every part's pager names every part's range, this one current; the heading says which part this is
                List<Element> pager = part.select("nav.source-parts li a");
                assertEquals(parts.size(), pager.size(), where);
                assertEquals(range(k, first, last), pager.get(k - 1).text(), where);
                assertEquals(List.of(String.valueOf(k)), part.select("nav.source-parts a[aria-current=page]").stream()
                        .map(a -> String.valueOf(pager.indexOf(a) + 1)).toList(), where);
                for (int j = 1; j <= parts.size(); j++) {
                    assertEquals(BASE + Urls.sourcePage(document, j), pager.get(j - 1).attr("href"), where);
                }
                assertEquals(String.format(Locale.ROOT, "全文 · 第 %d 部分（第 %,d–%,d 行）", k, first, last),
                        part.getElementById("text-h").text(), where);
                assertTrue(part.selectFirst("h1").text().startsWith("原文（第 " + k + " 部分）："), where);
                assertEquals("原文（第 " + k + " 部分）", part.select("nav.breadcrumbs li").last().text(), where);
                assertEquals(k > 1 ? BASE + Urls.sourcePage(document, k - 1) : "",
                        part.select("nav.source-prev-next a[rel=prev]").attr("href"), where);
                assertEquals(k < parts.size() ? BASE + Urls.sourcePage(document, k + 1) : "",
                        part.select("nav.source-prev-next a[rel=next]").attr("href"), where);
                assertEquals("https://example.org" + BASE + Urls.sourcePage(document, k),
                        part.selectFirst("link[rel=canonical]").attr("href"), where);
            }
            assertEquals(lines.size(), number, document + ": every line once");
            assertFalse(Files.exists(site.resolve(Urls.sourcePage(document, parts.size() + 1))), document);
        }
        // the first part keeps the address the page always had: the year's 出处 and the department's list link it
        DepartmentYear caiwu = content.departmentYears().stream().filter(dy -> dy.document().equals(CAIWU)).findFirst()
                .orElseThrow();
        assertEquals(BASE + Urls.sourcePage(CAIWU), page(Urls.departmentYear(caiwu) + "index.html")
                .selectFirst("p.source a").attr("href"));
        assertEquals(BASE + Urls.sourcePage(CAIWU), page(Urls.department("tianjin", "362101") + "index.html")
                .select("ul.year-docs li a").get(1).attr("href"));
    }

    /**
     * A passage runs from a cited line to the line before the next line either copy cites: it is on one part, whole,
     * and a part starts at a passage's first line or between passages.
     */
    @Test
    void noCitedPassageIsCutBetweenParts() throws Exception {
        NavigableSet<Integer> bounds = cited(null);
        for (String document : List.of(CAIWU, JIANCE)) {
            List<Document> parts = parts(document, "");
            NavigableSet<Integer> own = cited(document);
            assertTrue(own.size() >= 10, document);
            List<int[]> passages = new ArrayList<>();
            for (int line : own) {
                Integer next = bounds.higher(line);
                int end = next == null ? lines.size() : next - 1;
                passages.add(new int[] {line, end});
                List<Element> found = parts.stream().map(p -> p.getElementById("L" + line))
                        .filter(java.util.Objects::nonNull).toList();
                assertEquals(1, found.size(), document + " L" + line + ": on one part");
                assertTrue(found.get(0).hasClass("passage"), document + " L" + line);
                assertEquals(end - line + 1, found.get(0).select("ol.lines > li").size(), document + " L" + line + " whole");
            }
            for (int k = 2; k <= parts.size(); k++) {
                int start = Integer.parseInt(parts.get(k - 1).selectFirst("ol.lines").attr("start"));
                for (int[] p : passages) {
                    assertFalse(start > p[0] && start <= p[1], document + " part " + k + " starts at " + start
                            + ", inside the passage " + p[0] + "–" + p[1]);
                }
            }
        }
    }

    /**
     * Every link to a line on every page of both editions (citations, the passages lists, the Markdown page's link
     * written as the page's address with #L3000) reaches a page that shows the line, and the citations of a line in
     * a later part go straight to that part.
     */
    @Test
    void everyLinkToALineReachesThePageShowingIt() throws Exception {
        Map<Path, Document> parsed = new HashMap<>();
        Pattern line = Pattern.compile(".*#L([0-9]+)");
        int links = 0;
        int laterParts = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (Path file : files) {
            String sitePath = site.relativize(file).toString().replace('\\', '/');
            for (Element a : Jsoup.parse(file.toFile(), "UTF-8").select("a[href*=#L]")) {
                String href = a.attr("href");
                if (!line.matcher(href).matches()) {
                    continue;
                }
                String path = URI.create("http://x" + BASE + sitePath).resolve(href).getPath();
                assertTrue(path.startsWith(BASE), sitePath + ": " + href);
                Path target = site.resolve(path.substring(BASE.length()));
                assertTrue(Files.isRegularFile(target), sitePath + ": " + href + " → no such file");
                Document doc = parsed.computeIfAbsent(target, t -> {
                    try {
                        return Jsoup.parse(t.toFile(), "UTF-8");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                String id = href.substring(href.indexOf('#') + 1);
                assertNotNull(doc.getElementById(id), sitePath + ": " + href + " → no line " + id + " there");
                links++;
                laterParts += path.matches(".*\\.p[0-9]+\\.html") ? 1 : 0;
            }
        }
        int projects = (int) content.departmentYears().stream().mapToLong(dy -> dy.projects().size()).sum();
        assertTrue(projects >= 50, "projects: " + projects);
        assertTrue(links >= 2 * 2 * projects, "each project's citation, on its page and its passage's list, in both "
                + "editions: " + links);
        assertTrue(laterParts > links / 2, "most cited lines are past the first part: " + laterParts + " of " + links);
        // a project's citation links the part that shows its line
        for (DepartmentYear dy : content.departmentYears()) {
            List<Document> parts = parts(dy.document(), "");
            for (Project p : dy.projects()) {
                int part = 1;
                while (parts.get(part - 1).getElementById("L" + p.source().line()) == null) {
                    part++;
                }
                for (String edition : List.of("", "en/")) {
                    Document project = page(edition + Urls.project(p.id()) + "index.html");
                    assertEquals(BASE + edition + Urls.sourcePage(dy.document(), part) + "#L" + p.source().line(),
                            project.selectFirst("p.source a[href*=#L]").attr("href"), edition + p.id());
                }
            }
        }
        // the author's link, written as the page's address with the line, goes to the part showing line 3,000
        String about = page(Urls.page("about") + "index.html").selectFirst("main .prose a").attr("href");
        assertTrue(about.matches(Pattern.quote(BASE + Urls.source(CAIWU)) + "\\.p[3-9]\\.html#L3000"), about);
        assertEquals(about, page("en/" + Urls.page("about") + "index.html").selectFirst("main a[href*=#L]").attr("href"));
    }

    /** Each part's head has the table that takes a link to another part's line there: first lines and file names. */
    @Test
    void eachPartCarriesTheTableOfPartsThatTakesALinkToItsLine() throws Exception {
        Pattern table = Pattern.compile("var s=\\[([0-9,]+)\\],u=\\[([^\\]]*)\\],c=([0-9]+),n=([0-9]+);");
        for (String edition : List.of("", "en/")) {
            List<Document> parts = parts(CAIWU, edition);
            List<String> starts = parts.stream().map(p -> p.selectFirst("ol.lines").attr("start")).toList();
            List<String> names = new ArrayList<>();
            for (int k = 1; k <= parts.size(); k++) {
                String path = Urls.sourcePage(CAIWU, k);
                names.add('"' + path.substring(path.lastIndexOf('/') + 1) + '"');
            }
            for (int k = 1; k <= parts.size(); k++) {
                Element script = parts.get(k - 1).selectFirst("head script:not([src])");
                assertNotNull(script, edition + " part " + k);
                Matcher m = table.matcher(script.data());
                assertTrue(m.find(), script.data());
                assertEquals(String.join(",", starts), m.group(1), edition + " part " + k);
                assertEquals(String.join(",", names), m.group(2), edition + " part " + k);
                assertEquals(String.valueOf(k - 1), m.group(3), edition + " part " + k);
                assertEquals(String.valueOf(lines.size()), m.group(4), edition + " part " + k);
            }
        }
    }

    @Test
    void theSitemapListsEveryPartAndTheBuildIsByteIdentical(@TempDir Path again) throws Exception {
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        for (String document : List.of(CAIWU, JIANCE)) {
            int count = parts(document, "").size();
            for (int k = 1; k <= count; k++) {
                for (String edition : List.of("", "en/")) {
                    String loc = "<loc>https://example.org" + BASE + edition + Urls.sourcePage(document, k) + "</loc>";
                    assertTrue(sitemap.contains(loc), loc);
                }
            }
        }
        assertEquals(Trees.hashes(site), Trees.hashes(build(again.resolve("site"))));
    }

    @Test
    void theNuHtmlCheckerFindsNoErrorsOnAnyPart() throws Exception {
        List<Path> pages = new ArrayList<>();
        for (int k = 1; Files.exists(site.resolve(Urls.sourcePage(CAIWU, k))); k++) {
            pages.add(site.resolve(Urls.sourcePage(CAIWU, k)));
        }
        pages.add(site.resolve("en/" + Urls.sourcePage(CAIWU, 3)));
        pages.add(site.resolve(Urls.page("about") + "index.html"));
        assertEquals(List.of(), HtmlChecker.errors(pages));
    }

    /** A project cited in part 3 of 财务处's copy: its line. */
    static int citedLineInPart(int part) throws Exception {
        Document page = page(Urls.sourcePage(CAIWU, part));
        return Integer.parseInt(page.selectFirst("div.passage").id().substring(1));
    }

    /**
     * Links written before the document was cut (the page's address with #L…) and links to a part whose lines have
     * since moved land on the part showing the line, the line targeted and highlighted; so does a line typed into
     * the address bar's #; the Markdown page's link goes there in one step.
     */
    @Test
    void anOldLinkToALineInPart3OpensPart3AtThatLine(@TempDir Path profile) throws Exception {
        int inPart3 = citedLineInPart(3);
        int first5 = Integer.parseInt(page(Urls.sourcePage(CAIWU, 5)).selectFirst("ol.lines").attr("start"));
        int inPart5 = first5 + 7;
        int inPart4 = citedLineInPart(4);
        String targeted = "const t = document.querySelector(':target'); return t ? t.id : null;";
        try (DevServer server = new DevServer(site, BASE, 0); Browser browser = Browser.start(profile, 1280, 900)) {
            server.start();
            String root = "http://127.0.0.1:" + server.port() + BASE;
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));

            browser.open(root + Urls.sourcePage(CAIWU) + "#L" + inPart3);
            String part3 = root + Urls.sourcePage(CAIWU, 3) + "#L" + inPart3;
            wait.until(d -> part3.equals(d.getCurrentUrl()));
            assertEquals("L" + inPart3, browser.driver().executeScript(targeted));
            assertEquals("rgb(255, 246, 204)", browser.driver().executeScript(
                    "return getComputedStyle(document.getElementById(arguments[0])).backgroundColor;", "L" + inPart3));
            Object top = browser.driver().executeScript(
                    "return document.getElementById(arguments[0]).getBoundingClientRect().top;", "L" + inPart3);
            assertTrue(Math.abs(((Number) top).doubleValue()) < 40, "scrolled to the passage: top " + top);

            // a line of part 5 asked of part 2 (as a link made before the parts moved would)
            browser.open(root + Urls.sourcePage(CAIWU, 2) + "#L" + inPart5);
            String part5 = root + Urls.sourcePage(CAIWU, 5) + "#L" + inPart5;
            wait.until(d -> part5.equals(d.getCurrentUrl()));
            assertEquals("L" + inPart5, browser.driver().executeScript(targeted));

            // a line typed after the # of the page open
            browser.open(root + Urls.sourcePage(CAIWU));
            browser.driver().executeScript("location.hash = arguments[0];", "#L" + inPart4);
            String part4 = root + Urls.sourcePage(CAIWU, 4) + "#L" + inPart4;
            wait.until(d -> part4.equals(d.getCurrentUrl()));
            assertEquals("L" + inPart4, browser.driver().executeScript(targeted));

            // a line of this part, and one past the end, stay where they are
            browser.open(root + Urls.sourcePage(CAIWU, 3) + "#L" + inPart3);
            browser.open(root + Urls.sourcePage(CAIWU, 3) + "#L99999");
            assertEquals(root + Urls.sourcePage(CAIWU, 3) + "#L99999", browser.driver().getCurrentUrl());

            browser.open(root + Urls.page("about"));
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("main .prose a")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("#L3000") && d.getCurrentUrl().contains(".p"));
            assertEquals("L3000", browser.driver().executeScript(targeted));
        }
    }

    /**
     * On a 360 px phone a later part reaches past the screen nowhere, and its pager's links are 44 px to tap; axe
     * finds nothing on a part, on a phone and a desktop, with and without a passage targeted.
     */
    @Test
    void onAPhoneALaterPartFitsAndItsPagerIsEasyToTap(@TempDir Path profile) throws Exception {
        int inPart3 = citedLineInPart(3);
        String part3 = Urls.sourcePage(CAIWU, 3);
        String sizes = "return [...document.querySelectorAll('nav.source-parts a, nav.source-prev-next a')]"
                + ".map(a => a.getBoundingClientRect()).filter(r => r.height < 44 || r.width < 44)"
                + ".map(r => r.width + 'x' + r.height);";
        try (DevServer server = new DevServer(site, BASE, 0)) {
            server.start();
            String root = "http://127.0.0.1:" + server.port() + BASE;
            try (Browser browser = Browser.start(profile.resolve("phone"), 360, 800)) {
                browser.emulatePhone(360, 800);
                for (String url : List.of(part3 + "#L" + inPart3, "en/" + part3, part3)) {
                    browser.open(root + url);
                    assertEquals(List.of(), browser.overflowing(), "360px " + url);
                    assertEquals(List.of(), browser.driver().executeScript(sizes), "360px " + url);
                }
            }
            for (int width : new int[] {390, 1280}) {
                try (Browser browser = Browser.start(profile.resolve("w" + width), width, 900)) {
                    for (String url : List.of(part3, part3 + "#L" + inPart3, "en/" + part3 + "#L" + inPart3)) {
                        browser.open(root + url);
                        assertEquals(List.of(), browser.axeViolations(), width + "px " + url);
                    }
                }
            }
        }
    }
}
