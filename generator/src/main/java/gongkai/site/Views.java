package gongkai.site;

import gongkai.content.Amount;
import gongkai.content.Project;
import java.math.BigDecimal;
import java.util.List;

/**
 * What templates see: immutable, pre-formatted view records (FreeMarker exposes record components as
 * properties). Templates only place values; all arithmetic and formatting happens in Java, once.
 */
public final class Views {
    private Views() {
    }

    /** A link; {@code href} is root-relative including the site's base path, or null for the current page. */
    public record Link(String href, String text) {
    }

    /** An amount: {@code wan} for display ("225.50" 万元), {@code yuan} exact grouped, {@code plainYuan} for machines. */
    public record Money(String wan, String yuan, String plainYuan) {
        public static Money ofYuan(BigDecimal yuan) {
            if (yuan == null) {
                return null;
            }
            String plain = MoneyFormat.plainYuan(yuan);
            return new Money(MoneyFormat.wan(yuan), MoneyFormat.group(plain), plain);
        }

        /** Null for no amount. */
        public static Money of(Amount amount) {
            return amount == null ? null : ofYuan(amount.yuan());
        }
    }

    /**
     * Budget totals of a set of projects: the sum of 预算数 in 元 over the projects that print one;
     * projects without a budget are excluded from the sum and counted in {@code withoutBudget}. {@code total} is
     * null when no project prints a budget (shown as 未列, not as 0.00).
     * {@code declared} is the 项目支出 the departments' own budget tables print for the department-years whose
     * projects list no amount ({@code declaredYears} of them): never added to {@code total}, shown beside it
     * with a note, so a year such as Hengshui 2020 is not just 未列. Null when there is none.
     */
    public record Totals(Money total, BigDecimal totalYuan, int projects, int withoutBudget, Money declared,
                         BigDecimal declaredYuan, int declaredYears) {
        public static Totals of(List<Project> projects) {
            return of(projects, null);
        }

        /** A department-year's totals; {@code budget} (may be null) counts only when no project lists an amount. */
        public static Totals of(List<Project> projects, DepartmentBudget budget) {
            BigDecimal sum = BigDecimal.ZERO;
            int without = 0;
            for (Project p : projects) {
                if (p.budget() == null || p.budget().total() == null) {
                    without++;
                } else {
                    sum = sum.add(p.budget().total().yuan());
                }
            }
            boolean noneListed = without == projects.size();
            BigDecimal declared = noneListed && budget != null ? budget.projectYuan() : null;
            return new Totals(!noneListed ? Money.ofYuan(sum) : null, sum, projects.size(), without,
                    Money.ofYuan(declared), declared == null ? BigDecimal.ZERO : declared, declared == null ? 0 : 1);
        }

        public static Totals sum(List<Totals> parts) {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal declared = BigDecimal.ZERO;
            int projects = 0;
            int without = 0;
            int declaredYears = 0;
            for (Totals t : parts) {
                sum = sum.add(t.totalYuan());
                projects += t.projects();
                without += t.withoutBudget();
                declared = declared.add(t.declaredYuan());
                declaredYears += t.declaredYears();
            }
            return new Totals(without < projects ? Money.ofYuan(sum) : null, sum, projects, without,
                    declaredYears > 0 ? Money.ofYuan(declared) : null, declared, declaredYears);
        }

        /** The figure to chart: the projects' sum, or the department-reported 项目支出 when no project lists one. */
        public Money shown() {
            return total != null ? total : declared;
        }

        public int withBudget() {
            return projects - withoutBudget;
        }
    }

    /**
     * Where a figure comes from (the content's SourceRef): {@code href} links the cited line on the document's source
     * page ({@code …#L270}; the page itself when {@code line} is 0), {@code documentHref} the page; {@code document},
     * {@code href} and {@code documentHref} are null when the document is not named.
     */
    public record Source(String document, String href, String heading, int line, String documentHref) {
    }

    /** A download twin of a page's data; {@code fileName} (may be null) is the descriptive name to save it as. */
    public record Download(String href, String label, String format, String fileName) {
        public Download(String href, String label, String format) {
            this(href, label, format, null);
        }
    }

    /**
     * Everything every page needs from the site. {@code reportUrl} (may be null): where a reader reports an error,
     * a mailto: or http(s) address the page's URL is added to.
     */
    public record SiteView(
            String title, String description, String publisher, String licence, String licenceUrl,
            String base, String homeHref, String searchHref, String cssHref, String jsHref, String searchJsHref,
            String feedHref, String dataHref, String qualityHref, List<Link> nav, String iconHref, String reportUrl) {
    }

