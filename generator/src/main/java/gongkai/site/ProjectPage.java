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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's page: its budget lines, purpose, goals, indicator table (merged 一级/二级 cells), procurement lines,
 * downloads, and the same project in the department's other years.
 */
final class ProjectPage {
    static final String TEMPLATE = "project.ftlh";

    private ProjectPage() {
    }

    static String urlPath(Project p) {
        return Urls.project(p.id());
    }

    /** The same project in another year of the department (by {@link ProjectMatching}). */
    record Match(int year, Project project) {
    }

    /** For each project of {@code dy}: the same project in the department's other years, by year then id. */
    static Map<String, List<Match>> otherYears(PageKit kit, Department d, DepartmentYear dy) {
        Map<String, List<Match>> byProject = new HashMap<>();
        List<DepartmentYear> others = kit.index().yearsOf(d).stream().filter(o -> o.year() != dy.year()).toList();
        if (others.isEmpty()) {
            return byProject;
        }
        Map<String, List<Match>> othersByName = new HashMap<>();
        for (DepartmentYear o : others) {
            for (Project p : o.projects()) {
                othersByName.computeIfAbsent(ProjectMatching.normalisedName(p.name()), k -> new ArrayList<>())
                        .add(new Match(o.year(), p));
            }
        }
        for (Project p : dy.projects()) {
            String name = ProjectMatching.normalisedName(p.name());
            if (name.isEmpty()) {
                continue;
            }
            List<Match> matches = othersByName.getOrDefault(name, List.of());
            if (!matches.isEmpty()) {
                byProject.put(p.id(), matches.stream()
                        .sorted(Comparator.comparingInt(Match::year).thenComparing(m -> m.project().id())).toList());
            }
        }
        return byProject;
    }

    /**
     * This project's 预算数 beside the same project's in other years, oldest first, each with its change from the
     * row before (absolute in 万元 and %), when both list an amount and the earlier year is an earlier year.
     */
    static List<Views.YearAmount> history(PageKit kit, DepartmentYear dy, Project p, List<Match> others) {
        if (others.isEmpty()) {
            return List.of();
        }
        List<Match> rows = new ArrayList<>(others);
        rows.add(new Match(dy.year(), p));
        rows.sort(Comparator.comparingInt(Match::year).thenComparing(m -> m.project().id()));
        List<Views.YearAmount> out = new ArrayList<>();
        Match previous = null;
        for (Match m : rows) {
            BigDecimal total = yuan(m.project());
            BigDecimal before = previous == null || previous.year() >= m.year() ? null : yuan(previous.project());
            String change = null;
            String percent = null;
            if (total != null && before != null) {
                BigDecimal diff = total.subtract(before);
                change = (diff.signum() > 0 ? "+" : "") + MoneyFormat.wan(diff);
                if (before.signum() != 0) {
                    BigDecimal pct = diff.multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
                    percent = (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
                }
            }
            boolean current = m.project() == p;
            out.add(new Views.YearAmount(m.year(), current ? null : new Link(kit.href(Urls.project(m.project().id())),
                    m.project().name()), m.project().name(), current, Views.Money.ofYuan(total), change, percent));
            previous = m;
        }
        return List.copyOf(out);
    }

    private static BigDecimal yuan(Project p) {
        return p.budget() == null || p.budget().total() == null ? null : p.budget().total().yuan();
    }

    static SiteModel.PageJob of(PageKit kit, Department d, DepartmentYear dy, Project p, List<Match> matches,
                                List<ProcurementSource.Match> procurementLinks) {
        List<Link> otherYears = matches.stream()
                .map(m -> new Link(kit.href(Urls.project(m.project().id())), m.year() + "年：" + m.project().name()))
                .toList();
        List<Views.BudgetLine> budget = new ArrayList<>();
        String unit = null;
        if (p.budget() != null) {
            unit = p.budget().unit() == null ? null : p.budget().unit().label();
            addBudgetLine(budget, "预算数", p.budget().total());
            addBudgetLine(budget, "其中：财政资金", p.budget().fiscal());
            addBudgetLine(budget, "其他资金", p.budget().other());
        }
        boolean hasDescription = p.indicators().stream().anyMatch(i -> i.description() != null);
        boolean hasBasis = p.indicators().stream().anyMatch(i -> i.basis() != null);
        List<Views.ProcurementView> procurementRows = procurementLinks.stream()
                .map(m -> new Views.ProcurementView(m.item(), m.yuan() == null ? null : Money.ofYuan(m.yuan()),
                        m.projectBudgetYuan() == null ? null : Money.ofYuan(m.projectBudgetYuan()),
                        kit.source(m.source()), m.tableTitle()))
                .toList();
        Views.ProjectView view = new Views.ProjectView(p.id(), p.name(), kit.departmentLink(d),
                kit.regionLink(d.regionSlug()), kit.departmentYearLink(dy, dy.year() + "年"), dy.year(), unit, budget,
                lines(p.purpose()), lines(p.goals()), indicatorGroups(p.indicators()), p.indicators().size(),
                hasDescription, hasBasis, kit.source(p.source()), kit.downloads(suffix -> Urls.projectData(p.id(), suffix)),
                otherYears, history(kit, dy, p, matches), procurementRows, kit.qualityNotes(p.id()),
                CorrectionNotes.of(p.corrections()), lastUpdated(kit, dy, p), changes(kit, p));
        String urlPath = urlPath(p);
        String description = d.name() + " " + dy.year() + "年项目支出绩效目标：" + p.name();
        String jsonLd = JsonLd.dataset(p.name() + "（" + dy.year() + "年绩效目标）", description, kit.baseUrl() + urlPath,
                kit.site().licenceUrl(), d.name(), kit.site().publisher(), String.valueOf(dy.year()),
                kit.distributions(suffix -> Urls.projectData(p.id(), suffix)));
        List<Link> trail = new ArrayList<>(kit.regionTrail(d.regionSlug()));
        trail.add(kit.departmentLink(d));
        trail.add(kit.departmentYearLink(dy, dy.year() + "年"));
        PageMeta meta = new PageMeta(kit.title(p.name() + " · " + dy.year() + "年"), p.name(), description,
                kit.baseUrl() + urlPath, PageKit.withCurrent(trail, p.name()), jsonLd);
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
        return history.size() < 2 ? List.of() : changeViews(history);
    }

    /** The versions as 修改记录 shows them, newest first. */
    static List<Views.ChangeView> changeViews(List<GitDates.Change> history) {
        List<Views.ChangeView> out = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            GitDates.Change c = history.get(i);
            String note = switch (c.kind()) {
                case ADDED -> "首次发布";
                case RETRACTED -> "撤回";
                case CHANGED -> null;
            };
            out.add(new Views.ChangeView(c.date(), CorrectionNotes.dateText(java.time.LocalDate.parse(c.date())),
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
