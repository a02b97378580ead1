package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.SourceRef;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Tianjin importer on the four real Tianjin seeds. Expected values were read off the seed text
 * ({@code cat -T}), not taken from the importer's output.
 */
class TianjinImporterSeedTest {
    private static final String SEED_000 = "000_d8be7fe3029b1b35.txt";
    private static final String SEED_001 = "001_88a8ef7fc06e4953.txt";
    private static final String SEED_002 = "002_2b8affe3efaa751b.txt";
    private static final String SEED_003 = "003_048537671a369fc1.txt";

    private static ImportedDocument load(String prefix) throws IOException, ImportException {
        return TianjinImporter.importFile(gongkai.testing.Seeds.seed(prefix), ImportOptions.inferAll());
    }

    private static Project project(ImportedDocument doc, String id) {
        return doc.departmentYears().stream().flatMap(y -> y.projects().stream())
                .filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no project " + id));
    }

    private static Amount yuan(String printed) {
        return new Amount(new BigDecimal(printed), MoneyUnit.YUAN);
    }

    private static Amount wan(String printed) {
        return new Amount(new BigDecimal(printed), MoneyUnit.WAN_YUAN);
    }

    private static void assertRows(List<String> expected, Project p) {
        List<String> actual = p.indicators().stream()
                .map(i -> String.join("|", i.level1(), i.level2(), i.level3(),
                        String.valueOf(i.description()), i.target()))
                .toList();
        assertEquals(expected, actual, "indicator rows of " + p.id());
    }

    // ---- per seed: counts, year, department, region, no problems ----------------------------------

    @Test
    void seed000BinhaiEnforcementDetachment2025() throws Exception {
        ImportedDocument doc = load("000");
        assertEquals(List.of(), doc.problems());
        assertEquals(List.of(new Region("tianjin", "天津市", null), new Region("binhai", "天津市滨海新区", "tianjin")),
                doc.regions());
        assertEquals(List.of(new Department("binhai", "362301", "天津市滨海新区生态环境保护综合行政执法支队", null, null)),
                doc.departments());
        DepartmentYear y = doc.departmentYears().get(0);
        assertEquals(1, doc.departmentYears().size());
        assertEquals("binhai", y.regionSlug());
        assertEquals("362301", y.departmentCode());
        assertEquals(2025, y.year());
        assertEquals("天津市滨海新区生态环境保护综合行政执法支队2025年项目支出绩效目标表", y.title());
        assertEquals(SEED_000, y.document());
        assertTrue(y.sections().isEmpty());
        assertTrue(y.tables().isEmpty());
        assertEquals(6, y.projects().size());
        assertEquals(List.of("362301-2025-001", "362301-2025-002", "362301-2025-003", "362301-2025-004",
                "362301-2025-005", "362301-2025-006"), y.projects().stream().map(Project::id).toList());
        assertEquals(List.of(2, 70, 138, 206, 274, 384), y.projects().stream().map(p -> p.source().line()).toList());
    }

    @Test
    void seed001EnforcementCorps2024() throws Exception {
        ImportedDocument doc = load("001");
        assertEquals(List.of(), doc.problems());
        assertEquals(List.of(new Region("tianjin", "天津市", null)), doc.regions());
        assertEquals(List.of(new Department("tianjin", "362303", "天津市生态环境保护综合行政执法总队", null, null)),
                doc.departments());
        DepartmentYear y = doc.departmentYears().get(0);
        assertEquals(1, doc.departmentYears().size());
        assertEquals(2024, y.year());
        assertEquals("tianjin", y.regionSlug());
        assertEquals(5, y.projects().size());
        assertEquals(List.of(1, 69, 143, 217, 307), y.projects().stream().map(p -> p.source().line()).toList());
        // Every project of this seed is printed in 万元.
        y.projects().forEach(p -> assertEquals(MoneyUnit.WAN_YUAN, p.budget().unit()));
    }

    @Test
    void seed002BinhaiGovernmentServiceOffice2026() throws Exception {
        ImportedDocument doc = load("002");
        assertEquals(List.of(), doc.problems());
        assertEquals(List.of(new Department("binhai", "319101", "天津市滨海新区人民政府政务服务办公室", null, null)),
                doc.departments());
        assertEquals(2, doc.regions().size());
        DepartmentYear y = doc.departmentYears().get(0);
        assertEquals(2026, y.year());
        assertEquals(6, y.projects().size());
        assertEquals(List.of(1, 127, 198, 277, 348, 437), y.projects().stream().map(p -> p.source().line()).toList());
    }

