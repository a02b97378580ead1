package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.SiteCatalogue;
import gongkai.content.Urls;
import gongkai.site.Views.Chart;
import gongkai.site.Views.ChartBar;
import gongkai.site.Views.Download;
import gongkai.site.Views.Money;
import gongkai.site.Views.Sentence;
import gongkai.site.Views.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The site's charts, one per question: which departments spend most in a year (home, region), how a department's
 * budget changed across years (department), where a department-year's money goes (department-year). Each is made
 * once here for its page (the view) and for its CSV (the same rows, written by the export stage); a chart that
 * would compare nothing (no amounts, one bar) is not drawn, and the page says why instead.
 */
final class Charts {
    /** Bar lengths are thousandths of the track. */
    static final int TRACK = 1000;
    /** A positive amount's bar is at least 2% of the track — a few pixels on a phone — with its figure beside it. */
    static final int MIN_LENGTH = 20;
    /**
     * Bars of a ranked chart: with more rows, the largest {@code BARS - 1} are shown and the rest summed in one bar,
     * so the chart fits a phone screen (a bar with its label above it is about 3 rem high there).
     */
    static final int BARS = 10;

    private Charts() {
    }

    /** A page's chart as shown and as downloaded; {@code data} is null when the page shows only why there is none. */
    record Built(Chart view, ChartData data) {
    }

    /** The page's view of a chart, or null when the page has none. */
    static Chart view(Built built) {
        return built == null ? null : built.view();
    }

    private record Entry(String label, String href, BigDecimal yuan, boolean declared, boolean rest) {
    }

    /** Every chart's data, by page: home, regions, departments and their years (for the export stage). */
    static List<ChartData> all(PageKit kit) {
        SiteIndex index = kit.index();
        List<Built> built = new ArrayList<>();
        built.add(home(kit));
        for (Region region : index.regions()) {
            built.add(region(kit, region));
        }
        for (Department d : index.sortedDepartments()) {
            built.add(department(kit, d));
            for (DepartmentYear dy : index.yearsOf(d)) {
                built.add(departmentYear(kit, d, dy));
            }
        }
        return built.stream().filter(b -> b != null && b.data() != null).map(Built::data).toList();
    }

    // ---- which departments spend most

    /** Home: the site's departments in the latest year two or more of them list an amount in; null without departments. */
    static Built home(PageKit kit) {
        return ranked(kit, kit.index().content().departmentYears(), Urls.home(), "",
                kit.msg().get("chart_scope_site"));
    }

    static Built region(PageKit kit, Region region) {
        SiteIndex index = kit.index();
        List<DepartmentYear> years = index.departmentsIn(region).stream().flatMap(d -> index.yearsOf(d).stream())
                .toList();
        return ranked(kit, years, Urls.region(region.slug()), region.name(),
                kit.msg().get("chart_scope_region"));
    }

