package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Urls;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.testing.HtmlChecker;
import gongkai.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sites/quality built by the standard stages: row notices, /quality/, data/quality.csv and its JSON twin. */
@Tag("slow")
class QualitySiteTest {
    static final Path FIXTURE = Path.of("generator/src/test/resources/sites/quality");

    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        SitePipelines.builder(BuildOptions.of(FIXTURE, TestSites.defaultTheme(), site, line -> { }), ContentSource.yaml())
                .export(new ExportStage()).build().run();
    }

    private static Document page(String url) throws Exception {
        return Jsoup.parse(site.resolve(url + "index.html").toFile(), "UTF-8");
    }

    @Test
    void theAffectedRowSaysWhatIsWrongAndOthersSayNothing() throws Exception {
        Document year = page(Urls.departmentYear("tianjin", "362303", 2025));
        Element row = year.select("#project-table a[href$=/362303-2025-002/]").first().closest("tr");
        assertEquals("预算数与资金来源合计不符", row.select(".quality-note").text());
        Element clean = year.select("#project-table a[href$=/362303-2025-001/]").first().closest("tr");
        assertTrue(clean.select(".quality-note").isEmpty());
        assertEquals("已说明：比率超过100%", year.select("#project-table a[href$=/362303-2025-010/]").first()
                .closest("tr").select(".quality-note").text());
        Document project = page(Urls.project("362303-2025-002"));
        assertTrue(project.select(".quality-notes").text().contains(
                "预算数与资金来源合计不符（Q001，警告）：财政资金 5.00 + 其他资金 0.50 = 5.50 万元，预算数为 6.00 万元"));
    }

    /** A notice that names source lines (Q008) links the first of them on the document's page. */
    @Test
    void aNoticeCitingSourceLinesLinksThem() throws Exception {
        String line = "/" + Urls.sourcePage("tianjin/362303/001_88a8ef7fc06e4953.txt") + "#L181";
        Element notice = page(Urls.project("362303-2025-009")).selectFirst(".quality-notes li");
        assertTrue(notice.text().contains("第 181–200 行中找不到（原文第 181 行）"), notice.text());
        assertEquals(line, notice.selectFirst("a[href*=#L]").attr("href"));
        assertEquals(List.of(line), page(Urls.quality()).select("#issues-h ~ div a[href*=#L]").eachAttr("href"));
        Document source = Jsoup.parse(site.resolve(Urls.sourcePage("tianjin/362303/001_88a8ef7fc06e4953.txt")).toFile(),
                "UTF-8");
        assertEquals(1, source.select("#L181").size());
        // the English edition says it in English and links the line on the English source page
        Element en = page("en/" + Urls.project("362303-2025-009")).selectFirst(".quality-notes li");
        assertTrue(en.text().contains(" (source, line 181)"), en.text());
        assertEquals("/en" + line, en.selectFirst("a[href*=#L]").attr("href"));
        assertEquals(List.of("/en" + line), page("en/" + Urls.quality()).select("#issues-h ~ div a[href*=#L]").eachAttr("href"));
    }

    @Test
    void qualityPageListsEveryIssueWithCountsPerDepartment() throws Exception {
        Document quality = page(Urls.quality());
        assertEquals(9, quality.select("#issues-h ~ div tbody tr").size());
        assertEquals("天津市生态环境保护综合行政执法总队 8 1",
                quality.select("#departments-h ~ div tbody tr").first().text());
        assertTrue(quality.text().contains("已说明：原文如此：覆盖率按编制人数计算，含借调人员"));
        // the export stage writes them, so the page links them
        assertEquals(List.of("/data/quality.csv", "/data/quality.json"),
                quality.select("a[href*=/data/quality.]").eachAttr("href"));
        assertEquals(List.of(), HtmlChecker.errors(List.of(site.resolve(Urls.quality() + "index.html"),
                site.resolve(Urls.departmentYear("tianjin", "362303", 2025) + "index.html"),
                site.resolve(Urls.project("362303-2025-002") + "index.html"))));
    }

    @Test
    void qualityCsvAndJsonHaveOneRowPerIssueAndAreDescribed() throws Exception {
        List<String> csv = Files.readAllLines(site.resolve("data/quality.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 9, csv.size());
        assertEquals("tianjin,362303,2025,362303-2025-010,执法人员体检项目,Q003,比率超过100%,提示,"
                + "“体检覆盖率”的指标值“≥120%”超过 100%,tianjin/362303/2025.yaml,153,11,"
                + "projects[9].indicators[0].target,是,原文如此：覆盖率按编制人数计算，含借调人员", csv.get(csv.size() - 1));
        String json = Files.readString(site.resolve("data/quality.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"code\" : \"Q008\"") || json.contains("\"code\": \"Q008\""), json);
        String pkg = Files.readString(site.resolve("data/datapackage.json"), StandardCharsets.UTF_8);
        assertTrue(pkg.contains("\"path\" : \"quality.csv\"") || pkg.contains("\"path\": \"quality.csv\""));
    }
}