    /**
     * The edition a page is in and its twins: {@code lang} for &lt;html lang&gt;, {@code primary} for the default
     * (Chinese) one, {@code other} the language switch's target (null with one edition), {@code alternates} every
     * edition's URL of the same page for &lt;link rel="alternate" hreflang&gt; (empty with one edition).
     */
    public record EditionView(String lang, String ogLocale, boolean primary, Alternate other, List<Alternate> alternates) {
    }

    /** The same page in one edition: absolute {@code url}, root-relative {@code href}, the edition's own name. */
    public record Alternate(String hreflang, String url, String href, String name) {
    }

    /** Head and frame of one page: {@code title} for &lt;title&gt;, {@code h1}, breadcrumbs (last = current). */
    public record PageMeta(String title, String h1, String description, String canonical, List<Link> breadcrumbs,
                           String jsonLd) {
    }

    /**
     * A chart that answers one question (its visible {@code title}): its bars in the order shown, each labelled
     * with its amount; a line saying what is measured; notes under it; a table of the same rows and the CSV of
     * exactly them. When there is nothing to chart, {@code absent} says why in its place and {@code bars} is empty.
     *
     * @param labelHeading what a bar is (部门, 年度, 项目): the table's first column
     * @param csv          the chart's rows as a CSV (null when absent)
     */
    public record Chart(String title, String subtitle, String labelHeading, List<ChartBar> bars, List<String> notes,
                        Download csv, Sentence absent) {
        /** A page's chart when there is nothing to chart. */
        static Chart absent(String title, Sentence why) {
            return new Chart(title, null, null, List.of(), List.of(), null, why);
        }
    }

    /**
     * One bar. {@code length} is in thousandths of the track ({@code 0} for no amount or 0; never shorter than a
     * visible minimum for a positive amount, whose exact figure is printed beside it anyway).
     *
     * @param money    null: 未列 (no bar)
     * @param declared the amount is the department's own 项目支出, its projects listing none (marked 注)
     * @param rest     the row summing the bars not shown one by one
     */
    public record ChartBar(String label, String href, Money money, int length, boolean declared, boolean rest) {
    }

    /** A sentence with one amount in it ({@code money} may be null), so the template keeps figure and unit together. */
    public record Sentence(String before, Money money, String after) {
        static Sentence of(String text) {
            return new Sentence(text, null, "");
        }
    }

    // ---- home

    public record YearRow(int year, int departments, Totals totals) {
    }

    public record RegionRow(Link region, String parentName, int departments, Totals totals) {
    }

    public record DepartmentEntry(Link department, String code, List<Link> years) {
    }

    /** @param more departments of the region not listed here (see the region page) */
    public record RegionDepartments(Link region, List<DepartmentEntry> departments, int more) {
    }

    public record DepartmentYearRow(Link link, Link department, Link region, int year, Totals totals) {
    }

    public record HomeView(Totals grandTotal, List<YearRow> years, List<RegionRow> regions,
                           Chart departmentChart, List<RegionDepartments> departmentsByRegion,
                           List<DepartmentYearRow> latest, int departmentCount) {
    }

    // ---- region

    public record YearCell(int year, Link link, Money money, int projects, int withoutBudget, boolean declared) {
    }

    public record DepartmentMatrixRow(Link department, String code, List<YearCell> cells) {
    }

    public record RegionView(String name, Link parent, List<Link> children, List<Integer> years,
                             List<DepartmentMatrixRow> departments, Chart chart, Totals totals) {
    }

    // ---- department

    /** {@code source}: the year's document, linking its source page (公开文件 lists it beside the year). */
    public record YearColumn(int year, Link link, String title, Totals totals, List<Download> downloads, Source source) {
    }

    public record DepartmentView(String name, String code, Link region, String descriptionHtml,
                                 List<YearColumn> years, Chart chart, YearOverYearSections.DepartmentYears yearOverYear) {
    }

    // ---- department-year

    /** {@code corrected}: the project has corrections (the row says 已更正). */
    public record ProjectRow(Link link, String id, Money total, Money fiscal, Money other, int indicators,
                             int sourceOrder, List<QualityNote> quality, boolean corrected) {
    }

    /**
     * One correction as a page shows it.
     *
     * @param anchor   the notice's HTML id (the feed links it): {@code correction-2025-03-01}, with {@code -2} … for a
     *                 second one of the same day
     * @param date     ISO date, for &lt;time datetime&gt;
     * @param dateText 2025年3月1日
     */
    public record CorrectionView(String anchor, String date, String dateText, String what, String why) {
    }

    /** A withdrawn project in its department-year's list: the link goes to its tombstone page. */
    public record RetractedRow(Link link, String id, String date, String dateText, String reason) {
    }

