package gongkai.site;

import gongkai.content.Column;
import gongkai.content.ContentPaths;
import gongkai.content.ColumnType;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.ProcurementLinks;
import gongkai.content.Project;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.Money;
import gongkai.site.Views.PageMeta;
import gongkai.site.Views.Totals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One department's year: where its money goes (a chart), its projects (largest budget first), prose sections,
 * tables and downloads.
 */
final class DepartmentYearPage {
    static final String TEMPLATE = "department-year.ftlh";

    private static final Map<String, String> ROW_TYPE_LABELS = Map.of("item", "明细", "subtotal", "小计", "total", "合计");

    private DepartmentYearPage() {
    }

    /** The department-year's own Atom feed of its changes: {@code /<region>/<code>/<year>/feed.xml}. */
    public static String feedPath(DepartmentYear dy) {
        return Urls.departmentYearFeed(dy);
    }

    static String urlPath(DepartmentYear dy) {
        return Urls.departmentYear(dy);
    }

    /** @param yoy the department's projects through its years (与上一年度对比) */
    static SiteModel.PageJob of(PageKit kit, Department d, DepartmentYear dy, YearOverYear yoy) {
        SiteIndex index = kit.index();
        List<Views.ProjectRow> rows = new ArrayList<>();
        for (int i = 0; i < dy.projects().size(); i++) {
            Project p = dy.projects().get(i);
            rows.add(new Views.ProjectRow(new Link(kit.href(Urls.project(p.id())), p.name()), p.id(),
                    Money.of(p.budget() == null ? null : p.budget().total()),
                    Money.of(p.budget() == null ? null : p.budget().fiscal()),
                    Money.of(p.budget() == null ? null : p.budget().other()),
                    p.indicators().size(), i + 1, kit.qualityNotes(p.id()), !p.corrections().isEmpty()));
        }
        // Server-side order: budget descending, projects without a budget last, then source order.
        rows.sort(Comparator.comparing((Views.ProjectRow r) -> r.total() == null)
                .thenComparing(r -> r.total() == null ? BigDecimal.ZERO : new BigDecimal(r.total().plainYuan()),
                        Comparator.reverseOrder())
                .thenComparingInt(Views.ProjectRow::sourceOrder));
        List<Views.SectionView> sections = new ArrayList<>();
        for (Section s : dy.sections()) {
            sections.add(new Views.SectionView("section-" + s.id(), s.title(), kit.markdownFor(kit.markdown().render(s.markdown(), 3), urlPath(dy)),
                    kit.source(s.source())));
        }
        List<Views.TableView> tables = new ArrayList<>();
        for (DataTable t : dy.tables()) {
            tables.add(tableView(kit, t, urlPath(dy)));
        }
        List<Link> otherYears = index.yearsOf(d).stream().filter(o -> o.year() != dy.year())
                .map(o -> kit.departmentYearLink(o, kit.yearText(o.year()))).toList();
        Totals totals = index.totals(dy);
        Views.DepartmentYearView view = new Views.DepartmentYearView(kit.departmentLink(d),
                kit.regionLink(d.regionSlug()), dy.year(), dy.title(),
                dy.document() == null ? null : ContentPaths.documentFileName(dy.document()), totals, DepartmentBudget.of(dy), rows, sections, tables,
                kit.downloadsOf(dy), otherYears, CorrectionNotes.of(kit, dy.corrections()),
                dy.retracted().stream().map(r -> new Views.RetractedRow(new Link(kit.href(Urls.project(r.id())), r.name()),
                        r.id(), r.date().toString(), kit.dateText(r.date()), r.reason())).toList(),
                kit.fileHref(feedPath(dy)), kit.source(new SourceRef(dy.document(), null, 0)),
                Charts.view(Charts.departmentYear(kit, d, dy)), YearOverYearSections.departmentYear(kit, yoy, dy));
        String urlPath = urlPath(dy);
        Messages msg = kit.msg();
        String description = msg.format("dy_description", d.name(), dy.year(), totals.projects())
                + (totals.total() == null ? (totals.declared() == null ? msg.get("dy_description_none")
                        : msg.format("dy_description_declared", totals.declared().wan()))
                        : msg.format("dy_description_total", totals.total().wan()));
        String jsonLd = JsonLd.dataset(dy.title(), description, kit.pageUrl(urlPath), kit.site().licenceUrl(),
                d.name(), kit.site().publisher(), String.valueOf(dy.year()),
                kit.distributions(suffix -> Urls.departmentYearData(dy, suffix)));
        List<Link> trail = new ArrayList<>(kit.regionTrail(d.regionSlug()));
        trail.add(kit.departmentLink(d));
        PageMeta meta = new PageMeta(kit.title(dy.title()), dy.title(), description, kit.pageUrl(urlPath),
                PageKit.withCurrent(trail, kit.yearText(dy.year())), jsonLd);
        return kit.job(urlPath, TEMPLATE, meta, view, index.lastmod(dy), true);
    }

    private static Views.TableView tableView(PageKit kit, DataTable t, String urlPath) {
        List<Views.ColumnView> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            columns.add(new Views.ColumnView(c.title(), c.unit(), c.type() != ColumnType.STRING));
        }
        List<List<Views.CellView>> rows = new ArrayList<>();
        for (Map<String, String> row : t.rows()) {
            List<Views.CellView> cells = new ArrayList<>();
            for (Column c : t.columns()) {
                String value = row.get(c.key());
                if (c.key().equals(ProcurementLinks.ROW_TYPE) && value != null) {
                    // row_type is ours, not the source's: show it in Chinese (the data keeps the codes).
                    value = ROW_TYPE_LABELS.getOrDefault(value, value);
                }
                if (c.type() == ColumnType.DECIMAL) {
                    value = MoneyFormat.printed(value, c.unit());
                }
                cells.add(new Views.CellView(value == null ? "" : value, c.type() != ColumnType.STRING));
            }
            rows.add(List.copyOf(cells));
        }
        return new Views.TableView("table-" + t.id(), t.title(), columns, rows, kit.markdownFor(kit.markdown().render(t.note(), 4), urlPath),
                kit.source(t.source()));
    }
}
