package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildReport;
import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Urls;
import gongkai.serve.DevServer;
import gongkai.testing.Browser;
import gongkai.testing.HtmlChecker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed content built the way the README's command builds it, checked as a visitor would meet it. */
@Tag("slow")
class RealSiteTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Content content;
    static BuildReport report;

    @BeforeAll
    static void build() throws Exception {
        content = ContentLoader.load(Path.of("content")).content();
        site = tmp.resolve("site");
        report = SitePipelines.standard(BuildOptions.of(Path.of("content"), Path.of("themes/default"), site, line -> { }))
                .run();
    }

    @Test
    void everyProjectHasItsPageAndDownloads() throws Exception {
        List<Project> projects = content.departmentYears().stream().flatMap(dy -> dy.projects().stream()).toList();
        assertEquals(175, projects.size());
        assertEquals(175, report.projects());
        for (Project p : projects) {
            Document page = Jsoup.parse(site.resolve(Urls.project(p.id()) + "index.html").toFile(), "UTF-8");
            assertEquals(p.name(), page.selectFirst("h1").text(), p.id());
            assertEquals(p.indicators().size(), page.select("table.indicators tbody tr").size(), p.id());
            for (String suffix : List.of(".json", ".csv", "-excel.csv")) {
                assertTrue(Files.isRegularFile(site.resolve(Urls.projectData(p.id(), suffix))), p.id() + suffix);
            }
        }
        for (DepartmentYear dy : content.departmentYears()) {
            assertTrue(Files.isRegularFile(site.resolve(Urls.source(dy.document()))), dy.document());
        }
    }

    @Test
    void departmentYearPagesShowTotalsEqualToTheData() throws Exception {
        for (DepartmentYear dy : content.departmentYears()) {
            Document page = Jsoup.parse(site.resolve(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year())
                    + "index.html").toFile(), "UTF-8");
            List<BigDecimal> shown = page.select("#project-table tbody td:nth-child(3)").stream()
                    .filter(td -> !td.attr("data-sort").isEmpty())
                    .map(td -> new BigDecimal(td.attr("data-sort"))).toList();
            List<BigDecimal> data = dy.projects().stream().filter(p -> p.budget() != null && p.budget().total() != null)
                    .map(p -> p.budget().total().yuan()).toList();
            assertEquals(data.stream().reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros(),
                    shown.stream().reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros(),
                    dy.departmentCode() + "/" + dy.year());
        }
    }

    /** Hengshui prints no per-project budgets but a budget table: the page says so and points to the table. */
    @Test
    void aYearWithoutProjectBudgetsPointsToItsBudgetTable() throws Exception {
        int pointed = 0;
        for (DepartmentYear dy : content.departmentYears()) {
            Document page = Jsoup.parse(site.resolve(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year())
                    + "index.html").toFile(), "UTF-8");
            boolean noBudgets = dy.projects().stream().noneMatch(p -> p.budget() != null && p.budget().total() != null);
            boolean hasTable = dy.tables().stream().anyMatch(t -> t.id().equals("budget_totals"));
            org.jsoup.nodes.Element link = page.selectFirst("p.totals a[href=#table-budget_totals]");
            assertEquals(noBudgets && hasTable, link != null, dy.departmentCode() + "/" + dy.year());
            if (link != null) {
                assertTrue(page.getElementById("table-budget_totals") != null);
                assertEquals(dy.tables().stream().filter(t -> t.id().equals("budget_totals")).findFirst().orElseThrow().title(),
                        link.text());
                pointed++;
            }
        }
        assertEquals(1, pointed, "the Hengshui 2020 department-year");
    }

    /**
     * Hengshui 2020 lists no per-project amounts but prints 支出 21770.82 万元 (项目支出 16601.38) in its budget
     * table: the department-year shows the summary, and the home, region and department pages show its
     * 项目支出 with a note instead of 未列.
     */
    @Test
    void theDepartmentBudgetTablesFillTheTotalsWhenProjectsListNoAmount() throws Exception {
        Document year = Jsoup.parse(site.resolve(Urls.departmentYear("hengshui", "467", 2020) + "index.html").toFile(), "UTF-8");
        assertEquals(List.of("收入预算 21,770.82 万元", "支出预算 21,770.82 万元", "其中：基本支出 5,169.44 万元",
                "其中：项目支出 16,601.38 万元", "财政拨款“三公”经费 149.45 万元"),
                year.select(".budget-summary > div").eachText().stream().map(t -> t.replace('\u00a0', ' ')).toList());
        assertTrue(year.selectFirst("#table-budget_totals td.num").text().equals("21,770.82"), "document table grouped");
        for (String url : List.of(Urls.home(), Urls.region("hengshui"), Urls.department("hengshui", "467"))) {
            Document page = Jsoup.parse(site.resolve(url + "index.html").toFile(), "UTF-8");
            assertTrue(page.select("main data[value=166013800.00]").size() >= 1, url);
            assertTrue(page.selectFirst("main .declared-mark") != null, url);
            assertTrue(page.select("main p.hint").text().contains("项目支出"), url);
        }
        Document tianjin = Jsoup.parse(site.resolve(Urls.departmentYear("tianjin", "362303", 2024) + "index.html").toFile(), "UTF-8");
        assertEquals(null, tianjin.selectFirst(".budget-summary"), "no budget table, no summary");
    }

    /** Saved department-year files are named for what they hold, not "2023.csv". */
    @Test
    void departmentYearDownloadsCarryDescriptiveFileNames() throws Exception {
        Document page = Jsoup.parse(site.resolve(Urls.departmentYear("tianjin", "362303", 2023) + "index.html").toFile(), "UTF-8");
        assertEquals(List.of("天津市生态环境保护综合行政执法总队-2023.json", "天津市生态环境保护综合行政执法总队-2023-项目.csv",
                "天津市生态环境保护综合行政执法总队-2023-项目-Excel.csv"), page.select(".downloads a[download]").eachAttr("download"));
    }

    @Test
    void theNuHtmlCheckerFindsNoErrorsOnAnyPage() throws Exception {
        List<Path> html;
        try (Stream<Path> files = Files.walk(site)) {
            html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(html.size() >= 175 + 8, "pages: " + html.size());
        assertEquals(List.of(), HtmlChecker.errors(html));
    }

    /** One page of every type, Tianjin and Hengshui shapes, on a phone and a desktop. */
    @Test
    void axeFindsNoWcag21AaViolationsOnEveryPageType(@TempDir Path profile) throws Exception {
        List<String> urls = new ArrayList<>(List.of(Urls.home(), Urls.search(), Urls.page("about"),
                Urls.page("data-guide"), "404.html", Urls.region("tianjin"), Urls.department("tianjin", "362303"),
                Urls.departmentYear("tianjin", "362303", 2023), Urls.departmentYear("hengshui", "467", 2020),
                Urls.project("362303-2024-004"), Urls.project("467-2020-014"), Urls.project("467-2020-001"),
                // the quality page and a project and a year with a quality notice (Q004 on 362203-2023-010)
                Urls.quality(), Urls.project("362203-2023-010"), Urls.departmentYear("tianjin", "362203", 2023)));
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            for (int width : new int[] {390, 1280}) {
                try (Browser browser = Browser.start(profile.resolve("w" + width), width, 900)) {
                    for (String url : urls) {
                        browser.open("http://127.0.0.1:" + server.port() + "/" + url);
                        List<Map<String, Object>> violations = browser.axeViolations();
                        assertEquals(List.of(), violations, width + "px /" + url);
                    }
                }
            }
        }
    }

    /**
     * A 360 px phone: no page type scrolls sideways, and no element of &lt;main&gt; reaches past the viewport
     * (visually hidden text — clipped to 1 px — is not content a reader sees).
     */
    @Test
    void noPageTypeOverflowsA360PxScreen(@TempDir Path profile) throws Exception {
        List<String> urls = List.of(Urls.home(), Urls.search(), Urls.page("about"), Urls.page("data-guide"),
                "404.html", Urls.region("tianjin"), Urls.region("hengshui"), Urls.department("tianjin", "362303"),
                Urls.department("hengshui", "467"), Urls.departmentYear("tianjin", "362303", 2024),
                Urls.departmentYear("hengshui", "467", 2020), Urls.project("362303-2024-005"),
                Urls.project("467-2020-001"), Urls.project("467-2020-014"));
        String overflow = "const w = document.documentElement.clientWidth; const bad = [];"
                + "if (document.documentElement.scrollWidth > w) bad.push('document ' + document.documentElement.scrollWidth);"
                + "for (const e of document.querySelectorAll('main *')) {"
                + "  if (e.closest('thead, .visually-hidden')) continue;"
                + "  const r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && r.right > w + 0.5) bad.push(e.tagName + '.' + e.className + ' right=' + r.right"
                + "      + ' ' + (e.textContent || '').trim().slice(0, 30));"
                + "}"
                + "return bad.slice(0, 10);";
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            try (Browser browser = Browser.start(profile, 360, 800)) {
                // A desktop window cannot be narrower than about 500 px: emulate the phone's viewport instead.
                browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
                for (String url : urls) {
                    browser.open("http://127.0.0.1:" + server.port() + "/" + url);
                    assertEquals(360L, browser.driver().executeScript("return document.documentElement.clientWidth"), url);
                    Object bad = browser.driver().executeScript(overflow);
                    assertEquals(List.of(), bad, "360px /" + url);
                }
            }
        }
    }
}