    @Test
    void seed003HoldsFourDepartmentsIn2023() throws Exception {
        ImportedDocument doc = load("003");
        assertEquals(List.of(), doc.problems());
        assertEquals(List.of(new Region("tianjin", "天津市", null)), doc.regions());
        assertEquals(List.of(
                new Department("tianjin", "362101", "天津市生态环境局财务处（审计处）", null, null),
                new Department("tianjin", "362203", "天津市生态环境监测中心", null, null),
                new Department("tianjin", "362207", "天津市生态环境综合保障中心", null, null),
                new Department("tianjin", "362303", "天津市生态环境保护综合行政执法总队", null, null)),
                doc.departments());
        List<DepartmentYear> years = doc.departmentYears();
        assertEquals(List.of("362101", "362203", "362207", "362303"),
                years.stream().map(DepartmentYear::departmentCode).toList());
        assertEquals(List.of(45, 13, 5, 6), years.stream().map(y -> y.projects().size()).toList());
        years.forEach(y -> assertEquals(2023, y.year()));
        years.forEach(y -> assertEquals(SEED_003, y.document()));
        // Numbering restarts per department: heading 46 is the监测中心's first project.
        assertEquals("362203-2023-001", years.get(1).projects().get(0).id());
        assertEquals(4714, years.get(1).projects().get(0).source().line());
        assertEquals("362303-2023-006", years.get(3).projects().get(5).id());
        assertEquals(6707, years.get(3).projects().get(5).source().line());
        assertEquals("天津市生态环境监测中心2023年项目支出绩效目标表", years.get(1).title());
    }

    // ---- sample projects, field by field ----------------------------------------------------------

    @Test
    void seed000ProjectWithGoBackBookmarkInATargetCell() throws Exception {
        Project p = project(load("000"), "362301-2025-003");
        assertEquals("2018-2019年环保执法平台聘用第三方服务人员项目", p.name());
        assertEquals(new SourceRef(SEED_000, "3.2018-2019年环保执法平台聘用第三方服务人员项目绩效目标表", 138), p.source());
        assertEquals(new Budget(MoneyUnit.YUAN, yuan("50000.00"), yuan("50000.00"), null), p.budget());
        assertEquals("支付聘用第三方服务人员费用，协助支队案件分类，整理，归档", p.purpose());
        assertEquals("1.目标内容1通过协助支队执法案件分类，整理，归档，达到规范执法资料、提高执法效率的效益。", p.goals());
        assertRows(List.of(
                "产出指标|数量指标|平台服务人员人数|按照合同约定，执法平台服务人员人数|12人",
                "产出指标|质量指标|平台业务合格率|服务人员分类、整理、归档案卷的合格数占总案卷数|≥90百分比",
                "产出指标|时效指标|尾款支付完成时间|尾款支付完成时间|2025年12月31日前",
                // line 189: "[bookmark: _GoBack]≤50000元" — the marker goes, the value stays.
                "产出指标|成本指标|人员费用|平台服务人员每年服务费用|≤50000元",
                "效益指标|社会效益指标|提高执法效率|分类、整理、归档执法案卷，规范案卷资料，提高执法效率|有所提升",
                "满意度指标|服务对象满意度指标|执法人员满意度|执法人员满意人数占总人数的比例|≥90百分比"), p);
        p.indicators().forEach(i -> assertNull(i.basis()));
        p.indicators().forEach(i -> assertNotNull(i.parsed()));
    }

