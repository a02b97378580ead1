package gongkai.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The data dictionary: every column of the fixed downloads, with Chinese title and meaning. The same
 * names are the CSV headers, the JSON keys and the datapackage.json schema; content/pages/data-guide.md
 * documents them (a test keeps the two in step).
 */
public final class Columns {
    private Columns() {
    }

    public static final Field REGION = Field.string("region", "地区代码", "地区的英文短名（URL 中使用），如 tianjin、binhai、hengshui");
    public static final Field DEPARTMENT_CODE = Field.string("department_code", "预算单位编码", "预算单位编码，按原文");
    public static final Field DEPARTMENT_NAME = Field.string("department_name", "预算单位名称", "预算单位全称，按原文");
    public static final Field YEAR = Field.integer("year", "预算年度", "预算年度，四位数字");

    public static final List<Field> DEPARTMENTS = List.of(
            REGION,
            Field.string("region_name", "地区名称", "地区的中文名称"),
            DEPARTMENT_CODE,
            DEPARTMENT_NAME,
            Field.string("short_name", "简称", "单位简称；无则为空"),
            Field.string("description", "单位简介", "单位简介（Markdown）；无则为空"),
            Field.string("url", "网页地址", "本单位页面的绝对网址"));

    public static final List<Field> DEPARTMENT_YEARS = List.of(
            REGION,
            DEPARTMENT_CODE,
            YEAR,
            DEPARTMENT_NAME,
            Field.string("title", "文件标题", "公开文件的标题，按原文"),
            Field.string("source_document", "来源文件", "来源文件在网站 sources/ 之下的路径：<地区>/<单位编码>/<文件名>"),
            Field.string("document_url", "文件官方网址", "公开文件在单位官方网站上的网址（http 或 https）；未提供则为空"),
            Field.date("document_published", "文件发布日期", "公开文件在官方网站上的发布日期，YYYY-MM-DD；未提供则为空"),
            Field.integer("project_count", "项目数", "本单位本年度公开的项目个数"),
            Field.integer("indicator_count", "绩效指标数", "本单位本年度所有项目的绩效指标行数之和"),
            Field.number("budget_total_yuan", "项目预算数合计（元）",
                    "各项目预算数之和，单位：元，精确小数；只要有一个项目未列预算数即为空"),
            Field.string("table_ids", "部门表格", "本年度的部门级表格 id，以空格分隔（对应 data/<id>.csv）；无则为空"),
            Field.string("url", "网页地址", "本单位本年度页面的绝对网址"));

    public static final List<Field> PROJECTS = List.of(
            Field.string("project_id", "项目编号", "稳定的项目编号：<预算单位编码>-<年度>-<序号>，序号为项目在原文中的位置（从 001 起）"),
            Field.string("project_key", "跨年度项目键",
                    "同一单位不同年度的同一项目（名称去掉开头的年份和标点后相同）取值相同：<预算单位编码>-<12 位十六进制>；"
                            + "用它把各年度的同一项目连起来"),
            REGION,
            DEPARTMENT_CODE,
            DEPARTMENT_NAME,
            YEAR,
            Field.string("name", "项目名称", "项目名称，按原文"),
            Field.string("budget_unit", "金额单位", "原文金额单位：元 或 万元；原文无预算数时为空"),
            Field.number("budget_total_printed", "预算数（原文）", "预算数，按原文数字，单位见 budget_unit"),
            Field.number("budget_fiscal_printed", "其中：财政资金（原文）", "财政资金，按原文数字，单位见 budget_unit"),
            Field.number("budget_other_printed", "其他资金（原文）", "其他资金，按原文数字，单位见 budget_unit；原文空白则为空"),
            Field.number("budget_total_yuan", "预算数（元）", "预算数，换算为元的精确小数（万元 × 10000）"),
            Field.number("budget_fiscal_yuan", "其中：财政资金（元）", "财政资金，换算为元的精确小数"),
            Field.number("budget_other_yuan", "其他资金（元）", "其他资金，换算为元的精确小数"),
            Field.string("purpose", "资金用途", "资金用途，按原文，可含换行"),
            Field.string("goals", "绩效目标", "绩效目标，按原文，可含换行"),
            Field.integer("indicator_count", "绩效指标数", "本项目的绩效指标行数"),
            Field.string("source_document", "来源文件", "来源文件在网站 sources/ 之下的路径：<地区>/<单位编码>/<文件名>"),
            Field.string("source_heading", "来源标题", "原文中本项目表格的标题"),
            Field.integer("source_line", "来源行号", "本项目在来源文件中的起始行号（从 1 起）"),
            Field.string("url", "网页地址", "项目页面的绝对网址"));

