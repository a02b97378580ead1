package gongkai.importer;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.SourceRef;
import gongkai.content.TargetParser;
import gongkai.content.Text;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Tianjin format: a plain-text export of 项目支出绩效目标表, one table per project.
 *
 * <p>Each project starts at a heading {@code N.<title>绩效目标表} (optionally after a Word bookmark marker)
 * followed by the unit line {@code <6-digit code><unit name>} and {@code 单位：元|万元}. Table cells are lines
 * starting with a TAB; a cell continues on following lines that do not start with a TAB. Blank lines
 * separate table rows, but the export also puts stray blank lines inside rows, so rows are rebuilt from
 * the cell sequence (labels for the budget block, five cells per indicator row) and blank lines are
 * only used to check that every indicator row starts where a table row starts.
 *
 * <p>Every cell ends up in the model or in an {@link ImportProblem}; nothing is skipped silently.
 * Stateless: all parsing state lives in a per-call {@link Parse}.
 */
public final class TianjinImporter {
    /**
     * A project heading; the title may carry export emphasis markers (*, **) and a space before 绩效目标表.
     * Possessive quantifiers: the two runs of spaces around the optional bookmark must not trade characters
     * (a long line of spaces took quadratic time), and no run can give back what the next part needs anyway.
     * Matched against whole lines only ({@code matches}), so the {@code .*} is tried once per line.
     */
    static final Pattern HEADING = Pattern.compile(
            "^[ \\u3000]*+(?:\\[bookmark: [^\\]]*+\\])?+[ \\u3000]*+(?:(\\d++)[.．、]|[（(]([一二三四五六七八九十]{1,4})[）)]).*绩效目标表\\s*$");
    /** The unit line under each heading: 预算单位编码 (six digits) directly followed by the unit name. */
    static final Pattern UNIT_LINE = Pattern.compile("^(\\d{6})(\\S.*)$");
    /** The money unit cell: 单位：元 or 单位：万元, also inside a longer line (金额单位：万元, 单位：万元（保留两位小数）). */
    static final Pattern MONEY_UNIT = Pattern.compile("^.{0,8}?单位[：:]\\s*(万元|元)(?![^（(]).{0,20}$");
    /**
     * A document title above the first project table: an optional unit name (no digits, no comparing word such as
     * 较), the budget year, then a title naming 预算 or 绩效目标 — 2025年部门预算, 2024年度项目支出绩效目标表,
     * 天津市生态环境局2024年度部门预算项目支出绩效目标表. Possessive/bounded parts keep it linear.
     */
    static final Pattern TITLE = Pattern.compile(
            "^[\\s*]*+([^\\d\\s较比与同]{0,60}+)(\\d{4})\\s*+年度?+\\S{0,40}?(?:预算|绩效目标)\\S{0,20}$");
    /** The year a project heading starts with (after its number): 1.2024年度…, （一）2023年…; group 2 marks a range. */
    static final Pattern HEADING_YEAR = Pattern.compile(
            "^[\\s\\u3000]*+(?:\\d++[.．、]|[（(][一二三四五六七八九十]{1,4}[）)])[\\s*]*+(\\d{4})(\\s*+[-—–~～至]\\s*+\\d{2,4})?\\s*+年");
    private static final Pattern EMPHASIS = Pattern.compile("^\\*{1,2}|\\*{1,2}$");
    private static final List<String> INDICATOR_HEADER = List.of("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值");

    private TianjinImporter() {
    }

    public static ImportedDocument importFile(Path file, ImportOptions options) throws IOException, ImportException {
        return importText(file.getFileName().toString(), SourceText.read(file), options);
    }

    /**
     * Imports one document given as text.
     *
     * @param document the source file name, cited in every {@link SourceRef} and problem
     * @throws ImportException when no project table is found or the year or region cannot be inferred
     */
    public static ImportedDocument importText(String document, String text, ImportOptions options)
            throws ImportException {
        ImportOptions opts = options == null ? ImportOptions.inferAll() : options;
        Importer.checkOptions(document, opts);
        return new Parse(document, text, opts).run();
    }

    /** Splits into lines the way the seeds' line numbers count them (LF, CRLF or CR; BOM dropped). */
    static List<String> lines(String text) {
        return SourceText.lines(text);
    }