    @Test
    void seed000EmphasisMarkersLeaveTheNameButStayInTheHeading() throws Exception {
        ImportedDocument doc = load("000");
        Project first = project(doc, "362301-2025-001");
        assertEquals("2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）", first.name());
        assertEquals("1.**2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）绩效目标表", first.source().heading());
        assertEquals(2, first.source().line());
        assertEquals(new Budget(MoneyUnit.YUAN, yuan("2255000.00"), yuan("2255000.00"), null), first.budget());
        assertEquals("聘用编制外长聘人员。", first.purpose());
        assertRows(List.of(
                "产出指标|数量指标|聘用人数|聘用派遣制人数|41人",
                "产出指标|质量指标|人员考核通过率|考核通过人数占聘用总人数|100百分比",
                "产出指标|时效指标|派遣人员服务时间|按照合同约定派遣人员服务时间|2025.1.1-2025.12.31",
                "产出指标|成本指标|聘用成本|按照合同约定聘用1人全年需要的成本|5.5万/人/年",
                "效益指标|社会效益指标|提升生态环境行政执法效率|通过派遣人员协助，提升环境执法效率|有所提升",
                "满意度指标|服务对象满意度指标|聘用单位满意度|通过对用人单位的调查，对派遣人员满意人数占总人数的比例|≥90百分比"),
                first);
        assertEquals("办案经费（鉴定评估）项目", project(doc, "362301-2025-002").name());
        Project last = project(doc, "362301-2025-006");
        assertEquals(new Budget(MoneyUnit.YUAN, yuan("619605.20"), yuan("619605.20"), null), last.budget());
        assertEquals(new BigDecimal("619605.20"), last.budget().total().yuan());
        assertEquals(16, last.indicators().size());
    }

    @Test
    void seed001SplitRowAndInheritedLevel1() throws Exception {
        Project p = project(load("001"), "362303-2024-004");
        assertEquals("2024年度移动污染源第三方辅助执法项目", p.name());
        assertEquals(new SourceRef(SEED_001, "4.2024年度移动污染源第三方辅助执法项目绩效目标表", 217), p.source());
        assertEquals(new Budget(MoneyUnit.WAN_YUAN, wan("45.00"), wan("45.00"), null), p.budget());
        assertEquals(new BigDecimal("450000.00"), p.budget().total().yuan());
        assertTrue(p.purpose().startsWith("对天津市共计85家机动车排放检验机构实行全覆盖检查，"));
        assertTrue(p.purpose().endsWith("配合执法总队要求对相关案源及取证数据分析及挖掘。"));
        assertEquals("1.利用第三方服务，加强大数据分析技术手段，为精准发现生态环境违法问题提供技术支持，提升执法效能。", p.goals());
        assertRows(List.of(
                "产出指标|数量指标|工作总结报告|工作总结报告|≥4份",
                "产出指标|数量指标|检查企业、点位数量|检查企业、点位数量|85家次",
                "产出指标|质量指标|数据取证分析、案源信息追溯成功率|数据取证分析、案源信息追溯成功率|≥90%",
                "产出指标|时效指标|完成时限|完成时限|≤12个月",
                "产出指标|成本指标|服务成本|服务成本|≤45万元",
                "效益指标|社会效益指标|机动车排放检验机构规范化监管率|机动车排放检验机构规范化监管率|≥90%",
                "效益指标|生态效益指标|提高环境监察能力|减少排放不合格机动车过检数量|≥40辆",
                "效益指标|可持续影响指标|保障监管调查业务正常开展次数|保障监管调查业务正常开展次数|≥145次",
                // lines 294-302: this row is split by two runs of blank lines.
                "满意度指标|服务对象满意度指标|服务对象满意度|服务对象满意度|≥90%"), p);
    }

    @Test
    void seed001FirstProjectHeadingAfterLeadingSpaceAndBookmark() throws Exception {
        Project p = project(load("001"), "362303-2024-001");
        assertEquals(new SourceRef(SEED_001, "1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表", 1), p.source());
        assertEquals("2024年度天津市辐射环境执法安全防护能力提升项目", p.name());
        assertEquals(new Budget(MoneyUnit.WAN_YUAN, wan("6.00"), wan("6.00"), null), p.budget());
        assertEquals(new BigDecimal("60000.00"), p.budget().fiscal().yuan());
        assertEquals("为辐射安全检查一线执法人员配备辐射安全防护基础设备，购置具有γ和中子报警功能的辐射检测设备4台。", p.purpose());
        assertRows(List.of(
                "产出指标|数量指标|购置设备数量|辐射检测报警设备|4台",
                "产出指标|质量指标|验收合格率|验收合格率|100%",
                "产出指标|时效指标|项目完成时间|项目完成时间|≤12个月",
                "产出指标|成本指标|项目总投资|项目总投资|≤6万元",
                "效益指标|可持续影响指标|保障执法人员年度受辐射量|保障执法人员年度受辐射量|<20mSv",
                "满意度指标|服务对象满意度指标|设备使用人满意度|执法人员满意度|≥90%"), p);
    }