    public record SectionView(String id, String title, String html, Source source) {
    }

    public record ColumnView(String title, String unit, boolean numeric) {
    }

    public record CellView(String text, boolean numeric) {
    }

    public record TableView(String id, String title, List<ColumnView> columns, List<List<CellView>> rows,
                            String noteHtml, Source source) {
    }

    public record DepartmentYearView(Link department, Link region, int year, String title, String document,
                                     Totals totals, DepartmentBudget budget, List<ProjectRow> projects, List<SectionView> sections,
                                     List<TableView> tables, List<Download> downloads, List<Link> otherYears,
                                     List<CorrectionView> corrections, List<RetractedRow> retracted, String feedHref,
                                     Source documentSource, Chart chart, YearOverYearSections.YearChanges yearOverYear) {
    }

    // ---- project

    /** One budget line: the amount as printed in its source unit and the normalised money. */
    public record BudgetLine(String label, String printed, Money money) {
    }

    /**
     * One indicator row. {@code level1}/{@code level2} are non-null only on the first row of their merged
     * cell; the span says how many rows that cell covers.
     */
    public record IndicatorRow(String level1, int level1Span, String level2, int level2Span, String level3,
                               String description, String target, String parsed, String basis) {
    }

    /** Rows sharing one 一级指标: rendered as one &lt;tbody&gt; (its row group). */
    public record IndicatorGroup(List<IndicatorRow> rows) {
    }

    /**
     * A procurement line linked to a project, cited as such: its 合计 ({@code money}, may be null) and the
     * project's 预算资金 from the same table ({@code projectBudget}, repeated on each line of the project).
     */
    public record ProcurementView(String item, Money money, Money projectBudget, Source source, String tableTitle) {
    }

    public record ProjectView(String id, String name, Link department, Link region, Link departmentYear, int year,
                              String unit, List<BudgetLine> budget, List<String> purpose, List<String> goals,
                              List<IndicatorGroup> indicatorGroups, int indicatorCount, boolean hasDescription,
                              boolean hasBasis, Source source, List<Download> downloads,
                              YearOverYearSections.ProjectYears yearOverYear, List<ProcurementView> procurement,
                              List<QualityNote> quality,
                              List<CorrectionView> corrections, String lastUpdated, List<ChangeView> changes) {
    }

    /**
     * One version of a project in its 修改记录 (from git): the commit's date and message and each figure that
     * changed, old → new ({@code figures} empty for the first publication and the withdrawal, which {@code note}
     * names: 首次发布, 撤回; null for a change of figures).
     */
    public record ChangeView(String date, String dateText, String commit, String message, String note,
                             List<FigureView> figures) {
    }

    /** A figure that changed: "预算数" "120 万元" → "135 万元"; "—" where it was or became absent. */
    public record FigureView(String field, String before, String after) {
    }

    /**
     * A withdrawn project's tombstone page (its URL stays): when and why it was withdrawn and the last published
     * budget ({@code budget} empty when the agency did not give it).
     */
    public record RetractedView(String id, String name, Link department, Link departmentYear, int year, String date,
                                String dateText, String reason, String unit, List<BudgetLine> budget,
                                List<ChangeView> changes) {
    }

    // ---- downloads page (/data/)

    /** A file to download: where, what, its save-as name (may be null) and its size for people and in bytes. */
    public record FileLink(String href, String label, String format, String fileName, String size, long bytes) {
    }

    /**
     * A whole-dataset file: Chinese title, file name, what it holds, rows (grouped, null when not a table), the
     * content date it reflects, its links (CSV and Excel twin, or the one JSON).
     */
    public record DataFileRow(String title, String file, String description, String rows, String updated,
                              List<FileLink> links) {
    }

    public record DataYearRow(Link page, int year, int projects, String updated, List<FileLink> links) {
    }

    /** @param chart the CSV of the department page's chart, or null when it has none */
    public record DataDepartment(Link department, String code, List<DataYearRow> years, FileLink chart) {
    }

    public record DataRegion(Link region, List<DataDepartment> departments) {
    }

    /**
     * @param exported false when the build wrote no downloads (a preview without the export stage)
     * @param guide    the data guide (column meanings), or null when the site has none
     * @param main     projects, indicators, departments, department-years, all.json, datapackage.json
     * @param documentTables the document tables merged across department-years (data/&lt;id&gt;.csv)
     * @param charts   the CSVs of the home and region pages' charts, labelled with the page and the chart's title
     */
    public record DataPageView(boolean exported, FileLink zip, String updated, String licence, String licenceUrl,
                               Link guide, List<DataFileRow> main, List<DataFileRow> documentTables,
                               List<DataRegion> regions, int yearCount, List<FileLink> charts) {
    }

