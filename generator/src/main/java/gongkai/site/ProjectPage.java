package gongkai.site;

import gongkai.content.Amount;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.Money;
import gongkai.site.Views.PageMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's page: its budget lines, purpose, goals, indicator table (merged 一级/二级 cells), procurement lines,
 * downloads, and the same project in the department's other years ({@link YearOverYearSections}).
 */
final class ProjectPage {
    static final String TEMPLATE = "project.ftlh";

    private ProjectPage() {
    }

    static String urlPath(Project p) {
        return Urls.project(p.id());
    }

    /** @param yoy the department's projects through its years (the 历年对比 section) */
    static SiteModel.PageJob of(PageKit kit, Department d, DepartmentYear dy, Project p, YearOverYear yoy,
                                List<ProcurementSource.Match> procurementLinks) {
        List<Views.BudgetLine> budget = new ArrayList<>();
        String unit = null;
        if (p.budget() != null) {
            unit = p.budget().unit() == null ? null : p.budget().unit().label();
            addBudgetLine(budget, kit.msg().get("budget_total"), p.budget().total());
            addBudgetLine(budget, kit.msg().get("budget_fiscal"), p.budget().fiscal());
            addBudgetLine(budget, kit.msg().get("budget_other"), p.budget().other());
        }
        boolean hasDescription = p.indicators().stream().anyMatch(i -> i.description() != null);
        boolean hasBasis = p.indicators().stream().anyMatch(i -> i.basis() != null);
        List<Views.ProcurementView> procurementRows = procurementLinks.stream()
                .map(m -> new Views.ProcurementView(m.item(), m.yuan() == null ? null : Money.ofYuan(m.yuan()),
                        m.projectBudgetYuan() == null ? null : Money.ofYuan(m.projectBudgetYuan()),
                        kit.source(m.source()), m.tableTitle()))
                .toList();
        Views.ProjectView view = new Views.ProjectView(p.id(), p.name(), kit.departmentLink(d),
                kit.regionLink(d.regionSlug()), kit.departmentYearLink(dy, kit.yearText(dy.year())), dy.year(), unit, budget,
                lines(p.purpose()), lines(p.goals()), indicatorGroups(p.indicators()), p.indicators().size(),
                hasDescription, hasBasis, kit.source(p.source()), kit.downloads(suffix -> Urls.projectData(p.id(), suffix)),
                YearOverYearSections.project(kit, yoy, dy, p), procurementRows, kit.qualityNotes(p.id()),
                CorrectionNotes.of(kit, p.corrections()), lastUpdated(kit, dy, p), changes(kit, p));
        String urlPath = urlPath(p);
        String description = kit.msg().format("project_description", d.name(), dy.year(), p.name());
        String jsonLd = JsonLd.dataset(kit.msg().format("project_dataset_name", p.name(), dy.year()), description,
                kit.pageUrl(urlPath),
                kit.site().licenceUrl(), d.name(), kit.site().publisher(), String.valueOf(dy.year()),
                kit.distributions(suffix -> Urls.projectData(p.id(), suffix)));
        List<Link> trail = new ArrayList<>(kit.regionTrail(d.regionSlug()));
        trail.add(kit.departmentLink(d));
        trail.add(kit.departmentYearLink(dy, kit.yearText(dy.year())));
        PageMeta meta = new PageMeta(kit.title(p.name() + " · " + kit.yearText(dy.year())), p.name(), description,
                kit.pageUrl(urlPath), PageKit.withCurrent(trail, p.name()), jsonLd);
        return kit.job(urlPath, TEMPLATE, meta, view, kit.index().lastmod(dy), true);
    }

    /** The day of the project's last change in git (else its file's last commit); null outside git. */
    static String lastUpdated(PageKit kit, DepartmentYear dy, Project p) {
        List<GitDates.Change> history = kit.index().history(p.id());
        return history.isEmpty() ? kit.index().lastmod(dy) : history.get(history.size() - 1).date();
    }

    /** 修改记录, newest first; empty while the project has one version (nothing to compare). */
    static List<Views.ChangeView> changes(PageKit kit, Project p) {
        List<GitDates.Change> history = kit.index().history(p.id());
        return history.size() < 2 ? List.of() : changeViews(kit, history);
    }

    /** The versions as 修改记录 shows them, newest first. */
    static List<Views.ChangeView> changeViews(PageKit kit, List<GitDates.Change> history) {
        List<Views.ChangeView> out = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            GitDates.Change c = history.get(i);
            String note = switch (c.kind()) {
                case ADDED -> kit.msg().get("changes_first");
                case RETRACTED -> kit.msg().get("changes_retracted");
                case CHANGED -> null;
            };
            out.add(new Views.ChangeView(c.date(), kit.dateText(java.time.LocalDate.parse(c.date())),
                    c.commit(), c.message(), note, c.figures().stream()
                    .map(f -> new Views.FigureView(f.field(), f.before() == null ? "—" : f.before(),
                            f.after() == null ? "—" : f.after()))
                    .toList()));
        }
        return List.copyOf(out);
    }

    private static void addBudgetLine(List<Views.BudgetLine> lines, String label, Amount amount) {
        if (amount != null) {
            lines.add(new Views.BudgetLine(label, amount.value().toPlainString() + " " + amount.unit().label(),
                    Money.ofYuan(amount.yuan())));
        }
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Groups indicator rows by consecutive 一级指标 and computes the rowspans of the merged cells. */
    static List<Views.IndicatorGroup> indicatorGroups(List<Indicator> indicators) {
        List<Views.IndicatorGroup> groups = new ArrayList<>();
        int i = 0;
        while (i < indicators.size()) {
            String level1 = nullToEmpty(indicators.get(i).level1());
            int end1 = i;
            while (end1 < indicators.size() && nullToEmpty(indicators.get(end1).level1()).equals(level1)) {
                end1++;
            }
            List<Views.IndicatorRow> rows = new ArrayList<>();
            int j = i;
            while (j < end1) {
                String level2 = nullToEmpty(indicators.get(j).level2());
                int end2 = j;
                while (end2 < end1 && nullToEmpty(indicators.get(end2).level2()).equals(level2)) {
                    end2++;
                }
                for (int k = j; k < end2; k++) {
                    Indicator ind = indicators.get(k);
                    rows.add(new Views.IndicatorRow(
                            k == i ? level1 : null, k == i ? end1 - i : 0,
                            k == j ? level2 : null, k == j ? end2 - j : 0,
                            nullToEmpty(ind.level3()), ind.description(), nullToEmpty(ind.target()),
                            TargetText.describe(ind.parsed()), ind.basis()));
                }
                j = end2;
            }
            groups.add(new Views.IndicatorGroup(List.copyOf(rows)));
            i = end1;
        }
        return List.copyOf(groups);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