    @Test
    void seed002SingleStarEmphasisAndRepeatedLevel1() throws Exception {
        Project p = project(load("002"), "319101-2026-002");
        assertEquals("2026年水土保持评审经费", p.name());
        assertEquals(new SourceRef(SEED_002, "2.*2026年水土保持评审经费*绩效目标表", 127), p.source());
        assertEquals(new Budget(MoneyUnit.YUAN, yuan("400000.00"), yuan("400000.00"), null), p.budget());
        assertEquals("用于水土保持评审项目费用", p.purpose());
        assertRows(List.of(
                "产出指标|数量指标|审核项目数量|审核项目数量|≥60个",
                "产出指标|质量指标|审核技术达标率|审核技术达标率|≥95%",
                "产出指标|时效指标|技术审核工作完成时间|技术审核工作完成时间|2026年12月31日前",
                "产出指标|成本指标|生产建设项目水土保持方案技术审核成本|生产建设项目水土保持方案技术审核成本|≤0.6万元/个",
                "效益指标|社会效益指标|保障公众合法环境权益|保障公众合法环境权益|有效保障",
                "效益指标|生态效益指标|通过的水土保持方案满足技术规范要求，推动绿色发展|通过的水土保持方案满足技术规范要求，推动绿色发展|有效推动",
                "满意度指标|服务对象满意度指标|项目委托部门满意率|项目委托部门满意率|≥95%"), p);
    }

    @Test
    void seed003MultiLineGoals() throws Exception {
        ImportedDocument doc = load("003");
        Project p = project(doc, "362101-2023-002");
        assertEquals("2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估", p.name());
        assertEquals(69, p.source().line());
        assertEquals(new Budget(MoneyUnit.WAN_YUAN, wan("50.00"), wan("50.00"), null), p.budget());
        assertEquals("用于双城中间绿色生态屏障区生态环境质量状况调查评估工作。", p.purpose());
        assertEquals("1.完成2023年双城屏障区大气、水质、生物多样性等生态环境质量调查监测\n"
                + "2.完成生态环境质量调查评估指标优化调整\n"
                + "3.摸清生态环境质量改善情况", p.goals());
        assertEquals(11, p.indicators().size());
        assertEquals("产出指标|数量指标|开展监测调查的点位数量|大气调查点位|≥6个",
                String.join("|", p.indicators().get(0).level1(), p.indicators().get(0).level2(),
                        p.indicators().get(0).level3(), p.indicators().get(0).description(), p.indicators().get(0).target()));

        // Lines 2990-3006: seventeen paragraphs, one of them printed with a leading space (" 5、…"), kept.
        String goals = project(doc, "362101-2023-028").goals();
        String[] paragraphs = goals.split("\n", -1);
        assertEquals(17, paragraphs.length);
        assertEquals("1.1、挥发性有机物精准管控技术服务项目", paragraphs[0]);
        assertEquals(" 5、大气资金项目入库及验收技术核查项目", paragraphs[15]);
        assertEquals("完成2023年内大气污染防治专项资金项目材料及现场核查工作。", paragraphs[16]);
    }

