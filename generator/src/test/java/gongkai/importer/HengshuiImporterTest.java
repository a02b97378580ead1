package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.ColumnType;
import gongkai.content.DataTable;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.ProcurementLinks;
import gongkai.content.Project;
import gongkai.content.Section;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Hengshui importer on the real seed 004 (衡水市生态环境局2020年部门预算信息公开情况说明). Expected values
 * were read off the seed (line numbers cited), not taken from the importer's output.
 */
class HengshuiImporterTest {
    static final String SEED = "004_78c252e0298264e9.txt";
    static Path seed;
    static List<String> lines;
    static ImportedDocument doc;
    static DepartmentYear year;

    @BeforeAll
    static void importSeed() throws IOException, ImportException {
        seed = gongkai.testing.Seeds.named(SEED);
        lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        doc = HengshuiImporter.importFile(seed, ImportOptions.inferAll());
        assertEquals(1, doc.departmentYears().size());
        year = doc.departmentYears().get(0);
    }

    static DataTable table(String id) {
        return year.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no table " + id));
    }

    static Project project(int n) {
        Project p = year.projects().get(n - 1);
        assertEquals(String.format("467-2020-%03d", n), p.id());
        return p;
    }

    static void assertRow(Indicator i, String l1, String l2, String l3, String description, String target, String basis) {
        assertEquals(List.of(l1, l2, l3, String.valueOf(description), target, String.valueOf(basis)),
                List.of(i.level1(), i.level2(), i.level3(), String.valueOf(i.description()), i.target(), String.valueOf(i.basis())));
        assertNotNull(i.parsed(), "parsed target");
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void noProblems() {
        assertEquals(List.of(), doc.problems());
    }

    @Test
    void departmentRegionYear() {
        assertEquals("hengshui", doc.regions().get(0).slug());
        assertEquals("衡水市", doc.regions().get(0).name());
        assertNull(doc.regions().get(0).parent());
        assertEquals("467", doc.departments().get(0).code());
        assertEquals("衡水市生态环境局", doc.departments().get(0).name());
        assertEquals("hengshui", doc.departments().get(0).regionSlug());
        assertEquals(2020, year.year());
        assertEquals("467", year.departmentCode());
        assertEquals("衡水市生态环境局2020年部门预算信息公开情况说明", year.title());
        assertEquals(SEED, year.document());
    }

    @Test
    void recognizesItsFormatOnly() throws IOException {
        assertTrue(HengshuiImporter.recognizes(lines));
        for (Path other : gongkai.testing.Seeds.all()) {
            if (!other.getFileName().toString().equals(SEED)) {
                assertFalse(HengshuiImporter.recognizes(Files.readAllLines(other, StandardCharsets.UTF_8)), other.toString());
            }
        }
    }

    @Test
    void optionsOverrideYearAndRegion() throws Exception {
        ImportedDocument d = HengshuiImporter.importFile(seed, new ImportOptions(2021, "hebei-hengshui"));
        assertEquals(2021, d.departmentYears().get(0).year());
        assertEquals("hebei-hengshui", d.regions().get(0).slug());
        assertEquals("467-2021-001", d.departmentYears().get(0).projects().get(0).id());
    }

    @Test
    void eightyNineProjectsInSourceOrder() {
        assertEquals(89, year.projects().size());
        for (int n = 1; n <= 89; n++) {
            Project p = project(n);
            assertNull(p.budget(), "Hengshui tables print no amounts");
            assertEquals(SEED, p.source().document());
            assertFalse(p.source().heading().contains("TC "), "field code stripped: " + p.source().heading());
            assertFalse(p.name().endsWith("绩效目标") || p.name().endsWith("绩效目标表"), p.name());
            assertNotNull(p.goals(), p.id());
        }
        // line 270: no 表 and no field code
        Project first = project(1);
        assertEquals("2019年大气重污染成因与治理公关“一市一策”配套经费尾款", first.name());
        assertEquals("1、2019年大气重污染成因与治理公关“一市一策”配套经费尾款绩效目标", first.source().heading());
        assertEquals(270, first.source().line());
        assertEquals("1、为京津冀及周边地区大气重污染总体解决方案和实现京津冀空气质量的根本好转提供有效、可靠的基础保障\n"
                + "2、支撑完成大气重污染成因与治理攻关的既定目标", first.goals());
        // line 386: printed without a number; the number 3 is in the TC field on line 388
        Project third = project(3);
        assertEquals("“十三五”生态环境保护规划终期评估", third.name());
        assertEquals("“十三五”生态环境保护规划终期评估绩效目标表", third.source().heading());
        assertEquals(386, third.source().line());
        // line 451: field code on the same line
        assertEquals("办公设备购置", project(4).name());
        assertEquals("4、办公设备购置绩效目标表", project(4).source().heading());
        assertEquals(451, project(4).source().line());
        Project last = project(89);
        assertEquals("冀州区分局自收自支人员及社会保障经费", last.name());
        assertEquals("89、冀州区分局自收自支人员及社会保障经费绩效目标表", last.source().heading());
        assertEquals(5562, last.source().line());
        // line 5449: a single-paragraph goal
        assertEquals("1、为改善空气质量，保障环保工作正常运转，支持环保事业发展。", project(87).goals());
    }

    @Test
    void projectWithSplitRowsAndInheritedLevel1() {
        // 14、法律顾问费 (lines 1041-1105): the first row is split by three blank lines (1061-1064),
        // rows 2-4 leave 一级指标 empty and inherit 产出指标.
        List<Indicator> rows = project(14).indicators();
        assertEquals(6, rows.size());
        assertRow(rows.get(0), "产出指标", "数量指标", "人员培训", "对我局工作人员或企业的相关人员培训", "2次", "法律顾问合同");
        assertRow(rows.get(1), "产出指标", "质量指标", "法制审核", "完成行政处罚案卷的法制审核", "60件", "法律顾问合同");
        assertRow(rows.get(2), "产出指标", "时效指标", "工作按期完成率", "实际完成的工作占计划完成工作的比率", "100百分比", "法律顾问合同");
        assertRow(rows.get(3), "产出指标", "成本指标", "成本控制情况", "各项支出不高于行业标准或其他地区平均标准", "≤20万元", "法律顾问合同");
        assertRow(rows.get(4), "效果指标", "社会效益指标", "推进依法行政工作，增强执法人员的执法水平",
                "推进依法行政工作，增强执法人员的执法水平", "执法人员的执法水平有所提高", "法律顾问合同");
        assertRow(rows.get(5), "满意度指标", "服务对象满意度指标", "服务对象满意度", "调查中满意和较满意的人数占调查总人数的比率", "≥0百分比", "法律顾问合同");
    }

    @Test
    void splitRowsElsewhere() {
        // 62、全媒体合作项目, lines 3947-3953: a blank line between 描述 and 指标值
        assertRow(project(62).indicators().get(4), "效果指标", "社会效益指标", "宣传影响力", "在全市营造生态环境宣传的舆论氛围", "良好", "依据合同要求");
        // 84、武强县分局…, lines 5286-5292: a blank line between 描述 and 指标值; 8 rows in all
        List<Indicator> wq = project(84).indicators();
        assertEquals(8, wq.size());
        assertRow(wq.get(3), "产出指标", "时效指标", "任务完成时效", "各项任务完成时间与上级要求时限的比率", "≥100百分比", "调查问卷");
        assertRow(wq.get(7), "满意度指标", "服务对象满意度指标", "职工满意度", "职工生活保障满意度", "100百分比", "调查问卷");
        // 85、武邑县分局事业发展经费, lines 5341-5355: blank lines before 指标值 in two rows
        assertRow(project(85).indicators().get(1), "产出指标", "质量指标", "优良率",
                "考核项目的实施对环境保护的程度。明显有助于对空气、水质、声音等主要环境指标具有良好保护作用的为优，维持原状的为良好，破坏环境的为差。",
                "按要求执行", "财政拨款");
    }

    @Test
    void basisWithCaiZhengBoKuanContinuation() {
        // 75、景县分局事业发展经费 (lines 4688-4759): each basis cell has a second paragraph 财政拨款 on a
        // non-tab line; kept as the cell's second paragraph. Row 3 is also split by a blank line (4725).
        List<Indicator> rows = project(75).indicators();
        assertEquals(7, rows.size());
        String basis = "县财政部门承诺函\n财政拨款";
        assertRow(rows.get(0), "产出指标", "时效指标", "完成率", "按照要求和计划完成研究任务的项目在所有立项项目中的比例（百分比）", "≥100按文件要求执行", basis);
        assertRow(rows.get(1), "产出指标", "成本指标", "人均财政投入水平", "基本公共卫生服务人均财政补助标准", "≥100按文件要求执行", basis);
        assertRow(rows.get(2), "产出指标", "数量指标", "开展外宣活动数量", "反映开展外宣活动情况", "≥100按文件要求执行", basis);
        assertRow(rows.get(3), "产出指标", "质量指标", "优良率", "结项鉴定优秀等级项目数量占结项总数量的比例（百分比）", "≥100按文件要求执行", basis);
        assertRow(rows.get(4), "效果指标", "生态效益指标", "达到绿色产业标准", "不进行基础设施建设，不对生态环境产生坏的影响，属于绿色生态产业。", "≥100按文件要求执行", basis);
        assertRow(rows.get(5), "效果指标", "经济效益指标", "带动社会资金投资比", "带动社会资金投入与扶持奖励资金的比例。", "≥100按文件要求执行", basis);
        assertRow(rows.get(6), "满意度指标", "服务对象满意度指标", "群众满意度", "群众满意数量占总数的比例。", "≥100景县分局事业发展经费", basis);
        // 76 has the same shape with 县财政承诺函
        assertTrue(project(76).indicators().stream().allMatch(i -> i.basis().equals("县财政承诺函\n财政拨款")));
        // 89 (lines 5578-5618): 财政拨款 is the whole basis cell, on a tab line
        List<Indicator> last = project(89).indicators();
        assertEquals(6, last.size());
        assertRow(last.get(0), "产出指标", "数量指标", "自收自支在职人员及退休人员数量（人）", "享受经费的自收自支人员数量", "45按要求执行", "财政拨款");
        assertRow(last.get(5), "满意度指标", "服务对象满意度指标", "群众满意度", "群众满意数量占总数的比例。", "100按要求执行", "财政拨款");
        // 87 and 88 print the basis column empty
        assertTrue(project(87).indicators().stream().allMatch(i -> i.basis() == null));
        assertTrue(project(88).indicators().stream().allMatch(i -> i.basis() == null));
    }

    @Test
    void leadingSpacesStrippedInnerSpacesKept() {
        // line 374: "\t 建立环境监测数据弄虚作假防范和惩治机制"
        assertEquals("建立环境监测数据弄虚作假防范和惩治机制", project(2).indicators().get(4).description());
        // line 4071: "\t 圆满完成应急演练"
        assertEquals("圆满完成应急演练", project(64).indicators().get(4).target());
        // line 3059: a space inside the cell stays
        assertEquals("改善我市生态环境 质量", project(47).indicators().get(4).target());
    }

    @Test
    void everyIndicatorComplete() {
        for (Project p : year.projects()) {
            assertFalse(p.indicators().isEmpty(), p.id());
            for (Indicator i : p.indicators()) {
                for (String v : new String[] {i.level1(), i.level2(), i.level3(), i.target()}) {
                    assertNotNull(v, p.id() + " " + i);
                    assertFalse(v.isBlank(), p.id() + " " + i);
                }
                assertTrue(Set3.LEVEL1.contains(i.level1()), p.id() + " level1 " + i.level1());
                assertTrue(i.level2().endsWith("指标"), p.id() + " level2 " + i.level2());
            }
        }
    }

    private static final class Set3 {
        static final List<String> LEVEL1 = List.of("产出指标", "效果指标", "满意度指标");
    }

    /**
     * Independent count: in the seed, a row starts where a 二级指标 cell (a tab line ending in 指标)
     * follows a 一级指标 cell that is empty or 产出/效果/满意度指标. Counted per project heading.
     */
    @Test
    void indicatorRowCountMatchesSeed() {
        Pattern heading = Pattern.compile("^(\\d+、)?\\S.*绩效目标表?( TC .*)?$");
        Pattern level1 = Pattern.compile("^\\t\\s*(产出指标|效果指标|满意度指标)?\\s*$");
        Pattern level2 = Pattern.compile("^\\t\\S+指标$");
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        int start = lines.indexOf("第二部分  预算项目绩效目标：");
        int end = lines.indexOf("六、政府采购预算情况");
        assertTrue(start > 0 && end > start);
        int current = -1;
        for (int i = start + 1; i < end; i++) {
            String l = lines.get(i);
            if (!l.startsWith("\t") && heading.matcher(l).matches() && lines.get(i - 1).isBlank() || i == start + 1) {
                current = i + 1;
                counts.put(current, 0);
            } else if (level2.matcher(l).matches() && level1.matcher(lines.get(i - 1)).matches()) {
                counts.merge(current, 1, Integer::sum);
            }
        }
        assertEquals(89, counts.size());
        Map<Integer, Integer> imported = new LinkedHashMap<>();
        for (Project p : year.projects()) {
            imported.put(p.source().line(), p.indicators().size());
        }
        assertEquals(counts, imported);
        assertEquals(544, imported.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void sectionsInSourceOrder() {
        assertEquals(List.of("intro", "duties", "organization", "budget_overview", "operating_costs", "three_public",
                "performance", "procurement", "assets", "glossary", "other"),
                year.sections().stream().map(Section::id).toList());
        Section duties = year.sections().get(1);
        assertEquals("部门职责", duties.title());
        assertEquals("一、部门职责及机构设置情况", duties.source().heading());
        assertEquals(4, duties.source().line());
        assertTrue(duties.markdown().startsWith("（一）负责建立健全生态环境基本制度。"));
        assertTrue(duties.markdown().endsWith("（十五）完成市委、市政府和省生态环境厅交办的其他任务。"));
        assertEquals(15, duties.markdown().split("\n\n").length);
        String perf = year.sections().get(6).markdown();
        assertTrue(perf.contains("#### （二）分项绩效目标"), perf);
        assertTrue(perf.contains("##### （1）强力推进环境空气质量持续改善。"));
        assertTrue(perf.contains("\n\n（1）强化督察整改。"), "工作保障措施 items stay paragraphs");
        assertEquals("我部门无其他需要说明的事项。", year.sections().get(10).markdown());
    }

    /** Every non-blank line outside the project tables appears verbatim in a section, table or source heading. */
    @Test
    void nothingDroppedOutsideProjects() {
        StringBuilder hay = new StringBuilder();
        for (Section s : year.sections()) {
            hay.append(s.title()).append('\n').append(s.source().heading()).append('\n').append(s.markdown()).append('\n');
        }
        for (DataTable t : year.tables()) {
            hay.append(t.title()).append('\n').append(t.note()).append('\n').append(t.source().heading()).append('\n');
            t.columns().forEach(c -> hay.append(c.title()).append('\n'));
            t.rows().forEach(r -> r.values().forEach(v -> hay.append(v).append('\n')));
        }
        String squeezed = hay.toString().replaceAll("[\\s\\u3000]+", "");
        int start = lines.indexOf("第二部分  预算项目绩效目标：");
        int end = lines.indexOf("六、政府采购预算情况");
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i > start && i < end) {
                continue;
            }
            String l = lines.get(i).replaceAll("[\\s\\u3000]+", "");
            // "价值（金额单位：万元）" becomes column title 价值 with unit 万元
            // headings 部门职责：/机构设置： are section titles without the colon
            if (!l.isEmpty() && !squeezed.contains(l) && !squeezed.contains(l.replaceAll("：$", ""))
                    && !l.equals("价值（金额单位：万元）")) {
                missing.add((i + 1) + ": " + l);
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Every non-blank line of the project tables is a heading, field code, header cell or part of a project field. */
    @Test
    void nothingDroppedInProjects() {
        StringBuilder hay = new StringBuilder();
        for (Project p : year.projects()) {
            hay.append(p.source().heading()).append('\n').append(p.goals()).append('\n');
            for (Indicator i : p.indicators()) {
                hay.append(String.join("\n", String.valueOf(i.level1()), i.level2(), i.level3(), String.valueOf(i.description()),
                        i.target(), String.valueOf(i.basis()))).append('\n');
            }
        }
        String text = hay.toString();
        int start = lines.indexOf("第二部分  预算项目绩效目标：");
        int end = lines.indexOf("六、政府采购预算情况");
        List<String> missing = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            String l = lines.get(i).replaceFirst("\\s*TC .*\\\\f C \\\\l 1\\s*$", "").strip();
            if (l.isEmpty() || l.equals("绩效目标") || HengshuiProjects.HEADER.contains(l)) {
                continue;
            }
            if (!text.contains(l)) {
                missing.add((i + 1) + ": " + l);
            }
        }
        assertEquals(List.of(), missing);
        // and the 89 header rows and 绩效目标 cells are all there
        assertEquals(89, lines.subList(start, end).stream().filter(l -> l.equals("\t绩效目标")).count());
        assertEquals(89, lines.subList(start, end).stream().filter(l -> l.equals("\t指标值确定依据")).count());
    }

    @Test
    void unitsTable() {
        DataTable units = table("units");
        assertEquals("部门机构设置情况", units.title());
        assertEquals(List.of("name", "nature", "rank", "funding"), units.columns().stream().map(c -> c.key()).toList());
        // lines 49-192, five lines per unit; the empty row at 44-47 is not a unit
        String[] expected = {
            "衡水市生态环境局|行政|正处级|财政拨款",
            "衡水市生态环境局参公|参公|副处级|财政性资金基本保证",
            "衡水市生态环境局事业|事业|副处级|财政性资金基本保证",
            "衡水市生态环境局桃城区分局|行政|正科级|财政拨款",
            "衡水市生态环境局阜城县分局|行政|正科级|财政拨款",
            "衡水市生态环境局阜城县分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局高新技术产业开发区分局|行政|正科级|财政拨款",
            "衡水市生态环境局故城县分局|行政|正科级|财政拨款",
            "衡水市生态环境局故城县分局事业|事业|副科级|财政性资金基本保证",
            "衡水市生态环境局滨湖新区分局|行政|正科级|财政拨款",
            "衡水市生态环境局景县分局|行政|正科级|财政拨款",
            "衡水市生态环境局景县分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局深州市分局|行政|正科级|财政拨款",
            "衡水市生态环境局深州市分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局安平县分局|行政|正科级|财政拨款",
            "衡水市生态环境局安平县分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局武强县分局|行政|正科级|财政拨款",
            "衡水市生态环境局武强县分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局枣强县分局|行政|正科级|财政拨款",
            "衡水市生态环境局枣强县分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局武邑县分局|行政|正科级|财政拨款",
            "衡水市生态环境局武邑县分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局武邑县分局差补|事业|正科级|财政性资金定额或定项补助",
            "衡水市生态环境局饶阳县分局|行政|正科级|财政拨款",
            "衡水市生态环境局饶阳县分局事业|事业|正科级|财政性资金基本保证",
            "衡水市生态环境局饶阳县分局差补|事业|正科级|财政性资金定额或定项补助",
            "衡水市冀州区环境保护局|行政|正科级|财政拨款",
            "衡水市冀州区环境保护局事业|事业|正科级|财政性资金基本保证",
            "衡水市冀州区环境保护局差补|事业|正科级|财政性资金定额或定项补助",
        };
        assertEquals(29, expected.length);
        assertEquals(List.of(expected), units.rows().stream().map(r -> String.join("|", r.values())).toList());
    }

    @Test
    void budgetFiguresFromProse() {
        DataTable totals = table("budget_totals");
        assertEquals("万元", totals.columns().get(3).unit());
        // lines 200, 203, 206: every "N万元" figure, in order
        List<String> expected = List.of(
                "收入说明|2020年预算收入|21770.82", "收入说明|一般公共预算收入|21770.82", "收入说明|基金预算收入|0",
                "收入说明|财政专户核拨收入|0", "收入说明|其他来源收入|0",
                "支出说明|2020年支出预算|21770.82", "支出说明|基本支出|5169.44", "支出说明|人员经费|4677.97",
                "支出说明|日常公用经费|491.47", "支出说明|项目支出|16601.38", "支出说明|其他支出|0",
                "比上年增减情况|2020年预算收支安排|21770.82", "比上年增减情况|较2019年预算增加|7025.51",
                "比上年增减情况|基本支出增加|745.71", "比上年增减情况|项目支出增加|6279.8");
        assertEquals(expected, totals.rows().stream().map(r -> r.get("group") + "|" + r.get("item") + "|" + r.get("amount")).toList());
        assertPartsAddUp(totals);
        assertEquals(List.of("机关运行经费|491.47"),
                table("operating_costs").rows().stream().map(r -> r.get("item") + "|" + r.get("amount")).toList());
        // line 210
        DataTable three = table("three_public");
        assertEquals(List.of("财政拨款“三公”经费|null|149.45", "因公出国（境）费|财政拨款“三公”经费|10",
                "公务用车购置及运维费|财政拨款“三公”经费|118.01", "公务用车购置费|公务用车购置及运维费|0",
                "公务用车运维费|公务用车购置及运维费|118.01", "公务接待费|财政拨款“三公”经费|21.44", "与2019年相比减少|null|32.71"),
                three.rows().stream().map(r -> r.get("item") + "|" + r.get("parent") + "|" + r.get("amount")).toList());
        assertPartsAddUp(three);
    }

    /** Where the prose says 其中/包括, the parts add up to the whole. */
    static void assertPartsAddUp(DataTable t) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, BigDecimal> wholes = new LinkedHashMap<>();
        for (Map<String, String> r : t.rows()) {
            wholes.put(r.get("item"), dec(r.get("amount")));
            if (r.get("parent") != null) {
                sums.merge(r.get("parent"), dec(r.get("amount")), BigDecimal::add);
            }
        }
        assertFalse(sums.isEmpty());
        sums.forEach((parent, sum) -> assertEquals(0, wholes.get(parent).compareTo(sum), parent + ": " + sum));
    }

    @Test
    void procurementTableAddsUp() {
        DataTable p = table("procurement");
        assertEquals(15, p.columns().size());
        p.columns().stream().filter(c -> c.type() == ColumnType.DECIMAL && !c.key().equals("quantity"))
                .forEach(c -> assertEquals("万元", c.unit(), c.key()));
        List<Map<String, String>> rows = p.rows();
        // lines 5649-6249: 合　计, then 4 units each with a 小计 row followed by its items
        assertEquals(43, rows.size());
        assertEquals("total", rows.get(0).get("row_type"));
        assertEquals("合　计", rows.get(0).get("project_name"));
        assertEquals("1889.57", rows.get(0).get("total"));
        Map<String, String> subtotals = new LinkedHashMap<>();
        Map<String, BigDecimal> itemSums = new LinkedHashMap<>();
        Map<String, Integer> itemCounts = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (r.get("row_type").equals("subtotal")) {
                subtotals.put(r.get("unit_name"), r.get("total"));
                assertEquals(r.get("unit_name") + "小计", r.get("project_name"));
            } else if (r.get("row_type").equals("item")) {
                itemSums.merge(r.get("unit_name"), dec(r.get("total")), BigDecimal::add);
                itemCounts.merge(r.get("unit_name"), 1, Integer::sum);
                // quantity × unit price = amount, all of it from 一般公共预算拨款
                assertEquals(0, dec(r.get("quantity")).multiply(dec(r.get("unit_price"))).compareTo(dec(r.get("total"))), r.toString());
                assertEquals(r.get("total"), r.get("general_budget"));
                assertNull(r.get("fund_budget"));
                assertNull(r.get("other_sources"));
            }
        }
        assertEquals(Map.of("衡水市生态环境局", "963.07", "衡水市生态环境局参公", "226.50",
                "衡水市生态环境局事业", "630.00", "衡水市生态环境局深州市分局", "70.00"), subtotals);
        assertEquals(Map.of("衡水市生态环境局", 23, "衡水市生态环境局参公", 2, "衡水市生态环境局事业", 6,
                "衡水市生态环境局深州市分局", 7), itemCounts);
        subtotals.forEach((unit, total) -> assertEquals(0, dec(total).compareTo(itemSums.get(unit)), unit));
        BigDecimal grand = subtotals.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, dec("1889.57").compareTo(grand));
        // every unit named by a 小计 row is in the units table
        List<String> unitNames = table("units").rows().stream().map(r -> r.get("name")).toList();
        assertTrue(unitNames.containsAll(subtotals.keySet()));
        // lines 5761-5955: 办公设备购置 has 14 lines of 预算资金 30.00 whose amounts add up to 30.00
        Map<String, List<Map<String, String>>> byProject = rows.stream().filter(r -> r.get("row_type").equals("item"))
                .collect(Collectors.groupingBy(r -> r.get("project_name"), LinkedHashMap::new, Collectors.toList()));
        assertEquals(14, byProject.get("办公设备购置").size());
        byProject.forEach((name, items) -> {
            BigDecimal sum = items.stream().map(r -> dec(r.get("total"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, dec(items.get(0).get("budget")).compareTo(sum), name);
        });
        // line 6087: the measure unit printed as "1"
        assertEquals("1", byProject.get("监控中心外协费").get(0).get("measure_unit"));
    }

    @Test
    void procurementLinks() {
        Map<String, List<Map<String, String>>> links = ProcurementLinks.forDepartmentYear(year);
        // The 20 distinct 项目名称 of the procurement table (lines 5677-6249) are all project names.
        assertEquals(List.of(1, 4, 6, 19, 20, 21, 22, 23, 24, 32, 44, 45, 51, 52, 53, 60, 67, 68, 77, 79),
                links.keySet().stream().map(id -> Integer.valueOf(id.substring(id.lastIndexOf('-') + 1))).toList());
        assertEquals(14, links.get("467-2020-004").size());
        assertEquals("258.40", links.get("467-2020-019").get(0).get("budget"));
        assertEquals(5, links.get("467-2020-077").size());
        assertEquals("20.00", links.get("467-2020-077").get(0).get("budget"));
    }

    @Test
    void assetsTable() {
        DataTable a = table("assets");
        assertEquals("衡水市市直部门固定资产占用情况表", a.title());
        assertTrue(a.note().contains("编制部门：衡水市生态环境局"));
        assertTrue(a.note().contains("截止时间：2019年12月31日"));
        assertEquals("万元", a.columns().get(2).unit());
        // lines 6264-6286
        assertEquals(List.of("资产总额|——|11536.07", "1、房屋（平方米）|448|39.4", "其中：办公用房（平方米）|null|null",
                "2、车辆（台、辆）|11|220.86", "3、单价在20万元以上的设备|75|6469.23", "4、其他固定资产|——|4806.58"),
                a.rows().stream().map(r -> r.get("item") + "|" + r.get("quantity") + "|" + r.get("value")).toList());
        BigDecimal parts = BigDecimal.ZERO;
        for (int i : new int[] {1, 3, 4, 5}) {
            parts = parts.add(dec(a.rows().get(i).get("value")));
        }
        assertEquals(0, dec("11536.07").compareTo(parts));
    }

    @Test
    void glossaryTable() {
        DataTable g = table("glossary");
        assertEquals(10, g.rows().size());
        for (int i = 0; i < 10; i++) {
            assertEquals(String.valueOf(i + 1), g.rows().get(i).get("number"));
        }
        assertEquals("一般公共预算拨款收入", g.rows().get(0).get("term"));
        assertEquals("指市级财政当年拨付的资金。", g.rows().get(0).get("definition"));
        assertEquals("“三公”经费", g.rows().get(6).get("term"));
        assertEquals("事业单位经营支出", g.rows().get(9).get("term"));
    }

    @Test
    void tablesInSourceOrder() {
        assertEquals(List.of("units", "budget_totals", "operating_costs", "three_public", "procurement", "assets", "glossary"),
                year.tables().stream().map(DataTable::id).toList());
    }

    // ------------------------------------------------------------ problems on damaged input

    static ImportedDocument importEdited(java.util.function.Consumer<List<String>> edit) {
        List<String> copy = new ArrayList<>(lines);
        edit.accept(copy);
        try {
            return HengshuiImporter.importLines(SEED, copy, ImportOptions.inferAll());
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingCellIsReportedNotDropped() {
        // delete line 290 (the 指标值 "1个" of project 1's first row): the row assembly goes off by one
        ImportedDocument d = importEdited(l -> l.remove(289));
        assertFalse(d.problems().isEmpty());
        assertTrue(d.problems().stream().anyMatch(p -> p.message().contains("最后一整行指标之后多出")), d.problems().toString());
    }

    @Test
    void strayTextIsReported() {
        // a free text line (after a blank line) inside project 2's indicator table
        ImportedDocument d = importEdited(l -> l.add(349, "多余的一行"));
        assertEquals(1, d.problems().size(), d.problems().toString());
        assertEquals(350, d.problems().get(0).line());
        assertTrue(d.problems().get(0).message().contains("多余的一行"));
    }
}
