package gongkai.pipeline;

import gongkai.testing.TestSites;
import gongkai.cli.SitePipelines;
import gongkai.load.ContentSource;
import gongkai.site.ProcurementSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Content;
import gongkai.load.ContentLoader;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Page;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Urls;
import gongkai.serve.DevServer;
import gongkai.testing.Browser;
import gongkai.testing.HtmlChecker;
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

/** The shared YAML fixture site (generator/src/test/resources/sites/test-site) through the real loader. */
@Tag("slow")
class TestSiteBuildTest {
    static final Path TEST_SITE = Path.of("generator/src/test/resources/sites/test-site");

    @TempDir
    static Path tmp;
    static Path site;
    static Content content;

    @BeforeAll
    static void build() throws Exception {
        Path contentDir = TestSites.copyWithSources(TEST_SITE, tmp);
        content = ContentLoader.load(contentDir).content();
        site = tmp.resolve("site");
        SitePipelines.builder(BuildOptions.of(contentDir, TestSites.defaultTheme(), site, line -> { }), ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables())
                .export(TestSites.twinWriter())
                .build().run();
    }

    static List<String> pageUrls() {
        List<String> urls = new ArrayList<>(List.of(Urls.home(), Urls.search()));
        content.regions().stream().map(Region::slug).map(Urls::region).forEach(urls::add);
        for (Department d : content.departments()) {
            urls.add(Urls.department(d.regionSlug(), d.code()));
        }
        for (DepartmentYear dy : content.departmentYears()) {
            urls.add(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year()));
            dy.projects().stream().map(Project::id).map(Urls::project).forEach(urls::add);
        }
        content.pages().stream().map(Page::slug).map(Urls::page).forEach(urls::add);
        return urls;
    }

    @Test
    void everyPageOfTheLoadedContentExistsWithItsOwnTitle() throws Exception {
        assertTrue(content.departmentYears().size() >= 2);
        for (String url : pageUrls()) {
            Path file = site.resolve(url + "index.html");
            assertTrue(Files.isRegularFile(file), url);
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            assertEquals(1, doc.select("h1").size(), url);
        }
        for (DepartmentYear dy : content.departmentYears()) {
            Document doc = Jsoup.parse(site.resolve(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year())
                    + "index.html").toFile(), "UTF-8");
            assertEquals(dy.title(), doc.selectFirst("h1").text());
            assertEquals(dy.projects().size(), doc.select("#project-table tbody tr").size());
            assertEquals(dy.tables().size(), doc.select("section[id^=table-]").size());
        }
    }

    @Test
    void theNuHtmlCheckerFindsNoErrors() throws Exception {
        List<Path> html;
        try (Stream<Path> files = Files.walk(site)) {
            html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertEquals(List.of(), HtmlChecker.errors(html));
    }

    @Test
    void projectTableSortsInTheBrowserAndStartsServerSortedByBudget(@TempDir Path profile) throws Exception {
        DepartmentYear dy = content.departmentYears().stream().filter(y -> y.projects().size() > 1
                && y.projects().stream().allMatch(p -> p.budget() != null)).findFirst().orElseThrow();
        String url = Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year());
        try (DevServer server = new DevServer(site, "/", 0); Browser browser = Browser.start(profile, 1280, 900)) {
            server.start();
            browser.open("http://127.0.0.1:" + server.port() + "/" + url);
            var driver = browser.driver();
            var budgetHeader = driver.findElement(org.openqa.selenium.By.cssSelector("#project-table thead th:nth-child(3)"));
            assertEquals("descending", budgetHeader.getAttribute("aria-sort"));
            List<java.math.BigDecimal> before = budgets(driver);
            List<java.math.BigDecimal> expected = new ArrayList<>(before);
            expected.sort(java.util.Comparator.reverseOrder());
            assertEquals(expected, before, "server-sorted by budget, descending");
            budgetHeader.findElement(org.openqa.selenium.By.cssSelector("button.sort-button")).click();
            assertEquals("ascending", budgetHeader.getAttribute("aria-sort"));
            expected.sort(java.util.Comparator.naturalOrder());
            assertEquals(expected, budgets(driver));
        }
    }

    private static List<java.math.BigDecimal> budgets(org.openqa.selenium.WebDriver driver) {
        return driver.findElements(org.openqa.selenium.By.cssSelector("#project-table tbody td:nth-child(3)")).stream()
                .map(td -> new java.math.BigDecimal(td.getAttribute("data-sort"))).toList();
    }

    @Test
    void axeFindsNoWcagViolationsOnPhoneAndDesktop(@TempDir Path profile) throws Exception {
        List<String> urls = new ArrayList<>(pageUrls().stream()
                .filter(u -> !u.startsWith("projects/") || u.endsWith("-001/")).toList());
        urls.add("404.html");
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            for (int width : new int[] {375, 1280}) {
                try (Browser browser = Browser.start(profile.resolve("w" + width), width, 900)) {
                    for (String url : urls) {
                        browser.open("http://127.0.0.1:" + server.port() + "/" + url);
                        List<Map<String, Object>> violations = browser.axeViolations();
                        assertEquals(List.of(), violations, width + "px " + url);
                    }
                }
            }
        }
    }
}
