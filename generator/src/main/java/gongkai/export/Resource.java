package gongkai.export;

import java.util.List;

/**
 * A CSV under data/ as described in datapackage.json.
 *
 * @param name        resource name and file name without .csv (lower case, digits, _)
 * @param title       Chinese title
 * @param description Chinese description
 * @param fields      the columns
 * @param primaryKey  primary key columns, empty when rows have no key
 * @param foreignKeys references to other resources
 */
public record Resource(
        String name,
        String title,
        String description,
        List<Field> fields,
        List<String> primaryKey,
        List<ForeignKey> foreignKeys) {

    public Resource {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public record ForeignKey(List<String> fields, String resource, List<String> referenceFields) {
        public ForeignKey {
            fields = List.copyOf(fields);
            referenceFields = List.copyOf(referenceFields);
        }
    }

    private static final List<String> DEPARTMENT_KEY = List.of("region", "department_code");
    private static final List<String> YEAR_KEY = List.of("region", "department_code", "year");

    static ForeignKey toDepartments() {
        return new ForeignKey(DEPARTMENT_KEY, "departments", DEPARTMENT_KEY);
    }

    static ForeignKey toDepartmentYears() {
        return new ForeignKey(YEAR_KEY, "department_years", YEAR_KEY);
    }

    public static final Resource PROJECTS = new Resource("projects", "项目",
            "每个项目一行：项目名称、预算（原文数字与换算为元的精确值）、资金用途、绩效目标与来源。",
            Columns.PROJECTS, List.of("project_id"), List.of(toDepartments(), toDepartmentYears()));

    public static final Resource INDICATORS = new Resource("indicators", "绩效指标",
            "每个绩效指标一行，可单独使用：所属项目的名称、单位、年度和预算数（元），三级指标，指标值原文，"
            + "以及解析出的比较符号、数值和统一单位后的数值（金额为元，百分比为 %）。",
            Columns.INDICATORS, List.of("project_id", "seq"),
            List.of(new ForeignKey(List.of("project_id"), "projects", List.of("project_id")), toDepartmentYears()));

    public static final Resource DEPARTMENTS = new Resource("departments", "预算单位",
            "每个预算单位一行。", Columns.DEPARTMENTS, DEPARTMENT_KEY, List.of());

    public static final Resource DEPARTMENT_YEARS = new Resource("department_years", "单位年度公开",
            "每个预算单位每个年度的公开文件一行，含项目数与项目预算合计。",
            Columns.DEPARTMENT_YEARS, YEAR_KEY, List.of(toDepartments()));

    public static final Resource PROJECT_CHANGES = new Resource("project_changes", "项目跨年度变化",
            "每个单位年度的每个项目与本单位上一年度相比一行：同一项目（名称去掉开头的年份和标点后相同，与网站相同）"
            + "两年的预算数、财政资金、其他资金（元）及增减和增减幅度；新增的项目和本年不再列出的项目也各一行。"
            + "单位的第一个年度没有上一年度，不列。",
            Columns.PROJECT_CHANGES, List.of(), List.of(toDepartmentYears()));

    public static final Resource QUALITY = new Resource("quality", "数据质量问题",
            "质量检查发现的每个问题一行（含单位已说明的问题）；同名的 quality.json 是同样内容的 JSON 数组。",
            Columns.QUALITY, List.of(), List.of(toDepartmentYears()));

    public static final Resource CORRECTIONS = new Resource("corrections", "更正记录",
            "单位在公开后作出的每条更正一行：日期、更正内容与原因；涉及整个单位年度的更正没有项目编号。",
            Columns.CORRECTIONS, List.of(), List.of(toDepartmentYears()));

    public static final Resource CHANGES = new Resource("changes", "修改记录",
            "内容仓库（git）历史中每次提交改动的每个数据项一行：日期、提交、原值与新值；年度首次公开时的数据不列。",
            Columns.CHANGES, List.of(), List.of(toDepartmentYears()));

    public static final Resource RETRACTED = new Resource("retracted", "已撤回的项目",
            "公开后又被撤回的每个项目一行：撤回日期、原因与最后公开的预算；这些项目不在 projects.csv 中。",
            Columns.RETRACTED, List.of("project_id"), List.of(toDepartmentYears()));

    /** Names the exporter uses itself; a department-level table id may not take them. */
    static final List<String> RESERVED_NAMES = gongkai.content.SafePaths.DOWNLOAD_NAMES;
}
