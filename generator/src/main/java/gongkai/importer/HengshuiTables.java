package gongkai.importer;

import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.DataTable;
import gongkai.content.ProcurementLinks;
import gongkai.content.SourceRef;
import gongkai.content.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The department-level tables of a Hengshui document: units, prose figures, procurement, assets, glossary. */
final class HengshuiTables {
    private HengshuiTables() {
    }

    private static Column col(String key, String title, ColumnType type, String unit) {
        return new Column(key, title, type, unit);
    }

    // ---------------------------------------------------------------- units

    static final List<String> UNIT_HEADER = List.of("单位名称", "单位性质", "单位规格", "经费保障形式");

    /** 部门机构设置情况: a title line, four header cells, then rows of four cells (the first row is empty). */
    static DataTable units(TabText src, List<TabText.Token> tokens, String title, int titleLine) {
        List<TabText.Cell> cells = cellsOnly(src, tokens, "部门机构设置情况");
        List<Column> columns = List.of(
                col("name", "单位名称", ColumnType.STRING, null),
                col("nature", "单位性质", ColumnType.STRING, null),
                col("rank", "单位规格", ColumnType.STRING, null),
                col("funding", "经费保障形式", ColumnType.STRING, null));
        List<Map<String, String>> rows = rowsAfterHeader(src, cells, UNIT_HEADER, columns, title);
        // The export prints one empty row under the header; an all-blank row carries nothing.
        rows.removeIf(r -> r.values().stream().allMatch(v -> v == null));
        return new DataTable("units", title, columns, rows, null, new SourceRef(src.document, title, titleLine));
    }

    // ---------------------------------------------------------------- procurement

    /** Column keys of the procurement table; {@link ProcurementLinks} relies on them. */
    static final String[] PROCUREMENT_KEYS = {
        "project_name", "budget", "item_name", "catalog_code", "measure_unit", "quantity", "unit_price",
        "total", "general_budget", "fund_budget", "state_capital_budget", "special_account", "other_sources"};

