package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * sites/yoy built by the standard stages. Department 362303 has 2022, 2023 and 2024: 物业费 in all three (its name's
 * year changes; its indicators are renamed, added, dropped and retargeted), 臭氧 from 0.00 to 23.60 then dropped,
 * 移动执法 new in 2023 and renamed only in width and year in 2024, 有奖举报 in 元 in 2023 and 万元 in 2024, 旧设备维护
 * in 2022 and 2024 but not 2023, 管理服务 new in 2024. Department 362101 has 2024 only: no comparison anywhere.
 */
@Tag("slow")
class YearOverYearSiteTest {
    static final Path FIXTURE = Path.of("generator/src/test/resources/sites/yoy");

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

    private static Element section(Document page) {
        return page.selectFirst("main section[aria-labelledby=yoy-h]");
    }

    @Test
    void theProjectPageShowsEachAmountPerYearWithItsChange() throws Exception {
        Element yoy = section(page(Urls.project("362303-2024-001")));
        assertEquals("历年对比", yoy.getElementById("yoy-h").text());
        Element table = yoy.selectFirst("table.yoy-amounts");
        assertEquals(List.of("年度", "项目名称", "预算数", "其中：财政资金", "其他资金"), table.select("thead th").eachText());
        assertEquals(List.of(
                "2022年 2022年执法总队物业费项目 100.00 100.00 未列",
                "2023年 2023年执法总队物业费项目 117.00 较2022年 +17.00 万元，+17.0% 117.00 较2022年 +17.00 万元，+17.0% 未列",
                "2024年（本页） 2024年度执法总队物业费项目 122.00 较2023年 +5.00 万元，+4.3% 117.00 较2023年 0.00 万元，0.0% 5.00"),
                table.select("tbody tr").eachText());
        assertEquals("true", table.select("tbody tr").get(2).attr("aria-current"));
        assertEquals(List.of("/projects/362303-2022-001/", "/projects/362303-2023-001/"), table.select("a").eachAttr("href"));
        // the change's figure and unit are held together (no-break space), the exact 元 are in the value
        Element change = table.select("tbody tr").get(2).selectFirst(".yoy-change .money");
        assertEquals("+5.00\u00a0万元", change.wholeText());
        assertEquals("1220000.00", table.select("tbody tr").get(2).selectFirst("data").attr("value"));
        // a project whose only other year lists 0.00 gets the change but no percentage, and says why
        assertEquals(List.of("2022年 臭氧污染防治执法装备能力建设项目 0.00 0.00",
                "2023年（本页） 臭氧污染防治执法装备能力建设项目 23.60 较2022年 +23.60 万元，2022年为 0，不计增幅 "
                        + "23.60 较2022年 +23.60 万元，2022年为 0，不计增幅"),
                section(page(Urls.project("362303-2023-002"))).select("table.yoy-amounts tbody tr").eachText());
        // the English edition gives the same reason in English (the message names the year)
        assertTrue(section(page("en/" + Urls.project("362303-2023-002"))).selectFirst("table.yoy-amounts .yoy-change").text()
                .endsWith("2022 was 0: no % change"));
        // across a year it is missing from: compared with the last year it was in
        assertEquals(List.of("2022年 旧设备维护项目 8.00 8.00", "2024年（本页） 旧设备维护项目 9.00 较2022年 +1.00 万元，+12.5% "
                + "9.00 较2022年 +1.00 万元，+12.5%"),
                section(page(Urls.project("362303-2024-005"))).select("table.yoy-amounts tbody tr").eachText());
    }

