package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The budget year comes from the titles (the document title, else the project headings), never from counting the
 * years in the text; the region from the unit name through {@link RegionTable}, and an unknown unit asks for
 * --region naming the regions the table knows.
 */
class YearAndRegionTest {
    private static final String REGIONS = "tianjin（天津市）、binhai（天津市滨海新区）、hengshui（衡水市）";

    private static String seed(String prefix) throws Exception {
        return Files.readString(Seeds.seed(prefix), StandardCharsets.UTF_8);
    }

    private static int count(String text, String word) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }

    @Test
    void aStrayComparisonYearInTheBodyDoesNotMoveTheYear() throws Exception {
        // seed 000 (a 2025 document) with 较2024年 in every sentence of its cells: 2024 is now by far the most
        // frequent year of the text, as in the document that was once filed as 2024
        String variant = seed("000").replace("。", "，较2024年、较2024年初均有增加。");
        assertTrue(count(variant, "2024") > 2 * count(variant, "2025"),
                count(variant, "2024") + " × 2024 against " + count(variant, "2025") + " × 2025: the variant is the trap");
        ImportedDocument doc = Importer.importText("binhai-2025.txt", variant, ImportOptions.inferAll());
        assertEquals(List.of(), doc.problems());
        DepartmentYear dy = doc.departmentYears().get(0);
        assertEquals(2025, dy.year());
        assertEquals("362301-2025-001", dy.projects().get(0).id());
        assertTrue(dy.projects().stream().map(Project::goals).anyMatch(g -> g != null && g.contains("较2024年初均有增加")),
                "the variant's text was read");
    }

    @Test
    void theLatestYearTheHeadingsStartWithIsTakenAndTheReviewerIsTold() throws Exception {
        String text = seed("000");
        ImportedDocument doc = Importer.importText("000.txt", text, ImportOptions.inferAll());
        assertEquals(2025, doc.departmentYears().get(0).year());
        Matcher heading = Pattern.compile("(?m)^.*1\\.\\*\\*2025年编制外长聘人员.*$").matcher(text);
        assertTrue(heading.find());
        int line = text.substring(0, heading.start()).split("\n", -1).length;
        assertEquals(List.of("年度取 2025：项目标题中最晚的年度（第 " + line + " 行“1.**2025年编制外长聘人员-机关事业单位辅助人员（环境执法支"
                + "队）绩效目标表”）；另有标题写 2024 年（延续项目的名称）。如不对，请用 --year 指定"), doc.notes());
        // one year in every heading (seed 001: 2024年 and 2024年度): no note
        assertEquals(List.of(), Importer.importText("001.txt", seed("001"), ImportOptions.inferAll()).notes());
    }

    @Test
    void aDocumentTitleAboveTheTablesGivesTheYear() throws Exception {
        for (String title : List.of("2025年部门预算", "2025年度项目支出绩效目标表",
                "天津市生态环境保护综合行政执法总队2025年度部门预算项目支出绩效目标表")) {
            // seed 001's headings all say 2024; the title says 2025 and wins
            ImportedDocument doc = Importer.importText("001.txt", title + "\n\n" + seed("001"), ImportOptions.inferAll());
            assertEquals(List.of(), doc.problems(), title + " is the title, not stray text");
            assertEquals(2025, doc.departmentYears().get(0).year(), title);
            assertEquals("362303-2025-001", doc.departmentYears().get(0).projects().get(0).id(), title);
        }
        // a comparison is not a title: reported as text outside the tables, and the headings' 2024 stands
        ImportedDocument stray = Importer.importText("001.txt", "较2024年预算增加\n\n" + seed("001"), ImportOptions.inferAll());
        assertEquals(1, stray.problems().size(), stray.problems().toString());
        assertEquals(1, stray.problems().get(0).line());
    }

    @Test
    void theHengshuiYearIsTheTitlesNotTheBodys() throws Exception {
        String variant = seed("004").replace("部门职责：", "部门职责：较2024年、2024年、2024年有所调整。");
        ImportedDocument doc = Importer.importText("004.txt", variant, ImportOptions.inferAll());
        assertEquals(2020, doc.departmentYears().get(0).year());
    }

    @Test
    void theRegionComesFromTheUnitNameThroughTheTable() {
        RegionTable table = RegionTable.builtIn();
        Region tianjin = new Region("tianjin", "天津市", null);
        assertEquals(List.of(tianjin, new Region("binhai", "天津市滨海新区", "tianjin")),
                table.forUnit("天津市滨海新区生态环境保护综合行政执法支队").orElseThrow(), "the longest prefix wins");
        assertEquals(List.of(tianjin), table.forUnit("天津市生态环境局财务处（审计处）").orElseThrow());
        assertEquals(List.of(new Region("hengshui", "衡水市", null)), table.forUnit("河北省衡水市生态环境局").orElseThrow());
        assertTrue(table.forUnit("北京市生态环境局").isEmpty());
        assertEquals(REGIONS, table.known());
    }

    @Test
    void anUnknownUnitAsksForRegionListingTheKnownOnes() throws Exception {
        String tianjinLayout = seed("001").replace("362303天津市生态环境保护综合行政执法总队", "362303北京市生态环境保护综合行政执法总队");
        ImportException e = assertThrows(ImportException.class,
                () -> Importer.importText("bj.txt", tianjinLayout, ImportOptions.inferAll()));
        ImportProblem p = e.problems().get(e.problems().size() - 1);
        assertEquals("地区", p.field());
        assertEquals("认不出单位“北京市生态环境保护综合行政执法总队”属于哪个地区（地区表里有 " + REGIONS + "）：请用 --region 加地区代码"
                + "（小写英文字母、数字和 -）再导入；新的地区代码会写一个 region.yaml，导入后请填上地区的中文名称", p.message());

        String hengshuiLayout = seed("004").replace("衡水市生态环境局", "石家庄市生态环境局");
        ImportException h = assertThrows(ImportException.class,
                () -> Importer.importText("sjz.txt", hengshuiLayout, ImportOptions.inferAll()));
        assertEquals("sjz.txt:1: 地区: 认不出单位“石家庄市生态环境局”属于哪个地区（地区表里有 " + REGIONS + "）：请用 --region 加地区代码"
                + "（小写英文字母、数字和 -）再导入；新的地区代码会写一个 region.yaml，导入后请填上地区的中文名称", h.problems().get(0).toString());
        // with --region, the same documents import
        assertEquals("beijing", Importer.importText("bj.txt", tianjinLayout, new ImportOptions(null, "beijing"))
                .departmentYears().get(0).regionSlug());
        assertEquals("shijiazhuang", Importer.importText("sjz.txt", hengshuiLayout, new ImportOptions(null, "shijiazhuang"))
                .departmentYears().get(0).regionSlug());
    }
}
