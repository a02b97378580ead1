package gongkai.export;

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
import gongkai.content.ParsedTarget;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.content.TargetKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small content tree typed in by hand from the seed documents (content/sources): two Tianjin
 * documents in 元 and 万元, one Hengshui document without amounts but with a basis column and
 * department-level tables. The parsed targets are read off the printed text by hand.
 */
final class ExportFixture {
    static final String DOC_BINHAI = "binhai/362301/000_d8be7fe3029b1b35.txt";
    static final String DOC_TIANJIN = "tianjin/362303/001_88a8ef7fc06e4953.txt";
    static final String DOC_CAIWU = "tianjin/362101/003_048537671a369fc1.txt";
    static final String DOC_HENGSHUI = "hengshui/467/004_78c252e0298264e9.txt";

    private ExportFixture() {
    }

    static SiteConfig site() {
        return new SiteConfig("公开 · 预算绩效目标开放数据", "政府部门预算与项目支出绩效目标的开放数据网站：可检索、可下载、可引用。",
                "Gongkai 公开 开放数据项目", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.zh-hans",
                "https://gongkai.example.org/");
    }

    static Content content() {
        return new Content(site(), regions(), departments(), List.of(hengshui2020(), binhai2025(), tianjin2024(), caiwu2023()),
                List.of());
    }

    static List<Region> regions() {
        return List.of(new Region("tianjin", "天津市", null), new Region("hengshui", "衡水市", null),
                new Region("binhai", "天津市滨海新区", "tianjin"));
    }

    static List<Department> departments() {
        return List.of(
                new Department("tianjin", "362303", "天津市生态环境保护综合行政执法总队", "执法总队", null),
                new Department("hengshui", "467", "衡水市生态环境局", null, "负责建立健全生态环境基本制度。"),
                new Department("binhai", "362301", "天津市滨海新区生态环境保护综合行政执法支队", null, null),
                new Department("tianjin", "362101", "天津市生态环境局财务处（审计处）", null, null));
    }

    static ParsedTarget number(TargetComparator c, String value, String unit) {
        return new ParsedTarget(TargetKind.NUMBER, c, new BigDecimal(value), null, unit, null, null, null);
    }

    static Indicator ind(String l1, String l2, String l3, String desc, String target, String basis, ParsedTarget t) {
        return new Indicator(l1, l2, l3, desc, target, basis, t);
    }

    /** 000: 单位：元, 其他资金 blank. */
    static DepartmentYear binhai2025() {
        Project p1 = new Project("362301-2025-001",
                "2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）",
                new Budget(MoneyUnit.YUAN, Amount.of("2255000.00", MoneyUnit.YUAN), Amount.of("2255000.00", MoneyUnit.YUAN), null),
                "聘用编制外长聘人员。",
                "1.目标内容1通过聘用派遣制工作人员，协助对企业进行检查，达到提高执法效率的效益。",
                List.of(
                        ind("产出指标", "数量指标", "聘用人数", "聘用派遣制人数", "41人", null, number(TargetComparator.EQ, "41", "人")),
                        ind("产出指标", "质量指标", "人员考核通过率", "考核通过人数占聘用总人数", "100百分比", null,
                                number(TargetComparator.EQ, "100", "%")),
                        ind("产出指标", "时效指标", "派遣人员服务时间", "按照合同约定派遣人员服务时间", "2025.1.1-2025.12.31", null,
                                new ParsedTarget(TargetKind.DATE_RANGE, null, null, null, null,
                                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null)),
                        ind("产出指标", "成本指标", "聘用成本", "按照合同约定聘用1人全年需要的成本", "5.5万/人/年", null,
                                number(TargetComparator.EQ, "5.5", "万/人/年")),
                        ind("效益指标", "社会效益指标", "提升生态环境行政执法效率", "通过派遣人员协助，提升环境执法效率", "有所提升", null,
                                ParsedTarget.qualitative()),
                        ind("满意度指标", "服务对象满意度指标", "聘用单位满意度", "通过对用人单位的调查，对派遣人员满意人数占总人数的比例",
                                "≥90百分比", null, number(TargetComparator.GE, "90", "%"))),
                new SourceRef(DOC_BINHAI, "1.**2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）绩效目标表", 2));
        Project p2 = new Project("362301-2025-002", "办案经费（鉴定评估）项目",
                new Budget(MoneyUnit.YUAN, Amount.of("424741.00", MoneyUnit.YUAN), Amount.of("424741.00", MoneyUnit.YUAN), null),
                "支付鉴定评估费。",
                "1.目标内容1通过委托专业机构开展调查、鉴别，达到提高污染防治水平效益。",
                List.of(
                        ind("产出指标", "数量指标", "报告出具数量", "鉴别、调查报告出具数量", "≥2份", null, number(TargetComparator.GE, "2", "份")),
                        ind("产出指标", "时效指标", "报告完成时间", "报告完成时间", "2025年12月31日前", null,
                                new ParsedTarget(TargetKind.DATE, TargetComparator.LE, null, null, null, LocalDate.of(2025, 12, 31), null, null)),
                        ind("产出指标", "成本指标", "调查鉴别成本", "调查鉴别成本", "≤424741元", null, number(TargetComparator.LE, "424741", "元"))),
                new SourceRef(DOC_BINHAI, "2.**办案经费（鉴定评估）项目绩效目标表", 70));
        // Source order kept in the model (002 before 001) to check that the export sorts by id.
        return new DepartmentYear("binhai", "362301", 2025, "天津市滨海新区生态环境保护综合行政执法支队2025年项目支出绩效目标表",
                DOC_BINHAI, List.of(), List.of(), List.of(p2, p1));
    }