    @Test
    void seed003SplitRowsWithInheritedLevel1() throws Exception {
        // Heading 53 (line 5341): most rows are split by blank lines before the 指标值 cell.
        Project p = project(load("003"), "362203-2023-008");
        assertEquals("2023年天津市污染源监控、执法及应急监测项目", p.name());
        assertEquals(new SourceRef(SEED_003, "53.2023年天津市污染源监控、执法及应急监测项目绩效目标表", 5341), p.source());
        assertEquals(new Budget(MoneyUnit.WAN_YUAN, wan("382.90"), wan("382.90"), null), p.budget());
        assertEquals("进一步提升污染源监测水平和数据质量，加强污染源自动监测平台的管理，为环境执法、环境监管等环境管理工作提供数据支撑。",
                p.purpose());
        assertTrue(p.goals().startsWith("1.配合环境执法部门对重点污染源开展执法监测，预计出动不少500次"));
        assertFalse(p.goals().contains("\n"));
        assertRows(List.of(
                "产出指标|数量指标|开展112家污水厂考核性监测并出具报告|开展112家污水厂考核性监测并出具报告|112家",
                "产出指标|数量指标|预计开展25家二噁英重点企业监督性监测并提交监督性监测报告|预计开展25家二噁英重点企业监督性监测并提交监督性监测报告|25家",
                "产出指标|数量指标|预计配合完成执法监测500余次并出具监测报告|预计配合完成执法监测500余次并出具监测报告|500余次",
                "产出指标|数量指标|对重点污染源排放系统进行实时监控；全年累计审核36.5万条监测数据|年度审核实时监控数据36.5万条|36.5万条",
                "产出指标|质量指标|完成2023年执法监测、考核性性监测、监督性监测和污染源自动监控系统的管理；保障监测设备及耗材满足监测需求和应急监测体系正常运行。"
                        + "|配合执法部门完成2023年度执法监测，完成污水厂考核性监测、重点企业二噁英监督性监测及污染源自动监控系统的管理工作；"
                        + "保障监测设备及耗材满足监测需求，保证数据准确可靠；保障应急监测体系正常运行，及时妥善应对发生的环境应急事件监测。"
                        + "|完成监测工作并保障运行，质量达标",
                "产出指标|时效指标|项目完成时限|2023年12月底前提交相关监测报告和监督性监测报告|2023年底前",
                "产出指标|成本指标|项目总投资|项目总投资|382.9万元",
                "效益指标|生态效益指标|督促污染源企业合法排污；降低污染事件对环境质量的影响。|通过执法监测、监督性监测等监测活动，督促污染源企业合法排污；降低污染事件对环境质量的影响。|妥善应对",
                "效益指标|可持续影响指标|提高环境质量。|通过对污染源管控，降低污染物排放，不断提高环境质量。|不断提升",
                "满意度指标|服务对象满意度指标|服务对象满意度指标|按时提交执法报告，为管理部门提供技术支撑。|满意"), p);
    }

    @Test
    void seed003RowSplitInTwoPlacesAndBlankFiscalAmount() throws Exception {
        ImportedDocument doc = load("003");
        // Heading 67 (line 6538): "个人剂量检测人数" row split after 三级指标 (lines 6581-6586).
        Project p = project(doc, "362303-2023-004");
        assertEquals("天津市辐射环境执法安全防护能力提升项目", p.name());
        assertEquals(new Budget(MoneyUnit.WAN_YUAN, wan("50.00"), wan("50.00"), null), p.budget());
        assertEquals(List.of(
                "产出指标|数量指标|辐射防护监测设备|辐射防护监测设备|3套",
                "产出指标|数量指标|设备检定台数|设备检定台数|6台",
                "产出指标|数量指标|个人剂量检测人数|个人剂量检测人数|≤110人",
                "产出指标|质量指标|项目完成合格率|项目完成合格率|100%",
                "产出指标|时效指标|项目完成时间|项目完成时间|2023年底之前"),
                p.indicators().subList(0, 5).stream().map(i -> String.join("|", i.level1(), i.level2(), i.level3(),
                        i.description(), i.target())).toList());

        // Heading 46 (lines 4722-4727): 财政资金 blank, the whole 94.50 万元 is 其他资金.
        Project monitoring = project(doc, "362203-2023-001");
        assertEquals(new Budget(MoneyUnit.WAN_YUAN, wan("94.50"), null, wan("94.50")), monitoring.budget());

        // Heading 13 (lines 1293-1294): a 三级指标 cell whose text starts on the line after the TAB.
        Project rural = project(doc, "362101-2023-013");
        Indicator first = rural.indicators().get(0);
        assertEquals("按照国家及天津市统一部署完成农村生活污水现场采样抽查监测及评估工作", first.level3());
        assertEquals("按照国家及天津市统一部署完成农村生活污水现场采样抽查监测及评估工作", first.description());
        assertEquals("120个", first.target());
    }

