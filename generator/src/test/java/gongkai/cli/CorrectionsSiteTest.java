package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.content.Urls;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.testing.HtmlChecker;
import gongkai.testing.TestSites;
import gongkai.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * sites/corrections built by the standard stages: project 362303-2024-001 has three corrections (two of one day),
 * its department-year one, and 362303-2024-003 was withdrawn with its last budget. Notices on the pages, the
 * tombstone at the withdrawn project's URL, data/corrections.csv and retracted.csv, feed entries.
 */
@Tag("slow")
class CorrectionsSiteTest {
    static final Path FIXTURE = Path.of("generator/src/test/resources/sites/corrections");

    @TempDir
    static Path tmp;
    static Path site;

    /** A copy outside git: the year's feed entry is dated 1 January of its year, not by this repository's commits. */
    static Path content;

    @BeforeAll
    static void build() throws Exception {
        content = TestSites.copyWithSources(FIXTURE, tmp);
        site = build(tmp.resolve("site"));
    }

    private static Path build(Path out) throws Exception {
        SitePipelines.builder(BuildOptions.of(content, TestSites.defaultTheme(), out, line -> { }), ContentSource.yaml())
                .export(new ExportStage()).build().run();
        return out;
    }

    private static Document page(String url) throws Exception {
        return Jsoup.parse(site.resolve(url + "index.html").toFile(), "UTF-8");
    }

