package gongkai.importer;

import gongkai.content.Lang;
import gongkai.content.Text;
import java.util.Map;

/**
 * Something in the source the importer could not place or accept: reported with its document and line
 * (1-based), and the field it concerns where there is one; never dropped silently.
 *
 * @param label what the problem is about (a label such as 预算数, a column title), or null
 * @param text  what is wrong and what to do, in both languages
 */
public record ImportProblem(String document, int line, Text label, Text text) {
    /**
     * The importer's own words for where a problem is, in English. Every other field is a label printed in the
     * document (预算数, 一级指标, a section's title) and reads the same in both languages: the clerk finds it there.
     */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("文件格式", "file format"), Map.entry("文件编码", "encoding"), Map.entry("文件名", "file name"),
            Map.entry("表格", "table"), Map.entry("单元格", "cell"), Map.entry("表格外文字", "text outside the tables"),
            Map.entry("标题编号", "heading number"), Map.entry("标题", "title"), Map.entry("年度", "year"),
            Map.entry("地区", "region"), Map.entry("未读入", "not read"), Map.entry("金额", "amount"),
            Map.entry("一级标题", "top-level heading"), Map.entry("目录域", "Word TOC field"),
            Map.entry("项目表", "project tables"), Map.entry("项目序号", "project number"),
            Map.entry("指标表", "indicator table"), Map.entry("单位", "unit"), Map.entry("预算单位", "budget unit"),
            Map.entry("地区名称", "region name"), Map.entry("预算单位名称", "budget unit name"),
            Map.entry("预算单位编码", "budget unit code"), Map.entry("章节编号", "section id"),
            Map.entry("章节标题", "section title"), Map.entry("表格编号", "table id"), Map.entry("表格标题", "table title"),
            Map.entry("列名", "column key"), Map.entry("列标题", "column title"), Map.entry("项目编号", "project id"),
            Map.entry("项目名称", "project name"));

    public ImportProblem(String document, int line, String field, Text message) {
        this(document, line, field == null ? null : field(field), message);
    }

    public ImportProblem(String document, int line, Text message) {
        this(document, line, (Text) null, message);
    }

    /** A field named in Chinese, in both languages: the importer's own word translated, a document's label as printed. */
    public static Text field(String zh) {
        return Text.of(zh, FIELDS.getOrDefault(zh, zh));
    }

    /** The field in Chinese, or null. */
    public String field() {
        return label == null ? null : label.zh();
    }

    /** What is wrong, in Chinese. */
    public String message() {
        return text.zh();
    }

    /** {@code document:line: field: message}, or {@code document:line: message} without a field. */
    public String format(Lang lang) {
        return document + ":" + line + ": " + (label == null ? "" : label.in(lang) + ": ") + text.in(lang);
    }

    @Override
    public String toString() {
        return format(Lang.ZH);
    }
}