    @Test
    void seed003HeadingWithSpaceBeforeTheTitleSuffix() throws Exception {
        Project p = project(load("003"), "362101-2023-007");
        assertEquals(new SourceRef(SEED_003, "7.2023年度天津市机动车排污管控技术服务项目 绩效目标表", 508), p.source());
        // The 项目名称 cell ends in a space in the export (line 513); the name is trimmed.
        assertEquals("2023年度天津市机动车排污管控技术服务项目", p.name());
        assertEquals(3, p.goals().split("\n").length);
    }

    // ---- whole seeds: nothing lost -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003"})
    void everyIndicatorIsCompleteAndNoRowIsLost(String prefix) throws Exception {
        Path file = gongkai.testing.Seeds.seed(prefix);
        ImportedDocument doc = TianjinImporter.importFile(file, ImportOptions.inferAll());
        assertEquals(List.of(), doc.problems());
        List<Project> projects = doc.departmentYears().stream().flatMap(y -> y.projects().stream()).toList();
        for (Project p : projects) {
            for (Indicator i : p.indicators()) {
                for (String field : new String[] {i.level1(), i.level2(), i.level3(), i.target()}) {
                    assertNotNull(field, p.id() + " " + i);
                    assertFalse(field.isBlank(), p.id() + " " + i);
                }
                assertTrue(i.level1().endsWith("指标") && i.level2().endsWith("指标"), p.id() + " " + i);
            }
            assertNotNull(p.name(), p.id());
            assertFalse(p.name().contains("*"), p.id());
            assertNotNull(p.purpose(), p.id());
            assertNotNull(p.goals(), p.id());
            assertNotNull(p.budget().total(), p.id());
        }
        // Independent count: TAB lines after each 指标值 header up to the next heading, five per row.
        List<Integer> expected = rowsByRawLines(file);
        assertEquals(expected, projects.stream().map(p -> p.indicators().size()).toList());
        // Every heading in the file became a project (raw count of lines ending in 绩效目标表).
        assertEquals(expected.size(), projects.size());
    }

    /** Rows per project table counted on raw lines: TAB lines after the header, divided by five. */
    private static List<Integer> rowsByRawLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Integer> rows = new ArrayList<>();
        int tabLines = -1;
        for (String line : lines) {
            if (line.strip().endsWith("绩效目标表") && !line.startsWith("\t")) {
                if (tabLines >= 0) {
                    rows.add(fiveCells(tabLines));
                }
                tabLines = -1;
            } else if (line.equals("\t指标值")) {
                tabLines = 0;
            } else if (tabLines >= 0 && line.startsWith("\t")) {
                tabLines++;
            }
        }
        rows.add(fiveCells(tabLines));
        return rows;
    }

    private static int fiveCells(int tabLines) {
        assertEquals(0, tabLines % 5, "indicator cells not a multiple of five: " + tabLines);
        return tabLines / 5;
    }

    @Test
    void totalIndicatorRowsPerSeed() throws Exception {
        // 000: 53 rows of five cells; 001: 34 whole rows plus one row split into 3+1+1 cells;
        // 002: 54; 003: 748 (729 unsplit rows plus 19 split ones).
        assertEquals(53, indicatorCount(load("000")));
        assertEquals(35, indicatorCount(load("001")));
        assertEquals(54, indicatorCount(load("002")));
        assertEquals(748, indicatorCount(load("003")));
    }

    private static int indicatorCount(ImportedDocument doc) {
        return doc.departmentYears().stream().flatMap(y -> y.projects().stream())
                .mapToInt(p -> p.indicators().size()).sum();
    }

    @Test
    void sameInputGivesEqualRecords() throws Exception {
        assertEquals(load("003"), load("003"));
        assertEquals(load("000"), load("000"));
    }

    @Test
    void optionsOverrideTheInferredYearAndRegion() throws Exception {
        ImportedDocument doc = TianjinImporter.importFile(gongkai.testing.Seeds.seed("001"), new ImportOptions(2030, "binhai"));
        DepartmentYear y = doc.departmentYears().get(0);
        assertEquals(2030, y.year());
        assertEquals("binhai", y.regionSlug());
        assertEquals("362303-2030-001", y.projects().get(0).id());
        assertEquals("binhai", doc.departments().get(0).regionSlug());
        assertEquals(List.of(new Region("tianjin", "天津市", null), new Region("binhai", "天津市滨海新区", "tianjin")),
                doc.regions());
    }
}