    /** The cell text of a TAB line: without the TAB and bookmark markers; trailing blanks removed. */
    static String cellLineText(String line) {
        return WordMarkup.withoutBookmarks(line.substring(1)).stripTrailing();
    }

    /** The text without any white space (regex {@code \s}), for comparing labels. */
    static String squeezed(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True when the line is a heading followed (after blank lines) by a unit line, as every project table is. */
    static boolean isHeadingAt(List<String> lines, int index) {
        return headingAt(lines, index) != null;
    }

    /** The heading match of the line when it is a heading followed (after blank lines) by a unit line, else null. */
    private static Matcher headingAt(List<String> lines, int index) {
        String line = lines.get(index);
        if (line.startsWith("\t")) {
            return null;
        }
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        for (int j = index + 1; j < lines.size(); j++) {
            String next = lines.get(j);
            if (next.startsWith("\t")) {
                return UNIT_LINE.matcher(cellLineText(next).strip()).matches() ? m : null;
            }
            if (!next.isBlank()) {
                return null;
            }
        }
        return null;
    }

    /** 一 … 九十九 as a number (headings numbered （一）, （十二）). */
    static int chineseNumber(String numeral) {
        String digits = "一二三四五六七八九";
        int tens = numeral.indexOf('十');
        if (tens < 0) {
            return numeral.length() == 1 ? digits.indexOf(numeral.charAt(0)) + 1 : -1;
        }
        int high = tens == 0 ? 1 : digits.indexOf(numeral.charAt(0)) + 1;
        int low = tens == numeral.length() - 1 ? 0 : digits.indexOf(numeral.charAt(numeral.length() - 1)) + 1;
        return tens > 1 || numeral.length() - tens > 2 || high <= 0 || low < 0 ? -1 : high * 10 + low;
    }

    /** The heading as printed: bookmark marker removed, trimmed; emphasis markers kept. */
    static String printedHeading(String line) {
        return WordMarkup.withoutFirstBookmark(line).strip();
    }

    /** The 项目名称 without the export's emphasis markers ({@code **name}, {@code *name*}). */
    static String projectName(String printed) {
        return EMPHASIS.matcher(printed).replaceAll("").strip();
    }

    // ---------------------------------------------------------------------------------------------
    // Tokens: the document as a sequence of headings, table cells and stray text lines.

    private sealed interface Token permits Heading, Cell, Stray {
    }

    private record Heading(int line, int number, String printed) implements Token {
    }

    /** A table cell; {@code afterBlank} tells whether a blank line separates it from the previous cell. */
    private record Cell(int line, String text, boolean afterBlank) implements Token {
    }

    /** A non-blank line that is neither a heading nor part of a cell. */
    private record Stray(int line, String text) implements Token {
    }

    private static List<Token> tokenize(List<String> lines) {
        List<Token> tokens = new ArrayList<>();
        boolean afterBlank = true;
        int cellLine = -1;
        boolean cellAfterBlank = false;
        StringBuilder cell = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            Matcher heading = headingAt(lines, i);
            if ((line.startsWith("\t") || line.isBlank() || heading != null) && cell != null) {
                tokens.add(new Cell(cellLine, cell.toString().strip(), cellAfterBlank));
                cell = null;
            }
            if (line.startsWith("\t")) {
                cell = new StringBuilder(cellLineText(line));
                cellLine = lineNo;
                cellAfterBlank = afterBlank;
                afterBlank = false;
            } else if (line.isBlank()) {
                afterBlank = true;
            } else if (heading != null) {
                // -1: more digits than a heading number has (reported when the headings are read)
                int number = heading.group(1) != null ? PrintedNumbers.smallInt(heading.group(1)) : chineseNumber(heading.group(2));
                tokens.add(new Heading(lineNo, number, printedHeading(line)));
                afterBlank = true;
            } else if (cell != null) {
                // A further paragraph of the open cell (multi-paragraph goals, a cell whose text starts on the next line).
                cell.append('\n').append(WordMarkup.withoutBookmarks(line).stripTrailing());
            } else {
                tokens.add(new Stray(lineNo, line.strip()));
                afterBlank = false;
            }
        }
        if (cell != null) {
            tokens.add(new Cell(cellLine, cell.toString().strip(), cellAfterBlank));
        }
        return tokens;
    }

