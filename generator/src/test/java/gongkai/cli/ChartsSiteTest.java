package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Urls;
import gongkai.serve.DevServer;
import gongkai.testing.Browser;
import gongkai.testing.HtmlChecker;
import gongkai.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sites/charts built by the standard stages: 示例市 with 甲局 (2023 and 2024, thirteen projects in 2024, one
 * without an amount and one of 0.01 万元), 乙局 (2024 only), 丙局 (2024, no project amounts but a budget table with
 * its 项目支出), and 示例县 with 丁局 (2024, one project of 0.50 万元). Each chart answers its question with the
 * exact figures, has its table and a CSV of exactly its rows; where there is nothing to compare the page says
 * why and there is no chart and no CSV.
 */
class ChartsSiteTest {
    static final Path FIXTURE = Path.of("generator/src/test/resources/sites/charts");

    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = TestSites.buildWithDownloads(FIXTURE, tmp);
    }

    private static Document page(String url) throws Exception {
        return Jsoup.parse(site.resolve(url + "index.html").toFile(), "UTF-8");
    }

    /** Texts as a reader sees them (the no-break space between figure and unit as a space). */
    private static List<String> texts(Element scope, String selector) {
        return scope.select(selector).eachText().stream().map(t -> t.replace('\u00a0', ' ')).toList();
    }

    /** The CSV's records after the BOM and header, each cell as written. */
    private static List<List<String>> csvRows(String sitePath) throws Exception {
        byte[] bytes = Files.readAllBytes(site.resolve(sitePath));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]),
                sitePath + ": a BOM, so Excel reads it as UTF-8");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), sitePath);
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 2).split("\r\n", -1)) {
            rows.add(List.of(line.split(",", -1))); // the fixture's labels hold no comma or quote
        }
        return rows;
    }

    @Test
    void homeRanksTheLatestYearsDepartmentsWithTheirExactAmounts() throws Exception {
        Document home = page(Urls.home());
        Element chart = home.selectFirst("main section.chart");
        assertEquals("哪些部门预算最多（2024年）", chart.selectFirst("h2#chart-title").text());
        assertEquals("chart-title", chart.attr("aria-labelledby"));
        // descending; 丙局 lists no project amounts: its own 项目支出, marked 注 and explained
        assertEquals(List.of("示例市甲局", "示例市丙局", "示例市乙局", "示例县丁局"), texts(chart, ".chart-label"));
        assertEquals(List.of("4,570.01 万元", "1,234.50 万元注", "825.50 万元", "0.50 万元"), texts(chart, ".chart-value"));
        assertTrue(chart.select(".hint").text().contains("示例市丙局的公开文件未列各项目金额，图中为其部门预算表所列“项目支出”"),
                chart.select(".hint").text());
        // bar lengths proportional; 0.50 of 4,570.01 would be a sliver: drawn at the minimum, its figure beside it
        assertEquals(List.of("1000", "270", "181", "20"), chart.select("svg.chart-bar rect").eachAttr("width"));
        assertTrue(chart.select(".hint").text().contains("金额很小的条按最短长度画出，以所注数字为准"));
        // the drawing is hidden from assistive technology; the table holds the same rows
        assertEquals("true", chart.selectFirst(".chart-bars").attr("aria-hidden"));
        Element table = chart.selectFirst("details.chart-data table");
        assertEquals("哪些部门预算最多（2024年）（数据表）", table.selectFirst("caption").text());
        assertEquals(texts(chart, ".chart-label"), texts(table, "tbody th"));
        assertEquals(List.of("4,570.01", "1,234.50注", "825.50", "0.50"), texts(table, "tbody td"));
        assertEquals("/shi/101/2024/", table.selectFirst("tbody th a").attr("href"));
        // one chart on home: the year figures are in the year table alone, the latest years list no amounts
        assertEquals(1, home.select("main section.chart").size());
        assertEquals(chart.select("svg").size(), home.select("main svg").size());
        assertTrue(home.select("ol.latest data").isEmpty());
    }

    @Test
    void eachChartsCsvHasExactlyItsRows() throws Exception {
        Element link = page(Urls.home()).selectFirst("main section.chart .chart-download a");
        assertEquals("/chart.csv", link.attr("href"));
        assertEquals("各部门预算排行-2024.csv", link.attr("download"));
        assertEquals(List.of(
                List.of("部门", "金额（万元）", "金额（元）", "说明"),
                List.of("示例市甲局", "4570.01", "45700100.00", ""),
                List.of("示例市丙局", "1234.50", "12345000.00", "部门预算表所列项目支出（各项目未列金额）"),
                List.of("示例市乙局", "825.50", "8255000.00", ""),
                List.of("示例县丁局", "0.50", "5000.00", "")), csvRows(Urls.chartData(Urls.home())));
        assertEquals(List.of(
                List.of("年度", "金额（万元）", "金额（元）", "说明"),
                List.of("2023年", "500.00", "5000000.00", ""),
                List.of("2024年", "4570.01", "45700100.00", "")), csvRows(Urls.chartData(Urls.department("shi", "101"))));

        // every page with a chart links its CSV, whose rows are the chart's bars; no other chart CSV is written
        TreeSet<String> linked = new TreeSet<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            // the Chinese edition's pages (the English ones link the same CSVs: EnglishEditionTest)
            pages = files.filter(p -> p.getFileName().toString().equals("index.html"))
                    .filter(p -> !site.relativize(p).startsWith("en")).sorted().toList();
        }
        for (Path file : pages) {
            Element chart = Jsoup.parse(file.toFile(), "UTF-8").selectFirst("main section.chart");
            if (chart == null) {
                continue;
            }
            String csv = chart.selectFirst(".chart-download a").attr("href").substring(1);
            linked.add(csv);
            List<List<String>> rows = csvRows(csv);
            assertEquals(texts(chart, ".chart-label"), rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList(), csv);
            List<String> shown = texts(chart, ".chart-value").stream().map(v -> v.replace("注", "")).toList();
            List<String> written = rows.subList(1, rows.size()).stream()
                    .map(r -> r.get(1).isEmpty() ? "未列" : gongkai.site.MoneyFormat.wan(new java.math.BigDecimal(r.get(2))) + " 万元")
                    .toList();
            assertEquals(shown, written, csv);
        }
        TreeSet<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(p -> p.getFileName().toString().equals("chart.csv"))
                    .forEach(p -> written.add(site.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(new TreeSet<>(List.of("chart.csv", "shi/chart.csv", "shi/101/chart.csv", "shi/101/2023/chart.csv",
                "shi/101/2024/chart.csv", "shi/102/2024/chart.csv")), written);
        assertEquals(written, linked);
    }

    @Test
    void aDepartmentYearsMoneyGoesToItsLargestProjectsAndTheRestIsOneBar() throws Exception {
        Document year = page(Urls.departmentYear("shi", "101", 2024));
        Element chart = year.selectFirst("main section.chart");
        assertEquals("资金投向", chart.selectFirst("h2").text());
        assertEquals(List.of("河道治理", "大气监测网络", "污水管网改造", "土壤修复试点", "执法装备购置", "环境宣传教育",
                "固废处置补助", "噪声监测", "应急演练", "其余 3 个项目"), texts(chart, ".chart-label"));
        assertEquals(List.of("900.00 万元", "800.00 万元", "700.00 万元", "600.00 万元", "500.00 万元", "400.00 万元",
                "300.00 万元", "200.00 万元", "100.00 万元", "70.01 万元"), texts(chart, ".chart-value"));
        assertTrue(chart.select(".hint").text().contains("另有 1 个项目未列预算，不在图中。"), chart.select(".hint").text());
        assertEquals("/projects/101-2024-001/", chart.selectFirst("details tbody th a").attr("href"));
        assertNull(chart.select("details tbody th").last().selectFirst("a"), "the rest is no one project");
        assertEquals("示例市甲局-2024-资金投向.csv", chart.selectFirst(".chart-download a").attr("download"));
    }

    @Test
    void noChartWhereThereIsNothingToCompareAndThePageSaysWhy() throws Exception {
        // a department-year without project amounts (its budget table's 项目支出 counts on home, not here)
        Document noAmounts = page(Urls.departmentYear("shi", "103", 2024));
        assertNull(noAmounts.selectFirst("main section.chart"));
        assertEquals("本年度的公开文件未列各项目的预算金额，因此没有资金投向图。", noAmounts.selectFirst("main p.chart-absent").text());
        // one project with an amount: one bar compares nothing
        Document oneProject = page(Urls.departmentYear("xian", "201", 2024));
        assertNull(oneProject.selectFirst("main section.chart"));
        assertEquals("只有 1 个项目列有预算（村容整治，0.50 万元），没有可比较的资金投向。",
                oneProject.selectFirst("main p.chart-absent").text().replace('\u00a0', ' '));
        // a department with one year: its figure in words
        Document oneYear = page(Urls.department("shi", "102"));
        assertNull(oneYear.selectFirst("main section.chart"));
        assertEquals("只收录了2024年一个年度（项目预算合计 825.50 万元），还没有可比较的历年变化。",
                oneYear.selectFirst("main p.chart-absent").text().replace('\u00a0', ' '));
        assertNotNull(oneYear.selectFirst("main p.chart-absent span.money"), "figure and unit kept on one line");
        // a region of one department
        assertEquals("本地区只收录了一个部门，没有部门间比较的图。", page(Urls.region("xian")).selectFirst("main p.chart-absent").text());
        for (String url : List.of(Urls.departmentYear("shi", "103", 2024), Urls.departmentYear("xian", "201", 2024),
                Urls.department("shi", "102"), Urls.region("xian"))) {
            assertFalse(Files.exists(site.resolve(Urls.chartData(url))), url);
        }
    }

    @Test
    void aDepartmentsYearsAreItsChartInYearOrder() throws Exception {
        Element chart = page(Urls.department("shi", "101")).selectFirst("main section.chart");
        assertEquals("历年预算变化", chart.selectFirst("h2").text());
        assertEquals(List.of("2023年", "2024年"), texts(chart, ".chart-label"));
        assertEquals(List.of("500.00 万元", "4,570.01 万元"), texts(chart, ".chart-value"));
        assertEquals(List.of("109", "1000"), chart.select("svg.chart-bar rect").eachAttr("width"));
    }

    /** /data/ lists every chart's CSV with its size, under the page it belongs to. */
    @Test
    void theDownloadsPageListsTheChartsCsvs() throws Exception {
        Document data = page(Urls.dataPage());
        assertEquals(List.of("/chart.csv", "/shi/chart.csv"), data.select("ul.chart-files a").eachAttr("href"));
        assertEquals("首页：哪些部门预算最多（2024年）", data.selectFirst("ul.chart-files a").ownText());
        assertEquals(List.of("/shi/101/2023/chart.csv", "/shi/101/2024/chart.csv", "/shi/101/chart.csv",
                "/shi/102/2024/chart.csv"), data.select("details.data-department a[href$=chart.csv]").eachAttr("href"));
        Element size = data.selectFirst("a[href=/shi/101/chart.csv] .size");
        assertEquals(Files.size(site.resolve("shi/101/chart.csv")) + " 字节", size.text());
    }

    @Test
    @Tag("slow")
    void theChartPagesAreValidHtml() throws Exception {
        List<Path> html;
        try (Stream<Path> files = Files.walk(site)) {
            html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertEquals(List.of(), HtmlChecker.errors(html));
    }

    /**
     * In Chromium, on a 360 px phone and a desktop: axe finds nothing, nothing reaches past the screen, every bar is
     * visible, the bars' colour contrasts with the page at least 3:1 (WCAG 1.4.11), and printed the chart keeps its
     * bars and figures without the table toggle and the download link.
     */
    @Test
    @Tag("slow")
    void theChartsWorkOnAPhoneADesktopAndPaper(@TempDir Path profile) throws Exception {
        List<String> urls = List.of(Urls.home(), Urls.region("shi"), Urls.region("xian"), Urls.department("shi", "101"),
                Urls.department("shi", "102"), Urls.departmentYear("shi", "101", 2024),
                Urls.departmentYear("shi", "103", 2024), Urls.dataPage());
        String bars = "return [...document.querySelectorAll('svg.chart-bar rect')].map(r => r.getBoundingClientRect().width);";
        String contrast = "const c = getComputedStyle(document.querySelector('svg.chart-bar rect')).fill.match(/\\d+/g).map(Number);"
                + "const l = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };"
                + "const lum = 0.2126 * l(c[0]) + 0.7152 * l(c[1]) + 0.0722 * l(c[2]);"
                + "return 1.05 / (lum + 0.05);"; // against the white page
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            for (int width : new int[] {360, 1280}) {
                try (Browser browser = Browser.start(profile.resolve("w" + width), Math.max(width, 800), 900)) {
                    if (width < 800) {
                        browser.emulatePhone(width, 800);
                    }
                    for (String url : urls) {
                        browser.open(base + url);
                        assertEquals(List.of(), browser.axeViolations(), width + "px /" + url);
                        assertEquals(List.of(), browser.overflowing(), width + "px /" + url);
                    }
                    browser.open(base);
                    @SuppressWarnings("unchecked")
                    List<Number> lengths = (List<Number>) browser.driver().executeScript(bars);
                    assertEquals(4, lengths.size());
                    assertTrue(lengths.stream().allMatch(l -> l.doubleValue() >= 4), width + "px: " + lengths);
                    double ratio = ((Number) browser.driver().executeScript(contrast)).doubleValue();
                    assertTrue(ratio >= 3, "bar contrast " + ratio);
                }
            }
            try (Browser browser = Browser.start(profile.resolve("print"), 800, 900)) {
                browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
                browser.open(base);
                Object shown = browser.driver().executeScript(
                        "const v = s => { const e = document.querySelector(s); return !!e && e.getBoundingClientRect().height > 0; };"
                                + "return [v('svg.chart-bar rect'), v('.chart-value'), v('.chart-download'), v('.chart-data')];");
                assertEquals(List.of(true, true, false, false), shown);
            }
        }
    }
}