    public static final Field PROJECT_ID = PROJECTS.get(0);
    public static final Field PROJECT_KEY = PROJECTS.get(1);

    /** Indicator columns after project_id; shared by indicators.csv and the per-project CSV. */
    public static final List<Field> INDICATOR_DETAIL = List.of(
            Field.integer("seq", "序号", "指标在项目绩效指标表中的位置，从 1 起"),
            Field.string("level1", "一级指标", "一级指标（产出指标、效益指标、满意度指标等），按原文；合并单元格已向下填充"),
            Field.string("level2", "二级指标", "二级指标，按原文；合并单元格已向下填充"),
            Field.string("level3", "三级指标", "三级指标，按原文"),
            Field.string("description", "绩效指标描述", "绩效指标描述，按原文；原文无此列则为空"),
            Field.string("target", "指标值（原文）", "指标值，按原文一字不改"),
            Field.string("basis", "指标值确定依据", "指标值确定依据，按原文；原文无此列则为空"),
            Field.string("target_kind", "指标值类型", "解析结果：number（数值）、range（数值区间）、date（日期）、date_range（日期区间）、qualitative（定性）"),
            Field.string("target_comparator", "比较关系", "解析结果：ge（≥）、le（≤）、gt（>）、lt（<）、eq（=）、range（区间）；定性指标为空"),
            Field.number("target_value", "指标数值", "解析出的数值（区间的下限），精确小数；无则为空"),
            Field.number("target_upper_value", "指标数值上限", "数值区间的上限；无则为空"),
            Field.string("target_unit", "指标单位", "数值后的单位（百分比记为 %）；无则为空"),
            Field.string("target_sign", "比较符号", "比较关系的符号：≥ ≤ > < = ~（区间）；定性指标为空"),
            Field.number("target_norm_value", "指标数值（统一单位）",
                    "target_value 换算到 target_norm_unit：金额换算为元（万元 × 10000，精确小数），其余同 target_value；"
                    + "日期和定性指标为空"),
            Field.number("target_norm_upper_value", "指标数值上限（统一单位）", "target_upper_value 按同样规则换算；无则为空"),
            Field.string("target_norm_unit", "统一单位", "金额为 元（万元/人 记为 元/人），百分比为 %，其他单位按原文；无单位或非数值时为空"),
            Field.date("target_date", "指标日期", "解析出的日期或期限（日期区间的起点），YYYY-MM-DD；无则为空"),
            Field.date("target_end_date", "指标截止日期", "日期区间的终点，YYYY-MM-DD；无则为空"),
            Field.string("target_remark", "指标值附注", "原文指标值中数值以外的文字；无则为空"));

    /**
     * indicators.csv: every indicator with its project's name, department, year and budget in front, so the file
     * answers questions on its own (no join with projects.csv needed).
     */
    public static final List<Field> INDICATORS = concat(List.of(
            PROJECT_ID,
            PROJECT_KEY,
            Field.string("project_name", "项目名称", "项目名称，按原文（同 projects.csv 的 name）"),
            REGION,
            DEPARTMENT_CODE,
            DEPARTMENT_NAME,
            YEAR,
            Field.number("budget_total_yuan", "项目预算数（元）",
                    "本指标所属项目的预算数，换算为元的精确小数（同 projects.csv）；原文未列则为空")),
            INDICATOR_DETAIL);

