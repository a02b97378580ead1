package gongkai.importer;

import gongkai.content.SafePaths;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.content.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last step of an import: what the importers read is checked against the rules the loader applies to the
 * YAML that will be written (required fields, unique ids, plain decimals and integers, four-digit years,
 * folder names), so a successful import never writes content that fails {@code gongkai validate}. The
 * importers check all of this where they read it, with the exact line; a problem found only here is reported
 * at the line of the project, table or section it is in.
 */
final class OutputCheck {
    private final String document;
    private final List<ImportProblem> problems = new ArrayList<>();

    private OutputCheck(String document) {
        this.document = document;
    }

    static List<ImportProblem> check(String document, ImportedDocument doc) {
        OutputCheck c = new OutputCheck(document);
        c.run(doc);
        return c.problems;
    }

    private static final Text REQUIRED = Text.of("缺少内容（必填）", "missing (required)");

    private void problem(int line, String field, Text message) {
        problems.add(new ImportProblem(document, Math.max(1, line), field, message));
    }

    private void problem(int line, Text field, Text message) {
        problems.add(new ImportProblem(document, Math.max(1, line), field, message));
    }

    private void run(ImportedDocument doc) {
        for (Region r : doc.regions()) {
            required(1, "地区名称", r.name());
        }
        for (Department d : doc.departments()) {
            int line = firstLine(doc, d.code());
            required(line, "预算单位名称", d.name());
            // The loader's own rule for department folders, so what imports also validates.
            Text why = d.code() == null ? REQUIRED : SafePaths.segmentProblem(d.code(), SafePaths.CODE, SafePaths.CODE_CHARS);
            if (why != null) {
                problem(line, "预算单位编码", why);
            }
        }
        Set<String> projectIds = new HashSet<>();
        for (DepartmentYear dy : doc.departmentYears()) {
            if (!Importer.isFileYear(dy.year())) {
                problem(firstLine(doc, dy.departmentCode()), "年度", Text.of(dy.year() + " 不是四位数的年度",
                        dy.year() + " is not a four-digit year"));
            }
            Set<String> sectionIds = new HashSet<>();
            for (Section s : dy.sections()) {
                int line = line(s.source());
                required(line, "章节编号", s.id());
                required(line, "章节标题", s.title());
                if (s.id() != null && !sectionIds.add(s.id())) {
                    problem(line, Text.of("章节 " + s.id(), "section " + s.id()), Text.of("同一文件中重复的章节（标题 '"
                            + s.title() + "' 出现了不止一次）", "a section repeated in one file (the title '" + s.title()
                            + "' appears more than once)"));
                }
            }
            Set<String> tableIds = new HashSet<>();
            for (DataTable t : dy.tables()) {
                table(t, tableIds);
            }
            for (Project p : dy.projects()) {
                project(p, projectIds);
            }
        }
    }

    private void table(DataTable t, Set<String> tableIds) {
        int line = line(t.source());
        required(line, "表格编号", t.id());
        required(line, "表格标题", t.title());
        if (t.id() != null && !tableIds.add(t.id())) {
            problem(line, Text.of("表格 " + t.id(), "table " + t.id()), Text.of("同一文件中重复的表格 '" + t.title() + "'",
                    "the table '" + t.title() + "' is repeated in one file"));
        }
        Set<String> keys = new HashSet<>();
        for (Column c : t.columns()) {
            required(line, "列名", c.key());
            required(line, "列标题", c.title());
            Text column = Text.of("列 " + c.key(), "column " + c.key());
            if (c.type() == null) {
                problem(line, column, Text.of("没有类型", "no type"));
            }
            if (c.key() != null && !keys.add(c.key())) {
                problem(line, column, Text.of("重复的列", "a repeated column"));
            }
        }
        int rowNumber = 0;
        for (Map<String, String> row : t.rows()) {
            rowNumber++;
            for (String key : row.keySet()) {
                if (!keys.contains(key)) {
                    problem(line, Text.of("表格 " + t.id(), "table " + t.id()), Text.of("第 " + rowNumber + " 行有不存在的列 '"
                            + key + "'", "row " + rowNumber + " has a column '" + key + "' the table does not have"));
                }
            }
            for (Column c : t.columns()) {
                String value = row.get(c.key());
                if (value == null || c.type() == null || c.type() == ColumnType.STRING) {
                    continue;
                }
                Text why = c.type() == ColumnType.INTEGER ? PrintedNumbers.integerProblem(value)
                        : PrintedNumbers.decimalProblem(value);
                if (why != null) {
                    problem(line, Text.same(c.title()), why.after("表格“" + t.title() + "”第 " + rowNumber + " 行：",
                            "table \"" + t.title() + "\" row " + rowNumber + ": "));
                }
            }
        }
    }

    private void project(Project p, Set<String> projectIds) {
        int line = line(p.source());
        required(line, "项目编号", p.id());
        required(line, "项目名称", p.name());
        if (p.id() != null && !projectIds.add(p.id())) {
            problem(line, "项目编号", Text.of("重复的项目编号 " + p.id(), "the project id " + p.id() + " is repeated"));
        }
        Budget b = p.budget();
        if (b != null) {
            if (b.unit() == null) {
                problem(line, "单位", Text.of("预算没有金额单位（元或万元）", "the budget has no money unit (\"元\" or \"万元\")"));
            }
            amount(line, "预算数", b.total());
            amount(line, "其中：财政资金", b.fiscal());
            amount(line, "其他资金", b.other());
        }
        for (Indicator i : p.indicators()) {
            required(line, "一级指标", i.level1());
            required(line, "二级指标", i.level2());
            required(line, "三级指标", i.level3());
            required(line, "指标值", i.target());
        }
    }

    private void amount(int line, String field, Amount amount) {
        if (amount != null) {
            Text why = PrintedNumbers.decimalProblem(amount.value().toPlainString());
            if (why == null && amount.unit() != null) {
                why = gongkai.load.Limits.amountProblem(amount.value(), amount.unit());
            }
            if (why != null) {
                problem(line, field, why);
                return;
            }
            // the loader's limits (load.Limits): to the 分, and below 10^15 元
            java.math.BigDecimal yuan = amount.value().multiply(amount.unit().yuanFactor()).stripTrailingZeros();
            if (yuan.scale() > gongkai.load.Limits.MAX_YUAN_SCALE) {
                problem(line, field, gongkai.load.Limits.amountProblem(amount.value(), amount.unit()));
            } else if (yuan.precision() - yuan.scale() > gongkai.load.Limits.MAX_YUAN_DIGITS) {
                problem(line, field, gongkai.load.Limits.amountProblem(amount.value(), amount.unit()));
            }
        }
    }

    private void required(int line, String field, String value) {
        if (value == null) {
            problem(line, field, REQUIRED);
        }
    }

    private static int line(SourceRef source) {
        return source == null ? 1 : source.line();
    }

    /** The line of the department's first project, as the place to report something about the department. */
    private static int firstLine(ImportedDocument doc, String code) {
        return doc.departmentYears().stream()
                .filter(dy -> dy.departmentCode() != null && dy.departmentCode().equals(code))
                .flatMap(dy -> dy.projects().stream())
                .map(p -> line(p.source())).findFirst().orElse(1);
    }
}