    // ---------------------------------------------------------------------------------------------

    /** What one project table holds before ids (which need the year) are assigned. */
    private static final class ProjectDraft {
        final Heading heading;
        String code;
        String unitName;
        int unitLine;
        MoneyUnit unit;
        boolean budgetBlock;
        String name;
        String total;
        int totalLine;
        String fiscal;
        int fiscalLine;
        String other;
        int otherLine;
        String purpose;
        boolean purposeSeen;
        String goals;
        final List<Indicator> indicators = new ArrayList<>();

        ProjectDraft(Heading heading) {
            this.heading = heading;
        }
    }

    private enum Field {
        NAME("项目名称"), TOTAL("预算数"), FISCAL("其中：财政资金"), OTHER("其他资金"), PURPOSE("资金用途"), GOALS("绩效目标");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }

    /** One import call: the document's tokens, the drafts read from them and the problems found. */
    private static final class Parse {
        private final String document;
        private final List<String> lines;
        private final ImportOptions options;
        private final List<ImportProblem> problems = new ArrayList<>();
        private final List<ProjectDraft> drafts = new ArrayList<>();
        /** The document title above the first table (line 0: none), where the budget year is printed. */
        private int titleLine;
        private String titleText;
        /** How the year was found, for the reviewer, when it needed a choice. */
        private final List<Text> notes = new ArrayList<>();

        Parse(String document, String text, ImportOptions options) {
            this.document = document;
            this.lines = lines(text);
            this.options = options;
        }

        private void problem(int line, String field, Text message) {
            problems.add(new ImportProblem(document, line, field, message));
        }

        ImportedDocument run() throws ImportException {
            List<Token> tokens = tokenize(lines);
            List<Token> block = new ArrayList<>();
            Heading current = null;
            int expectedNumber = 1;
            for (Token token : tokens) {
                if (token instanceof Heading h) {
                    if (current != null) {
                        readProject(current, block);
                    }
                    if (h.number() < 0) {
                        String printed = PrintedNumbers.abbreviated(h.printed());
                        problem(h.line(), "标题编号", Text.of("标题 '" + printed + "' 的编号位数过多，不是项目序号",
                                "the heading '" + printed + "' has too many digits in its number to be a project's number"));
                        expectedNumber++;
                    } else {
                        if (h.number() != expectedNumber) {
                            problem(h.line(), "标题编号", Text.of("这里应是第 " + expectedNumber + " 个项目，标题却编号为 " + h.number()
                                    + "：可能漏了一个项目表，或编号有误；请核对原文件", "project " + expectedNumber
                                    + " should be here, but the heading is numbered " + h.number() + ": a project table may "
                                    + "be missing, or the number is wrong; check the original document"));
                        }
                        expectedNumber = h.number() + 1;
                    }
                    current = h;
                    block = new ArrayList<>();
                } else if (current == null && titleLine == 0 && token instanceof Stray t && TITLE.matcher(t.text()).matches()) {
                    titleLine = t.line();
                    titleText = t.text();
                } else if (current == null) {
                    unplaced(token, Text.of("在第一个项目标题之前", " is before the first project heading"));
                } else {
                    block.add(token);
                }
            }
            if (current != null) {
                readProject(current, block);
            }
            if (drafts.isEmpty()) {
                problems.add(0, new ImportProblem(document, 1, "文件格式", Text.of(
                        "没有找到项目表：天津的格式是每个项目一个标题“1.…绩效目标表”，下一行是“<6 位预算单位编码><单位名称>”",
                        "no project tables found: the Tianjin layout has a heading \"1.…绩效目标表\" for each project, with "
                        + "\"<6-digit budget unit code><unit name>\" on the line below")));
                throw new ImportException(problems);
            }
            return assemble();
        }