    @Test
    void theProjectPageShowsEachIndicatorsTargetPerYearSideBySide() throws Exception {
        Element yoy = section(page(Urls.project("362303-2024-001")));
        Element table = yoy.selectFirst("table.yoy-indicators");
        assertEquals(List.of("一级指标", "二级指标", "三级指标", "2022年", "2023年", "2024年"), table.select("thead th").eachText());
        assertEquals(List.of(
                "产出指标 数量指标 保洁面积 ≥5000平方米 ≥5000平方米 ≥6000平方米 有变化",
                "产出指标 质量指标 保洁合格率 ≥95% ≥98% 有变化 ≥98%",
                "产出指标 成本指标 项目总投资 ≤100万元 （名称：总投资额） ≤117万元 有变化 ≤122万元 有变化",
                "效益指标 可持续影响指标 办公环境改善 本年无 有所改善 新增 （二级指标：社会效益指标） 持续改善 有变化",
                "满意度指标 服务对象满意度指标 职工满意度 ≥90% ≥ 90% ≥92% 有变化",
                "产出指标 数量指标 安保人数 本年无 本年无 12人 新增",
                "产出指标 时效指标 完成时间 本年无 2023年12月31日前 新增 本年无"),
                table.select("tbody tr").eachText());
        // every cell is a year's: its header is the year column, its row header the indicator
        for (Element row : table.select("tbody tr")) {
            assertEquals(1, row.select("th[scope=row]").size());
            assertEquals(List.of("一级指标", "二级指标", "2022年", "2023年", "2024年"), row.select("td").eachAttr("data-label"));
        }
        assertTrue(yoy.selectFirst("#yoy-indicators-h + p").text().endsWith("逐年相比：6 项指标值有变化，3 项新增，1 项本年无。"),
                yoy.selectFirst("#yoy-indicators-h + p").text());
        // from the 2022 page: named as in 2022, the later names noted
        assertEquals("产出指标 成本指标 总投资额 ≤100万元 ≤117万元 有变化 （名称：项目总投资） ≤122万元 有变化 （名称：项目总投资）",
                section(page(Urls.project("362303-2022-001"))).select("table.yoy-indicators tbody tr").get(2).text());
    }

    @Test
    void theDepartmentYearMarksNewProjectsListsDroppedOnesAndGivesEachChange() throws Exception {
        Element yoy = section(page(Urls.departmentYear("tianjin", "362303", 2024)));
        assertEquals("与上一年度对比", yoy.getElementById("yoy-h").text());
        assertEquals("与 2023年 相比：本年 5 个项目中，3 个上年也有，2 个为新增；上年的 1 个项目本年未列出（见下）。",
                yoy.selectFirst("p").text());
        Element table = yoy.selectFirst("table.yoy-projects");
        assertEquals("2024年各项目预算数与2023年相比（万元）", table.selectFirst("caption").text());
        assertEquals(List.of("项目名称", "2023年预算数", "2024年预算数", "增减（万元）", "增减幅度"), table.select("thead th").eachText());
        assertEquals(List.of(
                "2024年度执法总队物业费项目 117.00 122.00 +5.00 +4.3%",
                "2024年度移动执法能力提升项目(环境执法支队) 50.00 61.00 +11.00 +22.0%",
                "执法总队管理服务项目 新增 上年无 30.00 — —",
                "有奖举报项目 20.00 10.00 -10.00 -50.0%",
                "旧设备维护项目 新增 上年无 9.00 — —"),
                table.select("tbody tr").eachText());
        assertEquals(List.of("臭氧污染防治执法装备能力建设项目：2023年预算数 23.60 万元"), yoy.select("ul.yoy-dropped li").eachText());
        assertEquals("/projects/362303-2023-002/", yoy.selectFirst("ul.yoy-dropped a").attr("href"));

        Element y2023 = section(page(Urls.departmentYear("tianjin", "362303", 2023)));
        assertEquals(List.of(
                "2023年执法总队物业费项目 100.00 117.00 +17.00 +17.0%",
                "移动执法能力提升项目（环境执法支队） 新增 上年无 50.00 — —",
                "臭氧污染防治执法装备能力建设项目 0.00 23.60 +23.60 2022年为 0，不计",
                "有奖举报项目 新增 上年无 20.00 — —"),
                y2023.select("table.yoy-projects tbody tr").eachText());
        assertEquals(List.of("旧设备维护项目：2022年预算数 8.00 万元"), y2023.select("ul.yoy-dropped li").eachText());
        // the department's first year has nothing to compare with: no section, no heading
        assertNull(section(page(Urls.departmentYear("tianjin", "362303", 2022))));
    }

