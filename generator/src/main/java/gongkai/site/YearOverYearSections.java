package gongkai.site;

import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.Money;
import gongkai.site.YearOverYear.Change;
import gongkai.site.YearOverYear.Figure;
import gongkai.site.YearOverYear.Pair;
import gongkai.site.YearOverYear.Row;
import gongkai.site.YearOverYear.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The year-over-year sections (templates/year-over-year.ftlh) of the project page (历年对比), the department-year
 * page (与上一年度对比) and the department page (各项目历年预算), from one {@link YearOverYear} pairing. Each is
 * null when there is nothing to compare (a project in one year only, a department's first or only year), so no
 * page shows an empty heading.
 */
public final class YearOverYearSections {
    private YearOverYearSections() {
    }

    // ---- views

    /**
     * An amount and its change from the amount it is compared with ({@code since}: that year); {@code change}
     * (万元, signed) and {@code percent} are null when there is nothing to compare, {@code percent} also when the
     * earlier amount is 0 or negative ({@link Change}), and then {@code noPercent} says so ("2023年为 0").
     * {@code money} null: not listed.
     */
    public record Compared(Money money, String change, String percent, int since, String noPercent) {
        static Compared of(BigDecimal after, BigDecimal before, int since) {
            Change c = Change.of(before, after);
            if (c == null) {
                return new Compared(Money.ofYuan(after), null, null, since, null);
            }
            String noPercent = c.percent() != null ? null : before.signum() == 0 ? since + "年为 0" : since + "年为负数";
            return new Compared(Money.ofYuan(after), MoneyFormat.signedWan(c.difference()),
                    c.percent() == null ? null : MoneyFormat.signedPercent(c.percent()), since, noPercent);
        }
    }

    /** One year of the project on its page: the project's page there (null for this page) and its amounts. */
    public record ProjectYear(int year, Link link, String name, boolean current, Compared total, Compared fiscal,
                              Compared other) {
    }

    /**
     * One indicator across the project's years: named as in this page's year (else its latest), a cell per year.
     */
    public record IndicatorYears(String level1, String level2, String level3, List<IndicatorCell> cells) {
    }

    /**
     * One year of an indicator: {@code target} as printed, or {@code present} false (本年无). {@code added}: not in
     * the project's year before (新增); {@code changed}: in it with another target. {@code otherName}: the name it
     * has this year when a fallback paired it under another ("名称：总投资额").
     */
    public record IndicatorCell(int year, boolean present, String target, boolean added, boolean changed,
                                String otherName) {
    }

    /** 历年对比 on a project page; {@code hasFiscal}/{@code hasOther}: some year lists that amount. */
    public record ProjectYears(List<ProjectYear> years, boolean hasFiscal, boolean hasOther, List<Integer> indicatorYears,
                               List<IndicatorYears> indicators, int added, int dropped, int changed) {
    }

    /** A project of the department-year against the previous year (its 预算数 there, none when added). */
    public record ProjectChange(Link link, boolean added, Money before, Compared after) {
    }

    /** 与上一年度对比 on a department-year page. */
    public record YearChanges(int year, Link previousYear, int continued, int added, List<ProjectChange> projects,
                              List<ProjectChange> dropped) {
    }

    /** One year of a project on the department page: present or 本年无, 新增 when the year before lacks it. */
    public record DepartmentCell(int year, boolean present, boolean added, Link link, Compared total) {
    }

    /** One project (the same project across years) on the department page, named and linked as in its latest year. */
    public record DepartmentRow(Link link, int latestYear, List<DepartmentCell> cells) {
    }

    /** A year against the one before: how many projects continue, are new, are no longer listed. */
    public record YearSummary(Link year, int previousYear, int continued, int added, int dropped) {
    }

    /** 各项目历年预算 on a department page. */
    public record DepartmentYears(List<Integer> years, List<YearSummary> summaries, List<DepartmentRow> rows) {
    }

    // ---- project page

    /** Null when the project appears in no other year of its department. */
    static ProjectYears project(PageKit kit, YearOverYear yoy, DepartmentYear dy, Project p) {
        Row row = yoy.rowOf(p);
        if (row == null || row.byYear().size() < 2) {
            return null;
        }
        List<ProjectYear> years = new ArrayList<>();
        boolean hasFiscal = false;
        boolean hasOther = false;
        Project before = null;
        int beforeYear = 0;
        for (Map.Entry<Integer, Project> e : row.byYear().entrySet()) {
            Project q = e.getValue();
            boolean current = q.id().equals(p.id());
            years.add(new ProjectYear(e.getKey(), current ? null : projectLink(kit, q), q.name(), current,
                    compared(Figure.TOTAL, q, before, beforeYear), compared(Figure.FISCAL, q, before, beforeYear),
                    compared(Figure.OTHER, q, before, beforeYear)));
            hasFiscal |= Figure.FISCAL.yuan(q) != null;
            hasOther |= Figure.OTHER.yuan(q) != null;
            before = q;
            beforeYear = e.getKey();
        }
        List<Integer> indicatorYears = List.copyOf(row.byYear().keySet());
        List<IndicatorYears> indicators = indicators(row, dy.year());
        int added = 0;
        int dropped = 0;
        int changed = 0;
        for (IndicatorYears i : indicators) {
            for (int k = 1; k < i.cells().size(); k++) {
                IndicatorCell c = i.cells().get(k);
                added += c.added() ? 1 : 0;
                changed += c.changed() ? 1 : 0;
                dropped += !c.present() && i.cells().get(k - 1).present() ? 1 : 0;
            }
        }
        return new ProjectYears(List.copyOf(years), hasFiscal, hasOther, indicatorYears, indicators, added, dropped,
                changed);
    }

    private static Compared compared(Figure f, Project q, Project before, int beforeYear) {
        return Compared.of(f.yuan(q), before == null ? null : f.yuan(before), beforeYear);
    }

    /** An indicator followed through the project's years: its indicator in each year it is in. */
    private static final class Chain {
        final Map<Integer, Indicator> byYear = new HashMap<>();
        final int firstYear;
        final int firstPosition;
        Indicator last;

        Chain(int year, int position, Indicator i) {
            firstYear = year;
            firstPosition = position;
            add(year, i);
        }

        void add(int year, Indicator i) {
            byYear.put(year, i);
            last = i;
        }
    }

    /**
     * The project's indicators through its years: each year's indicators paired ({@link IndicatorMatching}) with
     * those of the years before (each chain by its latest name); this page's year's first, in its order, then the
     * others by the year and position they first appear.
     */
    static List<IndicatorYears> indicators(Row row, int pageYear) {
        List<Chain> chains = new ArrayList<>();
        for (Map.Entry<Integer, Project> e : row.byYear().entrySet()) {
            int year = e.getKey();
            List<Indicator> list = e.getValue().indicators();
            List<Indicator> lasts = chains.stream().map(c -> c.last).toList();
            Chain[] paired = new Chain[list.size()];
            for (IndicatorMatching.Match m : IndicatorMatching.match(lasts, list)) {
                paired[m.after()] = chains.get(m.before());
            }
            for (int k = 0; k < list.size(); k++) {
                if (paired[k] == null) {
                    chains.add(new Chain(year, k, list.get(k)));
                } else {
                    paired[k].add(year, list.get(k));
                }
            }
        }
        List<Integer> years = List.copyOf(row.byYear().keySet());
        Map<Indicator, Integer> pagePosition = new java.util.IdentityHashMap<>();
        Project onPage = row.in(pageYear);
        for (int k = 0; k < onPage.indicators().size(); k++) {
            pagePosition.put(onPage.indicators().get(k), k);
        }
        chains.sort(Comparator.comparing((Chain c) -> !c.byYear.containsKey(pageYear))
                .thenComparingInt(c -> c.byYear.containsKey(pageYear) ? pagePosition.get(c.byYear.get(pageYear)) : 0)
                .thenComparingInt(c -> c.firstYear).thenComparingInt(c -> c.firstPosition));
        List<IndicatorYears> out = new ArrayList<>();
        for (Chain c : chains) {
            Indicator label = c.byYear.getOrDefault(pageYear, c.last);
            List<IndicatorCell> cells = new ArrayList<>();
            Indicator previous = null;
            for (int k = 0; k < years.size(); k++) {
                Indicator i = c.byYear.get(years.get(k));
                if (i == null) {
                    cells.add(new IndicatorCell(years.get(k), false, null, false, false, null));
                } else {
                    boolean added = k > 0 && previous == null;
                    boolean changed = previous != null && !IndicatorMatching.normalisedTarget(previous.target())
                            .equals(IndicatorMatching.normalisedTarget(i.target()));
                    cells.add(new IndicatorCell(years.get(k), true, text(i.target()), added, changed,
                            otherName(label, i)));
                }
                previous = i;
            }
            out.add(new IndicatorYears(text(label.level1()), text(label.level2()), text(label.level3()),
                    List.copyOf(cells)));
        }
        return List.copyOf(out);
    }

    /** How {@code i} is named where its row's label differs: "名称：总投资额", "二级指标：社会效益". */
    private static String otherName(Indicator label, Indicator i) {
        List<String> parts = new ArrayList<>();
        if (!text(label.level1()).equals(text(i.level1()))) {
            parts.add("一级指标：" + text(i.level1()));
        }
        if (!text(label.level2()).equals(text(i.level2()))) {
            parts.add("二级指标：" + text(i.level2()));
        }
        if (!text(label.level3()).equals(text(i.level3()))) {
            parts.add("名称：" + text(i.level3()));
        }
        return parts.isEmpty() ? null : String.join("，", parts);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    // ---- department-year page

    /** Null for the department's first (or only) year. */
    static YearChanges departmentYear(PageKit kit, YearOverYear yoy, DepartmentYear dy) {
        DepartmentYear previous = yoy.previous(dy);
        if (previous == null) {
            return null;
        }
        List<ProjectChange> projects = new ArrayList<>();
        List<ProjectChange> dropped = new ArrayList<>();
        int continued = 0;
        int added = 0;
        for (Pair pair : yoy.pairs(dy)) {
            Project before = pair.previous();
            Project after = pair.current();
            BigDecimal beforeYuan = Figure.TOTAL.yuan(before);
            switch (pair.status()) {
                case DROPPED -> dropped.add(new ProjectChange(projectLink(kit, before), false, Money.ofYuan(beforeYuan),
                        null));
                case NEW, CONTINUED -> {
                    boolean isNew = pair.status() == Status.NEW;
                    continued += isNew ? 0 : 1;
                    added += isNew ? 1 : 0;
                    projects.add(new ProjectChange(projectLink(kit, after), isNew, Money.ofYuan(beforeYuan),
                            Compared.of(Figure.TOTAL.yuan(after), beforeYuan, previous.year())));
                }
            }
        }
        // as the project list above them: largest budget first, unlisted last, then by id (pairs come by id)
        Comparator<ProjectChange> byBudget = Comparator.comparing((ProjectChange c) -> amount(c) == null)
                .thenComparing(c -> amount(c) == null ? BigDecimal.ZERO : amount(c), Comparator.reverseOrder());
        projects.sort(byBudget);
        dropped.sort(Comparator.comparing((ProjectChange c) -> c.before() == null)
                .thenComparing(c -> c.before() == null ? BigDecimal.ZERO : new BigDecimal(c.before().plainYuan()),
                        Comparator.reverseOrder()));
        return new YearChanges(dy.year(), kit.departmentYearLink(previous, previous.year() + "年"), continued, added,
                List.copyOf(projects), List.copyOf(dropped));
    }

    private static BigDecimal amount(ProjectChange c) {
        return c.after().money() == null ? null : new BigDecimal(c.after().money().plainYuan());
    }

    // ---- department page

    /** Null when the department has one year only. */
    static DepartmentYears department(PageKit kit, YearOverYear yoy) {
        List<DepartmentYear> years = yoy.years();
        if (years.size() < 2) {
            return null;
        }
        List<YearSummary> summaries = new ArrayList<>();
        for (DepartmentYear dy : years) {
            DepartmentYear previous = yoy.previous(dy);
            if (previous == null) {
                continue;
            }
            Map<Status, Integer> counts = new LinkedHashMap<>();
            yoy.pairs(dy).forEach(pair -> counts.merge(pair.status(), 1, Integer::sum));
            summaries.add(new YearSummary(kit.departmentYearLink(dy, dy.year() + "年"), previous.year(),
                    counts.getOrDefault(Status.CONTINUED, 0), counts.getOrDefault(Status.NEW, 0),
                    counts.getOrDefault(Status.DROPPED, 0)));
        }
        List<DepartmentRow> rows = new ArrayList<>();
        for (Row row : yoy.rows()) {
            List<DepartmentCell> cells = new ArrayList<>();
            Project before = null;
            int beforeYear = 0;
            for (int k = 0; k < years.size(); k++) {
                int year = years.get(k).year();
                Project q = row.in(year);
                if (q == null) {
                    cells.add(new DepartmentCell(year, false, false, null, null));
                } else {
                    cells.add(new DepartmentCell(year, true, k > 0 && before == null, projectLink(kit, q),
                            compared(Figure.TOTAL, q, before, beforeYear)));
                }
                before = q;
                beforeYear = year;
            }
            rows.add(new DepartmentRow(projectLink(kit, row.latest()), row.latestYear(), List.copyOf(cells)));
        }
        return new DepartmentYears(years.stream().map(DepartmentYear::year).toList(), List.copyOf(summaries),
                List.copyOf(rows));
    }

    private static Link projectLink(PageKit kit, Project p) {
        return new Link(kit.href(Urls.project(p.id())), p.name());
    }
}