        /** {@code where} says where the token is: "在…之前" in Chinese, " is before …" in English. */
        private void unplaced(Token token, Text where) {
            if (token instanceof Cell c) {
                String cell = PrintedNumbers.abbreviated(c.text());
                problem(c.line(), "单元格", Text.of("单元格“" + cell + "”" + where.zh() + "，没有读入任何字段",
                        "the cell \"" + cell + "\"" + where.en() + "; no field was read from it"));
            } else if (token instanceof Stray s) {
                String text = PrintedNumbers.abbreviated(s.text());
                problem(s.line(), "表格外文字", Text.of("“" + text + "”" + where.zh()
                        + "，不在表格里，没有读入（文件标题请写成“2024年度项目支出绩效目标表”这样的一行）", "\"" + text + "\""
                        + where.en() + ", outside the tables, and was not read (write the document's title as one line "
                        + "such as \"2024年度项目支出绩效目标表\")"));
            }
        }

        /** Reads one project table: unit line, budget block, goals, then the indicator rows. */
        private void readProject(Heading heading, List<Token> block) {
            ProjectDraft draft = new ProjectDraft(heading);
            List<Cell> cells = new ArrayList<>();
            for (Token token : block) {
                if (token instanceof Cell c) {
                    cells.add(c);
                } else {
                    unplaced(token, Text.of("在第 " + heading.line() + " 行标题下的表格中",
                            " is in the table under the heading on line " + heading.line()));
                }
            }
            // isHeadingAt found the unit line's first line; a second paragraph in that cell spoils it.
            Matcher unitLine = cells.isEmpty() ? null : UNIT_LINE.matcher(cells.get(0).text());
            if (unitLine == null || !unitLine.matches()) {
                int line = cells.isEmpty() ? heading.line() : cells.get(0).line();
                String cell = cells.isEmpty() ? "" : PrintedNumbers.abbreviated(cells.get(0).text());
                problem(line, "预算单位", Text.of("标题（第 " + heading.line() + " 行）下的单元格 '" + cell
                        + "' 不是一行“<6 位预算单位编码><单位名称>”；表格未读取", "the cell '" + cell + "' under the heading "
                        + "(line " + heading.line() + ") is not one line \"<6-digit budget unit code><unit name>\"; the "
                        + "table was not read"));
                return;
            }
            draft.code = unitLine.group(1);
            draft.unitName = unitLine.group(2).strip();
            draft.unitLine = cells.get(0).line();

            int i = readPreamble(draft, cells);
            readIndicators(draft, cells, i);
            checkComplete(draft);
            drafts.add(draft);
        }

        /** Places the cells between the unit line and the indicator header; returns the first row cell index. */
        private int readPreamble(ProjectDraft draft, List<Cell> cells) {
            Field pending = null;
            int pendingLine = 0;
            for (int i = 1; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (pending != null) {
                    assign(draft, pending, c);
                    pending = null;
                    continue;
                }
                if (isIndicatorHeader(cells, i)) {
                    return i + INDICATOR_HEADER.size();
                }
                String t = c.text();
                String label = squeezed(t);
                Matcher unit = MONEY_UNIT.matcher(label);
                if (unit.matches() && draft.unit == null) {
                    draft.unit = MoneyUnit.fromLabel(unit.group(1));
                } else if (label.equals("预算规模及资金用途") && !draft.budgetBlock) {
                    draft.budgetBlock = true;
                } else if (label.equals("项目名称")) {
                    pending = Field.NAME;
                } else if (label.equals("预算数")) {
                    pending = Field.TOTAL;
                } else if (label.equals("其中：财政资金") || label.equals("其中:财政资金")) {
                    pending = Field.FISCAL;
                } else if (label.equals("其他资金")) {
                    pending = Field.OTHER;
                } else if (t.isEmpty() && draft.budgetBlock && !draft.purposeSeen) {
                    // The merged 预算规模及资金用途 cell repeats as an empty cell on the 资金用途 row.
                    pending = Field.PURPOSE;
                } else if (label.equals("绩效目标")) {
                    pending = Field.GOALS;
                } else {
                    problem(c.line(), "预算规模及资金用途", Text.of("单元格“" + PrintedNumbers.abbreviated(t) + "”不是已知的栏目"
                            + "（项目名称、预算数、其中：财政资金、其他资金、资金用途、绩效目标），没有读入", "the cell \""
                            + PrintedNumbers.abbreviated(t) + "\" is not a known label (\"项目名称\", \"预算数\", \"其中：财政资金\", "
                            + "\"其他资金\", \"资金用途\", \"绩效目标\") and was not read"));
                    continue;
                }
                pendingLine = c.line();
            }
            if (pending != null) {
                problem(pendingLine, pending.label, Text.of("栏目“" + pending.label + "”后面没有填数值的单元格",
                        "no cell with a value follows the label \"" + pending.label + "\""));
            }
            String heading = PrintedNumbers.abbreviated(draft.heading.printed());
            problem(draft.heading.line(), "指标表", Text.of("“" + heading + "”下没有指标表的表头（"
                    + String.join(" ", INDICATOR_HEADER) + "）", "no indicator table header (" + String.join(" ", INDICATOR_HEADER)
                    + ") under \"" + heading + "\""));
            return cells.size();
        }