    @Test
    void theDepartmentPageShowsEveryProjectsBudgetByYearWithNewAndDroppedMarked() throws Exception {
        Element yoy = section(page(Urls.department("tianjin", "362303")));
        assertEquals("各项目历年预算", yoy.getElementById("yoy-h").text());
        assertEquals(List.of("2023年与2022年相比：2 个项目延续，2 个新增，1 个本年未列出。",
                "2024年与2023年相比：3 个项目延续，2 个新增，1 个本年未列出。"), yoy.select("ul.yoy-summary li").eachText());
        Element table = yoy.selectFirst("table.yoy-department");
        assertEquals(List.of("项目名称", "2022年", "2023年", "2024年"), table.select("thead th").eachText());
        assertEquals(List.of(
                "2024年度执法总队物业费项目 100.00 117.00 较2022年 +17.00 万元，+17.0% 122.00 较2023年 +5.00 万元，+4.3%",
                "2024年度移动执法能力提升项目(环境执法支队) 本年无 50.00 新增 61.00 较2023年 +11.00 万元，+22.0%",
                "有奖举报项目 本年无 20.00 新增 10.00 较2023年 -10.00 万元，-50.0%",
                "执法总队管理服务项目 本年无 本年无 30.00 新增",
                "旧设备维护项目 8.00 本年无 9.00 新增",
                "臭氧污染防治执法装备能力建设项目 0.00 23.60 较2022年 +23.60 万元，2022年为 0，不计增幅 本年无"),
                table.select("tbody tr").eachText());
        // a dropped project links its last page
        assertEquals("/projects/362303-2023-002/", table.select("tbody tr").get(5).selectFirst("th a").attr("href"));
    }

    @Test
    void aDepartmentWithOneYearShowsNoComparisonAnywhere() throws Exception {
        for (String url : List.of(Urls.department("tianjin", "362101"), Urls.departmentYear("tianjin", "362101", 2024),
                Urls.project("362101-2024-001"), Urls.project("362303-2024-004"))) {
            Document page = page(url);
            assertNull(section(page), url);
            assertTrue(page.select("main h2").eachText().stream().noneMatch(h -> h.contains("对比") || h.contains("历年")), url);
        }
    }

    @Test
    void projectChangesCsvHasARowPerProjectAgainstThePreviousYear() throws Exception {
        List<String> csv = Files.readAllLines(site.resolve("data/project_changes.csv"), StandardCharsets.UTF_8);
        String dept = "tianjin,362303,天津市生态环境保护综合行政执法总队,";
        assertEquals(List.of(
                "project_key,region,department_code,department_name,year,previous_year,status,project_id,previous_project_id,"
                        + "name,previous_name,budget_total_yuan,previous_budget_total_yuan,budget_total_change_yuan,"
                        + "budget_total_change_percent,budget_fiscal_yuan,previous_budget_fiscal_yuan,budget_fiscal_change_yuan,"
                        + "budget_fiscal_change_percent,budget_other_yuan,previous_budget_other_yuan,budget_other_change_yuan,"
                        + "budget_other_change_percent,url",
                "362303-9aa18ff020f5," + dept + "2023,2022,延续,362303-2023-001,362303-2022-001,2023年执法总队物业费项目,"
                        + "2022年执法总队物业费项目,1170000.00,1000000.00,170000.00,17.0,1170000.00,1000000.00,170000.00,17.0,,,,,"
                        + "https://example.org/projects/362303-2023-001/",
                "362303-d820fce66191," + dept + "2023,2022,延续,362303-2023-002,362303-2022-002,臭氧污染防治执法装备能力建设项目,"
                        + "臭氧污染防治执法装备能力建设项目,236000.00,0.00,236000.00,,236000.00,0.00,236000.00,,,,,,"
                        + "https://example.org/projects/362303-2023-002/",
                "362303-54ff31265e7f," + dept + "2023,2022,新增,362303-2023-003,,移动执法能力提升项目（环境执法支队）,,"
                        + "500000.00,,,,500000.00,,,,,,,,https://example.org/projects/362303-2023-003/",
                "362303-606e839396d1," + dept + "2023,2022,新增,362303-2023-004,,有奖举报项目,,200000.00,,,,200000.00,,,,,,,,"
                        + "https://example.org/projects/362303-2023-004/",
                "362303-66f49b3ba23a," + dept + "2023,2022,本年无,,362303-2022-003,,旧设备维护项目,,80000.00,,,,80000.00,,,,,,,"
                        + "https://example.org/projects/362303-2022-003/",
                "362303-9aa18ff020f5," + dept + "2024,2023,延续,362303-2024-001,362303-2023-001,2024年度执法总队物业费项目,"
                        + "2023年执法总队物业费项目,1220000.00,1170000.00,50000.00,4.3,1170000.00,1170000.00,0.00,0.0,50000.00,,,,"
                        + "https://example.org/projects/362303-2024-001/",
                "362303-54ff31265e7f," + dept + "2024,2023,延续,362303-2024-002,362303-2023-003,"
                        + "2024年度移动执法能力提升项目(环境执法支队),移动执法能力提升项目（环境执法支队）,610000.00,500000.00,"
                        + "110000.00,22.0,610000.00,500000.00,110000.00,22.0,,,,,https://example.org/projects/362303-2024-002/",
                "362303-606e839396d1," + dept + "2024,2023,延续,362303-2024-003,362303-2023-004,有奖举报项目,有奖举报项目,"
                        + "100000.00,200000.00,-100000.00,-50.0,100000.00,200000.00,-100000.00,-50.0,,,,,"
                        + "https://example.org/projects/362303-2024-003/",
                "362303-d5957b4a6f83," + dept + "2024,2023,新增,362303-2024-004,,执法总队管理服务项目,,300000.00,,,,300000.00,,,,"
                        + ",,,,https://example.org/projects/362303-2024-004/",
                "362303-66f49b3ba23a," + dept + "2024,2023,新增,362303-2024-005,,旧设备维护项目,,90000.00,,,,90000.00,,,,,,,,"
                        + "https://example.org/projects/362303-2024-005/",
                "362303-d820fce66191," + dept + "2024,2023,本年无,,362303-2023-002,,臭氧污染防治执法装备能力建设项目,,236000.00,,,,"
                        + "236000.00,,,,,,,https://example.org/projects/362303-2023-002/"),
                csv);
        // the same project_key as projects.csv gives the same project
        List<String> projects = Files.readAllLines(site.resolve("data/projects.csv"), StandardCharsets.UTF_8);
        assertTrue(projects.stream().anyMatch(l -> l.startsWith("362303-2022-001,362303-9aa18ff020f5,")));
        assertTrue(projects.stream().anyMatch(l -> l.startsWith("362303-2024-001,362303-9aa18ff020f5,")));
        var resources = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(site.resolve("data/datapackage.json").toFile()).get("resources");
        var described = java.util.stream.StreamSupport.stream(resources.spliterator(), false)
                .filter(r -> r.get("name").asText().equals("project_changes")).findFirst().orElseThrow();
        assertEquals("项目跨年度变化", described.get("title").asText());
        assertEquals("project_changes.csv", described.get("path").asText());
        assertTrue(page(Urls.dataPage()).select("table.data-files tbody th").eachText()
                .contains("项目跨年度变化 project_changes.csv"), "listed on /data/");
    }

