package gongkai.testing;

import gongkai.cli.SitePipelines;
import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.TargetComparator;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Page;
import gongkai.content.ParsedTarget;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.content.TargetKind;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildReport;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.BuildContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A tiny content tree for build tests, transcribed from the seed documents (000: 滨海新区执法支队 in 元,
 * 001: 执法总队 in 万元, 003: 市生态环境局财务处 2023 in 万元, 004: 衡水 without budgets), plus one made-up
 * 2024 物业费 project so a project exists in two years, and a second 数量指标 row so level-2 cells merge.
 * Served under a sub-path (https://example.org/gongkai/) so base-path handling is exercised.
 */
public final class TestSites {
    /** The committed fixture site (content tree) used by many tests. */
    public static final Path TEST_SITE = Path.of("generator/src/test/resources/sites/test-site");

    /** Builds {@code content} (its cited sources written into {@code contentDir}) with the standard stages and a twin writer. */
    public static BuildReport build(Content content, Path theme, Path contentDir, Path out) throws Exception {
        addSources(content, contentDir);
        return SitePipelines.builder(BuildOptions.of(contentDir, theme, out, line -> { }), dir -> content)
                .export(twinWriter())
                .build()
                .run();
    }

    public static final String BASE_URL = "https://example.org/gongkai/";

    private TestSites() {
    }

    public static Content tiny() {
        SiteConfig site = new SiteConfig("公开 · 预算绩效目标公开数据", "政府部门预算与项目支出绩效目标的开放数据网站",
                "Gongkai 开放数据项目", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.zh-hans", BASE_URL);
        List<Region> regions = List.of(
                new Region("tianjin", "天津市", null),
                new Region("binhai", "天津市滨海新区", "tianjin"),
                new Region("hengshui", "衡水市", null));
        List<Department> departments = List.of(
                new Department("tianjin", "362303", "天津市生态环境保护综合行政执法总队", "执法总队", null),
                new Department("tianjin", "362101", "天津市生态环境局财务处（审计处）", null, "市生态环境局的**财务**部门。"),
                new Department("binhai", "362301", "天津市滨海新区生态环境保护综合行政执法支队", null, null),
                new Department("hengshui", "467", "衡水市生态环境局", null, null));
        return new Content(site, regions, departments, List.of(zongdui2024(), caiwu2023(), caiwu2024(), binhai2025(),
                hengshui2020()), List.of(
                new Page("about", "关于本站", "# 关于本站\n\n本站整理各部门公开的**项目支出绩效目标表**。\n\n## 数据来源\n\n各部门官网。\n"),
                new Page("data-guide", "数据说明", "# 数据说明\n\n| 字段 | 含义 |\n|---|---|\n| budget | 预算数 |\n\n<b>原始 HTML 不会生效</b>\n")));
    }

    public static ParsedTarget number(TargetComparator c, String value, String unit) {
        return new ParsedTarget(TargetKind.NUMBER, c, new BigDecimal(value), null, unit, null, null, null);
    }

    public static ParsedTarget deadline(String date) {
        return new ParsedTarget(TargetKind.DATE, TargetComparator.LE, null, null, null, LocalDate.parse(date), null, null);
    }

    public static Indicator ind(String l1, String l2, String l3, String desc, String target, ParsedTarget parsed) {
        return new Indicator(l1, l2, l3, desc, target, null, parsed);
    }

    public static Budget wan(String total, String fiscal) {
        return new Budget(MoneyUnit.WAN_YUAN, Amount.of(total, MoneyUnit.WAN_YUAN), Amount.of(fiscal, MoneyUnit.WAN_YUAN), null);
    }

    public static Budget yuan(String total, String fiscal) {
        return new Budget(MoneyUnit.YUAN, Amount.of(total, MoneyUnit.YUAN), Amount.of(fiscal, MoneyUnit.YUAN), null);
    }

    /** Seed 001, project 1 (a second 数量指标 row added so the level-2 cell spans two rows). */
    public static DepartmentYear zongdui2024() {
        String doc = "tianjin/362303/001_88a8ef7fc06e4953.txt";
        Project p = new Project("362303-2024-001", "2024年度天津市辐射环境执法安全防护能力提升项目", wan("6.00", "6.00"),
                "为辐射安全检查一线执法人员配备辐射安全防护基础设备，购置具有γ和中子报警功能的辐射检测设备4台。",
                "1.提高执法人员风险辨别和辐射污染识别能力，提升现场执法能力，提高监督执法的准确性和效率，强化环境执法效能",
                List.of(
                        ind("产出指标", "数量指标", "购置设备数量", "辐射检测报警设备", "4台", number(null, "4", "台")),
                        ind("产出指标", "数量指标", "配备执法人员数量", "配备防护设备的一线执法人员", "≥20人", number(TargetComparator.GE, "20", "人")),
                        ind("产出指标", "质量指标", "验收合格率", "验收合格率", "100%", number(null, "100", "%")),
                        ind("产出指标", "时效指标", "项目完成时间", "项目完成时间", "≤12个月", number(TargetComparator.LE, "12", "个月")),
                        ind("产出指标", "成本指标", "项目总投资", "项目总投资", "≤6万元", number(TargetComparator.LE, "6", "万元")),
                        ind("效益指标", "可持续影响指标", "保障执法人员年度受辐射量", "保障执法人员年度受辐射量", "<20mSv",
                                number(TargetComparator.LT, "20", "mSv")),
                        ind("满意度指标", "服务对象满意度指标", "设备使用人满意度", "执法人员满意度", "≥90%",
                                number(TargetComparator.GE, "90", "%"))),
                new SourceRef(doc, "1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表", 1));
        return new DepartmentYear("tianjin", "362303", 2024, "天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表", doc,
                List.of(), List.of(), List.of(p));
    }

    /** Seed 003, projects 1 and 2. */
    public static DepartmentYear caiwu2023() {
        String doc = "tianjin/362101/003_048537671a369fc1.txt";
        Project wuye = new Project("362101-2023-001", "2023年物业费项目", wan("104.00", "104.00"), "用于物业管理相关工作支出。",
                "1.支撑保障市生态环境局正常工作开展。",
                List.of(
                        ind("产出指标", "数量指标", "物业保障人员数量", "物业保障人员数量", "≥5人", number(TargetComparator.GE, "5", "人")),
                        ind("效益指标", "社会效益指标", "局机关正常运转", "局机关正常运转", "保障正常运转", ParsedTarget.qualitative()),
                        ind("满意度指标", "服务对象满意度指标", "局机关满意度", "局机关满意度", "≥90%", number(TargetComparator.GE, "90", "%"))),
                new SourceRef(doc, "1.2023年物业费项目绩效目标表", 1));
        Project pingguo = new Project("362101-2023-002", "2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估",
                wan("50.00", "50.00"), null, null, List.of(),
                new SourceRef(doc, "2.2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估绩效目标表", 56));
        return new DepartmentYear("tianjin", "362101", 2023, "天津市生态环境局财务处（审计处）2023年项目支出绩效目标表", doc,
                List.of(), List.of(), List.of(wuye, pingguo));
    }

    /** Made up for the fixture: the same 物业费 project a year later (matched across years by name). */
    public static DepartmentYear caiwu2024() {
        String doc = "tianjin/362101/fixture_2024.txt";
        Project wuye = new Project("362101-2024-001", "2024年度物业费项目", wan("1234.56", "1200.00"), "用于物业管理相关工作支出。",
                null, List.of(ind("产出指标", "时效指标", "完成时间", null, "2024年12月31日前", deadline("2024-12-31"))),
                new SourceRef(doc, "1.2024年度物业费项目绩效目标表", 1));
        return new DepartmentYear("tianjin", "362101", 2024, "天津市生态环境局财务处（审计处）2024年项目支出绩效目标表", doc,
                List.of(), List.of(), List.of(wuye));
    }

    /** Seed 000, projects 1 and 2 (amounts in 元). */
    public static DepartmentYear binhai2025() {
        String doc = "binhai/362301/000_d8be7fe3029b1b35.txt";
        Project changpin = new Project("362301-2025-001", "**2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）",
                yuan("2255000.00", "2255000.00"), "聘用编制外长聘人员。",
                "1.目标内容1通过聘用派遣制工作人员，协助对企业进行检查，达到提高执法效率的效益。",
                List.of(
                        ind("产出指标", "数量指标", "聘用人数", "聘用派遣制人数", "41人", number(null, "41", "人")),
                        ind("产出指标", "质量指标", "人员考核通过率", "考核通过人数占聘用总人数", "100百分比", number(null, "100", "%")),
                        ind("产出指标", "时效指标", "派遣人员服务时间", "按照合同约定派遣人员服务时间", "2025.1.1-2025.12.31",
                                new ParsedTarget(TargetKind.DATE_RANGE, null, null, null, null, LocalDate.parse("2025-01-01"),
                                        LocalDate.parse("2025-12-31"), null)),
                        ind("产出指标", "成本指标", "聘用成本", "按照合同约定聘用1人全年需要的成本", "5.5万/人/年",
                                number(null, "5.5", "万/人/年")),
                        ind("效益指标", "社会效益指标", "提升生态环境行政执法效率", "通过派遣人员协助，提升环境执法效率", "有所提升",
                                ParsedTarget.qualitative()),
                        ind("满意度指标", "服务对象满意度指标", "聘用单位满意度", "通过对用人单位的调查，对派遣人员满意人数占总人数的比例",
                                "≥90百分比", number(TargetComparator.GE, "90", "%"))),
                new SourceRef(doc, "1.**2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）绩效目标表", 2));
        Project anjian = new Project("362301-2025-002", "**办案经费（鉴定评估）项目", yuan("424741.00", "424741.00"),
                "支付鉴定评估费。", null,
                List.of(ind("产出指标", "时效指标", "报告完成时间", "报告完成时间", "2025年12月31日前", deadline("2025-12-31"))),
                new SourceRef(doc, "2.**办案经费（鉴定评估）项目绩效目标表", 64));
        return new DepartmentYear("binhai", "362301", 2025, "天津市滨海新区生态环境保护综合行政执法支队2025年项目支出绩效目标表", doc,
                List.of(), List.of(), List.of(changpin, anjian));
    }

    /** Seed 004: Hengshui prints no amounts in its target tables; it has prose sections and department tables. */
    public static DepartmentYear hengshui2020() {
        String doc = "hengshui/467/004_78c252e0298264e9.txt";
        Project bangong = new Project("467-2020-004", "办公设备购置", null, null,
                "1、保障新入职人员正常办公，替换待报废的办公用品。\n2、保障日常工作开展。",
                List.of(new Indicator("产出指标", "数量指标", "政府采购率", "实际政府采购数量占应实施政府采购数量的比率", "100百分比",
                                "依项目方案要求", number(null, "100", "%")),
                        new Indicator("效果指标", "社会效益指标", "业务保障能力提升情况", "购置对业务保障能力的提升情况", "满足办公需要",
                                "依项目方案要求", ParsedTarget.qualitative())),
                new SourceRef(doc, "4、办公设备购置绩效目标表", 452));
        Project other = new Project("467-2020-001", "环境监测", null, null, null, List.of(), new SourceRef(doc, "1、环境监测绩效目标表", 300));
        Section duties = new Section("duties", "部门职责", "部门职责：\n\n（一）负责建立健全生态环境基本制度。\n\n<script>alert('x')</script>\n\n"
                + "# 内部标题\n", new SourceRef(doc, "一、部门职责及机构设置情况", 4));
        Map<String, String> row1 = new LinkedHashMap<>();
        row1.put("source", "财政拨款");
        row1.put("item", "办公设备");
        row1.put("amount", "30.00");
        Map<String, String> row2 = new LinkedHashMap<>();
        row2.put("source", "财政拨款");
        row2.put("item", "监测设备");
        row2.put("amount", null);
        DataTable procurement = new DataTable("procurement", "政府采购预算", List.of(
                new Column("source", "政府采购项目来源", ColumnType.STRING, null),
                new Column("item", "采购物品名称", ColumnType.STRING, null),
                new Column("amount", "预算资金", ColumnType.DECIMAL, "万元")),
                List.of(row1, row2), "2020年，我部门安排政府采购预算1889.57万元。", new SourceRef(doc, "六、政府采购预算情况", 5621));
        DataTable empty = new DataTable("assets", "国有资产占用情况", List.of(new Column("item", "资产", ColumnType.STRING, null)),
                List.of(), null, new SourceRef(doc, "国有资产占用情况", 5700));
        return new DepartmentYear("hengshui", "467", 2020, "衡水市生态环境局2020年部门预算信息公开情况说明", doc,
                List.of(duties), List.of(procurement, empty), List.of(other, bangong));
    }

    /**
     * Stand-in for the export package in these tests: writes every download twin the pages link to, so the
     * link check can pass; the real exporter is tested by its own helper.
     */
    /** The real export stage (downloads and source documents). */
    public static BuildStage twinWriter() {
        return new gongkai.export.ExportStage();
    }

    /**
     * Puts the source documents the content cites into {@code contentDir/sources/<region>/<code>/} (copied from the
     * committed seeds), as the export stage publishes them.
     */
    public static void addSources(Content content, Path contentDir) throws IOException {
        for (DepartmentYear dy : content.departmentYears()) {
            Path target = contentDir.resolve(gongkai.content.ContentPaths.source(dy.document()));
            Path seed = Seeds.named(gongkai.content.ContentPaths.documentFileName(dy.document()));
            if (Files.exists(target)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            if (seed != null) {
                Files.copy(seed, target);
            } else {
                // Fixture documents that are not real seeds: a stand-in text so the citation resolves.
                Files.writeString(target, "fixture source document " + dy.document() + "\n");
            }
        }
    }

    /** A copy of a YAML fixture site in {@code tmp} with the source documents it cites. */
    public static Path copyWithSources(Path siteDir, Path tmp) throws IOException {
        Path copy = tmp.resolve("content");
        Trees.copy(siteDir, copy);
        addSources(gongkai.load.ContentLoader.load(copy).content(), copy);
        return copy;
    }

    /** The repository's default theme (tests run with the repository root as working directory). */
    /**
     * A copy of fixture site {@code fixture} (with its sources) built by the standard stages with the downloads (no
     * search index) into {@code tmp}/site; → that folder.
     */
    public static Path buildWithDownloads(Path fixture, Path tmp) throws Exception {
        Path content = copyWithSources(fixture, tmp);
        Path site = tmp.resolve("site");
        gongkai.cli.SitePipelines.builder(gongkai.pipeline.BuildOptions.of(content, defaultTheme(), site, line -> { }),
                gongkai.load.ContentSource.yaml()).export(new gongkai.export.ExportStage()).build().run();
        return site;
    }

    public static Path defaultTheme() {
        Path theme = Path.of("themes/default").toAbsolutePath();
        if (!Files.isDirectory(theme)) {
            throw new IllegalStateException("default theme not found at " + theme);
        }
        return theme;
    }

    /** A copy of the default theme that a test may break. */
    public static Path copyOfDefaultTheme(Path target) throws IOException {
        Path source = defaultTheme();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
