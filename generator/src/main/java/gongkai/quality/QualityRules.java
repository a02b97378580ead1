package gongkai.quality;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.DocumentText;
import gongkai.content.Indicator;
import gongkai.content.ParsedTarget;
import gongkai.content.Project;
import gongkai.content.SafePaths;
import gongkai.content.SourceRef;
import gongkai.content.TargetKind;
import gongkai.content.Text;
import gongkai.load.Positions;
import gongkai.site.ProjectMatching;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data-quality rules ({@link QualityCode}) over validated content. They flag what is probably wrong in what an
 * agency published, not what the build cannot read: the build goes on, pages show a notice, /quality/ and
 * quality.csv list them. Acknowledgements ({@code acknowledged:} on a project or a department-year) are applied here.
 */
public final class QualityRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Money units a 成本指标 target may be printed in, as TargetParser normalises them. */
    private static final Map<String, BigDecimal> MONEY_UNITS = Map.of(
            "元", BigDecimal.ONE, "千元", BigDecimal.valueOf(1_000), "万元", BigDecimal.valueOf(10_000),
            "万", BigDecimal.valueOf(10_000), "亿元", BigDecimal.valueOf(100_000_000));
    /** Words that say "more" without saying how much. */
    private static final Pattern VAGUE = Pattern.compile("逐步|有所|进一步|不断|持续|明显|显著|大幅|稳步|一定程度");
    /** A 二级指标 that asks for a figure. */
    private static final Pattern NUMERIC_LEVEL2 = Pattern.compile("数量|成本|时效");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
    /** How many source lines after a project's cited line its budget figure may be printed on. */
    static final int SOURCE_WINDOW = 40;

    private final Positions positions;
    private final Path contentDir;
    private final Map<String, List<String>> sourceLines = new HashMap<>();
    private final List<QualityIssue> issues = new ArrayList<>();

    private QualityRules(Positions positions, Path contentDir) {
        this.positions = positions;
        this.contentDir = contentDir;
    }

    /** Every issue of {@code content}, loaded from {@code contentDir} with {@code positions}. */
    public static QualityReport check(Content content, Positions positions, Path contentDir) {
        return check(content.departmentYears(), positions, contentDir);
    }

    /** The issues of some department-years (each year's issues depend on it and its source document only). */
    public static QualityReport check(List<DepartmentYear> years, Positions positions, Path contentDir) {
        QualityRules rules = new QualityRules(positions, contentDir);
        for (DepartmentYear dy : years) {
            rules.departmentYear(dy);
        }
        return new QualityReport(rules.issues);
    }

    private void departmentYear(DepartmentYear dy) {
        String file = contentDir.resolve(ContentPaths.departmentYear(dy)).toString();
        List<Positions.Acknowledgement> yearAcks = positions.acknowledged(file, "");
        Map<String, Project> byName = new HashMap<>();
        for (int i = 0; i < dy.projects().size(); i++) {
            Project p = dy.projects().get(i);
            String owner = "projects[" + i + "]";
            Issues out = new Issues(dy, file, owner, p, yearAcks, positions.acknowledged(file, owner));
            Project first = p.name() == null ? null : byName.putIfAbsent(ProjectMatching.normalisedName(p.name()), p);
            if (first != null) {
                out.add(QualityCode.Q005, "name", Text.of("与项目 " + first.id() + "“" + first.name() + "”名称相同",
                        "has the same name as project " + first.id() + " \"" + first.name() + "\""));
            }
            budget(out, p.budget());
            for (int j = 0; j < p.indicators().size(); j++) {
                indicator(out, dy, p, "indicators[" + j + "].target", p.indicators().get(j));
            }
            sourceFigure(out, dy, p, nextSourceLine(dy, i));
        }
    }

    /** Where the next project of the same document starts: a figure past it belongs to that project. */
    private static int nextSourceLine(DepartmentYear dy, int index) {
        Project p = dy.projects().get(index);
        int next = Integer.MAX_VALUE;
        for (Project other : dy.projects()) {
            if (other.source() != null && p.source() != null && other.source().line() > p.source().line()
                    && java.util.Objects.equals(other.source().document(), p.source().document())) {
                next = Math.min(next, other.source().line());
            }
        }
        return next;
    }

    private static void budget(Issues out, Budget b) {
        if (b == null || b.unit() == null) {
            return;
        }
        String unit = b.unit().label();
        if (b.total() != null && (b.fiscal() != null || b.other() != null)) {
            BigDecimal f = value(b.fiscal());
            BigDecimal o = value(b.other());
            if (f.add(o).compareTo(b.total().value()) != 0) {
                out.add(QualityCode.Q001, "budget.total", Text.of("财政资金 " + f.toPlainString() + " + 其他资金 " + o.toPlainString()
                        + " = " + f.add(o).toPlainString() + " " + unit + "，预算数为 " + b.total().value().toPlainString()
                        + " " + unit, "fiscal funds " + f.toPlainString() + " + other funds " + o.toPlainString() + " = "
                        + f.add(o).toPlainString() + " " + unit + ", but the budget total is "
                        + b.total().value().toPlainString() + " " + unit));
            }
        }
        if (b.total() != null && b.total().value().signum() <= 0) {
            out.add(QualityCode.Q006, "budget.total", Text.of("预算数为 " + b.total().value().toPlainString() + " " + unit,
                    "the budget total is " + b.total().value().toPlainString() + " " + unit));
        }
        if (b.fiscal() != null && b.fiscal().value().signum() < 0) {
            out.add(QualityCode.Q006, "budget.fiscal", Text.of("财政资金为 " + b.fiscal().value().toPlainString() + " " + unit,
                    "fiscal funds are " + b.fiscal().value().toPlainString() + " " + unit));
        }
        if (b.other() != null && b.other().value().signum() < 0) {
            out.add(QualityCode.Q006, "budget.other", Text.of("其他资金为 " + b.other().value().toPlainString() + " " + unit,
                    "other funds are " + b.other().value().toPlainString() + " " + unit));
        }
    }

    private static BigDecimal value(Amount a) {
        return a == null ? BigDecimal.ZERO : a.value();
    }

    private static void indicator(Issues out, DepartmentYear dy, Project p, String field, Indicator ind) {
        ParsedTarget t = ind.parsed();
        if (t == null || ind.target() == null) {
            return;
        }
        String level2 = ind.level2() == null ? "" : ind.level2();
        String indicator = ind.level3() == null ? level2 : ind.level3();
        Text named = Text.of("“" + indicator + "”的指标值“" + ind.target().strip() + "”",
                "the target \"" + ind.target().strip() + "\" of \"" + indicator + "\"");
        BigDecimal top = t.upperValue() != null ? t.upperValue() : t.value();
        boolean number = t.kind() == TargetKind.NUMBER || t.kind() == TargetKind.RANGE;
        if (number && top != null && level2.contains("成本") && t.unit() != null && MONEY_UNITS.containsKey(t.unit())
                && p.budget() != null && p.budget().total() != null && p.budget().total().value().signum() > 0) {
            BigDecimal yuan = top.multiply(MONEY_UNITS.get(t.unit()));
            if (yuan.compareTo(p.budget().total().yuan()) > 0) {
                String budget = p.budget().total().value().toPlainString() + " " + p.budget().unit().label();
                out.add(QualityCode.Q002, field, named.plus(Text.of("大于项目预算数 " + budget,
                        " is more than the project's budget total " + budget)));
            }
        }
        if (number && top != null && "%".equals(t.unit()) && top.compareTo(HUNDRED) > 0) {
            out.add(QualityCode.Q003, field, named.plus(Text.of("超过 100%", " is over 100%")));
        }
        if (t.kind() == TargetKind.DATE || t.kind() == TargetKind.DATE_RANGE) {
            // the deadline is the date, or a period's end: a heating season 2024.11.15-2025.3.15 ends in 2025
            LocalDate deadline = t.kind() == TargetKind.DATE_RANGE && t.endDate() != null ? t.endDate() : t.date();
            if (deadline != null && deadline.getYear() != dy.year()) {
                out.add(QualityCode.Q004, field, named.plus(Text.of("不在 " + dy.year() + " 年内",
                        " is not within the budget year " + dy.year())));
            }
        }
        if (t.kind() == TargetKind.QUALITATIVE && NUMERIC_LEVEL2.matcher(level2).find()
                && VAGUE.matcher(ind.target()).find()) {
            out.add(QualityCode.Q007, field, named.plus(Text.of("没有给出数字", " (\"" + level2 + "\") gives no figure"))
                    .after(level2, ""));
        }
    }

    /** Q008: the budget total, as printed, must be one of the numbers near the project's line in its source. */
    private void sourceFigure(Issues out, DepartmentYear dy, Project p, int nextLine) {
        if (p.budget() == null || p.budget().total() == null || p.source() == null || p.source().line() < 1) {
            return;
        }
        String document = p.source().document() != null ? p.source().document() : dy.document();
        if (document == null || SafePaths.documentProblem(contentDir, dy.departmentKey(), document) != null) {
            return; // validate reports a missing or unsafe source
        }
        List<String> lines = sourceLines.computeIfAbsent(document, d -> readSource(dy.departmentKey(), d));
        BigDecimal total = p.budget().total().value();
        int from = p.source().line() - 1;
        int to = Math.min(Math.min(lines.size(), from + SOURCE_WINDOW), nextLine - 1);
        if (to <= from) {
            return; // the cited line is past the document's end (validate's business) or the next project's line
        }
        for (int i = from; i < to; i++) {
            Matcher m = NUMBER.matcher(lines.get(i));
            while (m.find()) {
                String printed = m.group().replace(",", "");
                // a lone 1–2 digit integer (a list number "7.", "7台") is not taken as a budget figure of 7.00
                boolean figure = printed.contains(".") || printed.length() > 2 || printed.equals(total.toPlainString());
                if (figure && new BigDecimal(printed).compareTo(total) == 0) {
                    return;
                }
            }
        }
        String amount = total.toPlainString() + " " + p.budget().unit().label();
        String range = p.source().line() + "–" + Math.max(from + 1, to);
        out.add(QualityCode.Q008, "budget.total", Text.of("预算数 " + amount + " 在来源文件 " + document + " 第 " + range + " 行中找不到",
                "the budget total " + amount + " is not on lines " + range + " of the source document " + document),
                new SourceRef(document, null, p.source().line()));
    }

    /** The lines of the document's text as its citations count them (empty when there is nothing to compare with). */
    private List<String> readSource(DepartmentKey owner, String document) {
        Path file;
        try {
            // through the confinement rule: the text rendering is a file of the department's folder too
            file = SafePaths.sourceDocument(contentDir, owner, ContentPaths.textRendering(document));
        } catch (SafePaths.Unsafe e) {
            return List.of(); // validate reports a missing or unsafe text rendering
        }
        try {
            DocumentText.Decoded text = DocumentText.decode(Files.readAllBytes(file));
            // not text in any encoding the importer reads: nothing to compare with, which is no finding about the figures
            return text == null ? List.of() : DocumentText.lines(text.text());
        } catch (IOException e) {
            throw new UncheckedIOException("来源文件读不出（source document unreadable）: " + document, e);
        }
    }

    /** Adds one project's issues, placed and with its acknowledgements applied. */
    private final class Issues {
        private final DepartmentYear dy;
        private final String file;
        private final String owner;
        private final Project project;
        private final List<Positions.Acknowledgement> yearAcks;
        private final List<Positions.Acknowledgement> projectAcks;

        Issues(DepartmentYear dy, String file, String owner, Project project,
               List<Positions.Acknowledgement> yearAcks, List<Positions.Acknowledgement> projectAcks) {
            this.dy = dy;
            this.file = file;
            this.owner = owner;
            this.project = project;
            this.yearAcks = yearAcks;
            this.projectAcks = projectAcks;
        }

        void add(QualityCode code, String field, Text message) {
            add(code, field, message, null);
        }

        void add(QualityCode code, String field, Text message, SourceRef cited) {
            String full = owner + "." + field;
            // indicators have no recorded position: point at the project's name, the field path says which row
            Positions.Place at = positions.has(file, full) ? positions.at(file, full)
                    : positions.has(file, owner + ".name") ? positions.at(file, owner + ".name")
                    : positions.at(file, owner + ".id");
            String reason = reason(projectAcks, code);
            if (reason == null) {
                reason = reason(yearAcks, code);
            }
            issues.add(new QualityIssue(code, file, ContentPaths.departmentYear(dy), at.line(), at.column(), full,
                    message, dy.regionSlug(), dy.departmentCode(), dy.year(), project.id(), project.name(), reason, cited));
        }

        private static String reason(List<Positions.Acknowledgement> acks, QualityCode code) {
            for (Positions.Acknowledgement a : acks) {
                if (a.code().equals(code.name())) {
                    return a.reason();
                }
            }
            return null;
        }
    }
}