    /** 001: 单位：万元. */
    static DepartmentYear tianjin2024() {
        Project p = new Project("362303-2024-001", "2024年度天津市辐射环境执法安全防护能力提升项目",
                new Budget(MoneyUnit.WAN_YUAN, Amount.of("6.00", MoneyUnit.WAN_YUAN), Amount.of("6.00", MoneyUnit.WAN_YUAN), null),
                "为辐射安全检查一线执法人员配备辐射安全防护基础设备，购置具有γ和中子报警功能的辐射检测设备4台。",
                "1.提高执法人员风险辨别和辐射污染识别能力，提升现场执法能力，提高监督执法的准确性和效率，强化环境执法效能",
                List.of(
                        ind("产出指标", "数量指标", "购置设备数量", "辐射检测报警设备", "4台", null, number(TargetComparator.EQ, "4", "台")),
                        ind("产出指标", "质量指标", "验收合格率", "验收合格率", "100%", null, number(TargetComparator.EQ, "100", "%")),
                        ind("产出指标", "时效指标", "项目完成时间", "项目完成时间", "≤12个月", null, number(TargetComparator.LE, "12", "个月")),
                        ind("产出指标", "成本指标", "项目总投资", "项目总投资", "≤6万元", null, number(TargetComparator.LE, "6", "万元")),
                        ind("效益指标", "可持续影响指标", "保障执法人员年度受辐射量", "保障执法人员年度受辐射量", "<20mSv", null,
                                number(TargetComparator.LT, "20", "mSv")),
                        ind("满意度指标", "服务对象满意度指标", "设备使用人满意度", "执法人员满意度", "≥90%", null,
                                number(TargetComparator.GE, "90", "%"))),
                new SourceRef(DOC_TIANJIN, "1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表", 1));
        return new DepartmentYear("tianjin", "362303", 2024, "天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表",
                DOC_TIANJIN, List.of(), List.of(), List.of(p));
    }

    /** 003: a multi-line 绩效目标. */
    static DepartmentYear caiwu2023() {
        Project p = new Project("362101-2023-002", "2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估",
                new Budget(MoneyUnit.WAN_YUAN, Amount.of("50.00", MoneyUnit.WAN_YUAN), Amount.of("50.00", MoneyUnit.WAN_YUAN), null),
                "用于双城中间绿色生态屏障区生态环境质量状况调查评估工作。",
                "1.完成2023年双城屏障区大气、水质、生物多样性等生态环境质量调查监测\n2.完成生态环境质量调查评估指标优化调整\n3.摸清生态环境质量改善情况",
                List.of(
                        ind("产出指标", "数量指标", "开展监测调查的点位数量", "大气调查点位", "≥6个", null, number(TargetComparator.GE, "6", "个")),
                        ind("产出指标", "质量指标", "监测调查工作质量", "监测调查工作质量", "合格", null, ParsedTarget.qualitative()),
                        ind("产出指标", "时效指标", "项目完成时限", "项目完成时限", "2023年底前", null,
                                new ParsedTarget(TargetKind.DATE, TargetComparator.LE, null, null, null, LocalDate.of(2023, 12, 31), null, null)),
                        ind("产出指标", "成本指标", "项目总投资", "项目总投资", "≤50万元", null, number(TargetComparator.LE, "50", "万元"))),
                new SourceRef(DOC_CAIWU, "2.2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估绩效目标表", 69));
        return new DepartmentYear("tianjin", "362101", 2023, "天津市生态环境局2023年项目支出绩效目标表",
                DOC_CAIWU, List.of(), List.of(), List.of(p));
    }

