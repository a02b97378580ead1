package gongkai.importer;

import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.content.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a Hengshui-format disclosure (衡水市…年部门预算信息公开情况说明, plain-text Word export):
 * one department, its prose sections, department tables (units, prose figures, 三公经费, procurement,
 * assets, glossary) and the 项目绩效目标表 as projects without amounts.
 *
 * <p>Every non-blank line ends up in a section, a table or a project; anything else is reported as an
 * {@link ImportProblem}. Cells keep their printed text, with surrounding whitespace stripped (the
 * export's leading spaces are layout, not content).
 */
public final class HengshuiImporter {
    private static final Pattern TITLE = Pattern.compile("^(.+?)(\\d{4})年部门预算.*$");
    private static final Pattern TOP = Pattern.compile("^([一二三四五六七八九十]+)、(.+)$");
    private static final Pattern SUB = Pattern.compile("^(\\d+)、(.+)$");
    private static final Pattern UNIT_CODE = Pattern.compile("^(\\d+)(\\D.*)$");
    /** A budget unit code names a folder: far below the file systems' 255 bytes. */
    private static final int MAX_CODE_LENGTH = 64;

    private HengshuiImporter() {
    }

    /** Whether a document's first line is a Hengshui-format title (…YYYY年部门预算…), for picking the importer. */
    public static boolean recognizes(List<String> firstLines) {
        return !firstLines.isEmpty() && TITLE.matcher(firstLines.get(0).replace("\uFEFF", "").strip()).matches();
    }

    /** A section's lines: the prose before its table, then the table's cells. */
    private record ProseThenTable(List<TabText.Token> prose, List<TabText.Cell> cells) {
    }

    /** Splits lines into leading prose and the table after it; text after the table starts is a problem. */
    private static ProseThenTable proseThenTable(TabText src, int from, int to, String tableName) {
        List<TabText.Token> prose = new ArrayList<>();
        List<TabText.Cell> cells = new ArrayList<>();
        for (TabText.Token tok : src.tokens(from, to)) {
            if (tok.isCell()) {
                cells.add(tok.cell());
            } else if (cells.isEmpty()) {
                prose.add(tok);
            } else {
                String text = PrintedNumbers.abbreviated(tok.text());
                src.problem(tok.line(), tableName, Text.of("“" + tableName + "”表格中间有表格外的文字，没有读入：" + text,
                        "text outside the table in the middle of the table \"" + tableName + "\" was not read: " + text));
            }
        }
        return new ProseThenTable(prose, cells);
    }

    public static ImportedDocument importFile(Path file, ImportOptions options) throws IOException, ImportException {
        return importText(file.getFileName().toString(), SourceText.read(file), options);
    }

    /** Imports a document given as text (lines as {@link SourceText#lines} splits them). */
    public static ImportedDocument importText(String document, String text, ImportOptions options) throws ImportException {
        return importLines(document, SourceText.lines(text), options);
    }

    /** A table cell amid the prose of a section: reported, not read. */
    private static Text cellInProse(String cell) {
        String shown = PrintedNumbers.abbreviated(cell);
        return Text.of("正文中间有一个表格单元格，没有读入：" + shown, "a table cell amid the text was not read: " + shown);
    }

    /** An import that cannot go on: the problems found so far and this one, which ends it. */
    private static ImportException stop(TabText src, int line, String field, Text message) {
        List<ImportProblem> problems = new ArrayList<>(src.problems);
        problems.add(new ImportProblem(src.document, line, field, message));
        return new ImportException(problems);
    }

    static ImportedDocument importLines(String document, List<String> rawLines, ImportOptions givenOptions)
            throws ImportException {
        ImportOptions options = givenOptions == null ? ImportOptions.inferAll() : givenOptions;
        Importer.checkOptions(document, options);
        List<String> lines = new ArrayList<>(rawLines.size());
        for (String l : rawLines) {
            lines.add(l.startsWith("\uFEFF") ? l.substring(1) : l);
        }
        TabText src = new TabText(document, lines);
        if (lines.isEmpty()) {
            throw stop(src, 1, null, Text.of("空文件：文件里没有任何文字", "empty file: there is no text in it"));
        }
        String title = lines.get(0).strip();
        src.place(1);
        Matcher tm = TITLE.matcher(title);
        if (!tm.matches()) {
            throw stop(src, 1, "标题", Text.of("第一行不是“<单位>YYYY年部门预算…”形式的标题: "
                    + PrintedNumbers.abbreviated(title), "the first line is not a title \"<unit>YYYY年部门预算…\": "
                    + PrintedNumbers.abbreviated(title)));
        }
        String titleName = tm.group(1);
        int year = options.year() != null ? options.year() : PrintedNumbers.smallInt(tm.group(2));
        if (!Importer.isFileYear(year)) {
            throw stop(src, 1, "年度", Text.of("标题中的年度 " + tm.group(2) + " 不是四位数的年度（"
                    + Importer.MIN_YEAR + "–" + Importer.MAX_YEAR + "）；可用 --year 指定", "the year " + tm.group(2)
                    + " in the title is not a four-digit year (" + Importer.MIN_YEAR + "–" + Importer.MAX_YEAR
                    + "); give it with --year"));
        }

        // Top-level headings 一、… 九、: non-tab lines that do not continue a cell (the line above is not a
        // cell line); their order gives the section ranges.
        List<Integer> tops = new ArrayList<>();
        for (int i = 2; i <= src.lineCount(); i++) {
            String l = src.line(i);
            if (!l.startsWith("\t") && !src.line(i - 1).startsWith("\t") && TOP.matcher(l.strip()).matches()) {
                tops.add(i);
            }
        }
        List<Section> sections = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        List<Project> projects = List.of();
        String code = null;
        String unitName = null;
        int procurementLine = -1;
        Map<String, Integer> headingLines = new HashMap<>();
        int projectsFrom = -1;
        int projectsTo = -1;

        int firstTop = tops.isEmpty() ? src.lineCount() + 1 : tops.get(0);
        List<TabText.Token> intro = src.tokens(2, firstTop);
        if (!intro.isEmpty()) {
            sections.add(new Section("intro", title, paragraphs(src, intro), new SourceRef(document, title, intro.get(0).line())));
        }
        for (int t = 0; t < tops.size(); t++) {
            int line = tops.get(t);
            int end = t + 1 < tops.size() ? tops.get(t + 1) : src.lineCount() + 1;
            String heading = src.line(line).strip();
            String name = TOP.matcher(heading).replaceFirst("$2").strip();
            src.place(line);
            SourceRef ref = new SourceRef(document, heading, line);
            String kind = name.startsWith("部门职责") ? "部门职责"
                    : name.startsWith("财政拨款“三公”经费") ? "财政拨款“三公”经费" : name;
            Integer earlier = headingLines.putIfAbsent(kind, line);
            if (earlier != null) {
                // Its section and table ids would repeat, which the loader rejects.
                src.problem(line, "一级标题", Text.of("重复的一级标题“" + PrintedNumbers.abbreviated(heading) + "”（第 "
                        + earlier + " 行已有）；此节未读取", "the top-level heading \"" + PrintedNumbers.abbreviated(heading)
                        + "\" repeats the one on line " + earlier + "; this section was not read"));
                src.tokens(line + 1, end);
                continue;
            }
            if (name.startsWith("部门职责")) {
                readDutiesAndUnits(src, line, end, sections, tables);
            } else if (name.equals("部门预算安排的总体情况")) {
                List<TabText.Token> tokens = src.tokens(line + 1, end);
                sections.add(new Section("budget_overview", name, withSubheadings(src, tokens), ref));
                tables.add(figureTable(src, tokens, "budget_totals", "部门预算收支总体情况", ref));
            } else if (name.equals("机关运行经费安排情况")) {
                List<TabText.Token> tokens = src.tokens(line + 1, end);
                sections.add(new Section("operating_costs", name, paragraphs(src, tokens), ref));
                tables.add(figureTable(src, tokens, "operating_costs", "机关运行经费", ref));
            } else if (name.startsWith("财政拨款“三公”经费")) {
                List<TabText.Token> tokens = src.tokens(line + 1, end);
                sections.add(new Section("three_public", name, paragraphs(src, tokens), ref));
                tables.add(figureTable(src, tokens, "three_public", "财政拨款“三公”经费预算", ref));
            } else if (name.equals("预算绩效信息")) {
                int part2 = -1;
                for (int i = line + 1; i < end; i++) {
                    if (src.line(i).strip().startsWith("第二部分")) {
                        part2 = i;
                        break;
                    }
                }
                int perfEnd = part2 < 0 ? end : part2 + 1;
                sections.add(new Section("performance", name, performance(src, src.tokens(line + 1, perfEnd)), ref));
                if (part2 < 0) {
                    src.problem(line, "项目绩效目标", Text.of("“" + PrintedNumbers.abbreviated(heading) + "”下没有“第二部分”（项目绩效目标表）",
                            "no \"第二部分\" (the project performance target tables) under \"" + PrintedNumbers.abbreviated(heading) + "\""));
                } else {
                    // Code and year are needed for the ids; the code is read from the procurement table below,
                    // so projects are read after the loop.
                    projectsFrom = part2 + 1;
                    projectsTo = end;
                }
            } else if (name.equals("政府采购预算情况")) {
                ProseThenTable part = proseThenTable(src, line + 1, end, "procurement");
                List<TabText.Token> prose = part.prose();
                List<TabText.Cell> cells = part.cells();
                sections.add(new Section("procurement", name, paragraphs(src, prose), ref));
                procurementLine = line;
                if (!cells.isEmpty()) {
                    Matcher um = UNIT_CODE.matcher(cells.get(0).text());
                    if (um.matches() && um.group(1).length() > MAX_CODE_LENGTH) {
                        src.problem(cells.get(0).line(), "预算单位编码", Text.of("编码有 " + um.group(1).length()
                                + " 位，超过上限 " + MAX_CODE_LENGTH + " 位", "the code has " + um.group(1).length()
                                + " digits, more than the " + MAX_CODE_LENGTH + " allowed"));
                    } else if (um.matches()) {
                        code = um.group(1);
                        unitName = um.group(2).strip();
                    }
                    DataTable table = HengshuiTables.procurement(src, cells, cells.get(0).line(), heading);
                    if (table != null) {
                        tables.add(table);
                    }
                }
            } else if (name.equals("国有资产信息")) {
                ProseThenTable part = proseThenTable(src, line + 1, end, "assets");
                List<TabText.Token> prose = part.prose();
                List<TabText.Cell> cells = part.cells();
                sections.add(new Section("assets", name, paragraphs(src, prose), ref));
                DataTable table = cells.isEmpty() ? null : HengshuiTables.assets(src, cells, heading);
                if (table != null) {
                    tables.add(table);
                }
            } else if (name.equals("名词解释")) {
                List<TabText.Token> tokens = src.tokens(line + 1, end);
                sections.add(new Section("glossary", name, paragraphs(src, tokens), ref));
                tables.add(HengshuiTables.glossary(src, tokens, heading, line));
            } else if (name.equals("其他需要说明的事项")) {
                sections.add(new Section("other", name, paragraphs(src, src.tokens(line + 1, end)), ref));
            } else {
                src.problem(line, "一级标题", Text.of("不认识的一级标题“" + PrintedNumbers.abbreviated(heading) + "”，这一节没有读入",
                        "unknown top-level heading \"" + PrintedNumbers.abbreviated(heading) + "\"; this section was not read"));
            }
        }

        if (code == null) {
            throw stop(src, procurementLine > 0 ? procurementLine : 1, "预算单位", Text.of(
                    (procurementLine > 0 ? "政府采购预算表的第一个单元格" : "文件中没有“政府采购预算情况”一节，也就")
                            + "不是预算单位行“<编码><单位名称>”（例如 467衡水市生态环境局）；无法确定预算单位编码",
                    (procurementLine > 0 ? "the first cell of the procurement table is" : "the document has no section "
                            + "\"政府采购预算情况\", so no") + " budget unit row \"<code><unit name>\" (e.g. \"467衡水市生态环境局\"); "
                            + "the budget unit's code cannot be found"));
        }
        if (!unitName.equals(titleName)) {
            src.problem(1, "标题", Text.of("标题里的单位是“" + titleName + "”，政府采购预算表里的单位却是“" + unitName + "”：请核对",
                    "the unit in the title is \"" + titleName + "\", but the procurement table's unit is \"" + unitName
                    + "\": check which is right"));
        }
        if (projectsFrom > 0) {
            projects = HengshuiProjects.read(src, projectsFrom, projectsTo, code, year);
        }
        src.reportUnplaced();

        // the unit in the title (衡水市生态环境局), through the region table; --region overrides
        List<Region> chain = options.regionSlug() != null ? RegionTable.builtIn().chain(options.regionSlug())
                : RegionTable.builtIn().forUnit(titleName).orElse(null);
        if (chain == null) {
            throw stop(src, 1, "地区", RegionTable.builtIn().unknownUnit(titleName));
        }
        String slug = options.regionSlug() != null ? options.regionSlug() : chain.get(chain.size() - 1).slug();
        // a --region the table does not know is named after the city in the title (衡水市); the editor may rename it
        List<Region> regions = chain.isEmpty() ? List.of(new Region(slug, regionName(titleName), null)) : chain;
        Department department = new Department(slug, code, unitName, null, null);
        DepartmentYear dy = new DepartmentYear(slug, code, year, title, document, sections, tables, projects);
        List<ImportProblem> problems = new ArrayList<>(src.problems);
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return new ImportedDocument(regions, List.of(department), List.of(dy), problems);
    }

    /** The city part of a unit name: 衡水市生态环境局 → 衡水市. */
    private static String regionName(String unitName) {
        int i = unitName.indexOf('市');
        return i > 0 ? unitName.substring(0, i + 1) : unitName;
    }

    /** 一、部门职责及机构设置情况: 部门职责： paragraphs, then 机构设置： with the units table. */
    private static void readDutiesAndUnits(TabText src, int headingLine, int to, List<Section> sections, List<DataTable> tables) {
        int from = headingLine + 1;
        int duties = -1;
        int org = -1;
        for (int i = from; i < to; i++) {
            String l = src.line(i).strip();
            if (duties < 0 && l.startsWith("部门职责")) {
                duties = i;
            } else if (org < 0 && l.startsWith("机构设置")) {
                org = i;
            }
        }
        if (duties < 0 || org < 0 || org < duties) {
            src.problem(from - 1, "部门职责", Text.of("这一节里没有依次出现“部门职责：”和“机构设置：”",
                    "this section does not have \"部门职责：\" followed by \"机构设置：\""));
            return;
        }
        List<TabText.Token> before = src.tokens(from, duties);
        for (TabText.Token t : before) {
            String text = PrintedNumbers.abbreviated(t.isCell() ? t.cell().text() : t.text());
            src.problem(t.line(), "部门职责", Text.of("“部门职责：”之前的文字没有读入：" + text,
                    "the text before \"部门职责：\" was not read: " + text));
        }
        src.place(duties);
        String dutiesHeading = src.line(duties).strip();
        // Cited by the top-level heading (一、部门职责及机构设置情况), as docs/content-format.md shows.
        sections.add(new Section("duties", stripColon(dutiesHeading), paragraphs(src, src.tokens(duties + 1, org)),
                new SourceRef(src.document, src.line(headingLine).strip(), headingLine)));
        src.place(org);
        String orgHeading = src.line(org).strip();
        List<TabText.Token> tokens = src.tokens(org + 1, to);
        List<TabText.Token> prose = new ArrayList<>();
        List<TabText.Token> cells = new ArrayList<>();
        for (TabText.Token t : tokens) {
            (t.isCell() || !cells.isEmpty() ? cells : prose).add(t);
        }
        sections.add(new Section("organization", stripColon(orgHeading), paragraphs(src, prose),
                new SourceRef(src.document, orgHeading, org)));
        String tableTitle = prose.isEmpty() ? stripColon(orgHeading) : prose.get(prose.size() - 1).text();
        int titleLine = prose.isEmpty() ? org : prose.get(prose.size() - 1).line();
        tables.add(HengshuiTables.units(src, cells, tableTitle, titleLine));
    }

    private static String stripColon(String s) {
        return s.replaceAll("[：:]\\s*$", "");
    }

    /** A table of every 万元 figure the prose states, grouped by its 1、… sub-heading where there is one. */
    private static DataTable figureTable(TabText src, List<TabText.Token> tokens, String id, String title, SourceRef ref) {
        boolean grouped = tokens.stream().anyMatch(t -> !t.isCell() && SUB.matcher(t.text()).matches());
        List<Map<String, String>> rows = new ArrayList<>();
        String group = null;
        for (TabText.Token t : tokens) {
            if (t.isCell()) {
                src.problem(t.line(), "单元格", cellInProse(t.cell().text()));
                continue;
            }
            Matcher sub = SUB.matcher(t.text());
            if (grouped && sub.matches() && HengshuiTables.figures(t.text()).isEmpty()) {
                group = sub.group(2).strip();
                continue;
            }
            for (HengshuiTables.Figure f : HengshuiTables.figures(t.text())) {
                Text why = PrintedNumbers.decimalProblem(f.amount());
                if (why != null) {
                    src.problem(t.line(), "金额", why);
                    continue;
                }
                rows.add(HengshuiTables.figureRow(grouped ? group : null, f));
            }
        }
        if (rows.isEmpty()) {
            src.problem(ref.line(), "金额", Text.of("“" + PrintedNumbers.abbreviated(ref.heading()) + "”下没有找到以万元计的金额",
                    "no amount in \"万元\" found under \"" + PrintedNumbers.abbreviated(ref.heading()) + "\""));
        }
        return new DataTable(id, title, HengshuiTables.figureColumns(grouped), rows, null, ref);
    }

    /** Prose lines as Markdown paragraphs, verbatim. */
    private static String paragraphs(TabText src, List<TabText.Token> tokens) {
        List<String> out = new ArrayList<>();
        for (TabText.Token t : tokens) {
            if (t.isCell()) {
                src.problem(t.line(), "单元格", cellInProse(t.cell().text()));
            } else {
                out.add(escape(t.text()));
            }
        }
        return String.join("\n\n", out);
    }

    /** Prose with its 1、… sub-headings as level-3 headings. */
    private static String withSubheadings(TabText src, List<TabText.Token> tokens) {
        List<String> out = new ArrayList<>();
        for (TabText.Token t : tokens) {
            if (t.isCell()) {
                src.problem(t.line(), "单元格", cellInProse(t.cell().text()));
            } else if (SUB.matcher(t.text()).matches() && HengshuiTables.figures(t.text()).isEmpty() && t.text().length() <= 20) {
                out.add("### " + escape(t.text()));
            } else {
                out.add(escape(t.text()));
            }
        }
        return String.join("\n\n", out);
    }

    private static final Pattern PART = Pattern.compile("^第[一二三四五六七八九十]+部分.*$");
    private static final Pattern CN_ITEM = Pattern.compile("^[（(][一二三四五六七八九十]+[）)].*$");
    private static final Pattern NUM_ITEM = Pattern.compile("^[（(]\\d+[）)].*$");

    /**
     * 预算绩效信息: 第一部分/第二部分 become level-3 headings, （一）… level-4, and a （1）… line that is
     * followed by 绩效目标： a level-5 heading; all other lines are paragraphs.
     */
    private static String performance(TabText src, List<TabText.Token> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            TabText.Token t = tokens.get(i);
            if (t.isCell()) {
                src.problem(t.line(), "单元格", cellInProse(t.cell().text()));
                continue;
            }
            String text = t.text();
            if (PART.matcher(text).matches()) {
                out.add("### " + escape(text));
            } else if (CN_ITEM.matcher(text).matches()) {
                out.add("#### " + escape(text));
            } else if (NUM_ITEM.matcher(text).matches() && i + 1 < tokens.size() && !tokens.get(i + 1).isCell()
                    && tokens.get(i + 1).text().startsWith("绩效目标：")) {
                out.add("##### " + escape(text));
            } else {
                out.add(escape(text));
            }
        }
        return String.join("\n\n", out);
    }

    /** Escapes the few characters Markdown would read as markup; the printed text has none today. */
    static String escape(String text) {
        String s = text.replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
        if (s.matches("^(#|[-+]\\s|\\d+[.)]\\s).*")) {
            s = "\\" + s;
        }
        return s;
    }
}