    private static Built ranked(PageKit kit, List<DepartmentYear> years, String pageUrl, String scopeName,
                                String scopeWord) {
        SiteIndex index = kit.index();
        Map<Integer, List<DepartmentYear>> byYear = new TreeMap<>();
        years.forEach(dy -> byYear.computeIfAbsent(dy.year(), y -> new ArrayList<>()).add(dy));
        long departments = years.stream().map(DepartmentYear::departmentKey).distinct().count();
        if (departments == 0) {
            return null;
        }
        Integer year = index.comparableYear(byYear);
        Messages msg = kit.msg();
        if (year == null) {
            return new Built(Chart.absent(null, Sentence.of(departments == 1
                    ? msg.format("chart_ranked_one_department", scopeWord)
                    : msg.get("chart_ranked_no_year"))), null);
        }
        List<Entry> entries = new ArrayList<>();
        int unlisted = 0;
        List<String> declaredNames = new ArrayList<>();
        List<DepartmentYear> sorted = byYear.get(year).stream()
                .sorted(Comparator.comparing((DepartmentYear dy) -> amount(index.totals(dy)),
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(DepartmentYear::regionSlug)
                        .thenComparing(DepartmentYear::departmentCode, SiteIndex.CODE_ORDER))
                .toList();
        for (DepartmentYear dy : sorted) {
            Totals t = index.totals(dy);
            String name = index.departmentOf(dy).name();
            if (t.shown() == null) {
                unlisted++;
                continue;
            }
            boolean declared = t.total() == null;
            if (declared) {
                declaredNames.add(name);
            }
            entries.add(new Entry(name, kit.departmentYearLink(dy, "").href(), amount(t), declared, false));
        }
        List<Entry> shown = fold(msg, entries, "chart_rest_departments");
        String title = msg.format(scopeName.isEmpty() ? "chart_ranked_title_site" : "chart_ranked_title", scopeName, year);
        String subtitle = msg.format("chart_ranked_subtitle", year)
                + (shown.size() < entries.size() ? msg.format("chart_folded", BARS) : "") + msg.get("sentence_end");
        List<String> notes = new ArrayList<>();
        if (!declaredNames.isEmpty()) {
            notes.add(msg.format("chart_ranked_declared", String.join(msg.get("list_sep"), declaredNames)));
        }
        if (unlisted > 0) {
            notes.add(msg.format("chart_ranked_unlisted", unlisted));
        }
        List<Integer> later = byYear.keySet().stream().filter(y -> y > year).toList();
        if (!later.isEmpty()) {
            notes.add(msg.format("chart_ranked_later", later.stream().map(String::valueOf)
                    .collect(Collectors.joining(msg.get("list_sep")))));
        }
        // the CSV is one file for every edition: its save-as name is the Chinese one
        String fileName = (scopeName.isEmpty() ? "" : scopeName + "-") + "各部门预算排行-" + year + ".csv";
        return built(kit, pageUrl, title, subtitle, msg.get("col_department"), shown, notes, fileName);
    }

    // ---- how a department's budget changed

    /** The department's years oldest first; drawn when two or more list an amount, else the one figure in words. */
    static Built department(PageKit kit, Department d) {
        SiteIndex index = kit.index();
        List<DepartmentYear> years = index.yearsOf(d);
        if (years.isEmpty()) {
            return null;
        }
        Messages msg = kit.msg();
        String title = msg.get("chart_department_title");
        List<Entry> entries = new ArrayList<>();
        List<String> declaredYears = new ArrayList<>();
        for (DepartmentYear dy : years) {
            Totals t = index.totals(dy);
            boolean declared = t.total() == null && t.declared() != null;
            if (declared) {
                declaredYears.add(kit.yearText(dy.year()));
            }
            entries.add(new Entry(kit.yearText(dy.year()), kit.departmentYearLink(dy, "").href(), amount(t), declared, false));
        }
        List<Entry> listed = entries.stream().filter(e -> e.yuan() != null).toList();
        if (!SiteCatalogue.departmentChart(years)) { // drawn when its CSV is published: the catalogue's rule
            Sentence why;
            if (listed.isEmpty()) {
                why = Sentence.of(msg.get("chart_department_none"));
            } else {
                Entry one = listed.get(0);
                String what = msg.get(one.declared() ? "chart_department_what_declared" : "chart_department_what_total");
                why = years.size() == 1
                        ? new Sentence(msg.format("chart_department_one_year", one.label(), what), Money.ofYuan(one.yuan()),
                                msg.get("chart_department_one_year_after"))
                        : new Sentence(msg.format("chart_department_one_listed", one.label(), what), Money.ofYuan(one.yuan()),
                                msg.get("chart_department_one_listed_after"));
            }
            return new Built(Chart.absent(title, why), null);
        }
        List<String> notes = new ArrayList<>();
        if (!declaredYears.isEmpty()) {
            notes.add(msg.format("chart_department_declared", String.join(msg.get("list_sep"), declaredYears)));
        }
        return built(kit, Urls.department(d.key()), title, msg.get("chart_department_subtitle"), msg.get("col_year"),
                entries, notes,
                PageKit.fileNameSafe(d.name()) + "-历年预算.csv");
    }

    // ---- where a department-year's money goes

    /** The year's projects by 预算数, largest first; drawn when two or more list one, else why not. */
    static Built departmentYear(PageKit kit, Department d, DepartmentYear dy) {
        Messages msg = kit.msg();
        String title = msg.get("chart_dy_title");
        List<Entry> entries = new ArrayList<>();
        List<Project> projects = dy.projects();
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            if (p.budget() != null && p.budget().total() != null) {
                entries.add(new Entry(p.name(), kit.href(Urls.project(p.id())), p.budget().total().yuan(), false,
                        false));
            }
        }
        // largest first; equal amounts in the document's order (the sort is stable)
        entries.sort(Comparator.comparing(Entry::yuan, Comparator.reverseOrder()));
        int unlisted = projects.size() - entries.size();
        if (!SiteCatalogue.departmentYearChart(dy)) { // drawn when its CSV is published: the catalogue's rule
            Sentence why;
            if (entries.isEmpty()) {
                why = Sentence.of(msg.get(projects.isEmpty() ? "chart_dy_no_projects" : "chart_dy_no_amounts"));
            } else {
                why = new Sentence(msg.format("chart_dy_one", entries.get(0).label()),
                        Money.ofYuan(entries.get(0).yuan()), msg.get("chart_dy_one_after"));
            }
            return new Built(Chart.absent(title, why), null);
        }
        List<Entry> shown = fold(msg, entries, "chart_rest_projects");
        String subtitle = msg.get("chart_dy_subtitle")
                + (shown.size() < entries.size() ? msg.format("chart_folded", BARS) : "") + msg.get("sentence_end");
        List<String> notes = new ArrayList<>();
        if (unlisted > 0) {
            notes.add(msg.format("chart_dy_unlisted", unlisted));
        }
        return built(kit, Urls.departmentYear(dy), title, subtitle, msg.get("col_budget_item"), shown, notes,
                PageKit.fileNameSafe(d.name()) + "-" + dy.year() + "-资金投向.csv");
    }