    /** The per-project CSV: the project's columns repeated on each of its indicator rows. */
    public static final List<Field> PROJECT_INDICATORS = concat(PROJECTS, INDICATOR_DETAIL);

    /**
     * data/project_changes.csv: each department-year's projects against the department's previous year, the same
     * project found as on the site ({@code gongkai.site.YearOverYear}); projects no longer listed too.
     */
    public static final List<Field> PROJECT_CHANGES = List.of(
            PROJECT_KEY,
            REGION,
            DEPARTMENT_CODE,
            DEPARTMENT_NAME,
            YEAR,
            Field.integer("previous_year", "上一年度", "本单位上一个已收录的年度（中间年度未收录时相隔不止一年）"),
            Field.string("status", "变化", "延续（两个年度都有）、新增（上一年度没有）或 本年无（上一年度有、本年度没有）"),
            Field.string("project_id", "项目编号", "本年度的项目编号；本年无时为空"),
            Field.string("previous_project_id", "上年项目编号", "上一年度的项目编号；新增时为空"),
            Field.string("name", "项目名称", "本年度的项目名称，按原文；本年无时为空"),
            Field.string("previous_name", "上年项目名称", "上一年度的项目名称，按原文；新增时为空"),
            Field.number("budget_total_yuan", "预算数（元）", "本年度预算数，换算为元的精确小数；未列或本年无时为空"),
            Field.number("previous_budget_total_yuan", "上年预算数（元）", "上一年度预算数，换算为元的精确小数；未列或新增时为空"),
            Field.number("budget_total_change_yuan", "预算数增减（元）", "本年度减上一年度，精确小数；任一年度未列时为空"),
            Field.number("budget_total_change_percent", "预算数增减幅度（%）",
                    "增减占上一年度的百分比，四舍五入保留一位小数（-88.0 即 -88.0%）；上一年度为 0 或负数时为空（没有意义）"),
            Field.number("budget_fiscal_yuan", "财政资金（元）", "本年度财政资金，换算为元的精确小数"),
            Field.number("previous_budget_fiscal_yuan", "上年财政资金（元）", "上一年度财政资金，换算为元的精确小数"),
            Field.number("budget_fiscal_change_yuan", "财政资金增减（元）", "本年度减上一年度；任一年度未列时为空"),
            Field.number("budget_fiscal_change_percent", "财政资金增减幅度（%）", "同 budget_total_change_percent"),
            Field.number("budget_other_yuan", "其他资金（元）", "本年度其他资金，换算为元的精确小数"),
            Field.number("previous_budget_other_yuan", "上年其他资金（元）", "上一年度其他资金，换算为元的精确小数"),
            Field.number("budget_other_change_yuan", "其他资金增减（元）", "本年度减上一年度；任一年度未列时为空"),
            Field.number("budget_other_change_percent", "其他资金增减幅度（%）", "同 budget_total_change_percent"),
            Field.string("url", "网页地址", "本年度项目页面的绝对网址；本年无时为上一年度的项目页面（它最后公开的页面）"));

    /** data/quality.csv and data/quality.json: one row per quality issue (gongkai.quality). */
    public static final List<Field> QUALITY = List.of(
            REGION,
            DEPARTMENT_CODE,
            YEAR,
            Field.string("project_id", "项目编号", "问题所在项目的编号；问题涉及整个单位年度时为空"),
            Field.string("project_name", "项目名称", "问题所在项目的名称，按原文；无项目时为空"),
            Field.string("code", "检查代码", "质量检查代码 Q001–Q008，含义见数据说明"),
            Field.string("title", "问题", "检查的中文名称，如“预算数与资金来源合计不符”"),
            Field.string("severity", "级别", "警告（很可能是数据有误）或 提示（值得核对）"),
            Field.string("message", "说明", "具体情况，含有关数字"),
            Field.string("content_file", "内容文件", "内容仓库中的文件，如 tianjin/362303/2024.yaml"),
            Field.integer("line", "行", "内容文件中的行号（从 1 起）"),
            Field.integer("column", "列", "内容文件中的列号（从 1 起）"),
            Field.string("field", "字段", "问题所在字段的路径，如 projects[0].budget.total"),
            Field.string("acknowledged", "已说明", "单位已在内容文件中说明此问题时为 是，否则为 否"),
            Field.string("acknowledged_reason", "说明理由", "单位给出的理由；未说明时为空"));