    private static String file(String path) throws Exception {
        return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void aCorrectedProjectShowsEveryCorrectionOldestFirstInANote() throws Exception {
        Document project = page(Urls.project("362303-2024-001"));
        Element note = project.selectFirst("aside.corrections[role=note]");
        assertEquals("更正说明", project.getElementById(note.attr("aria-labelledby")).text());
        assertEquals(List.of("correction-2025-02-10", "correction-2025-03-01", "correction-2025-03-01-2"),
                note.select("li").eachAttr("id"));
        assertEquals("2025年3月1日更正：预算数由 60.00 万元更正为 6.00 万元 原因：原表单位误录",
                note.getElementById("correction-2025-03-01").text());
        assertEquals("2025-03-01", note.getElementById("correction-2025-03-01").selectFirst("time").attr("datetime"));
        // a project without corrections has no note
        assertTrue(page(Urls.project("362303-2024-002")).select("aside.corrections").isEmpty());
    }

    @Test
    void theDepartmentYearShowsItsCorrectionMarksTheRowAndListsTheWithdrawnProject() throws Exception {
        Document year = page(Urls.departmentYear("tianjin", "362303", 2024));
        assertEquals("2025年3月5日更正：补充公开文件标题 原因：首次公开时遗漏",
                year.selectFirst("aside.corrections[role=note] li#correction-2025-03-05").text());
        assertEquals("已更正", year.select("#project-table a[href$=/362303-2024-001/]").first().closest("tr")
                .select(".correction-mark").text());
        assertTrue(year.select("#project-table a[href$=/362303-2024-002/]").first().closest("tr")
                .select(".correction-mark").isEmpty());
        // withdrawn: not a row, not in the total; listed with a link to its tombstone
        assertTrue(year.select("#project-table a[href$=/362303-2024-003/]").isEmpty());
        assertTrue(year.selectFirst("p.totals").text().startsWith("共 2 个项目，预算合计 67.00"), year.selectFirst("p.totals").text());
        Element withdrawn = year.selectFirst("section[aria-labelledby=retracted-h] li");
        assertEquals("/projects/362303-2024-003/", withdrawn.selectFirst("a").attr("href"));
        assertEquals("2024年度执法装备更新项目（362303-2024-003）：2025年4月1日撤回，项目已取消，资金收回。", withdrawn.text());
    }

    @Test
    void theWithdrawnProjectsUrlIsATombstoneWithWhenWhyAndTheLastFigures() throws Exception {
        Document tomb = page(Urls.project("362303-2024-003"));
        assertEquals("2024年度执法装备更新项目（已撤回）", tomb.selectFirst("h1").text());
        Element note = tomb.selectFirst("aside.retraction[role=note]");
        assertEquals("已撤回", note.selectFirst("h2").text());
        assertEquals("2025-04-01", note.selectFirst("time").attr("datetime"));
        assertTrue(note.text().contains("撤回原因：项目已取消，资金收回。"), note.text());
        assertEquals(List.of("预算数 12.00 120,000.00 12.00 万元", "其中：财政资金 12.00 120,000.00 12.00 万元"),
                tomb.select("table.budget tbody tr").eachText());
        // no downloads of its own any more, and not offered to search engines as a page
        assertFalse(Files.exists(site.resolve(Urls.projectData("362303-2024-003", ".csv"))));
        assertFalse(file("sitemap.xml").contains("362303-2024-003"));
        assertEquals(List.of(), HtmlChecker.errors(List.of(site.resolve(Urls.project("362303-2024-003") + "index.html"),
                site.resolve(Urls.project("362303-2024-001") + "index.html"),
                site.resolve(Urls.departmentYear("tianjin", "362303", 2024) + "index.html"))));
    }

    @Test
    void correctionsAndRetractedAreTablesOfTheDatasetDescribedInTheDataPackage() throws Exception {
        assertEquals("""
                region,department_code,year,project_id,project_name,date,what,why,url\r
                tianjin,362303,2024,,,2025-03-05,补充公开文件标题,首次公开时遗漏,https://example.org/tianjin/362303/2024/\r
                tianjin,362303,2024,362303-2024-001,2024年度天津市辐射环境执法安全防护能力提升项目,2025-02-10,项目名称补上“2024年度”,\
                与原文件不一致,https://example.org/projects/362303-2024-001/\r
                tianjin,362303,2024,362303-2024-001,2024年度天津市辐射环境执法安全防护能力提升项目,2025-03-01,\
                预算数由 60.00 万元更正为 6.00 万元,原表单位误录,https://example.org/projects/362303-2024-001/\r
                tianjin,362303,2024,362303-2024-001,2024年度天津市辐射环境执法安全防护能力提升项目,2025-03-01,\
                验收合格率由 10% 更正为 100%,录入时漏了一个 0,https://example.org/projects/362303-2024-001/\r
                """, file("data/corrections.csv"));
        assertEquals("""
                region,department_code,year,project_id,project_name,date,reason,budget_unit,budget_total_printed,\
                budget_fiscal_printed,budget_other_printed,budget_total_yuan,budget_fiscal_yuan,budget_other_yuan,url\r
                tianjin,362303,2024,362303-2024-003,2024年度执法装备更新项目,2025-04-01,项目已取消，资金收回。,万元,12.00,12.00,,\
                120000.00,120000.00,,https://example.org/projects/362303-2024-003/\r
                """, file("data/retracted.csv"));
        assertFalse(file("data/projects.csv").contains("362303-2024-003"), "a withdrawn project is not a project");
        JsonNode pkg = new ObjectMapper().readTree(site.resolve("data/datapackage.json").toFile());
        List<String> dateFields = new ArrayList<>();
        for (JsonNode r : pkg.get("resources")) {
            String name = r.get("name").asText();
            if (name.equals("corrections") || name.equals("retracted")) {
                assertEquals(name + ".csv", r.get("path").asText());
                for (JsonNode f : r.get("schema").get("fields")) {
                    if (f.get("type").asText().equals("date")) {
                        dateFields.add(name + "." + f.get("name").asText());
                    }
                }
            }
        }
        assertEquals(List.of("corrections.date", "retracted.date"), dateFields);
    }

    @Test
    void theFeedHasOneEntryPerCorrectionAndRetractionWithStableIdsAndTheirDates() throws Exception {
        var xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(site.resolve("feed.xml").toFile());
        String atom = "http://www.w3.org/2005/Atom";
        assertEquals(atom, xml.getDocumentElement().getNamespaceURI());
        assertEquals("2025-04-01T00:00:00Z", xml.getDocumentElement().getElementsByTagNameNS(atom, "updated").item(0)
                .getTextContent());
        NodeList entries = xml.getElementsByTagNameNS(atom, "entry");
        List<String> seen = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) entries.item(i);
            String id = e.getElementsByTagNameNS(atom, "id").item(0).getTextContent();
            assertTrue(ids.add(id), "entry ids are unique: " + id);
            assertEquals(id, ((org.w3c.dom.Element) e.getElementsByTagNameNS(atom, "link").item(0)).getAttribute("href"));
            seen.add(e.getElementsByTagNameNS(atom, "updated").item(0).getTextContent().substring(0, 10) + " " + id
                    .replace("https://example.org/", ""));
        }
        assertEquals(List.of(
                "2025-04-01 projects/362303-2024-003/",
                "2025-03-05 tianjin/362303/2024/#correction-2025-03-05",
                "2025-03-01 projects/362303-2024-001/#correction-2025-03-01",
                "2025-03-01 projects/362303-2024-001/#correction-2025-03-01-2",
                "2025-02-10 projects/362303-2024-001/#correction-2025-02-10",
                "2024-01-01 tianjin/362303/2024/"), seen);
        String feed = file("feed.xml");
        assertTrue(feed.contains("<summary>2025年3月1日更正：预算数由 60.00 万元更正为 6.00 万元。原因：原表单位误录。</summary>"), feed);
        assertTrue(feed.contains("<title>撤回：2024年度执法装备更新项目（天津市生态环境保护综合行政执法总队 2024年）</title>"), feed);
    }

    @Test
    void axeFindsNoWcagViolationsInTheNoticesAndTheTombstone(@TempDir Path profile) throws Exception {
        List<String> urls = List.of(Urls.project("362303-2024-003"), Urls.project("362303-2024-001"),
                Urls.departmentYear("tianjin", "362303", 2024));
        try (gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0)) {
            server.start();
            for (int width : new int[] {375, 1280}) {
                try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile.resolve("w" + width), width, 900)) {
                    for (String url : urls) {
                        browser.open("http://127.0.0.1:" + server.port() + "/" + url);
                        assertEquals(List.of(), browser.axeViolations(), width + "px " + url);
                    }
                }
            }
        }
    }

    @Test
    void twoBuildsOfTheSameContentAreByteIdentical() throws Exception {
        Path again = build(tmp.resolve("again"));
        assertEquals(Trees.hashes(site), Trees.hashes(again));
    }
}