    /**
     * 政府采购预算: a unit line ({@code 467衡水市生态环境局}), {@code 单位：万元}, a 7-cell and a 13-cell header
     * row, then 13-cell rows: the 合　计 row, and per unit a {@code <unit>小计} row followed by its items.
     */
    static DataTable procurement(TabText src, List<TabText.Cell> cells, int sourceLine, String heading) {
        String unit = null;
        int k = 0;
        if (k < cells.size() && cells.get(k).text().matches("\\d+\\S+")) {
            k++; // the budget unit line, read by the importer for the department code
        }
        if (k < cells.size() && cells.get(k).text().startsWith("单位：")) {
            unit = cells.get(k).text().substring("单位：".length()).strip();
            k++;
        } else {
            src.problem(sourceLine, "政府采购预算", Text.of("政府采购预算表没有“单位：”一行",
                    "the procurement table has no line \"单位：\""));
        }
        int header1 = k;
        if (k + 7 > cells.size() || !HengshuiProjects.squeeze(cells.get(k).text()).equals("政府采购项目来源")) {
            src.problem(sourceLine, "政府采购预算", Text.of("没有找到政府采购预算表的表头",
                    "the procurement table's header was not found"));
            return null;
        }
        k += 7;
        int header2 = k;
        if (k + 13 > cells.size() || !cells.get(k).text().equals("项目名称") || !cells.get(k + 7).text().equals("合计")) {
            src.problem(cells.get(Math.min(k, cells.size() - 1)).line(), "政府采购预算", Text.of("没有找到政府采购预算表表头的第二行",
                    "the second row of the procurement table's header was not found"));
            return null;
        }
        k += 13;
        String[] titles = new String[13];
        titles[0] = cells.get(header2).text();
        titles[1] = cells.get(header2 + 1).text();
        for (int c = 1; c <= 5; c++) {
            titles[c + 1] = HengshuiProjects.squeeze(cells.get(header1 + c).text());
            if (!cells.get(header2 + 1 + c).blank()) {
                src.problem(cells.get(header2 + 1 + c).line(), "政府采购预算", Text.of("表头这里应是空的（合并的）单元格",
                        "the header should have an empty (merged) cell here"));
            }
        }
        for (int c = 7; c < 13; c++) {
            titles[c] = HengshuiProjects.squeeze(cells.get(header2 + c).text());
        }
        String[] stringKeys = {"project_name", "item_name", "catalog_code", "measure_unit"};
        List<Column> columns = new ArrayList<>();
        columns.add(col("row_type", "行类型", ColumnType.STRING, null));
        columns.add(col("unit_name", "单位名称", ColumnType.STRING, null));
        for (int c = 0; c < 13; c++) {
            String key = PROCUREMENT_KEYS[c];
            boolean text = List.of(stringKeys).contains(key);
            boolean money = !text && !key.equals("quantity");
            columns.add(col(key, titles[c], text ? ColumnType.STRING : ColumnType.DECIMAL, money ? unit : null));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        String unitName = null;
        for (; k + 13 <= cells.size(); k += 13) {
            List<TabText.Cell> row = cells.subList(k, k + 13);
            String first = row.get(0).text();
            String type;
            if (HengshuiProjects.squeeze(first).equals("合计")) {
                type = "total";
            } else if (first.endsWith("小计")) {
                type = "subtotal";
                unitName = first.substring(0, first.length() - 2);
            } else {
                type = "item";
                if (unitName == null) {
                    src.problem(row.get(0).line(), "政府采购预算", Text.of("采购条目在任何“小计”行之前，不知道它属于哪个单位",
                            "a procurement item comes before any \"小计\" row, so its unit is unknown"));
                }
            }
            Map<String, String> r = new LinkedHashMap<>();
            r.put("row_type", type);
            r.put("unit_name", type.equals("total") ? null : unitName);
            for (int c = 0; c < 13; c++) {
                String v = HengshuiProjects.nullIfEmpty(row.get(c).text());
                if (v != null && columns.get(c + 2).type() == ColumnType.DECIMAL) {
                    checkDecimal(src, row.get(c), titles[c]);
                }
                r.put(PROCUREMENT_KEYS[c], v);
            }
            rows.add(r);
        }
        if (k < cells.size()) {
            src.problem(cells.get(k).line(), "政府采购预算", Text.of("政府采购预算表最后一整行之后多出 " + (cells.size() - k)
                    + " 个单元格，没有读入", Text.count(cells.size() - k, "cell") + " after the last whole row of the "
                    + "procurement table were not read"));
        }
        // The two-level header: keep the printed group titles in the note, as they span several columns.
        String note = "预算单位：" + cells.get(0).text() + "　单位：" + unit + "\n\n"
                + "“" + titles[0] + "”“" + titles[1] + "”两列属表头“" + cells.get(header1).text() + "”；“"
                + titles[7] + "”至“" + titles[12] + "”各列属表头“" + cells.get(header1 + 6).text() + "”。";
        return new DataTable("procurement", "政府采购预算", columns, rows, note,
                new SourceRef(src.document, heading, sourceLine));
    }

    /**
     * A decimal cell must be what the loader accepts (a plain ASCII decimal): {@code new BigDecimal} also took
     * {@code 1e5}, {@code 5.} and Arabic-Indic digits, which then failed {@code gongkai validate}.
     */
    private static void checkDecimal(TabText src, TabText.Cell cell, String title) {
        Text why = PrintedNumbers.decimalProblem(cell.text());
        if (why != null) {
            src.problem(cell.line(), title, why);
        }
    }

    // ---------------------------------------------------------------- assets

    private static final String VALUE_UNIT_OPEN = "（金额单位：";

    /** 固定资产占用情况表: title cell, 编制部门/截止时间 cells (→ note), a 3-cell header, rows of 3 cells. */
    static DataTable assets(TabText src, List<TabText.Cell> cells, String heading) {
        if (cells.size() < 6) {
            src.problem(cells.isEmpty() ? 1 : cells.get(0).line(), "国有资产占用情况", Text.of("国有资产占用情况表太短，没有读入",
                    "the state assets table is too short and was not read"));
            return null;
        }
        String title = cells.get(0).text();
        int k = 1;
        List<String> notes = new ArrayList<>();
        while (k < cells.size() && (cells.get(k).text().startsWith("编制部门") || cells.get(k).text().startsWith("截止时间"))) {
            notes.add(cells.get(k).text());
            k++;
        }
        if (k + 3 > cells.size()) {
            src.problem(cells.get(0).line(), "国有资产占用情况", Text.of("国有资产占用情况表没有表头",
                    "the state assets table has no header"));
            return null;
        }
        String itemTitle = HengshuiProjects.squeeze(cells.get(k).text());
        String quantityTitle = HengshuiProjects.squeeze(cells.get(k + 1).text());
        String valueTitle = cells.get(k + 2).text();
        String unit = null;
        // <title>（金额单位：<unit>）, by hand: the lazy regex ^(.*?)（金额单位：(.+)）$ rescanned the text after
        // every （金额单位： (quadratic)
        int open = valueTitle.indexOf(VALUE_UNIT_OPEN);
        if (open >= 0 && valueTitle.endsWith("）") && open + VALUE_UNIT_OPEN.length() < valueTitle.length() - 1) {
            unit = valueTitle.substring(open + VALUE_UNIT_OPEN.length(), valueTitle.length() - 1);
            valueTitle = valueTitle.substring(0, open);
        } else {
            src.problem(cells.get(k + 2).line(), "国有资产占用情况", Text.of("金额一栏没有写金额单位：" + PrintedNumbers.abbreviated(valueTitle),
                    "the amount column names no money unit: " + PrintedNumbers.abbreviated(valueTitle)));
        }
        k += 3;
        List<Column> columns = List.of(
                col("item", itemTitle, ColumnType.STRING, null),
                // 数量 is printed as —— where not applicable, so it stays a string.
                col("quantity", quantityTitle, ColumnType.STRING, null),
                col("value", valueTitle, ColumnType.DECIMAL, unit));
        List<Map<String, String>> rows = new ArrayList<>();
        for (; k + 3 <= cells.size(); k += 3) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("item", HengshuiProjects.nullIfEmpty(cells.get(k).text()));
            r.put("quantity", HengshuiProjects.nullIfEmpty(cells.get(k + 1).text()));
            r.put("value", HengshuiProjects.nullIfEmpty(cells.get(k + 2).text()));
            if (r.get("value") != null) {
                checkDecimal(src, cells.get(k + 2), valueTitle);
            }
            rows.add(r);
        }
        if (k < cells.size()) {
            src.problem(cells.get(k).line(), "国有资产占用情况", Text.of("国有资产占用情况表最后一整行之后还有单元格，没有读入",
                    "cells after the last whole row of the state assets table were not read"));
        }
        return new DataTable("assets", title, columns, rows, String.join("\n\n", notes),
                new SourceRef(src.document, heading, cells.get(0).line()));
    }

