package gongkai.pipeline;

import gongkai.testing.Trees;
import gongkai.testing.TestSites;
import gongkai.cli.SitePipelines;
import gongkai.check.LinkChecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.content.Content;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.SiteConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {
    static final String BASE = "/gongkai/";

    @TempDir
    static Path shared;
    static Path site;
    static BuildReport report;

    @BeforeAll
    static void buildOnce() throws Exception {
        site = shared.resolve("site");
        report = build(TestSites.tiny(), TestSites.defaultTheme(), shared.resolve("content"), site);
    }

    static BuildReport build(Content content, Path theme, Path contentDir, Path out) throws Exception {
        return TestSites.build(content, theme, contentDir, out);
    }

    static Document page(String sitePath) throws IOException {
        Path file = site.resolve(sitePath);
        assertTrue(Files.isRegularFile(file), "missing " + sitePath);
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    /** The Chinese edition's pages (the English one, under en/, is EnglishEditionTest's). */
    static List<Path> htmlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".html")).filter(p -> !dir.relativize(p).startsWith("en"))
                    .sorted().toList();
        }
    }

    /** Independent of the code under test: 万元 with two decimals (half-up) and thousands separators. */
    static String wan(BigDecimal yuan) {
        return String.format(Locale.ROOT, "%,.2f", yuan.divide(BigDecimal.valueOf(10000)).setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void everyPageTypeIsWrittenAtItsUrl() {
        for (String path : List.of("index.html", "tianjin/index.html", "binhai/index.html", "hengshui/index.html",
                "tianjin/362303/index.html", "tianjin/362303/2024/index.html", "hengshui/467/2020/index.html",
                "projects/362303-2024-001/index.html", "projects/467-2020-004/index.html", "about/index.html",
                "data-guide/index.html", "data/index.html", "search/index.html", "quality/index.html", "404.html",
                "sitemap.xml", "robots.txt", "feed.xml", "assets/site.css", "assets/site.js")) {
            assertTrue(Files.isRegularFile(site.resolve(path)), "missing " + path);
        }
        // 5 department-years, 8 projects, 4 departments, 3 regions, 2 Markdown pages, home, downloads, search,
        // quality, 404, and the 5 documents the years cite (衡水's 6,305 lines in 4 parts: a passage that runs on
        // past 1,200 lines is a part of its own); each in both editions (Chinese at the root, English under en/).
        assertEquals(8, report.projects());
        assertEquals(2 * (1 + 3 + 4 + 5 + 8 + 2 + 1 + 1 + 1 + 1 + 5 + 3), report.pages());
        assertTrue(Files.isRegularFile(site.resolve("en/tianjin/362303/2024/index.html")));
        assertEquals(SitePipelines.STAGE_ORDER, report.stages().stream().map(BuildReport.StageTime::stage).toList());
        assertTrue(report.summary().matches("build：8 个项目，70 个页面，用时 \\d+\\.\\d 秒（load \\d+ ms, validate .*write \\d+ ms）"),
                report.summary());
    }

    @Test
    void everyPageIsChineseWithOneH1BreadcrumbsAndUniqueIds() throws IOException {
        for (Path file : htmlFiles(site)) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            String name = site.relativize(file).toString();
            assertEquals("zh-CN", doc.selectFirst("html").attr("lang"), name);
            assertEquals(1, doc.select("h1").size(), name + ": one h1");
            assertFalse(doc.title().isBlank(), name + ": title");
            assertEquals(1, doc.select("main#main").size(), name + ": main landmark");
            assertNotNull(doc.selectFirst("a.skip-link[href=#main]"), name + ": skip link");
            Elements crumbs = doc.select("nav.breadcrumbs li");
            assertFalse(crumbs.isEmpty(), name + ": breadcrumbs");
            assertTrue(name.equals("index.html") || doc.selectFirst("h1").text().contains(crumbs.last().text()),
                    name + ": last breadcrumb is the page");
            assertNotNull(crumbs.last().selectFirst("[aria-current=page]"), name);
            Set<String> ids = new HashSet<>();
            for (Element el : doc.select("[id]")) {
                assertTrue(ids.add(el.id()), name + ": duplicate id " + el.id());
            }
            for (Element table : doc.select("main table")) {
                // Tables written in Markdown cannot carry a caption; every table the theme renders does.
                assertTrue(table.selectFirst("caption") != null || table.parent().hasClass("prose"), name + ": table without caption");
                for (Element th : table.select("th")) {
                    assertFalse(th.attr("scope").isEmpty(), name + ": th without scope: " + th.text());
                }
            }
            for (Element input : doc.select("input:not([type=hidden])")) {
                assertNotNull(doc.selectFirst("label[for=" + input.id() + "]"), name + ": unlabelled input");
            }
        }
    }

    @Test
    void breadcrumbsFollowTheRegionHierarchy() throws IOException {
        Elements crumbs = page("binhai/362301/2025/index.html").select("nav.breadcrumbs li");
        assertEquals(List.of("首页", "天津市", "天津市滨海新区", "天津市滨海新区生态环境保护综合行政执法支队", "2025年"),
                crumbs.eachText());
        assertEquals(BASE + "tianjin/", crumbs.get(1).selectFirst("a").attr("href"));
    }

    @Test
    void indicatorTableHasCaptionScopesAndMergedCells() throws IOException {
        Element table = page("projects/362303-2024-001/index.html").selectFirst("table.indicators");
        assertNotNull(table.selectFirst("caption"));
        assertEquals(List.of("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "解读"),
                table.select("thead th[scope=col]").eachText());
        Elements groups = table.select("tbody");
        assertEquals(3, groups.size(), "one row group per 一级指标");
        // 产出指标 covers 5 rows; 数量指标 covers 2 (the fixture's two 数量指标 rows), the others 1.
        Element output = groups.get(0).selectFirst("th[scope=rowgroup]");
        assertEquals("产出指标", output.text());
        assertEquals("5", output.attr("rowspan"));
        assertEquals(5, groups.get(0).select("tr").size());
        Elements level2 = groups.get(0).select("th[scope=row][rowspan]");
        assertEquals(1, level2.size());
        assertEquals("数量指标", level2.get(0).text());
        assertEquals("2", level2.get(0).attr("rowspan"));
        // Cells per row: the rows under merged cells have fewer cells, the grid stays rectangular.
        List<Integer> cells = groups.get(0).select("tr").stream().map(tr -> tr.children().size()).toList();
        assertEquals(List.of(6, 4, 5, 5, 5), cells);
        assertEquals("≥ 20 人", groups.get(0).select("tr").get(1).selectFirst("td.parsed").text());
        assertEquals("≥ 90 %", groups.get(2).selectFirst("td.parsed").text());
    }

    @Test
    void parsedTargetsShowDeadlinesRangesAndQualitative() throws IOException {
        Element table = page("projects/362301-2025-001/index.html").selectFirst("table.indicators");
        List<String> parsed = table.select("td.parsed").eachText();
        assertEquals(List.of("41 人", "100 %", "2025-01-01 ~ 2025-12-31", "5.5 万/人/年", "定性", "≥ 90 %"), parsed);
        assertEquals("截止 2025-12-31",
                page("projects/362301-2025-002/index.html").selectFirst("td.parsed").text());
    }

    @Test
    void departmentYearTotalIsTheSumOfProjectBudgetsAndProjectsAreSortedByBudget() throws IOException {
        for (DepartmentYear dy : TestSites.tiny().departmentYears()) {
            BigDecimal sum = BigDecimal.ZERO;
            int without = 0;
            for (Project p : dy.projects()) {
                if (p.budget() == null) {
                    without++;
                } else {
                    sum = sum.add(p.budget().total().value().multiply(p.budget().unit() == gongkai.content.MoneyUnit.WAN_YUAN
                            ? BigDecimal.valueOf(10000) : BigDecimal.ONE));
                }
            }
            Document doc = page(dy.regionSlug() + "/" + dy.departmentCode() + "/" + dy.year() + "/index.html");
            if (without == dy.projects().size()) {
                // Hengshui prints no amounts: no total is invented.
                assertTrue(doc.selectFirst("p.totals").text().contains("原表均未列预算金额（" + without + " 个项目）"));
                assertEquals("未列", doc.selectFirst("#project-table tfoot td").text());
                continue;
            }
            Element total = doc.selectFirst("p.totals data");
            assertEquals(wan(sum), total.text(), dy.title());
            assertEquals(0, new BigDecimal(total.attr("value")).compareTo(sum), dy.title());
            Element foot = doc.selectFirst("#project-table tfoot data");
            assertEquals(wan(sum), foot.text());
            if (without > 0) {
                assertTrue(doc.selectFirst("p.totals").text().contains(without + " 个项目原表未列预算"), dy.title());
            }
            List<BigDecimal> shown = new ArrayList<>();
            for (Element td : doc.select("#project-table tbody tr td:eq(2)")) {
                shown.add(td.attr("data-sort").isEmpty() ? null : new BigDecimal(td.attr("data-sort")));
            }
            for (int i = 1; i < shown.size(); i++) {
                assertTrue(shown.get(i) == null || shown.get(i - 1) != null && shown.get(i - 1).compareTo(shown.get(i)) >= 0,
                        "sorted by budget desc: " + shown);
            }
        }
    }

    @Test
    void amountsAreShownInWanYuanWithExactYuanAvailable() throws IOException {
        Document doc = page("projects/362301-2025-001/index.html");
        Element budget = doc.selectFirst("table.budget tbody tr");
        assertEquals("预算数", budget.selectFirst("th").text());
        assertEquals("225.50", budget.select("td").get(0).text());
        assertEquals("2,255,000.00", budget.select("td").get(1).text());
        assertEquals("2255000.00 元", budget.select("td").get(2).text());
        Document big = page("projects/362101-2024-001/index.html");
        assertEquals("1,234.56", big.selectFirst("table.budget tbody td").text());
        assertEquals("12345600.00", big.selectFirst("table.budget tbody td data").attr("value"));
    }

    @Test
    void homeShowsTotalsByYearAndRegionDepartmentsLatestAndSearch() throws IOException {
        Document home = page("index.html");
        Content content = TestSites.tiny();
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        for (DepartmentYear dy : content.departmentYears()) {
            for (Project p : dy.projects()) {
                byYear.merge(dy.year(), p.budget() == null ? BigDecimal.ZERO : p.budget().total().yuan(), BigDecimal::add);
            }
        }
        Element yearTable = home.selectFirst("section[aria-labelledby=by-year] table");
        List<String> rows = yearTable.select("tbody tr").stream()
                .map(tr -> tr.selectFirst("th").text() + "=" + tr.select("td").get(2).text()).toList();
        // 2020 is Hengshui only, which prints no amounts: shown as 未列, not 0.00.
        List<String> expected = byYear.entrySet().stream()
                .map(e -> e.getKey() + "年=" + (e.getKey() == 2020 ? "未列" : wan(e.getValue()))).toList();
        assertEquals(expected, rows);
        assertEquals(4, home.select("#departments ~ ul.department-list > li").size());
        assertEquals("2025", home.selectFirst("ol.latest li").text().replaceAll(".*· (\\d{4})年.*", "$1"));
        Element form = home.selectFirst("form[role=search].big-search");
        assertEquals(BASE + "search/", form.attr("action"));
        assertEquals("get", form.attr("method"));
        assertNotNull(form.selectFirst("input[name=q]"));
        // one chart: the departments of the latest year two of them list budgets in (2025 has one)
        Element chart = home.selectFirst("section.chart");
        assertEquals("哪些部门预算最多（2024年）", chart.selectFirst("h2").text());
        assertEquals(List.of("天津市生态环境局财务处（审计处）", "天津市生态环境保护综合行政执法总队"),
                chart.select(".chart-label").eachText());
        assertNotNull(chart.selectFirst("details table caption"), "the chart's figures as a table");
    }

    /** A size as the page prints it ("918 字节", "107.1 KB"), back in bytes: the shown value ± its rounding. */
    static void assertShownSize(long bytes, String shown, String what) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d)?) (字节|KB|MB)").matcher(shown);
        assertTrue(m.matches(), what + ": " + shown);
        double unit = switch (m.group(2)) {
            case "字节" -> 1;
            case "KB" -> 1024;
            default -> 1024 * 1024;
        };
        assertTrue(Math.abs(Double.parseDouble(m.group(1)) * unit - bytes) <= 0.05 * unit + 0.001,
                what + ": " + shown + " for " + bytes + " bytes");
    }

    /**
     * 数据下载: in the navigation of every page and near the top of home; lists every datapackage.json resource
     * with its Chinese title, row count and size (as on disk), the zip, and every department-year's three files
     * under the department-year page's own save-as names.
     */
    @Test
    void theDownloadsPageListsEveryFileWithRowsSizesAndDates() throws IOException {
        for (Path file : htmlFiles(site)) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            assertNotNull(doc.selectFirst("nav.site-nav a[href=" + BASE + "data/]:containsOwn(数据下载)"),
                    site.relativize(file) + ": 数据下载 in the navigation");
        }
        Document home = page("index.html");
        String main = home.selectFirst("main").html();
        int callout = main.indexOf("<a href=\"" + BASE + "data/\">数据下载</a>");
        assertTrue(callout > 0 && callout < main.indexOf("<h2"), "the downloads link comes before home's first section");

        Document data = page("data/index.html");
        assertEquals("数据下载", data.selectFirst("h1").text());
        Element zip = data.selectFirst("a.download-button");
        assertEquals(BASE + "data/gongkai-data.zip", zip.attr("href"));
        assertEquals("application/zip", zip.attr("type"));
        assertShownSize(Files.size(site.resolve("data/gongkai-data.zip")), zip.selectFirst(".size").text(), "zip");

        JsonNode pkg = new ObjectMapper().readTree(site.resolve("data/datapackage.json").toFile());
        Elements rows = data.select("table.data-files tbody tr");
        Set<String> listed = new HashSet<>();
        for (JsonNode r : pkg.get("resources")) {
            String file = r.get("path").asText();
            Element row = rows.stream().filter(tr -> tr.selectFirst("th code").text().equals(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + file));
            listed.add(file);
            assertTrue(row.selectFirst("th").text().startsWith(r.get("title").asText()), file);
            assertEquals(r.get("description").asText(), row.selectFirst("td[data-label=内容]").text(), file);
            long records = Files.readString(site.resolve("data/" + file)).split("\r\n", -1).length - 2;
            // (a multi-line cell would break this count; the tiny site's one is in projects.csv)
            if (!file.equals("projects.csv")) {
                assertEquals(String.format(Locale.ROOT, "%,d 行", records), row.selectFirst("td[data-label=行数]").text(), file);
            }
            Elements links = row.select("td[data-label=下载] a");
            assertEquals(List.of(BASE + "data/" + file, BASE + "data/" + file.replace(".csv", "-excel.csv")),
                    links.eachAttr("href"), file);
            for (Element a : links) {
                assertShownSize(Files.size(site.resolve(a.attr("href").substring(BASE.length()))),
                        a.selectFirst(".size").text(), a.attr("href"));
            }
        }
        assertEquals(pkg.get("resources").size() + 3, rows.size(), "every resource, all.json, quality.json and datapackage.json");
        assertEquals(2, data.select("table.data-files a[href=" + BASE + "data/all.json], table.data-files a[href="
                + BASE + "data/datapackage.json]").size());
        assertNotNull(data.selectFirst("details.data-tables table.data-files"), "document tables folded");

        Content content = TestSites.tiny();
        Elements departments = data.select("details.data-department");
        assertEquals(content.departments().size(), departments.size());
        for (DepartmentYear dy : content.departmentYears()) {
            String page = dy.regionSlug() + "/" + dy.departmentCode() + "/" + dy.year() + "/";
            Element item = data.selectFirst("details.data-department li:has(a[href=" + BASE + page + "])");
            assertNotNull(item, page);
            Elements links = item.select(".file-links a");
            Document yearPage = page(page + "index.html");
            Elements pageLinks = yearPage.select(".downloads a");
            pageLinks.addAll(yearPage.select(".chart-download a")); // and its chart's CSV, when it has a chart
            assertEquals(pageLinks.eachAttr("href"), links.eachAttr("href"), page);
            assertEquals(pageLinks.eachAttr("download"), links.eachAttr("download"), page);
            for (Element a : links) {
                assertShownSize(Files.size(site.resolve(a.attr("href").substring(BASE.length()))),
                        a.selectFirst(".size").text(), a.attr("href"));
            }
            assertTrue(item.text().contains(dy.projects().size() + " 个项目"), item.text());
        }
    }

    @Test
    void departmentPageShowsItsYearsSideBySide() throws IOException {
        Document doc = page("tianjin/362101/index.html");
        assertEquals(List.of("指标", "2023年", "2024年"), doc.select("table.years thead th").eachText());
        assertEquals(List.of("预算合计（万元）", "154.00", "1,234.56"), doc.select("table.years tbody tr").get(1).children().eachText());
        assertTrue(doc.selectFirst(".prose").html().contains("<strong>财务</strong>"), "description is Markdown");
    }

    @Test
    void projectPageCitesItsSourceLinksOtherYearsAndDownloads() throws IOException {
        Document doc = page("projects/362101-2023-001/index.html");
        assertTrue(doc.selectFirst("p.source").text().contains("003_048537671a369fc1.txt"));
        assertTrue(doc.selectFirst("p.source").text().contains("第 1 行"));
        // shown by its file name, linking its page beside the published file in the department's own folder; the
        // line links the line there
        assertEquals(List.of("003_048537671a369fc1.txt", "第 1 行"), doc.select("p.source a").eachText());
        assertEquals(List.of(BASE + "sources/tianjin/362101/003_048537671a369fc1.txt.html",
                BASE + "sources/tianjin/362101/003_048537671a369fc1.txt.html#L1"), doc.select("p.source a").eachAttr("href"));
        assertEquals(List.of(BASE + "projects/362101-2024-001/"), doc.select("section[aria-labelledby=yoy-h] a").eachAttr("href"));
        assertEquals(List.of(BASE + "projects/362101-2023-001.json", BASE + "projects/362101-2023-001.csv",
                BASE + "projects/362101-2023-001-excel.csv"), doc.select("section.downloads a").eachAttr("href"));
        assertTrue(doc.select("section.downloads a").get(2).text().contains("Excel"));
        // the 2023-2025 evaluation has no namesake in 2024
        assertTrue(page("projects/362101-2023-002/index.html").select("section[aria-labelledby=yoy-h]").isEmpty());
    }

    @Test
    void projectPageShowsTheSameProjectsBudgetInEachYearWithTheChange() throws IOException {
        Document later = page("projects/362101-2024-001/index.html");
        assertEquals(List.of("2023年 2023年物业费项目 104.00 104.00", "2024年（本页） 2024年度物业费项目 1,234.56 较2023年 +1,130.56 万元，+1087.1% "
                + "1,200.00 较2023年 +1,096.00 万元，+1053.8%"),
                later.select("section[aria-labelledby=yoy-h] table.yoy-amounts tbody tr").eachText());
        assertEquals("true", later.select("section[aria-labelledby=yoy-h] table.yoy-amounts tbody tr").get(1).attr("aria-current"));
        Document earlier = page("projects/362101-2023-001/index.html");
        assertEquals(List.of("2023年（本页） 2023年物业费项目 104.00 104.00", "2024年 2024年度物业费项目 1,234.56 较2023年 +1,130.56 万元，"
                + "+1087.1% 1,200.00 较2023年 +1,096.00 万元，+1053.8%"),
                earlier.select("section[aria-labelledby=yoy-h] table.yoy-amounts tbody tr").eachText());
    }

    @Test
    void projectKeyLinksTheSameProjectAcrossYearsInTheCsv() throws IOException {
        java.util.Map<String, String> keys = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(site.resolve("data/projects.csv"))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([0-9]+-[0-9]{4}-[0-9]{3}),([^,]*),").matcher(line);
            if (m.find()) {
                keys.put(m.group(1), m.group(2));
            }
        }
        assertEquals(keys.get("362101-2023-001"), keys.get("362101-2024-001"), "物业费 in 2023 and 2024: " + keys);
        assertTrue(keys.get("362101-2023-001").matches("362101-[0-9a-f]{12}"), keys.toString());
        assertEquals(keys.size(), new java.util.HashSet<>(keys.values()).size() + 1, "every other project its own key");
        // the per-year CSVs have the same column
        assertTrue(Files.readString(site.resolve("tianjin/362101/2024.csv")).contains(
                "362101-2024-001," + keys.get("362101-2024-001") + ","));
    }

    @Test
    void departmentYearAndProjectPagesCarryDatasetJsonLd() throws IOException {
        for (String path : List.of("tianjin/362303/2024/index.html", "projects/362303-2024-001/index.html")) {
            Element script = page(path).selectFirst("script[type=application/ld+json]");
            JsonNode json = new ObjectMapper().readTree(script.data());
            assertEquals("Dataset", json.get("@type").asText());
            assertEquals("https://creativecommons.org/licenses/by/4.0/deed.zh-hans", json.get("license").asText());
            assertEquals("天津市生态环境保护综合行政执法总队", json.get("creator").get("name").asText());
            assertEquals(3, json.get("distribution").size());
            for (JsonNode d : json.get("distribution")) {
                assertTrue(d.get("contentUrl").asText().startsWith(TestSites.BASE_URL), d.toString());
                assertTrue(List.of("application/json", "text/csv").contains(d.get("encodingFormat").asText()));
            }
        }
    }

    @Test
    void markdownIsRenderedAndRawHtmlIsEscaped() throws IOException {
        Document dy = page("hengshui/467/2020/index.html");
        Element section = dy.selectFirst("section#section-duties");
        assertTrue(section.select("script").isEmpty());
        assertTrue(section.text().contains("<script>alert('x')</script>"), "shown as text");
        assertTrue(section.select("h1").isEmpty(), "headings inside sections are shifted below the page h1");
        Document guide = page("data-guide/index.html");
        assertEquals("数据说明", guide.selectFirst("h1").text());
        assertNotNull(guide.selectFirst(".prose table"), "GFM table");
        assertTrue(guide.select(".prose b").isEmpty());
        Element procurement = dy.selectFirst("section#table-procurement table");
        assertEquals("政府采购预算", procurement.selectFirst("caption").text());
        assertEquals(List.of("财政拨款", "监测设备", ""), procurement.select("tbody tr").get(1).select("td").stream().map(Element::text).toList());
        assertNotNull(dy.selectFirst("section#table-assets p.empty"), "empty tables are listed with an explanation");
    }

    @Test
    void searchPageHasTheFormTheSearchScriptDrives() throws IOException {
        Document doc = page("search/index.html");
        Element form = doc.selectFirst("form#search-form[role=search]");
        assertEquals(BASE + "search/", form.attr("action"));
        assertEquals("get", form.attr("method"));
        Element input = form.selectFirst("input#search-q[type=search][name=q]");
        assertNotNull(input);
        assertNotNull(doc.selectFirst("label[for=search-q]"));
        Element app = doc.selectFirst("div#search-app");
        assertEquals(BASE, app.attr("data-base"));
        assertEquals("polite", app.attr("aria-live"));
        assertTrue(app.children().isEmpty());
        // browsing by region stays on the page, with or without JavaScript (search.js links to it when nothing is found)
        assertNotNull(doc.selectFirst("noscript"));
        assertTrue(doc.selectFirst("nav#search-browse").html().contains(BASE + "tianjin/"));
        // the theme ships static/search.js (gongkai.search), so the page loads it, deferred, from assets/
        Element script = doc.selectFirst("script[src$=search.js]");
        assertNotNull(script, "search.js linked");
        assertEquals(BASE + "assets/search.js", script.attr("src"));
        assertTrue(script.hasAttr("defer"));
    }

    @Test
    void everyInternalLinkIsRootRelativeUnderTheBasePathAndResolves() throws IOException {
        assertEquals(List.of(), new LinkChecker(site, BASE).brokenLinks());
        int links = 0;
        for (Path file : htmlFiles(site)) {
            for (Element a : Jsoup.parse(file.toFile(), "UTF-8").select("a[href], link[href], script[src]")) {
                String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                if (href.startsWith("http") || href.startsWith("#")) {
                    continue;
                }
                assertTrue(href.startsWith(BASE), file + ": " + href);
                links++;
            }
        }
        assertTrue(links > 200, "links checked: " + links);
    }

    @Test
    void machineFilesUseAbsoluteUrlsAndNoClockTime() throws IOException {
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/gongkai/projects/362303-2024-001/</loc>"));
        assertFalse(sitemap.contains("404.html"));
        assertFalse(sitemap.contains("<lastmod>"), "content is not in git: no lastmod");
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/gongkai/sitemap.xml\n",
                Files.readString(site.resolve("robots.txt")));
        String feed = Files.readString(site.resolve("feed.xml"));
        // Without git dates, an entry is dated 1 January of its budget year; newest first.
        assertTrue(feed.contains("<updated>2025-01-01T00:00:00Z</updated>"));
        assertTrue(feed.indexOf("2025年项目支出") < feed.indexOf("2024年项目支出"));
    }

    @Tag("slow")
    /** Every page ends with how to cite it and, when the site names an address, a prefilled 报告错误 link. */
    @Test
    void pagesCarryCitationSharingCardsIconAndReportLink(@TempDir Path tmp) throws Exception {
        Content tiny = TestSites.tiny();
        SiteConfig s = tiny.site();
        Content content = new Content(new SiteConfig(s.title(), s.description(), s.publisher(), s.licence(),
                s.licenceUrl(), s.baseUrl(), "mailto:data@example.org"), tiny.regions(), tiny.departments(),
                tiny.departmentYears(), tiny.pages());
        Path out = tmp.resolve("site");
        build(content, TestSites.defaultTheme(), tmp.resolve("c"), out);
        Document doc = Jsoup.parse(out.resolve("projects/362303-2024-001/index.html").toFile(), "UTF-8");
        String canonical = doc.selectFirst("link[rel=canonical]").attr("href");
        assertEquals("https://example.org/gongkai/projects/362303-2024-001/", canonical);
        assertEquals(canonical, doc.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals(doc.selectFirst("h1").text(), doc.selectFirst("meta[property=og:title]").attr("content"));
        String icon = doc.selectFirst("link[rel=icon]").attr("href");
        assertTrue(Files.isRegularFile(out.resolve(icon.substring(BASE.length()))), icon);
        org.jsoup.nodes.Element facts = doc.selectFirst("main aside.page-facts");
        String cite = facts.selectFirst("details.cite").text();
        assertTrue(cite.contains(s.publisher() + ". " + doc.selectFirst("h1").text() + "[EB/OL]") && cite.contains(canonical),
                cite);
        String report = facts.selectFirst("p.report a").attr("href");
        assertTrue(report.startsWith("mailto:data@example.org?subject="), report);
        String body = java.net.URLDecoder.decode(report.substring(report.indexOf("body=") + 5), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.startsWith("页面：" + canonical + "\n"), body);
        // the shared build names no address: no report link, the citation stays
        Document plain = page("projects/362303-2024-001/index.html");
        assertEquals(0, plain.select("p.report").size());
        assertEquals(1, plain.select("main aside.page-facts details.cite").size());
    }

    @Test
    void machineFilesAreTheThemesTemplatesAndEscapeXml(@TempDir Path tmp) throws Exception {
        Path theme = TestSites.copyOfDefaultTheme(tmp.resolve("theme"));
        Path robots = theme.resolve("templates/robots.txt.ftl");
        Files.writeString(robots, Files.readString(robots).replace("Allow: /\n", "Allow: /\nDisallow: /data/\n"));
        Content tiny = TestSites.tiny();
        SiteConfig s = tiny.site();
        Content content = new Content(new SiteConfig("R&D <公开> \"数据\"", s.description(), s.publisher(), s.licence(),
                s.licenceUrl(), s.baseUrl()), tiny.regions(), tiny.departments(), tiny.departmentYears(), tiny.pages());
        Path out = tmp.resolve("site");
        build(content, theme, tmp.resolve("c"), out);
        assertEquals("User-agent: *\nAllow: /\nDisallow: /data/\n\nSitemap: https://example.org/gongkai/sitemap.xml\n",
                Files.readString(out.resolve("robots.txt")));
        String feed = Files.readString(out.resolve("feed.xml"));
        assertTrue(feed.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed "), feed);
        assertTrue(feed.contains("<title>R&amp;D &lt;公开&gt; &quot;数据&quot;</title>"), feed);
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("feed.xml").toFile());
        assertEquals("R&D <公开> \"数据\"", xml.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(5, xml.getElementsByTagName("entry").getLength(), "one entry per department-year");
    }

    @Test
    void theNuHtmlCheckerFindsNoErrors() throws Exception {
        assertEquals(List.of(), gongkai.testing.HtmlChecker.errors(htmlFiles(site)));
    }

    @Test
    void twoBuildsAreByteIdentical(@TempDir Path tmp) throws Exception {
        Path again = tmp.resolve("site");
        build(TestSites.tiny(), TestSites.defaultTheme(), tmp.resolve("content"), again);
        assertEquals(Trees.hashes(site), Trees.hashes(again));
    }


    @Test
    void aFailingBuildLeavesThePreviousSiteInPlace(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        Path theme = TestSites.copyOfDefaultTheme(tmp.resolve("theme"));
        build(TestSites.tiny(), theme, tmp.resolve("content"), out);
        Map<String, String> before = Trees.hashes(out);

        // a template error
        TestSites.write(theme.resolve("templates/project.ftlh"), "<#import \"layout.ftlh\" as l><@l.page>${page.noSuchField}</@l.page>");
        BuildException renderError = assertThrows(BuildException.class,
                () -> build(TestSites.tiny(), theme, tmp.resolve("content"), out));
        assertEquals("render", renderError.stage());
        assertTrue(renderError.getMessage().contains("project.ftlh"), renderError.getMessage());
        assertEquals(before, Trees.hashes(out));

        // a content error: a duplicate project id
        Content good = TestSites.tiny();
        List<DepartmentYear> years = new ArrayList<>(good.departmentYears());
        years.add(new DepartmentYear("tianjin", "362303", 2023, "dup", "x.txt", List.of(), List.of(),
                TestSites.zongdui2024().projects()));
        Content bad = new Content(good.site(), good.regions(), good.departments(), years, good.pages());
        TestSites.copyOfDefaultTheme(tmp.resolve("theme2"));
        BuildException contentError = assertThrows(BuildException.class,
                () -> build(bad, tmp.resolve("theme2"), tmp.resolve("content"), out));
        assertEquals("validate", contentError.stage());
        // a model built in code has no positions: the file's first line, with the field
        assertTrue(contentError.getMessage().contains("tianjin/362303/2023.yaml:1:1: projects[0].id: 项目编号 "
                + "'362303-2024-001' 重复（另见 "), contentError.getMessage());
        assertEquals(before, Trees.hashes(out));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".site-")).toList(),
                    "staging directories are cleaned up");
        }
    }

    @Test
    void linksToDownloadsCountOnlyWhenTheExportStageWroteThem(@TempDir Path tmp) throws IOException {
        TestSites.addSources(TestSites.tiny(), tmp.resolve("content"));
        BuildException e = assertThrows(BuildException.class, () ->
                SitePipelines.builder(BuildOptions.of(tmp.resolve("content"), TestSites.defaultTheme(), tmp.resolve("site"),
                        line -> { }), dir -> TestSites.tiny()).build().run());
        assertEquals("check", e.stage());
        assertTrue(e.getMessage().contains("binhai/362301/2025/index.html: href=\"/gongkai/binhai/362301/2025.json\" → no such file"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("site")));
    }

    @Test
    void aBrokenInternalLinkFailsTheBuild(@TempDir Path tmp) throws Exception {
        Path theme = TestSites.copyOfDefaultTheme(tmp.resolve("theme"));
        Path page = theme.resolve("templates/page.ftlh");
        Files.writeString(page, Files.readString(page).replace("<div class=\"prose\">",
                "<p><a href=\"${site.base}nowhere/\">x</a> <a href=\"#nope\">y</a></p><div class=\"prose\">"));
        BuildException e = assertThrows(BuildException.class, () -> build(TestSites.tiny(), theme, tmp.resolve("c"), tmp.resolve("s")));
        assertEquals("check", e.stage());
        assertTrue(e.getMessage().contains("about/index.html: href=\"/gongkai/nowhere/\" → no such"), e.getMessage());
        assertTrue(e.getMessage().contains("about/index.html: href=\"#nope\" → no element with id 'nope'"), e.getMessage());
    }

    @Test
    void searchScriptIsIncludedOnlyWhenTheThemeHasIt(@TempDir Path tmp) throws Exception {
        Path theme = TestSites.copyOfDefaultTheme(tmp.resolve("theme"));
        Files.writeString(theme.resolve("static/search.js"), "// search\n");
        Path out = tmp.resolve("site");
        build(TestSites.tiny(), theme, tmp.resolve("c"), out);
        Document doc = Jsoup.parse(out.resolve("search/index.html").toFile(), "UTF-8");
        Element script = doc.selectFirst("script[src=" + BASE + "assets/search.js]");
        assertNotNull(script);
        assertTrue(script.hasAttr("defer"));
        assertTrue(Files.isRegularFile(out.resolve("assets/search.js")));
    }

    @Test
    void sitemapSplitsIntoAnIndexAndPartsWithGitDates(@TempDir Path tmp) throws Exception {
        Path contentDir = tmp.resolve("content");
        TestSites.write(contentDir.resolve("tianjin/362303/2024.yaml"), "year: 2024\n");
        TestSites.write(contentDir.resolve("tianjin/region.yaml"), "name: 天津市\n");
        git(contentDir, "2024-03-05T10:00:00Z", "init", "-q");
        git(contentDir, "2024-03-05T10:00:00Z", "add", "tianjin/362303/2024.yaml");
        git(contentDir, "2024-03-05T10:00:00Z", "commit", "-q", "-m", "year file");
        git(contentDir, "2024-06-30T10:00:00Z", "add", "tianjin/region.yaml");
        git(contentDir, "2024-06-30T10:00:00Z", "commit", "-q", "-m", "region");
        TestSites.addSources(TestSites.tiny(), contentDir);
        Path out = tmp.resolve("site");
        SitePipelines.builder(new BuildOptions(contentDir, TestSites.defaultTheme(), out, 10, line -> { }), dir -> TestSites.tiny())
                .export(TestSites.twinWriter()).build().run();
        String index = Files.readString(out.resolve("sitemap.xml"));
        assertTrue(index.contains("<sitemapindex"), index);
        List<String> parts = new ArrayList<>();
        int urls = 0;
        for (int i = 1; Files.exists(out.resolve("sitemap-" + i + ".xml")); i++) {
            String part = Files.readString(out.resolve("sitemap-" + i + ".xml"));
            int n = part.split("<url>", -1).length - 1;
            assertTrue(n <= 10);
            urls += n;
            parts.add(part);
            assertTrue(index.contains("<loc>https://example.org/gongkai/sitemap-" + i + ".xml</loc>"));
        }
        assertEquals(2 * 34, urls, "every page but the 404 (衡水's document in 4 parts), in both editions");
        String all = String.join("", parts);
        assertTrue(all.contains("<loc>https://example.org/gongkai/tianjin/362303/2024/</loc>\n    <lastmod>2024-03-05</lastmod>"), all);
        assertTrue(all.contains("<loc>https://example.org/gongkai/tianjin/</loc>\n    <lastmod>2024-06-30</lastmod>"), all);
        assertTrue(Files.readString(out.resolve("feed.xml")).contains("<updated>2024-03-05T00:00:00Z</updated>"));
    }

    static void git(Path dir, String date, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_DATE", date);
        pb.environment().put("GIT_COMMITTER_DATE", date);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
    }
}