        private static boolean isIndicatorHeader(List<Cell> cells, int i) {
            if (i + INDICATOR_HEADER.size() > cells.size()) {
                return false;
            }
            for (int k = 0; k < INDICATOR_HEADER.size(); k++) {
                if (!cells.get(i + k).text().equals(INDICATOR_HEADER.get(k))) {
                    return false;
                }
            }
            return true;
        }

        private void assign(ProjectDraft draft, Field field, Cell c) {
            String value = c.text().isEmpty() ? null : c.text();
            boolean alreadySet = switch (field) {
                case NAME -> draft.name != null;
                case TOTAL -> draft.totalLine != 0;
                case FISCAL -> draft.fiscalLine != 0;
                case OTHER -> draft.otherLine != 0;
                case PURPOSE -> draft.purposeSeen;
                case GOALS -> draft.goals != null;
            };
            if (alreadySet) {
                problem(c.line(), field.label, Text.of("第 " + draft.heading.line() + " 行的表格里第二次出现“" + field.label + "”（“"
                        + PrintedNumbers.abbreviated(c.text()) + "”），没有读入", "\"" + field.label + "\" appears a second "
                        + "time in the table of line " + draft.heading.line() + " (\"" + PrintedNumbers.abbreviated(c.text())
                        + "\") and was not read"));
                return;
            }
            if ((field == Field.TOTAL || field == Field.FISCAL || field == Field.OTHER) && value != null) {
                Text why = PrintedNumbers.decimalProblem(value);
                if (why != null) {
                    problem(c.line(), field.label, why.plus(Text.of("；未读取", "; not read")));
                    value = null;
                }
            }
            switch (field) {
                case NAME -> {
                    if (value == null) {
                        problem(c.line(), "项目名称", Text.of("项目名称是空的", "the project name is empty"));
                    }
                    draft.name = value;
                }
                case TOTAL -> {
                    draft.total = value;
                    draft.totalLine = c.line();
                }
                case FISCAL -> {
                    draft.fiscal = value;
                    draft.fiscalLine = c.line();
                }
                case OTHER -> {
                    draft.other = value;
                    draft.otherLine = c.line();
                }
                case PURPOSE -> {
                    draft.purpose = value;
                    draft.purposeSeen = true;
                }
                case GOALS -> draft.goals = value;
            }
        }