    static Map<String, String> row(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static DataTable unitsTable(List<Map<String, String>> rows) {
        return new DataTable("units", "部门机构设置情况", List.of(
                new Column("name", "单位名称", ColumnType.STRING, null),
                new Column("nature", "单位性质", ColumnType.STRING, null),
                new Column("rank", "单位规格", ColumnType.STRING, null),
                new Column("funding", "经费保障形式", ColumnType.STRING, null)),
                rows, null, new SourceRef(DOC_HENGSHUI, "部门机构设置情况", 38));
    }

    static DataTable procurementTable() {
        return new DataTable("procurement", "政府采购信息表", List.of(
                new Column("project_name", "项目名称", ColumnType.STRING, null),
                new Column("item_name", "采购物品名称", ColumnType.STRING, null),
                new Column("catalog_code", "政府采购目录序号", ColumnType.STRING, null),
                new Column("measure_unit", "计量单位", ColumnType.STRING, null),
                new Column("quantity", "数量", ColumnType.DECIMAL, null),
                new Column("unit_price", "单价", ColumnType.DECIMAL, "万元"),
                new Column("total", "合计", ColumnType.DECIMAL, "万元")),
                List.of(
                        row("project_name", "衡水市大气污染精细化管理及决策支撑项目", "item_name", "大气污染治理服务",
                                "catalog_code", "C160301", "measure_unit", "个", "quantity", "1.00", "unit_price", "258.40",
                                "total", "258.40"),
                        row("project_name", "打赢蓝天保卫战宣传项目", "item_name", "广告服务", "catalog_code", "C0806",
                                "measure_unit", "个", "quantity", "1.00", "unit_price", "30.00", "total", "30.00")),
                "单位：万元", new SourceRef(DOC_HENGSHUI, "六、政府采购预算情况", 5621));
    }

    static List<Map<String, String>> hengshuiUnits() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("name", "衡水市生态环境局", "nature", "行政", "rank", "正处级", "funding", "财政拨款"));
        rows.add(row("name", "衡水市生态环境局参公", "nature", "参公", "rank", "副处级", "funding", "财政性资金基本保证"));
        return rows;
    }

    /** 004: no amounts, a 指标值确定依据 column, multi-line goals, department-level tables. */
    static DepartmentYear hengshui2020() {
        Project p = new Project("467-2020-002", "2020年全市生态环境监测机构检查经费", null, null,
                "1、实现对全市所有生态环境监测机构检查全覆盖\n2、引导检验检测机构能力持续提升，促进检验检测行业健康发展",
                List.of(
                        ind("产出指标", "数量指标", "组织检查次数", "每季度组织专家抽查15家企业", "4家", "依项目方案要求",
                                number(TargetComparator.EQ, "4", "家")),
                        ind("产出指标", "成本指标", "成本控制情况", "各项支出不高于行业标准或其他地区平均标准", "18万元", "依项目方案要求",
                                number(TargetComparator.EQ, "18", "万元")),
                        ind("效果指标", "社会效益指标", "建立环境监测数据弄虚作假防范和惩治机制", "建立环境监测数据弄虚作假防范和惩治机制",
                                "建立环境监测数据弄虚作假防范和惩治机制", "依项目方案要求", ParsedTarget.qualitative()),
                        ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "调查中满意和较满意的人数占调查总人数的比率",
                                "≥90百分比", "依项目方案要求", number(TargetComparator.GE, "90", "%"))),
                new SourceRef(DOC_HENGSHUI, "2、2020年全市生态环境监测机构检查经费绩效目标表", 329));
        Section duties = new Section("duties", "部门职责", "（一）负责建立健全生态环境基本制度。",
                new SourceRef(DOC_HENGSHUI, "一、部门职责及机构设置情况", 4));
        return new DepartmentYear("hengshui", "467", 2020, "衡水市生态环境局2020年部门预算信息公开情况说明", DOC_HENGSHUI,
                List.of(duties), List.of(unitsTable(hengshuiUnits()), procurementTable()), List.of(p));
    }
}