    private static final List<String> PAGES = List.of(Urls.project("362303-2024-001"), Urls.project("362303-2022-001"),
            Urls.project("362303-2023-002"), Urls.departmentYear("tianjin", "362303", 2024),
            Urls.department("tianjin", "362303"));

    @Test
    void theNewSectionsAreValidHtml() throws Exception {
        assertEquals(List.of(), HtmlChecker.errors(PAGES.stream().map(u -> site.resolve(u + "index.html")).toList()));
    }

    /** axe on a phone and a desktop, and no sideways scrolling on a 360 px phone. */
    @Test
    void theNewSectionsAreAccessibleAndFitA360PxPhone(@TempDir Path profile) throws Exception {
        try (DevServer server = new DevServer(site, "/", 0)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            for (int width : new int[] {390, 1280}) {
                try (Browser browser = Browser.start(profile.resolve("w" + width), width, 900)) {
                    for (String url : PAGES) {
                        browser.open(base + url);
                        List<Map<String, Object>> violations = browser.axeViolations();
                        assertEquals(List.of(), violations, width + "px /" + url);
                    }
                }
            }
            try (Browser browser = Browser.start(profile.resolve("phone"), 360, 800)) {
                browser.emulatePhone(360, 800);
                for (String url : PAGES) {
                    browser.open(base + url);
                    assertEquals(360L, browser.driver().executeScript("return document.documentElement.clientWidth"), url);
                    assertEquals(List.of(), browser.overflowing(), "360px /" + url);
                    // the cards stack: no table of the section is wider than the phone
                    assertEquals(0L, browser.driver().executeScript("return [...document.querySelectorAll("
                            + "'section.yoy table')].filter(t => t.getBoundingClientRect().width > 360).length"), url);
                }
            }
        }
    }
}