    // ---------------------------------------------------------------- glossary


    static DataTable glossary(TabText src, List<TabText.Token> tokens, String heading, int headingLine) {
        List<Column> columns = List.of(
                col("number", "序号", ColumnType.INTEGER, null),
                col("term", "名词", ColumnType.STRING, null),
                col("definition", "解释", ColumnType.STRING, null));
        List<Map<String, String>> rows = new ArrayList<>();
        for (TabText.Token t : tokens) {
            String[] term = t.isCell() ? null : term(t.text());
            if (term == null) {
                String text = PrintedNumbers.abbreviated(t.isCell() ? t.cell().text() : t.text());
                src.problem(t.line(), "名词解释", Text.of("名词解释应写成“1、名词：解释”：" + text,
                        "write a glossary entry as \"1、名词：解释\" (number, term, explanation): " + text));
                continue;
            }
            Text why = PrintedNumbers.integerProblem(term[0]);
            if (why != null) {
                src.problem(t.line(), "序号", why);
                continue;
            }
            Map<String, String> r = new LinkedHashMap<>();
            r.put("number", term[0]);
            r.put("term", term[1]);
            r.put("definition", term[2]);
            rows.add(r);
        }
        return new DataTable("glossary", "名词解释", columns, rows, null, new SourceRef(src.document, heading, headingLine));
    }

    /**
     * {@code N、term：definition} split into number, term and definition (the term up to the first ：), or null;
     * by hand, as the regex {@code ^(\d+)、(.+?)：(.+)$} would retry from every ： on some lines.
     */
    static String[] term(String text) {
        int digits = 0;
        while (digits < text.length() && WordMarkup.isAsciiDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits >= text.length() || text.charAt(digits) != '、') {
            return null;
        }
        int termStart = digits + 1;
        int colon = text.indexOf('：', termStart + 1);
        if (colon < 0 || colon + 1 >= text.length()) {
            return null;
        }
        return new String[] {text.substring(0, digits), text.substring(termStart, colon), text.substring(colon + 1)};
    }

    // ---------------------------------------------------------------- figures stated in prose

    /**
     * A figure: a number directly before 万元. The lookbehind lets a match start only where a run of digits
     * starts, and the possessive runs never give back digits (the next character must be '.' or 万 anyway):
     * without them a long run of digits was rescanned from each of its digits (quadratic).
     */
    private static final Pattern FIGURE = Pattern.compile("(?<![0-9])([0-9]++(?:\\.[0-9]++)?)万元");
    private static final List<String> LABEL_PREFIXES = List.of("其中", "包括", "和", "我部门");
    private static final List<String> LABEL_SUFFIXES = List.of("共计安排", "预算安排", "为");

    /** One figure of a prose paragraph: the words before it, the printed number, and what it is part of. */
    record Figure(String item, String amount, String parent) {
    }

