package gongkai.importer;

import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.SourceRef;
import gongkai.content.Text;
import gongkai.content.TargetParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 项目绩效目标表 of a Hengshui document: a heading {@code N、<name>绩效目标表} (optionally with a
 * Word TC field code on the same or the next line), two blank cells, the 绩效目标 cell with its
 * multi-paragraph text, the six header cells and then indicator rows of six cells each.
 *
 * <p>Rows are assembled by cell count, never by blank lines: the export puts stray blank lines inside
 * rows. A non-tab line right after a cell continues that cell (the {@code 财政拨款} lines under
 * 指标值确定依据 in the 景县 tables are such second paragraphs of the basis cell, as printed).
 */
final class HengshuiProjects {
    static final List<String> HEADER = List.of("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据");
    private static final Pattern HEADING = Pattern.compile("^(?:(\\d+)、)?(.+?)(绩效目标表|绩效目标)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)、(.*)$");

    private HengshuiProjects() {
    }

    private static final class Pending {
        final String heading;
        final int line;
        Integer number;
        /** The printed number was too long to be one (already reported). */
        boolean numberUnreadable;
        final String name;
        final List<TabText.Cell> cells = new ArrayList<>();

        Pending(String heading, int line, Integer number, String name) {
            this.heading = heading;
            this.line = line;
            this.number = number;
            this.name = name;
        }
    }

