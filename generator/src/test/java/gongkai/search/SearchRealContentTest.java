package gongkai.search;

import gongkai.cli.SitePipelines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.pipeline.BuildOptions;
import gongkai.load.ContentSource;
import gongkai.site.ProcurementSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed content built with the search stage: the page's script and data are in the site, and the search
 * page works in Chromium (search.js under Node against the server on this site: SearchJsRealContentTest, tools/).
 */
@Tag("slow")
class SearchRealContentTest {
    @TempDir
    static Path tmp;
    static Path site;
    static BuildOptions options;
    static List<SearchDoc> docs;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        options = BuildOptions.of(Path.of("content"), Path.of("themes/default"), site, line -> { });
        // the CLI's pipeline (SitePipelines.standard) with the search stage in its slot
        SitePipelines.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables())
                .index(new SearchIndexStage())
                .export(new gongkai.export.ExportStage())
                .build().run();
        docs = SearchDocuments.of(gongkai.load.ContentLoader.load(Path.of("content")).content());
    }

    @Test
    void buildWritesIndexBesideTheSiteAndSearchFilesInsideIt() {
        assertEquals(tmp.resolve("site.index").toAbsolutePath().normalize(), SearchIndexStage.indexDir(options));
        assertTrue(Files.isDirectory(SearchIndexStage.indexDir(options)));
        assertTrue(Files.isRegularFile(site.resolve("search/data/meta.json")));
        assertTrue(Files.isRegularFile(site.resolve("assets/search.js")));
        assertTrue(Files.isRegularFile(site.resolve("search/index.html")));
    }

    /** Only the search page loads search.js (every other page's search box is a plain GET form to it). */
    @Test
    void onlyTheSearchPageLoadsTheSearchScript() throws Exception {
        assertTrue(Files.readString(site.resolve("search/index.html")).contains("search.js\""));
        for (String page : List.of("index.html", "projects/362303-2024-001/index.html", "tianjin/362303/2024/index.html",
                "about/index.html")) {
            String html = Files.readString(site.resolve(page));
            assertTrue(html.contains("action=\"") && html.contains("/search/"), page + " has the search form");
            assertTrue(!html.contains("search.js"), page + " loads search.js");
        }
    }

    /** The real page in headless Chromium, served by the dev server (which serves single and multiple ranges). */
    @Test
    void searchPageWorksInChromium(@TempDir Path profile) throws Exception {
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0);
                SearchService service = SearchService.open(SearchIndexStage.indexDir(options))) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                org.openqa.selenium.support.ui.WebDriverWait wait =
                        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(30));
                browser.open(base + "search/");
                d.findElement(org.openqa.selenium.By.id("search-q")).sendKeys("辐射\n");
                wait.until(x -> status(x).startsWith("找到")
                        && !x.findElements(org.openqa.selenium.By.cssSelector("#search-app .search-status[role=status]")).isEmpty());
                assertTrue(d.getCurrentUrl().contains("q=%E8%BE%90%E5%B0%84"), "query in the URL: " + d.getCurrentUrl());
                int total = service.search("辐射", SearchFilters.NONE, 1, 10).total();
                assertEquals("找到 " + total + " 条结果", status(d).replaceAll("，.*", ""));
                List<org.openqa.selenium.WebElement> links = d.findElements(
                        org.openqa.selenium.By.cssSelector("ol.search-results h3 a"));
                assertEquals(Math.min(10, total), links.size());
                // amounts as every page prints them: two decimals, grouped, the unit kept on one line with the figure
                List<String> budgets = d.findElements(org.openqa.selenium.By.cssSelector("ol.search-results .search-meta"))
                        .stream().map(e -> e.getAttribute("textContent")).filter(t -> t.contains("预算")).toList();
                assertTrue(!budgets.isEmpty(), "results show their budget");
                assertTrue(budgets.stream().allMatch(t -> t.matches(".* · 预算 \\d{1,3}(,\\d{3})*\\.\\d{2}\u00a0万\u2060元.*")),
                        budgets.toString());
                assertTrue(links.get(0).getAttribute("href").startsWith(base), links.get(0).getAttribute("href"));
                assertTrue(d.findElements(org.openqa.selenium.By.cssSelector("ol.search-results mark")).stream()
                        .allMatch(m -> m.getText().equals("辐射")), "highlights are the query");
                assertEquals(List.of(), browser.axeViolations(), "results page is WCAG 2.1 AA clean");
                // the data came as meta, one dictionary range, one postings range, and the ten rows in ONE
                // multi-range request, each a fraction of its file (no fallback to whole files)
                @SuppressWarnings("unchecked")
                List<List<Object>> fetched = (List<List<Object>>) d.executeScript("return performance"
                        + ".getEntriesByType('resource').filter(e => e.name.includes('/search/data/'))"
                        + ".map(e => [e.name.replace(/.*\\/search\\/data\\//, ''), e.encodedBodySize])");
                assertEquals(List.of("meta.json", "dict/0.bin", "post/0.bin", "show/0.bin"),
                        fetched.stream().map(f -> (String) f.get(0)).toList(), fetched.toString());
                for (List<Object> f : fetched.subList(1, 4)) {
                    long size = Files.size(site.resolve("search/data").resolve((String) f.get(0)));
                    assertTrue(((Number) f.get(1)).longValue() < size / 2, f + " of " + size + " bytes");
                }

                // a year facet narrows the results and lands in the URL; Back restores the query
                org.openqa.selenium.WebElement year = d.findElement(
                        org.openqa.selenium.By.cssSelector(".search-filters-body .search-facet a"));
                String yearValue = year.getText().replaceAll("（.*", "");
                year.click();
                wait.until(x -> x.getCurrentUrl().contains("year=" + yearValue)
                        && status(x).contains("结果"));
                int narrowed = service.search("辐射", new SearchFilters(Integer.valueOf(yearValue), null, null, null,
                        null), 1, 10).total();
                wait.until(x -> status(x)
                        .startsWith("找到 " + narrowed + " "));
                d.navigate().back();
                wait.until(x -> !x.getCurrentUrl().contains("year="));
                wait.until(x -> status(x)
                        .startsWith("找到 " + total + " "));
            }
        }
    }

    /**
     * Text that lands in the box (an IME commit, or keys followed by a pause) is searched before Enter:
     * the submit then sends no request and shows what the server finds. Text changed after that run is searched
     * as typed, not answered from the earlier run; a submit within the pause searches once.
     */
    @Test
    void typedTextIsSearchedAheadAndSubmitUsesItOnlyForTheSameText(@TempDir Path profile) throws Exception {
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0);
                SearchService service = SearchService.open(SearchIndexStage.indexDir(options))) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                browser.open(base + "search/");
                String dataRequests = "return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/search/data/')).length";
                String commit = "const box = document.getElementById('search-q'); box.value = arguments[0];"
                        + "box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText',"
                        + " data: arguments[0]}));";
                // as a Chinese IME commits a word: its input event (still composing), then compositionend
                d.executeScript("const box = document.getElementById('search-q'); box.value = arguments[0];"
                        + "box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertCompositionText',"
                        + " data: arguments[0], isComposing: true}));"
                        + "box.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: arguments[0]}));",
                        "环境监测");
                // the run ahead reads the dictionary, the postings and the first page's rows
                waitFor(d).until(x -> ((Number) d.executeScript("return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/search/data/show/')).length")).intValue() > 0);
                Thread.sleep(300); // let the run finish its last step (nothing more is fetched by then)
                long before = ((Number) d.executeScript(dataRequests)).longValue();
                assertTrue(!status(d).startsWith("找到"), "nothing is shown before Enter: " + status(d));
                d.executeScript("document.getElementById('search-form').requestSubmit()");
                waitForResults(d);
                assertEquals(before, ((Number) d.executeScript(dataRequests)).longValue(),
                        "submit of the text searched ahead sends no request");
                assertEquals(titlesOf(service, "环境监测"), shownTitles(d));
                assertTrue(d.getCurrentUrl().contains("q=%E7%8E%AF%E5%A2%83%E7%9B%91%E6%B5%8B"), d.getCurrentUrl());

                // text changed right after a run ahead, submitted within the pause: searched as typed
                d.executeScript(commit, "辐射");
                Thread.sleep(300);
                d.executeScript(commit, "辐射 设备");
                d.executeScript("document.getElementById('search-form').requestSubmit()");
                waitFor(d).until(x -> status(x).startsWith("找到") && x.getTitle().contains("辐射 设备"));
                waitForResults(d);
                assertEquals(titlesOf(service, "辐射 设备"), shownTitles(d));
            }
        }
    }

    private static List<String> titlesOf(SearchService service, String q) throws java.io.IOException {
        return service.search(q, SearchFilters.NONE, 1, 10).items().stream().map(SearchService.Item::title).toList();
    }

    private static List<String> shownTitles(org.openqa.selenium.WebDriver d) {
        return d.findElements(org.openqa.selenium.By.cssSelector("ol.search-results h3 a")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
    }

    private static org.openqa.selenium.support.ui.WebDriverWait waitFor(org.openqa.selenium.WebDriver d) {
        return new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(30));
    }

    /** The status line, or "" while the filter column is still being filled (it comes a task after the results). */
    private static String status(org.openqa.selenium.WebDriver d) {
        if (!d.findElements(org.openqa.selenium.By.cssSelector("#search-app .search-filters[aria-busy]")).isEmpty()) {
            return "";
        }
        return d.findElement(org.openqa.selenium.By.cssSelector("#search-app .search-status")).getText();
    }

    /** Waits until the status line reports an outcome (not the searching state). */
    private static void waitForResults(org.openqa.selenium.WebDriver d) {
        waitFor(d).until(x -> {
            String t = status(x);
            return t.startsWith("找到") || t.startsWith("没有") || t.startsWith("原样");
        });
    }

    /**
     * On a phone: results come first and the filters sit in a closed panel that a button opens; every control is
     * at least 44 px high; headings go h1 → h2 → h3 without skipping; the title names the query; axe finds nothing.
     */
    @Test
    void phoneLayoutResultsFirstFiltersInAPanelLargeTargets(@TempDir Path profile) throws Exception {
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 390, 844)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                browser.open(base + "search/?q=" + java.net.URLEncoder.encode("监测", java.nio.charset.StandardCharsets.UTF_8));
                waitForResults(d);
                assertTrue(d.getTitle().startsWith("“监测”的搜索结果"), d.getTitle());
                Object order = d.executeScript("const m = document.querySelector('.search-main'),"
                        + " f = document.querySelector('.search-filters');"
                        + " return [!!(m.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING),"
                        + " m.getBoundingClientRect().top < f.getBoundingClientRect().top,"
                        + " getComputedStyle(document.querySelector('.search-filters-body')).display]");
                assertEquals(List.of(true, true, "none"), order, "results first, filters folded");
                org.openqa.selenium.WebElement toggle = d.findElement(org.openqa.selenium.By.cssSelector(".search-filters-toggle"));
                assertEquals("false", toggle.getAttribute("aria-expanded"));
                toggle.click();
                assertEquals("true", toggle.getAttribute("aria-expanded"));
                assertTrue(d.findElement(org.openqa.selenium.By.cssSelector(".search-filters-body")).isDisplayed());
                @SuppressWarnings("unchecked")
                List<String> small = (List<String>) d.executeScript("return Array.from(document.querySelectorAll("
                        + "'#search-app a, #search-app button, #search-app input, #search-form input, #search-form button,"
                        + " .search-help summary, .search-browse a'))"
                        + ".filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')"
                        + ".filter(e => e.getBoundingClientRect().height < 44 && !(e.type === 'checkbox'))"
                        + ".map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 20) + ' ' + e.getBoundingClientRect().height)");
                assertEquals(List.of(), small, "controls under 44 px high");
                @SuppressWarnings("unchecked")
                List<Long> levels = (List<Long>) d.executeScript("return Array.from(document.querySelectorAll('h1,h2,h3,h4'))"
                        + ".map(h => +h.tagName.slice(1))");
                for (int i = 1; i < levels.size(); i++) {
                    assertTrue(levels.get(i) <= levels.get(i - 1) + 1, "heading levels skip: " + levels);
                }
                assertEquals(1L, levels.get(0));
                assertEquals(List.of(), browser.axeViolations(), "phone results page is WCAG 2.1 AA clean");
            }
        }
    }

    /** After each update focus is on the results heading; nothing moves while results arrive. */
    @Test
    void focusGoesToTheResultsHeadingAndNothingShifts(@TempDir Path profile) throws Exception {
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                browser.open(base + "search/?q=" + java.net.URLEncoder.encode("辐射", java.nio.charset.StandardCharsets.UTF_8));
                waitForResults(d);
                Object shift = d.executeAsyncScript("const done = arguments[arguments.length - 1]; let s = 0;"
                        + "new PerformanceObserver(l => l.getEntries().forEach(e => s += e.value))"
                        + ".observe({type: 'layout-shift', buffered: true}); setTimeout(() => done(s), 500);");
                assertTrue(((Number) shift).doubleValue() < 0.01, "layout shift " + shift);
                org.openqa.selenium.WebElement box = d.findElement(org.openqa.selenium.By.id("search-q"));
                box.clear();
                box.sendKeys("执法\n");
                waitFor(d).until(x -> status(x).startsWith("找到") && x.getTitle().startsWith("“执法”"));
                assertEquals("search-results-h", d.switchTo().activeElement().getAttribute("id"));
                assertEquals("“执法”的搜索结果", d.findElement(org.openqa.selenium.By.id("search-results-h")).getText());
                d.findElement(org.openqa.selenium.By.cssSelector(".search-filters-body .search-facet a")).click();
                waitFor(d).until(x -> x.getCurrentUrl().contains("year=") && status(x).startsWith("找到"));
                assertEquals("search-results-h", d.switchTo().activeElement().getAttribute("id"));
            }
        }
    }

    /**
     * Nothing found is no dead end: the nearest spelling, a link removing each active filter (the filter column
     * stays), each word alone, browsing by region; the suggestion, followed, finds results.
     */
    @Test
    void nothingFoundOffersSpellingFilterRemovalAndBrowsing(@TempDir Path profile) throws Exception {
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                browser.open(base + "search/?q=" + java.net.URLEncoder.encode("环境监侧", java.nio.charset.StandardCharsets.UTF_8)
                        + "&year=2024");
                waitForResults(d);
                assertTrue(status(d).startsWith("没有找到"), status(d));
                String none = d.findElement(org.openqa.selenium.By.cssSelector(".search-none")).getText();
                assertTrue(none.contains("您是不是要找：环境监测"), none);
                assertTrue(none.contains("去掉筛选“年度：2024”再搜"), none);
                assertTrue(none.contains("按地区和部门浏览"), none);
                assertTrue(d.findElement(org.openqa.selenium.By.cssSelector(".search-active a")).getText().contains("年度：2024"),
                        "the filter column shows the active filter, removable");
                assertEquals(List.of(), browser.axeViolations(), "no-results page is WCAG 2.1 AA clean");
                d.findElement(org.openqa.selenium.By.cssSelector(".search-suggestion a")).click();
                waitFor(d).until(x -> status(x).startsWith("找到") || status(x).startsWith("原样"));
                assertTrue(d.getCurrentUrl().contains("q=%E7%8E%AF%E5%A2%83%E7%9B%91%E6%B5%8B"), d.getCurrentUrl());
            }
        }
    }

    /**
     * The budget filter: 1,000 and abc are refused where they were typed (the URL does not change), a range
     * narrows the results to the server's count, shows itself with a reset, counts the projects without an
     * amount, and includes them when asked.
     */
    @Test
    void budgetFilterRefusesBadInputAndCanIncludeProjectsWithoutAmounts(@TempDir Path profile) throws Exception {
        String q = "监测";
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0);
                SearchService service = SearchService.open(SearchIndexStage.indexDir(options))) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            SearchService.Result all = service.search(q, SearchFilters.NONE, 1, 10);
            assertTrue(all.unbudgeted() > 0, "some 监测 projects print no amount");
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                browser.open(base + "search/?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
                waitForResults(d);
                String before = d.getCurrentUrl();
                assertTrue(d.findElement(org.openqa.selenium.By.cssSelector(".search-budget")).getText()
                        .contains("本次结果中 " + all.unbudgeted() + " 个"));
                for (String bad : List.of("1,000", "abc")) {
                    org.openqa.selenium.WebElement min = d.findElement(org.openqa.selenium.By.id("search-min"));
                    min.clear();
                    min.sendKeys(bad);
                    d.findElement(org.openqa.selenium.By.cssSelector(".search-budget-form button")).click();
                    String error = d.findElement(org.openqa.selenium.By.id("search-budget-error")).getText();
                    assertTrue(error.contains("应是数字"), bad + ": " + error);
                    assertEquals("true", d.findElement(org.openqa.selenium.By.id("search-min")).getAttribute("aria-invalid"));
                    assertEquals(before, d.getCurrentUrl(), bad + " is not searched for");
                }
                org.openqa.selenium.WebElement min = d.findElement(org.openqa.selenium.By.id("search-min"));
                min.clear();
                min.sendKeys("10");
                d.findElement(org.openqa.selenium.By.id("search-max")).sendKeys("200");
                d.findElement(org.openqa.selenium.By.cssSelector(".search-budget-form button")).click();
                SearchService.Result ranged = service.search(q, new SearchFilters(null, null, null,
                        new java.math.BigDecimal("10"), new java.math.BigDecimal("200")), 1, 10);
                waitFor(d).until(x -> x.getCurrentUrl().contains("min=10") && status(x).startsWith("找到 " + ranged.total() + " "));
                assertTrue(d.findElement(org.openqa.selenium.By.cssSelector(".search-budget-active")).getText()
                        .contains("当前：10 – 200 万元"));
                d.findElement(org.openqa.selenium.By.id("search-nobudget")).click();
                d.findElement(org.openqa.selenium.By.cssSelector(".search-budget-form button")).click();
                SearchService.Result with = service.search(q, new SearchFilters(null, null, null,
                        new java.math.BigDecimal("10"), new java.math.BigDecimal("200"), true), 1, 10);
                assertTrue(with.total() > ranged.total());
                waitFor(d).until(x -> x.getCurrentUrl().contains("nobudget=1") && status(x).startsWith("找到 " + with.total() + " "));
                d.findElement(org.openqa.selenium.By.linkText("清除预算范围")).click();
                waitFor(d).until(x -> !x.getCurrentUrl().contains("min=") && status(x).startsWith("找到 " + all.total() + " "));
                // a bad bound typed into the URL is named and ignored, not silently applied
                browser.open(base + "search/?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&min=abc");
                waitForResults(d);
                assertTrue(d.findElement(org.openqa.selenium.By.id("search-budget-error")).getText().contains("不是有效金额"));
                assertTrue(status(d).startsWith("找到 " + all.total() + " "), status(d));
            }
        }
    }

    /**
     * A broad query read window by window (a copy of the site exported with 8-document windows, and the page's
     * test hook data-whole-bytes="0"): the page says the total is an estimate, shows the server's first results,
     * and on request reads the rest and shows the server's exact total and facet counts.
     */
    @Test
    void broadQueryShowsAnEstimateAndExactCountsOnRequest(@TempDir Path profile) throws Exception {
        Path copy = tmp.resolve("site-windowed");
        try (java.util.stream.Stream<Path> files = Files.walk(site)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(site.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        new StaticSearchExporter(StaticSearchExporter.HEAD_MIN_DOC_BYTES, StaticSearchExporter.HEAD, 8)
                .export(SearchIndexStage.indexDir(options), copy);
        Path page = copy.resolve("search/index.html");
        String html = Files.readString(page);
        assertTrue(html.contains("<div id=\"search-app\""), "search page has the app container");
        Files.writeString(page, html.replace("<div id=\"search-app\"", "<div id=\"search-app\" data-whole-bytes=\"0\""));
        String q = "指标";
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(copy, "/", 0);
                SearchService service = SearchService.open(SearchIndexStage.indexDir(options))) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            SearchService.Result exact = service.search(q, SearchFilters.NONE, 1, 10);
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                org.openqa.selenium.support.ui.WebDriverWait wait =
                        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(30));
                browser.open(base + "search/?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
                wait.until(x -> status(x).startsWith("找到"));
                assertTrue(status(d).startsWith("找到约 "), status(d));
                assertTrue(status(d).contains("估计数"), status(d));
                List<String> shown = d.findElements(org.openqa.selenium.By.cssSelector("ol.search-results h3 a")).stream()
                        .map(a -> a.getAttribute("href").substring(base.length())).toList();
                assertEquals(exact.items().stream().map(SearchService.Item::url).toList(), shown,
                        "the first page is the server's, exactly");
                assertTrue(d.findElements(org.openqa.selenium.By.cssSelector(".search-filters-body .search-facet ul a")).isEmpty(),
                        "no facet counts while the total is an estimate");
                assertEquals(List.of(), browser.axeViolations(), "estimate page is WCAG 2.1 AA clean");
                d.findElement(org.openqa.selenium.By.cssSelector("button.search-full")).click();
                wait.until(x -> status(x).startsWith("找到 " + exact.total() + " 条结果"));
                List<String> years = d.findElements(org.openqa.selenium.By.cssSelector(".search-filters-body .search-facet:first-child a"))
                        .stream().map(org.openqa.selenium.WebElement::getText).toList();
                assertEquals(exact.facets().get("year").stream().map(v -> v.label() + "（" + v.count() + "）").toList(),
                        years);
            }
        }
    }

    /**
     * Everything a project page shows is searchable: every cell, line and heading of its content (the name, the
     * lead's department, year and id, the budget rows with their printed amounts, procurement lines, purpose,
     * goals, every indicator column including 解读 and 指标值确定依据), quoted as an exact phrase, finds that page.
     */
    @Test
    void everyTextOnAProjectPageFindsThatPage() throws Exception {
        int checked = 0;
        java.util.List<String> misses = new ArrayList<>();
        try (SearchService service = SearchService.open(SearchIndexStage.indexDir(options));
                java.util.stream.Stream<Path> pages = Files.list(site.resolve("projects"))) {
            for (Path dir : pages.filter(Files::isDirectory).sorted().toList()) {
                org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
                String url = "projects/" + dir.getFileName() + "/";
                Set<String> texts = new LinkedHashSet<>();
                for (org.jsoup.nodes.Element e : page.select("main h1, main p.lead a, main p.lead code, "
                        + "table.budget tbody th, table.budget tbody td, ul.procurement li, "
                        + "section[aria-labelledby=purpose-h] p, section[aria-labelledby=goals-h] p, "
                        + "table.indicators tbody th, table.indicators tbody td")) {
                    String t = e.text().strip();
                    if (!SearchTokens.tokenize(t).isEmpty()) {
                        texts.add(t);
                    }
                }
                assertTrue(texts.size() >= 3, url + " has content: " + texts);
                for (String t : texts) {
                    checked++;
                    String q = "\"" + t.replaceAll("[\"＂“”]", " ") + "\""; // quotes inside would end the phrase
                    boolean found = false;
                    for (QueryEngine.Hit h : service.hits(q)) {
                        if (docs.get(h.doc()).url().equals(url)) {
                            found = true;
                            break;
                        }
                    }
                    if (!found) {
                        misses.add(url + ": " + t);
                    }
                }
            }
        }
        assertEquals(List.of(), misses, "texts shown on project pages that do not find their page");
        assertTrue(checked > 2000, "checked " + checked);
    }
}