    /** data/corrections.csv: one row per correction an agency published (content: {@code corrections:}). */
    public static final List<Field> CORRECTIONS = List.of(
            REGION,
            DEPARTMENT_CODE,
            YEAR,
            Field.string("project_id", "项目编号", "被更正的项目的编号；更正涉及整个单位年度时为空"),
            Field.string("project_name", "项目名称", "被更正的项目的名称；更正涉及整个单位年度时为空"),
            Field.date("date", "更正日期", "单位作出更正的日期，YYYY-MM-DD"),
            Field.string("what", "更正内容", "更正了什么，按单位的说明"),
            Field.string("why", "更正原因", "更正的原因，按单位的说明"),
            Field.string("url", "网页地址", "显示这条更正的页面的绝对网址"));

    /** data/changes.csv: one row per figure a commit changed, per project it added or withdrew (the content repository's git history). */
    public static final List<Field> CHANGES = List.of(
            REGION,
            DEPARTMENT_CODE,
            YEAR,
            Field.string("project_id", "项目编号", "改动的项目的编号"),
            Field.date("date", "日期", "提交日期（git 提交者日期），YYYY-MM-DD"),
            Field.string("commit", "提交", "内容仓库中提交编号的前 10 位"),
            Field.string("message", "提交说明", "提交说明的第一段"),
            Field.string("kind", "类型", "新增（项目加入已公开的年度）、修改（数据改动）或 撤回（项目从已公开的年度撤回，见 retracted.csv）"),
            Field.string("field", "数据项", "改动的数据项，如 预算数、项目名称、指标值（一级 / 二级 / 三级）；新增、撤回时为空"),
            Field.string("old", "原值", "改动前的值（含单位）；原来没有时为空"),
            Field.string("new", "新值", "改动后的值（含单位）；删去时为空"));

    /** data/retracted.csv: one row per project withdrawn after publishing (content: {@code retracted:}). */
    public static final List<Field> RETRACTED = List.of(
            REGION,
            DEPARTMENT_CODE,
            YEAR,
            Field.string("project_id", "项目编号", "被撤回的项目原来的编号（其网址保留为撤回说明页）"),
            Field.string("project_name", "项目名称", "被撤回的项目最后公开的名称"),
            Field.date("date", "撤回日期", "单位撤回该项目的日期，YYYY-MM-DD"),
            Field.string("reason", "撤回原因", "撤回的原因，按单位的说明"),
            Field.string("budget_unit", "金额单位", "最后公开的金额的原文单位：元 或 万元；未给出时为空"),
            Field.number("budget_total_printed", "预算数（原文）", "最后公开的预算数，按原文数字；未给出时为空"),
            Field.number("budget_fiscal_printed", "其中：财政资金（原文）", "最后公开的财政资金，按原文数字；未给出时为空"),
            Field.number("budget_other_printed", "其他资金（原文）", "最后公开的其他资金，按原文数字；未给出时为空"),
            Field.number("budget_total_yuan", "预算数（元）", "最后公开的预算数，换算为元的精确小数"),
            Field.number("budget_fiscal_yuan", "其中：财政资金（元）", "最后公开的财政资金，换算为元的精确小数"),
            Field.number("budget_other_yuan", "其他资金（元）", "最后公开的其他资金，换算为元的精确小数"),
            Field.string("url", "网页地址", "撤回说明页（项目原来的网址）的绝对网址"));

    /** Key columns put in front of every department-level table's own columns in data/<id>.csv. */
    public static final List<Field> TABLE_KEYS = List.of(REGION, DEPARTMENT_CODE, YEAR);

    static List<Field> concat(List<Field> a, List<Field> b) {
        List<Field> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
