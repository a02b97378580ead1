package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Urls;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.testing.TestSites;
import gongkai.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * A content repository with five dated commits of one year file (sites/corrections as the last version): first
 * publication with a wrong 预算数 and 验收合格率, the budget fixed, the rate fixed with corrections, a project
 * added, a project withdrawn. The build reads that history: 最后更新 and 修改记录 on the project pages (and on the
 * withdrawn project's tombstone, ending with its 撤回), change entries in the site feed and the department-year's
 * own feed, rows of data/changes.csv, byte-identical builds of the same commit.
 */
@Tag("slow")
class HistorySiteTest {
    static final Path FIXTURE = Path.of("generator/src/test/resources/sites/corrections");
    static final String YEAR_FILE = "content/tianjin/362303/2024.yaml";

    @TempDir
    static Path tmp;
    static Path content;
    static Path site;
    /** Commit ids (10 characters, as the site shows them) of the five commits, oldest first. */
    static final List<String> commits = new ArrayList<>();

    @BeforeAll
    static void repository() throws Exception {
        content = TestSites.copyWithSources(FIXTURE, tmp);
        Path yearFile = tmp.resolve(YEAR_FILE);
        String last = Files.readString(yearFile, StandardCharsets.UTF_8);
        String head = last.substring(0, last.indexOf("  - id: 362303-2024-001"));
        String p1 = cut(last, "  - id: 362303-2024-001", "    corrections:");
        String p1Corrections = cut(last, "    corrections:", "  - id: 362303-2024-002");
        String p2 = cut(last, "  - id: 362303-2024-002", "corrections:\n  - date: 2025-03-05");
        String yearCorrections = cut(last, "corrections:\n  - date: 2025-03-05", "retracted:");
        String retracted = last.substring(last.indexOf("retracted:"));
        String p3 = """
                  - id: 362303-2024-003
                    name: 2024年度执法装备更新项目
                    budget:
                      unit: 万元
                      total: 12.00
                      fiscal: 12.00
                    indicators:
                      - level1: 产出指标
                        level2: 数量指标
                        level3: 装备数量
                        target: 10套
                """;
        String p4 = p2.replace("362303-2024-002", "362303-2024-004")
                .replace("2024年度天津市生态环境移动执法能力提升与服务项目", "2024年度执法记录仪购置项目")
                .replace("61.00", "8.00");
        String wrong = p1.replace("total: 6.00", "total: 60.00").replace("fiscal: 6.00", "fiscal: 60.00")
                .replace("target: 100%", "target: 10%");
        String wrongRate = p1.replace("target: 100%", "target: 10%");

        PublishingRecipeTest.git(tmp, null, "init", "-q", "-b", "main");
        commit(yearFile, head + wrong + p2 + p3, "2025-01-03", "首次公开2024年绩效目标");
        commit(yearFile, head + wrongRate + p2 + p3, "2025-02-11", "更正预算数单位");
        commit(yearFile, head + p1 + p1Corrections + p2 + p3 + yearCorrections, "2025-03-20", "更正验收合格率");
        commit(yearFile, head + p1 + p1Corrections + p2 + p3 + p4 + yearCorrections, "2025-04-08", "新增执法记录仪项目");
        commit(yearFile, head + p1 + p1Corrections + p2 + p4 + yearCorrections + retracted, "2025-05-30", "撤回执法装备更新项目");
        site = build(tmp.resolve("site"));
    }

    private static String cut(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + 1);
        assertTrue(start >= 0 && end > start, from + " … " + to);
        return text.substring(start, end);
    }

    private static void commit(Path yearFile, String text, String date, String message) throws Exception {
        Files.writeString(yearFile, text, StandardCharsets.UTF_8);
        PublishingRecipeTest.git(tmp, date, "add", "-A");
        PublishingRecipeTest.git(tmp, date, "commit", "-q", "-m", message);
        PublishingRecipeTest.Run r = PublishingRecipeTest.run(tmp, java.util.Map.of(), "git", "rev-parse", "HEAD");
        commits.add(r.output().strip().substring(0, 10));
    }

    private static Path build(Path out) throws Exception {
        SitePipelines.builder(BuildOptions.of(content, TestSites.defaultTheme(), out, line -> { }), ContentSource.yaml())
                .export(new ExportStage()).build().run();
        return out;
    }

    private static Document page(String url) throws Exception {
        return Jsoup.parse(site.resolve(url + "index.html").toFile(), "UTF-8");
    }

    private static String lastUpdated(Document page) {
        Element time = page.selectFirst("p.lead time");
        assertNotNull(time, "最后更新");
        assertTrue(time.parent().text().contains("最后更新 " + time.text()), time.parent().text());
        return time.attr("datetime");
    }

    @Test
    void aProjectChangedTwiceListsEachVersionWithItsFiguresOldToNew() throws Exception {
        Document p = page(Urls.project("362303-2024-001"));
        assertEquals("2025-03-20", lastUpdated(p));
        Element section = p.selectFirst("section[aria-labelledby=changes-h]");
        assertEquals("修改记录", p.getElementById("changes-h").text());
        List<Element> items = section.select("ol.changes > li");
        assertEquals(List.of("change-" + commits.get(2), "change-" + commits.get(1), "change-" + commits.get(0)),
                items.stream().map(e -> e.id()).toList());
        assertEquals("2025年3月20日：更正验收合格率（提交 " + commits.get(2) + "）", items.get(0).selectFirst("p").text());
        assertEquals(List.of("指标值（产出指标 / 质量指标 / 验收合格率） 10% 100%"),
                items.get(0).select("tbody tr").eachText());
        assertEquals(List.of("预算数 60.00 万元 6.00 万元", "财政资金 60.00 万元 6.00 万元"),
                items.get(1).select("tbody tr").eachText());
        assertEquals("2025-02-11", items.get(1).selectFirst("time").attr("datetime"));
        assertTrue(items.get(2).text().contains("首次发布"), items.get(2).text());
        assertTrue(items.get(2).select("table").isEmpty(), "the first version has nothing to compare");
        // the corrections notice stays beside the history
        assertFalse(p.select("aside.corrections li").isEmpty());
    }

    @Test
    void aProjectPageNamesItsLastChangeAndItsDataFilesLastCommitApart() throws Exception {
        Document p = page(Urls.project("362303-2024-001"));
        // 最后更新: the project's own last change, the newest row of its 修改记录
        assertEquals("2025-03-20", lastUpdated(p));
        assertEquals(p.selectFirst("ol.changes > li time").attr("datetime"), lastUpdated(p));
        // the page facts: the year file's last commit (a later edit of another project), said as such
        Element facts = p.selectFirst("aside.page-facts p.updated");
        assertEquals("本页所据数据文件最后修改于 2025-05-30", facts.text());
        assertEquals("2025-05-30", facts.selectFirst("time").attr("datetime"));
    }

    @Test
    void aProjectWithOneVersionHasNoHistorySectionButItsDate() throws Exception {
        Document unchanged = page(Urls.project("362303-2024-002"));
        assertEquals("2025-01-03", lastUpdated(unchanged));
        assertTrue(unchanged.select("#changes-h").isEmpty());
        Document added = page(Urls.project("362303-2024-004"));
        assertEquals("2025-04-08", lastUpdated(added));
        assertTrue(added.select("#changes-h").isEmpty());
    }

    @Test
    void theWithdrawnProjectKeepsItsTombstone() throws Exception {
        Document tomb = page(Urls.project("362303-2024-003"));
        assertTrue(tomb.text().contains("已撤回"), tomb.text());
    }

    @Test
    void theTombstonesHistoryEndsWithTheCommitThatWithdrewTheProject() throws Exception {
        Document tomb = page(Urls.project("362303-2024-003"));
        assertEquals("修改记录", tomb.getElementById("changes-h").text());
        List<Element> items = tomb.select("section[aria-labelledby=changes-h] ol.changes > li");
        assertEquals(List.of("change-" + commits.get(4), "change-" + commits.get(0)), items.stream().map(Element::id).toList());
        assertEquals("2025年5月30日：撤回执法装备更新项目（提交 " + commits.get(4) + "）——撤回", items.get(0).selectFirst("p").text());
        assertEquals("2025-05-30", items.get(0).selectFirst("time").attr("datetime"));
        assertEquals("2025年1月3日：首次公开2024年绩效目标（提交 " + commits.get(0) + "）——首次发布", items.get(1).selectFirst("p").text());
        assertTrue(tomb.select("section[aria-labelledby=changes-h] table").isEmpty(), "no figure changed");
        assertTrue(tomb.select("li#change-" + commits.get(3)).isEmpty(), "another project's commit is not in this history");
        // the notice keeps the day the agency gives for the withdrawal
        assertEquals("2025-04-01", tomb.selectFirst("aside.retraction time").attr("datetime"));
    }

    /** The entries of an Atom feed, checked for the elements RFC 4287 requires: id, title, updated (feed and entry). */
    private static List<org.w3c.dom.Element> atomEntries(Path file) throws Exception {
        var xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(file.toFile());
        org.w3c.dom.Element feed = xml.getDocumentElement();
        String atom = "http://www.w3.org/2005/Atom";
        assertEquals("feed", feed.getLocalName());
        assertEquals(atom, feed.getNamespaceURI());
        for (String required : List.of("id", "title", "updated", "author")) {
            assertTrue(feed.getElementsByTagNameNS(atom, required).getLength() > 0, file + ": feed " + required);
        }
        List<org.w3c.dom.Element> entries = new ArrayList<>();
        NodeList list = feed.getElementsByTagNameNS(atom, "entry");
        for (int i = 0; i < list.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) list.item(i);
            for (String required : List.of("id", "title", "updated", "link")) {
                assertEquals(1, e.getElementsByTagNameNS(atom, required).getLength(), file + ": entry " + required);
            }
            assertTrue(text(e, "updated").matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z"), text(e, "updated"));
            entries.add(e);
        }
        return entries;
    }

    private static String text(org.w3c.dom.Element e, String name) {
        return e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }

    private static org.w3c.dom.Element entryWithId(List<org.w3c.dom.Element> entries, String id) {
        return entries.stream().filter(e -> text(e, "id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id + " in " + entries.stream().map(e -> text(e, "id")).toList()));
    }

    @Test
    void theSiteFeedHasOneEntryPerChangeWithStableIdsAndCommitDates() throws Exception {
        List<org.w3c.dom.Element> entries = atomEntries(site.resolve("feed.xml"));
        org.w3c.dom.Element budget = entryWithId(entries, "tag:example.org,2025-02-11:362303-2024-001/" + commits.get(1));
        assertEquals("2025-02-11T00:00:00Z", text(budget, "updated"));
        assertTrue(text(budget, "title").startsWith("修改：2024年度天津市辐射环境执法安全防护能力提升项目"), text(budget, "title"));
        assertTrue(text(budget, "summary").contains("预算数：60.00 万元 → 6.00 万元"), text(budget, "summary"));
        org.w3c.dom.Element added = entryWithId(entries, "tag:example.org,2025-04-08:362303-2024-004/" + commits.get(3));
        assertTrue(text(added, "title").startsWith("新增：2024年度执法记录仪购置项目"), text(added, "title"));
        entryWithId(entries, "tag:example.org,2025-03-20:362303-2024-001/" + commits.get(2));
        // the first publication is announced by the department-year's entry, not once per project
        assertTrue(entries.stream().noneMatch(e -> text(e, "id").contains("/" + commits.get(0))));
        List<String> ids = entries.stream().map(e -> text(e, "id")).toList();
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "ids are unique: " + ids);
    }

    @Test
    void eachDepartmentYearHasItsOwnFeedLinkedFromItsPage() throws Exception {
        Document year = page(Urls.departmentYear("tianjin", "362303", 2024));
        Element link = year.selectFirst("link[rel=alternate][href$=/tianjin/362303/2024/feed.xml]");
        assertNotNull(link, year.head().html());
        assertEquals("application/atom+xml", link.attr("type"));
        Path feed = site.resolve(Urls.departmentYear("tianjin", "362303", 2024) + "feed.xml");
        List<org.w3c.dom.Element> entries = atomEntries(feed);
        List<String> ids = entries.stream().map(e -> text(e, "id")).toList();
        assertTrue(ids.contains("tag:example.org,2025-02-11:362303-2024-001/" + commits.get(1)), ids.toString());
        assertTrue(ids.contains("tag:example.org,2025-04-08:362303-2024-004/" + commits.get(3)), ids.toString());
        assertTrue(entries.stream().anyMatch(e -> text(e, "title").startsWith("撤回：")), "the withdrawal is a change");
        // once: the git history's withdrawal is the same event as the agency's retracted entry
        List<org.w3c.dom.Element> withdrawn = entries.stream().filter(e -> text(e, "title").contains("2024年度执法装备更新项目")).toList();
        assertEquals(1, withdrawn.size(), withdrawn.stream().map(e -> text(e, "title")).toList().toString());
        assertEquals("2025-04-01T00:00:00Z", text(withdrawn.get(0), "updated"));
        List<String> dates = entries.stream().map(e -> text(e, "updated")).toList();
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, dates, "newest first");
    }

    @Test
    void changesCsvHasARowPerChangedFigureAndIsDeclaredInTheDataPackage() throws Exception {
        String csv = Files.readString(site.resolve("data/changes.csv"), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("region,department_code,year,project_id,date,commit,message,kind,field,old,new",
                lines.get(0).replace("\uFEFF", ""));
        assertEquals(List.of(
                "tianjin,362303,2024,362303-2024-001,2025-02-11," + commits.get(1) + ",更正预算数单位,修改,预算数,60.00 万元,6.00 万元",
                "tianjin,362303,2024,362303-2024-001,2025-02-11," + commits.get(1) + ",更正预算数单位,修改,财政资金,60.00 万元,6.00 万元",
                "tianjin,362303,2024,362303-2024-001,2025-03-20," + commits.get(2) + ",更正验收合格率,修改,指标值（产出指标 / 质量指标 / 验收合格率）,10%,100%",
                "tianjin,362303,2024,362303-2024-004,2025-04-08," + commits.get(3) + ",新增执法记录仪项目,新增,,,",
                "tianjin,362303,2024,362303-2024-003,2025-05-30," + commits.get(4) + ",撤回执法装备更新项目,撤回,,,"),
                lines.subList(1, lines.size()));
        var pkg = new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.resolve("data/datapackage.json").toFile());
        boolean declared = false;
        for (var r : pkg.get("resources")) {
            declared |= r.get("path").asText().equals("changes.csv");
        }
        assertTrue(declared, "changes.csv is a resource of datapackage.json");
    }

    @Test
    void twoBuildsOfTheSameCommitAreByteIdentical() throws Exception {
        assertEquals(Trees.hashes(site), Trees.hashes(build(tmp.resolve("again"))));
    }
}
