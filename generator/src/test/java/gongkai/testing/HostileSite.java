package gongkai.testing;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.MoneyUnit;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.importer.ContentWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A content tree in which every text field that reaches a page holds hostile text: markup that would run script
 * if it were not escaped, template syntax that must not be evaluated, line/paragraph separators, an RTL override,
 * formula starts for spreadsheets, and very long strings. Each field's value starts with its own label
 * ({@code 【项目名称】} …), so a test can find where each one landed. Written as YAML by the importer's writer
 * and read back by the real loader, like any content.
 */
public final class HostileSite {
    public static final String SCRIPT = "<script>window.__pwned=1</script>";
    public static final String IMG = "\"><img src=x onerror=\"window.__pwned=1\">";
    public static final String SVG = "<svg onload=window.__pwned=1>";
    public static final String JS_LINK = "[点我](javascript:window.__pwned=1)";
    /** FreeMarker (both syntaxes, and a directive), Mustache/Angular and JS template-literal interpolations. */
    public static final String TEMPLATE = "{{7*7}} ${7*7} #{7*7} [=7*7] <#assign pwned=1>";
    public static final String TITLE_BREAK = "</title><script>window.__pwned=1</script>";
    public static final String QUOTE = "'-alert(1)-'";
    public static final String SEPARATORS = "行\u2028分隔\u2029段落";
    public static final String RTL = "\u202Egpj.exe";
    public static final String CLOSERS = "<!-- --></textarea></style></noscript>]]>";

    /** All of the above; what every field holds after its label. */
    public static final String HOSTILE = String.join(" ", SCRIPT, IMG, SVG, JS_LINK, TEMPLATE, TITLE_BREAK, QUOTE,
            SEPARATORS, RTL, CLOSERS);

    /** Cells a spreadsheet would evaluate; the CSVs must guard them. */
    public static final String FORMULA = "=HYPERLINK(\"https://evil.example/\",\"点我\")";

    /**
     * The hostile strings that fit a one-line field (a project name or year title: at most 300 UTF-8 bytes, the
     * loader's limit), with the title breaker and the attribute/quote escapes among them.
     */
    public static final String HOSTILE_LINE = String.join(" ", SCRIPT, IMG, TITLE_BREAK, QUOTE, RTL);

    /** A long text with spaces, and the longest unbroken run the loader accepts (1,000 letters). */
    public static final String LONG_TEXT = "很长的文本 ".repeat(2000);
    public static final String LONG_RUN = "A".repeat(1000);

    public static final String REGION = "hostile";
    public static final String CHILD_REGION = "hostile-child";
    public static final String CODE = "900001";
    public static final int YEAR = 2024;
    public static final String DOCUMENT = REGION + "/" + CODE + "/hostile.txt";

    /** Label → the exact text of that field (plain-text fields; Markdown fields are in {@link #MARKDOWN_FIELDS}). */
    public static final Map<String, String> TEXT_FIELDS = new LinkedHashMap<>();
    /** Label → the Markdown source of that field. */
    public static final Map<String, String> MARKDOWN_FIELDS = new LinkedHashMap<>();

    private static String text(String label) {
        String value = "【" + label + "】 " + HOSTILE;
        TEXT_FIELDS.put(label, value);
        return value;
    }

    /** As {@link #text}, without the Markdown {@code javascript:} link. */
    private static String withoutLink(String label) {
        String value = "【" + label + "】 " + HOSTILE.replace(JS_LINK + " ", "");
        TEXT_FIELDS.put(label, value);
        return value;
    }

    /** As {@link #text}, for a one-line field with a length limit. */
    private static String line(String label) {
        String value = "【" + label + "】 " + HOSTILE_LINE;
        TEXT_FIELDS.put(label, value);
        return value;
    }

    /**
     * Markdown fields hold the same text except the {@code javascript:} Markdown link: the renderer empties such a
     * link's URL and the link check then fails the build (see {@link #UNSAFE_MARKDOWN}); raw HTML is escaped.
     */
    private static String markdown(String label) {
        String value = "【" + label + "】 " + HOSTILE.replace(JS_LINK, "") + "\n\n第二段 <a href=\"javascript:window.__pwned=1\">原始链接</a>"
                + " <img src=x onerror=window.__pwned=1>\n";
        MARKDOWN_FIELDS.put(label, value);
        return value;
    }

    private HostileSite() {
    }

    /** Links a page must never carry; each fails the build (in check) instead. */
    public static final List<String> UNSAFE_MARKDOWN = List.of(JS_LINK, "<javascript:window.__pwned=1>",
            "[点我](JaVaScRiPt:window.__pwned=1)", "[点我](data:text/html,<script>window.__pwned=1</script>)",
            "[点我](vbscript:msgbox(1))", "![图](javascript:window.__pwned=1)");