        /**
         * Indicator rows are five cells: 一级 二级 三级 描述 指标值. Stray blank lines may split a row, so
         * cells are taken five at a time; a row must start after a blank line (a table row boundary),
         * otherwise a cell is missing somewhere and the row is reported.
         */
        private void readIndicators(ProjectDraft draft, List<Cell> cells, int start) {
            String level1 = null;
            for (int i = start; i < cells.size(); i += INDICATOR_HEADER.size()) {
                Cell first = cells.get(i);
                if (!first.afterBlank()) {
                    problem(first.line(), "指标表", Text.of("这一行指标没有从新的表格行开始：上一行可能少了一个单元格",
                            "this indicator row does not start a new table row: the row before may be missing a cell"));
                }
                if (i + INDICATOR_HEADER.size() > cells.size()) {
                    List<String> rest = new ArrayList<>();
                    for (int k = i; k < cells.size(); k++) {
                        rest.add("“" + PrintedNumbers.abbreviated(cells.get(k).text()) + "”");
                    }
                    problem(first.line(), "指标表", Text.of("指标行不完整（只有 " + rest.size() + " 个单元格，应有 5 个："
                            + String.join("、", rest) + "），没有读入", "an incomplete indicator row (" + Text.count(rest.size(), "cell")
                            + " where 5 belong: " + String.join(", ", rest) + ") was not read"));
                    return;
                }
                String l1 = cells.get(i).text();
                String l2 = cells.get(i + 1).text();
                String l3 = cells.get(i + 2).text();
                String description = cells.get(i + 3).text();
                String target = cells.get(i + 4).text();
                if (l1.isEmpty()) {
                    // Merged 一级指标 cell: the export prints it only on the first row of the group.
                    if (level1 == null) {
                        problem(first.line(), "一级指标", Text.of("第一行指标的一级指标是空的",
                                "the first indicator row has an empty \"一级指标\" (level 1)"));
                    }
                    l1 = level1;
                }
                level1 = l1;
                if (l2.isEmpty() || l3.isEmpty() || target.isEmpty()) {
                    String empty = l2.isEmpty() ? "二级指标" : l3.isEmpty() ? "三级指标" : "指标值";
                    problem(first.line(), empty, Text.of("这一行指标的" + empty + "是空的",
                            "the \"" + empty + "\" of this indicator row is empty"));
                }
                draft.indicators.add(new Indicator(l1, emptyToNull(l2), emptyToNull(l3), emptyToNull(description),
                        emptyToNull(target), null, TargetParser.parse(emptyToNull(target))));
            }
        }

        private void checkComplete(ProjectDraft draft) {
            int line = draft.heading.line();
            String heading = PrintedNumbers.abbreviated(draft.heading.printed());
            if (draft.name == null) {
                problem(line, "项目名称", Text.of("“" + heading + "”的表格里没有项目名称",
                        "the table of \"" + heading + "\" has no project name (\"项目名称\")"));
            }
            if (draft.unit == null) {
                problem(line, "单位", Text.of("“" + heading + "”的表格里没有“单位：元”或“单位：万元”一行，金额没有读入",
                        "the table of \"" + heading + "\" has no line \"单位：元\" or \"单位：万元\"; its amounts were not read"));
            }
            if (draft.budgetBlock && (draft.totalLine == 0 || draft.fiscalLine == 0 || draft.otherLine == 0)) {
                problem(line, "预算规模及资金用途", Text.of("“" + heading + "”的预算栏缺少预算数、其中：财政资金或其他资金",
                        "the budget block of \"" + heading + "\" lacks \"预算数\", \"其中：财政资金\" or \"其他资金\""));
            }
        }

        // -----------------------------------------------------------------------------------------

        private ImportedDocument assemble() throws ImportException {
            int year = options.year() != null ? options.year() : inferYear();

            // Departments in order of first appearance; each gets one department-year.
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, List<ProjectDraft>> byCode = new LinkedHashMap<>();
            for (ProjectDraft d : drafts) {
                String known = names.putIfAbsent(d.code, d.unitName);
                if (known != null && !known.equals(d.unitName)) {
                    problem(d.heading.line(), "预算单位", Text.of("预算单位 " + d.code + " 这里叫“" + d.unitName + "”，前面叫“"
                            + known + "”：同一编码请用同一名称", "the budget unit " + d.code + " is called \"" + d.unitName
                            + "\" here and \"" + known + "\" before: use one name for one code"));
                }
                byCode.computeIfAbsent(d.code, k -> new ArrayList<>()).add(d);
            }

            List<Region> regions = new ArrayList<>();
            List<Department> departments = new ArrayList<>();
            List<DepartmentYear> years = new ArrayList<>();
            for (Map.Entry<String, List<ProjectDraft>> e : byCode.entrySet()) {
                String code = e.getKey();
                String name = names.get(code);
                int unitLine = e.getValue().get(0).unitLine;
                String regionSlug = regionFor(code, name, unitLine, regions);
                departments.add(new Department(regionSlug, code, name, null, null));
                List<Project> projects = new ArrayList<>();
                int n = 0;
                for (ProjectDraft d : e.getValue()) {
                    n++;
                    projects.add(toProject(d, String.format("%s-%d-%03d", code, year, n)));
                }
                // The export has no document title per unit; this one is generated from the unit and year.
                String title = name + year + "年项目支出绩效目标表";
                years.add(new DepartmentYear(regionSlug, code, year, title, document, List.of(), List.of(), projects));
            }
            return new ImportedDocument(regions, departments, years, problems, notes);
        }