    // ---- shared

    /** The first {@code BARS - 1} entries and one summing the rest, when there are more than {@code BARS}. */
    private static List<Entry> fold(Messages msg, List<Entry> entries, String restKey) {
        if (entries.size() <= BARS) {
            return entries;
        }
        List<Entry> shown = new ArrayList<>(entries.subList(0, BARS - 1));
        List<Entry> rest = entries.subList(BARS - 1, entries.size());
        BigDecimal sum = rest.stream().map(Entry::yuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        shown.add(new Entry(msg.format(restKey, rest.size()), null, sum, false, true));
        return shown;
    }

    private static Built built(PageKit kit, String pageUrl, String title, String subtitle, String labelHeading,
                               List<Entry> entries, List<String> notes, String fileName) {
        BigDecimal max = BigDecimal.ZERO;
        for (Entry e : entries) {
            if (e.yuan() != null && e.yuan().compareTo(max) > 0) {
                max = e.yuan();
            }
        }
        List<ChartBar> bars = new ArrayList<>();
        List<ChartData.Row> rows = new ArrayList<>();
        boolean raised = false;
        for (Entry e : entries) {
            int length = length(e.yuan(), max);
            raised |= length == MIN_LENGTH && e.yuan().multiply(BigDecimal.valueOf(TRACK))
                    .compareTo(max.multiply(BigDecimal.valueOf(MIN_LENGTH))) < 0;
            bars.add(new ChartBar(e.label(), e.href(), Money.ofYuan(e.yuan()), length, e.declared(), e.rest()));
            rows.add(new ChartData.Row(e.label(),
                    e.yuan() == null ? null : e.yuan().movePointLeft(4).setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    e.yuan() == null ? null : MoneyFormat.plainYuan(e.yuan()),
                    e.yuan() == null ? kit.msg().get("not_listed") : e.declared() ? kit.msg().get("chart_declared_note")
                            : e.rest() ? kit.msg().get("chart_rest_note") : null));
        }
        List<String> allNotes = new ArrayList<>(notes);
        if (raised) {
            allNotes.add(kit.msg().get("chart_min_length"));
        }
        String path = Urls.chartData(pageUrl);
        Download csv = new Download(kit.fileHref(path), kit.msg().get("chart_download"), "text/csv",
                PageKit.fileNameSafe(fileName));
        return new Built(new Chart(title, subtitle, labelHeading, List.copyOf(bars), List.copyOf(allNotes), csv, null),
                new ChartData(path, labelHeading, rows));
    }

    /** Thousandths of the track; a positive amount at least {@link #MIN_LENGTH}, none for 0 or 未列. */
    static int length(BigDecimal yuan, BigDecimal max) {
        if (yuan == null || yuan.signum() <= 0 || max.signum() <= 0) {
            return 0;
        }
        int length = yuan.multiply(BigDecimal.valueOf(TRACK)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        return Math.min(TRACK, Math.max(MIN_LENGTH, length));
    }

    private static BigDecimal amount(Totals t) {
        Money shown = t.shown();
        return shown == null ? null : new BigDecimal(shown.plainYuan());
    }
}