    // ---- Markdown page and search

    /** @param contents the page's h2 sections (link to their ids, heading text), in order */
    /**
     * A Markdown page as an edition shows it.
     *
     * @param chineseOnly the English edition showing the Chinese text (no English twin): under a notice saying so,
     *                    marked as Chinese
     */
    public record MarkdownPageView(String slug, String html, List<Link> contents, boolean chineseOnly) {
    }

    /**
     * A data-quality notice on a row: "预算数与资金来源合计不符", the figures, and the agency's reason if any;
     * {@code source} (may be null) links the source line its message refers to.
     */
    public record QualityNote(String code, String title, String severity, String message, String acknowledged,
                              Source source) {
        QualityNote withSource(Source cited) {
            return new QualityNote(code, title, severity, message, acknowledged, cited);
        }
    }

    /** One department's issues on /quality/. */
    public record QualityDepartment(Link department, int open, int acknowledged) {
    }

    /** One issue on /quality/. */
    public record QualityRow(Link where, String year, QualityNote note, String field) {
    }

    /** The rules, as /quality/ explains them. */
    public record QualityRule(String code, String title, String severity, String explanation, int count) {
    }

    /** /quality/. */
    public record QualityView(List<QualityRule> rules, List<QualityDepartment> departments, List<QualityRow> issues,
                              List<Download> downloads) {
    }

    /** @param scriptStrings search.js's labels in this edition, a JSON object (the page's data-strings) */
    public record SearchView(List<Link> regions, List<Link> pages, String scriptStrings) {
    }

    // ---- source document page

    /**
     * A source document's page: the facts at the top, then its text line by line.
     *
     * @param years         the department-years citing the document (oldest first)
     * @param url           the official address, or null (未提供)
     * @param published     the publication date as shown (2024年2月5日) and {@code publishedIso}, or null
     * @param original      the original file (Word, PDF …), or null when only the text is published
     * @param text          the text whose lines are shown and counted
     * @param charset       the text's encoding as read ("UTF-8", "GB18030"), or null when it is not readable text
     * @param citations     every line this site cites, in line order (the list at the top)
     * @param blocks        the lines this page shows (a long document's part), in runs: a cited passage, or the
     *                      lines between passages
     * @param digits        digits of the last line number (the gutter is as wide as they need)
     * @param textHeading   the heading over the lines (全文, or which part of it this page shows)
     * @param pager         the document's parts, when it is shown in parts; else null
     * @param partsScript   when in parts: the inline script that takes a link to a line another part shows there
     */
    public record SourcePageView(Link department, List<Link> years, String url, String published, String publishedIso,
                                 SourceFile original, SourceFile text, String lineCount, String charset,
                                 List<SourceCitation> citations, List<SourceBlock> blocks, int digits,
                                 String textHeading, SourcePager pager, String partsScript) {
    }

    /**
     * A long document's parts: a sentence saying so ({@code lead}), every part (第 2 部分（第 1,201–2,400 行）), the
     * previous and the next part (null at either end).
     */
    public record SourcePager(String lead, List<SourcePartLink> parts, SourcePartLink previous, SourcePartLink next) {
    }

    /** A part of a document's page, as its pager links it ({@code current}: the page it is on). */
    public record SourcePartLink(String href, String text, boolean current) {
    }

    /** A published file of a source document: link, file name, kind in words (Word 文档), size, MIME type. */
    public record SourceFile(String href, String name, String kind, String size, String type) {
    }

    /**
     * A line this site cites: its link ({@code href}: {@code #L270} on the part of the page showing it, else that
     * part's address with it), which page cites it ({@code page}) and what that is (项目).
     */
    public record SourceCitation(int line, String href, Link page, String what) {
    }

    /**
     * Consecutive lines from {@code start}: a cited passage when {@code anchor} is set (its id, the first line's,
     * so that {@code :target} marks the whole passage; {@code citedBy} links what cites it), else plain lines.
     */
    public record SourceBlock(int start, String anchor, List<SourceCitation> citedBy, List<SourceLine> lines) {
    }

    /**
     * One line: its number, its anchor ({@code L12}; null on a passage's first line, whose passage carries it), and
     * its text — {@code parts} instead when Word left markup in it ({@code [bookmark: _Toc…]}, {@code TC … \f C
     * \l 1}), which is shown apart from the words.
     */
    public record SourceLine(int number, String anchor, String text, List<TextPart> parts) {
    }

    /** A piece of a line: words, or Word markup ({@code mark}). */
    public record TextPart(String text, boolean mark) {
    }
}
