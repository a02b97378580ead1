package gongkai.site;

import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Page;
import gongkai.content.Region;
import gongkai.site.Views.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content as the page builders look it up, indexed once: every page that lists departments or sums projects
 * reads these, never rescans the content. All orderings are explicit so the output does not depend on the order
 * the loader returned things in. Also the content's dates (git), by the file a page shows.
 */
final class SiteIndex {
    /** Department codes by length, then as text: 467 before 362303. */
    static final Comparator<String> CODE_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Content content;
    private final GitDates dates;
    private final Map<String, Region> regions = new TreeMap<>();
    private final List<Region> sortedRegions;
    private final Map<DepartmentKey, Department> departments = new HashMap<>();
    private final Map<DepartmentKey, List<DepartmentYear>> yearsByDepartment = new HashMap<>();
    private final List<Department> sortedDepartments;
    private final Map<String, List<Department>> departmentsByRegion = new HashMap<>();
    private final Map<DepartmentYear, Totals> totalsByYear = new IdentityHashMap<>();
    private final List<Page> sortedPages;

    SiteIndex(Content content, GitDates dates) {
        this.content = content;
        this.dates = dates;
        for (Region r : content.regions()) {
            regions.put(r.slug(), r);
        }
        this.sortedRegions = List.copyOf(regions.values());
        for (Department d : content.departments()) {
            departments.put(d.key(), d);
        }
        for (DepartmentYear dy : content.departmentYears()) {
            yearsByDepartment.computeIfAbsent(dy.departmentKey(), k -> new ArrayList<>()).add(dy);
        }
        yearsByDepartment.values().forEach(list -> list.sort(Comparator.comparingInt(DepartmentYear::year)));
        this.sortedDepartments = departments.values().stream()
                .sorted(Comparator.comparing(Department::regionSlug).thenComparing(Department::code, CODE_ORDER))
                .toList();
        for (Department d : sortedDepartments) {
            departmentsByRegion.computeIfAbsent(d.regionSlug(), k -> new ArrayList<>()).add(d);
        }
        for (DepartmentYear dy : content.departmentYears()) {
            totalsByYear.put(dy, Totals.of(dy.projects(), DepartmentBudget.of(dy)));
        }
        // about first, then the data guide, then any other page by slug.
        List<String> preferred = List.of("about", "data-guide");
        this.sortedPages = content.pages().stream()
                .sorted(Comparator.comparingInt((Page p) -> {
                    int i = preferred.indexOf(p.slug());
                    return i < 0 ? preferred.size() : i;
                }).thenComparing(Page::slug))
                .toList();
    }

    Content content() {
        return content;
    }

    /** Regions by slug. */
    List<Region> regions() {
        return sortedRegions;
    }

    Region region(String slug) {
        return regions.get(slug);
    }

    /** Null when the content has no such department. */
    Department department(DepartmentKey key) {
        return departments.get(key);
    }

    int departmentCount() {
        return departments.size();
    }

    Department departmentOf(DepartmentYear dy) {
        return departments.get(dy.departmentKey());
    }

    /** Every department: by region, then code ({@link #CODE_ORDER}). */
    List<Department> sortedDepartments() {
        return sortedDepartments;
    }

    List<Department> departmentsIn(Region region) {
        return departmentsByRegion.getOrDefault(region.slug(), List.of());
    }

    /** The department's years, oldest first. */
    List<DepartmentYear> yearsOf(Department d) {
        return yearsByDepartment.getOrDefault(d.key(), List.of());
    }

    Totals totals(DepartmentYear dy) {
        Totals t = totalsByYear.get(dy);
        return t != null ? t : Totals.of(dy.projects(), DepartmentBudget.of(dy));
    }

    /** Markdown pages in menu order. */
    List<Page> sortedPages() {
        return sortedPages;
    }

    /**
     * The year a "which departments spend most" chart compares: the latest in which two or more departments list an
     * amount (their projects' or, when those list none, their own 项目支出) — a chart of one bar compares nothing.
     * Null when there is no such year.
     */
    Integer comparableYear(Map<Integer, List<DepartmentYear>> byYear) {
        // the site's catalogue decides it: whether the chart is drawn is whether its CSV is published
        return gongkai.content.SiteCatalogue.comparableYear(byYear.values().stream().flatMap(List::stream).toList());
    }

    // ---- content dates

    /** Last commit of the department-year's file, or null. */
    String lastmod(DepartmentYear dy) {
        return dates.date(ContentPaths.departmentYear(dy));
    }

    String lastmodOfDepartment(Department d) {
        return dates.latestUnder(ContentPaths.departmentDir(d.key()));
    }

    String lastmodOfRegion(Region region) {
        return dates.latestUnder(ContentPaths.regionDir(region.slug()));
    }

    String lastmodOfPage(Page page) {
        return dates.date(ContentPaths.page(page.slug()));
    }

    /** Last commit of the page's English twin, or null. */
    String lastmodOfEnglishPage(Page page) {
        return dates.date(ContentPaths.englishPage(page.slug()));
    }

    /** The project's versions from git, oldest first (empty outside git). */
    java.util.List<GitDates.Change> history(String projectId) {
        return dates.history(projectId);
    }

    GitDates dates() {
        return dates;
    }

    /** The site's last content change. */
    String lastmodOfSite() {
        return dates.latestUnder("");
    }
}