    /**
     * Every {@code <number>万元} of a paragraph with the words that name it (the clause before the
     * number, without connectives like 其中/包括/和). The parent follows the prose: figures after
     * 其中 are parts of the figure before it until the sentence ends; after 包括 or inside （其中…）
     * they are parts of the figure just before, until ；, ） or 。.
     */
    static List<Figure> figures(String text) {
        List<Figure> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        String last = null;
        String sentenceParent = null;
        String subParent = null;
        int depth = 0;
        int labelStart = 0;
        int next = 0;
        for (int i = 0; i < text.length(); ) {
            if (next < spans.size() && spans.get(next)[0] == i) {
                // The number starts here; its label runs from labelStart.
                String number = text.substring(i, spans.get(next)[1] - 2);
                String label = cleanLabel(text.substring(labelStart, i));
                out.add(new Figure(label, number, subParent != null ? subParent : sentenceParent));
                last = label;
                i = spans.get(next)[1];
                labelStart = i;
                next++;
                continue;
            }
            char c = text.charAt(i);
            if (text.startsWith("其中", i)) {
                if (depth > 0) {
                    subParent = last;
                } else {
                    sentenceParent = last;
                }
            } else if (text.startsWith("包括", i)) {
                subParent = last;
            } else if (c == '（' || c == '(') {
                depth++;
            } else if (c == '）' || c == ')') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    subParent = null;
                }
            }
            if (c == '；') {
                subParent = null;
            }
            if (c == '。') {
                subParent = null;
                sentenceParent = null;
            }
            if (c == '，' || c == '：' || c == '；' || c == '。') {
                labelStart = i + 1;
            }
            i++;
        }
        return out;
    }

    private static String cleanLabel(String s) {
        String label = s.strip();
        if (label.startsWith("（") || label.startsWith("(") || label.startsWith(")") || label.startsWith("）")) {
            label = label.substring(1);
        }
        for (String p : LABEL_PREFIXES) {
            if (label.startsWith(p)) {
                label = label.substring(p.length());
            }
        }
        for (String p : LABEL_SUFFIXES) {
            if (label.endsWith(p)) {
                label = label.substring(0, label.length() - p.length());
            }
        }
        return label.strip();
    }

    static List<Column> figureColumns(boolean withGroup) {
        List<Column> columns = new ArrayList<>();
        if (withGroup) {
            columns.add(col("group", "类别", ColumnType.STRING, null));
        }
        columns.add(col("item", "项目", ColumnType.STRING, null));
        columns.add(col("parent", "所属", ColumnType.STRING, null));
        columns.add(col("amount", "金额", ColumnType.DECIMAL, "万元"));
        return columns;
    }

    static Map<String, String> figureRow(String group, Figure f) {
        Map<String, String> r = new LinkedHashMap<>();
        if (group != null) {
            r.put("group", group);
        }
        r.put("item", f.item());
        r.put("parent", f.parent());
        r.put("amount", f.amount());
        return r;
    }

    // ---------------------------------------------------------------- helpers

    private static List<TabText.Cell> cellsOnly(TabText src, List<TabText.Token> tokens, String what) {
        List<TabText.Cell> cells = new ArrayList<>();
        for (TabText.Token t : tokens) {
            if (t.isCell()) {
                cells.add(t.cell());
            } else {
                String text = PrintedNumbers.abbreviated(t.text());
                src.problem(t.line(), what, Text.of("“" + what + "”表格中间有表格外的文字，没有读入：" + text,
                        "text outside the table in the middle of the table \"" + what + "\" was not read: " + text));
            }
        }
        return cells;
    }

    private static List<Map<String, String>> rowsAfterHeader(TabText src, List<TabText.Cell> cells, List<String> header,
            List<Column> columns, String what) {
        int n = header.size();
        List<Map<String, String>> rows = new ArrayList<>();
        boolean ok = cells.size() >= n;
        for (int c = 0; ok && c < n; c++) {
            ok = HengshuiProjects.squeeze(cells.get(c).text()).equals(header.get(c));
        }
        if (!ok) {
            src.problem(cells.isEmpty() ? 1 : cells.get(0).line(), what, Text.of("“" + what + "”里没有找到表头 " + header,
                    "the header " + header + " was not found in \"" + what + "\""));
            return rows;
        }
        int k = n;
        for (; k + n <= cells.size(); k += n) {
            Map<String, String> r = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                r.put(columns.get(c).key(), HengshuiProjects.nullIfEmpty(cells.get(k + c).text()));
            }
            rows.add(r);
        }
        if (k < cells.size()) {
            src.problem(cells.get(k).line(), what, Text.of("“" + what + "”最后一整行之后还有单元格，没有读入",
                    "cells after the last whole row of \"" + what + "\" were not read"));
        }
        return rows;
    }
}