    /** The licence URL is an href on every page: an http(s) URL that tries to break out of the attribute. */
    public static final String LICENCE_URL = "https://example.org/licence?a=\"><script>window.__pwned=1</script>&b='-alert(1)-'";

    public static final SiteConfig SITE = new SiteConfig(text("站点标题"), text("站点描述"), text("发布者"), text("许可"),
            LICENCE_URL, "https://example.org/");

    public static final List<Region> REGIONS = List.of(
            new Region(REGION, text("地区名称"), null),
            new Region(CHILD_REGION, text("下级地区名称"), REGION));

    public static final Department DEPARTMENT = new Department(REGION, CODE, text("部门名称"), text("部门简称"),
            markdown("部门介绍"));

    public static final DepartmentYear YEAR_FILE = departmentYear();

    private static DepartmentYear departmentYear() {
        Map<String, String> row1 = new LinkedHashMap<>();
        row1.put("item", text("表格单元格"));
        row1.put("formula", FORMULA);
        row1.put("amount", "12.50");
        Map<String, String> row2 = new LinkedHashMap<>();
        row2.put("item", "@SUM(1+1)*cmd|' /C calc'!A0");
        row2.put("formula", "+1+1");
        row2.put("amount", "-3.00");
        DataTable table = new DataTable("hostile_table", text("表格标题"), List.of(
                new Column("item", text("列标题"), ColumnType.STRING, null),
                new Column("formula", "-2+3 " + text("第二列标题"), ColumnType.STRING, text("列单位")),
                new Column("amount", "金额", ColumnType.DECIMAL, "万元")),
                List.of(row1, row2), markdown("表格说明"), new SourceRef(DOCUMENT, text("表格出处标题"), 3));
        Section section = new Section("duties", text("章节标题"), markdown("章节正文"),
                new SourceRef(DOCUMENT, text("章节出处标题"), 2));
        List<Indicator> indicators = new ArrayList<>();
        indicators.add(new Indicator(text("一级指标"), text("二级指标"), text("三级指标"), text("指标内容"),
                text("指标值"), text("指标值确定依据"), null));
        indicators.add(new Indicator("产出指标", "数量指标", "公式", FORMULA, "=1+1", "-2+3", null));
        indicators.add(new Indicator("产出指标", "数量指标", "很长", LONG_TEXT, LONG_RUN, null, null));
        Project hostile = new Project(CODE + "-" + YEAR + "-001", line("项目名称"),
                new Budget(MoneyUnit.WAN_YUAN, Amount.of("6.00", MoneyUnit.WAN_YUAN), Amount.of("6.00", MoneyUnit.WAN_YUAN), null),
                text("资金用途"), text("绩效目标"), indicators, new SourceRef(DOCUMENT, text("项目出处标题"), 10));
        Project formula = new Project(CODE + "-" + YEAR + "-002", FORMULA, null, "@SUM(1+1)", "-1+1\n" + LONG_TEXT,
                List.of(), new SourceRef(DOCUMENT, "+出处", 20));
        return new DepartmentYear(REGION, CODE, YEAR, line("年度标题"), DOCUMENT, List.of(section), List.of(table),
                List.of(hostile, formula));
    }

    public static final String PAGE_SLUG = "hostile-page";
    /** A Markdown page's title is its first heading, so it is Markdown too: no javascript: link (validate refuses it). */
    public static final String PAGE_TITLE = withoutLink("页面标题");
    public static final String PAGE_BODY = markdown("页面正文");

    /** Writes the content tree (YAML, the Markdown page and the cited source document) into {@code contentDir}. */
    public static Path write(Path contentDir) throws IOException {
        TestSites.write(contentDir.resolve("site.yaml"), ContentWriter.siteYaml(SITE));
        for (Region r : REGIONS) {
            TestSites.write(contentDir.resolve(r.slug()).resolve("region.yaml"), ContentWriter.regionYaml(r));
        }
        Path dept = contentDir.resolve(REGION).resolve(CODE);
        TestSites.write(dept.resolve("department.yaml"), ContentWriter.departmentYaml(DEPARTMENT));
        TestSites.write(dept.resolve(YEAR + ".yaml"), ContentWriter.yearYaml(YEAR_FILE));
        TestSites.write(contentDir.resolve("pages").resolve(PAGE_SLUG + ".md"), "# " + PAGE_TITLE + "\n\n" + PAGE_BODY);
        TestSites.write(contentDir.resolve("sources").resolve(REGION).resolve(CODE).resolve("hostile.txt"), "源文件 " + HOSTILE + "\n");
        return contentDir;
    }
}