    /** Lines [from, to) hold the projects; ids are {@code <code>-<year>-<nnn>} by source order. */
    static List<Project> read(TabText src, int from, int to, String code, int year) {
        List<Pending> pending = new ArrayList<>();
        Pending current = null;
        for (TabText.Token t : src.tokens(from, to)) {
            if (t.isCell()) {
                if (current == null) {
                    String cell = PrintedNumbers.abbreviated(t.cell().text());
                    src.problem(t.line(), "单元格", Text.of("第一个项目标题之前的单元格没有读入：" + cell,
                            "a cell before the first project heading was not read: " + cell));
                } else {
                    current.cells.add(t.cell());
                }
                continue;
            }
            String text = t.text();
            WordMarkup.TcField field = WordMarkup.trailingTcField(text);
            String fieldText = null;
            if (field != null) {
                fieldText = unescapeField(field.entry());
                text = text.substring(0, field.start()).strip();
            }
            if (text.isEmpty()) {
                // A TC field alone on its line belongs to the heading just above it.
                if (current == null || fieldText == null || !current.cells.isEmpty()) {
                    src.problem(t.line(), "目录域", Text.of("有 Word 目录域（TC）却没有项目标题：" + PrintedNumbers.abbreviated(t.text()),
                            "a Word table-of-contents field (TC) without a project heading: " + PrintedNumbers.abbreviated(t.text())));
                } else {
                    applyField(src, current, fieldText, t.line());
                }
                continue;
            }
            Matcher h = HEADING.matcher(text);
            if (!h.matches()) {
                src.problem(t.line(), "项目表", Text.of("项目表之间的文字既不是标题也不在表格里，没有读入：" + PrintedNumbers.abbreviated(text),
                        "text between the project tables that is neither a heading nor in a table was not read: "
                        + PrintedNumbers.abbreviated(text)));
                continue;
            }
            Integer number = h.group(1) == null ? null : number(src, t.line(), h.group(1));
            current = new Pending(text, t.line(), number, h.group(2).strip());
            current.numberUnreadable = h.group(1) != null && number == null;
            pending.add(current);
            if (fieldText != null) {
                applyField(src, current, fieldText, t.line());
            }
        }

        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.number == null) {
                if (!p.numberUnreadable) {
                    src.problem(p.line, "项目序号", Text.of("项目标题没有序号：" + PrintedNumbers.abbreviated(p.heading),
                            "the project heading has no number: " + PrintedNumbers.abbreviated(p.heading)));
                }
            } else if (p.number != i + 1) {
                src.problem(p.line, "项目序号", Text.of("这里应是第 " + (i + 1) + " 个项目，标题却编号为 " + p.number + "："
                        + PrintedNumbers.abbreviated(p.heading), "project " + (i + 1) + " should be here, but the heading is "
                        + "numbered " + p.number + ": " + PrintedNumbers.abbreviated(p.heading)));
            }
            String id = String.format("%s-%d-%03d", code, year, i + 1);
            projects.add(build(src, p, id));
        }
        return projects;
    }

    private static void applyField(TabText src, Pending p, String fieldText, int line) {
        Matcher n = NUMBERED.matcher(fieldText);
        Integer fieldNumber = n.matches() ? number(src, line, n.group(1)) : null;
        String fieldTitle = n.matches() ? n.group(2) : fieldText;
        String printedTitle = NUMBERED.matcher(p.heading).matches() ? p.heading.substring(p.heading.indexOf('、') + 1) : p.heading;
        if (!fieldTitle.equals(printedTitle)) {
            src.problem(line, "目录域", Text.of("Word 目录域（TC）里的标题“" + fieldTitle + "”与印出的标题“" + printedTitle + "”不同",
                    "the title \"" + fieldTitle + "\" in the Word table-of-contents field (TC) differs from the printed title \""
                    + printedTitle + "\""));
        }
        if (p.number == null) {
            p.number = fieldNumber;
        } else if (fieldNumber != null && !fieldNumber.equals(p.number)) {
            src.problem(line, "目录域", Text.of("Word 目录域（TC）里的序号 " + fieldNumber + " 与印出的序号 " + p.number + " 不同",
                    "the number " + fieldNumber + " in the Word table-of-contents field (TC) differs from the printed number "
                    + p.number));
        }
    }

    /** A project number; more digits than an int holds is reported (and read as no number). */
    private static Integer number(TabText src, int line, String digits) {
        int n = PrintedNumbers.smallInt(digits);
        if (n < 0) {
            src.problem(line, "项目序号", Text.of("序号 " + PrintedNumbers.abbreviated(digits) + " 位数过多，不是项目序号",
                    "the number " + PrintedNumbers.abbreviated(digits) + " has too many digits to be a project's number"));
            return null;
        }
        return n;
    }

    /** Word escapes quotes inside field arguments: \“ → “. */
    private static String unescapeField(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }

    private static Project build(TabText src, Pending p, String id) {
        List<TabText.Cell> cells = p.cells;
        int k = 0;
        // Blank cells of the (empty) project-name row before 绩效目标.
        while (k < cells.size() && !cells.get(k).text().equals("绩效目标")) {
            if (!cells.get(k).blank()) {
                src.problem(cells.get(k).line(), "绩效目标", Text.of("“" + PrintedNumbers.abbreviated(p.heading)
                        + "”里“绩效目标”之前多了一个单元格，没有读入：" + PrintedNumbers.abbreviated(cells.get(k).text()),
                        "an extra cell before \"绩效目标\" in \"" + PrintedNumbers.abbreviated(p.heading) + "\" was not read: "
                        + PrintedNumbers.abbreviated(cells.get(k).text())));
            }
            k++;
        }
        String goals = null;
        if (k >= cells.size()) {
            src.problem(p.line, "绩效目标", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”里没有“绩效目标”单元格",
                    "\"" + PrintedNumbers.abbreviated(p.heading) + "\" has no cell \"绩效目标\""));
        } else {
            k++;
            if (k < cells.size() && !cells.get(k).text().equals(HEADER.get(0))) {
                goals = cells.get(k).blank() ? null : cells.get(k).text();
                k++;
            } else {
                src.problem(cells.get(k - 1).line(), "绩效目标", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”的绩效目标是空的",
                        "the \"绩效目标\" (performance target) of \"" + PrintedNumbers.abbreviated(p.heading) + "\" is empty"));
            }
        }
        boolean header = k + HEADER.size() <= cells.size();
        for (int c = 0; header && c < HEADER.size(); c++) {
            header = squeeze(cells.get(k + c).text()).equals(HEADER.get(c));
        }
        if (!header) {
            src.problem(k < cells.size() ? cells.get(k).line() : p.line,
                    "指标表", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”里没有指标表的表头（" + String.join(" ", HEADER) + "）",
                    "\"" + PrintedNumbers.abbreviated(p.heading) + "\" has no indicator table header (" + String.join(" ", HEADER) + ")"));
            return new Project(id, p.name, null, null, goals, List.of(), new SourceRef(src.document, p.heading, p.line));
        }
        k += HEADER.size();
        List<Indicator> indicators = new ArrayList<>();
        String level1 = null;
        for (; k + HEADER.size() <= cells.size(); k += HEADER.size()) {
            List<TabText.Cell> row = cells.subList(k, k + HEADER.size());
            int line = row.get(0).line();
            String l1 = row.get(0).text();
            if (!l1.isEmpty()) {
                if (!l1.endsWith("指标")) {
                    src.problem(line, "一级指标", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”里的一级指标“"
                            + PrintedNumbers.abbreviated(l1) + "”不是指标类别", "the \"一级指标\" \"" + PrintedNumbers.abbreviated(l1)
                            + "\" in \"" + PrintedNumbers.abbreviated(p.heading) + "\" is not an indicator category (\"…指标\")"));
                }
                level1 = l1;
            } else if (level1 == null) {
                src.problem(line, "一级指标", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”的第一行指标没有一级指标",
                        "the first indicator row of \"" + PrintedNumbers.abbreviated(p.heading) + "\" has no \"一级指标\" (level 1)"));
            }
            String l2 = row.get(1).text();
            if (!l2.endsWith("指标")) {
                src.problem(row.get(1).line(), "二级指标", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”里的二级指标“"
                        + PrintedNumbers.abbreviated(l2) + "”不是指标类别", "the \"二级指标\" \"" + PrintedNumbers.abbreviated(l2)
                        + "\" in \"" + PrintedNumbers.abbreviated(p.heading) + "\" is not an indicator category (\"…指标\")"));
            }
            String l3 = row.get(2).text();
            String target = row.get(4).text();
            if (l3.isEmpty() || target.isEmpty()) {
                src.problem(line, "指标表", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”里有一行指标缺三级指标或指标值",
                        "an indicator row in \"" + PrintedNumbers.abbreviated(p.heading) + "\" lacks its \"三级指标\" or \"指标值\""));
            }
            indicators.add(new Indicator(level1, nullIfEmpty(l2), nullIfEmpty(l3), nullIfEmpty(row.get(3).text()),
                    nullIfEmpty(target), nullIfEmpty(row.get(5).text()), target.isEmpty() ? null : TargetParser.parse(target)));
        }
        if (k < cells.size()) {
            String extra = PrintedNumbers.abbreviated(String.join("、",
                    cells.subList(k, cells.size()).stream().map(TabText.Cell::text).toList()));
            src.problem(cells.get(k).line(), "指标表", Text.of("“" + PrintedNumbers.abbreviated(p.heading) + "”最后一整行指标之后多出 "
                    + (cells.size() - k) + " 个单元格，没有读入：" + extra, Text.count(cells.size() - k, "cell")
                    + " after the last whole indicator row of \"" + PrintedNumbers.abbreviated(p.heading) + "\" were not read: "
                    + extra));
        }
        return new Project(id, p.name, null, null, goals, indicators, new SourceRef(src.document, p.heading, p.line));
    }

    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u3000]+", "");
    }

    static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