        private Project toProject(ProjectDraft d, String id) {
            Budget budget = null;
            if (d.budgetBlock && d.unit != null) {
                budget = new Budget(d.unit, amount(d.total, d.unit), amount(d.fiscal, d.unit), amount(d.other, d.unit));
            }
            String name = d.name == null ? null : projectName(d.name);
            return new Project(id, name, budget, d.purpose, d.goals, d.indicators,
                    new SourceRef(document, d.heading.printed(), d.heading.line()));
        }

        private static Amount amount(String printed, MoneyUnit unit) {
            return printed == null ? null : new Amount(new BigDecimal(printed), unit);
        }

        /**
         * The budget year, as printed in titles, never counted in the text (a stray 较2024年 in a 2025 document
         * must not move it): the document title above the first table when there is one; else the year the
         * project headings start with (1.2024年度…). Headings may also name a continuing project by the earlier
         * year it started (seed 000, for 2025, has 4.2024年度排污单位…) but never a later one, so the latest
         * wins, and the reviewer is told; a range (2018-2019年…) names a multi-year project and is passed over.
         * No year in any title: ask for --year.
         */
        private int inferYear() throws ImportException {
            if (titleLine > 0) {
                Matcher m = TITLE.matcher(titleText);
                if (m.matches()) {
                    return PrintedNumbers.smallInt(m.group(2));
                }
            }
            java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
            Heading latest = null;
            for (ProjectDraft d : drafts) {
                Matcher m = HEADING_YEAR.matcher(d.heading.printed());
                if (m.find() && m.group(2) == null) {
                    int y = PrintedNumbers.smallInt(m.group(1));
                    if (years.isEmpty() || y > years.last()) {
                        latest = d.heading;
                    }
                    years.add(y);
                }
            }
            if (years.isEmpty()) {
                problems.add(new ImportProblem(document, drafts.get(0).heading.line(), "年度", Text.of(
                        "文件标题和项目标题里都没有年度（如“2024年度…绩效目标表”）：请用 --year 指定预算年度，例如 --year 2024",
                        "neither the document's title nor the project headings name a year (such as \"2024年度…绩效目标表\"): "
                        + "give the budget year with --year, e.g. --year 2024")));
                throw new ImportException(problems);
            }
            if (years.size() > 1) {
                notes.add(Text.of("年度取 " + years.last() + "：项目标题中最晚的年度（第 " + latest.line() + " 行“"
                        + PrintedNumbers.abbreviated(latest.printed()) + "”）；另有标题写 "
                        + String.join("、", years.headSet(years.last()).stream().map(y -> y + " 年").toList())
                        + "（延续项目的名称）。如不对，请用 --year 指定", "year " + years.last() + ": the latest year in the "
                        + "project headings (line " + latest.line() + " \"" + PrintedNumbers.abbreviated(latest.printed())
                        + "\"); other headings name " + String.join(", ", years.headSet(years.last()).stream()
                        .map(String::valueOf).toList()) + " (names of continuing projects). If that is wrong, give --year"));
            }
            return years.last();
        }

        /** The region slug for a unit (RegionTable), adding the region records it needs (parents first, once each). */
        private String regionFor(String code, String unitName, int line, List<Region> regions) throws ImportException {
            List<Region> needed;
            String slug;
            if (options.regionSlug() != null) {
                slug = options.regionSlug();
                // a region the table does not know: its region.yaml is the editor's (gongkai import writes a stub)
                needed = RegionTable.builtIn().chain(slug);
            } else {
                Optional<List<Region>> known = RegionTable.builtIn().forUnit(unitName);
                if (known.isEmpty()) {
                    problems.add(new ImportProblem(document, line, "地区", RegionTable.builtIn().unknownUnit(unitName)));
                    throw new ImportException(problems);
                }
                needed = known.get();
                slug = needed.get(needed.size() - 1).slug();
            }
            for (Region r : needed) {
                if (!regions.contains(r)) {
                    regions.add(r);
                }
            }
            return slug;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
