package gongkai.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a full build publishes for some content, in one place: every page of every edition and every file the
 * content decides — downloads, source documents and their pages, the CSV beside each chart, feeds — as site paths
 * (pages as {@code <folder>index.html}). {@code validate} accepts a Markdown link only to a path listed here; the
 * build takes from here the rules that depend on the data ({@link #sources which documents are published},
 * {@link #departmentYearChart whether a page draws a chart}), and a test compares the list with every file a full
 * build writes, so the two cannot drift apart.
 *
 * <p>Not listed: what the theme decides ({@code assets/}), the search index's files ({@code search/data/}), and
 * the numbered sitemaps of a site too large for one {@code sitemap.xml}.
 */
public final class SiteCatalogue {
    /** The whole-dataset tables under data/: each is {@code <name>.csv} and its Excel twin {@code <name>-excel.csv}. */
    public static final List<String> DATASET_TABLES = List.of("projects", "indicators", "departments",
            "department_years", "project_changes", "corrections", "retracted", "changes", "quality");
    /** The whole-dataset JSON files under data/: {@code <name>.json}. */
    public static final List<String> DATASET_JSON = List.of("all", "quality", "datapackage");
    /** The suffixes of the three download twins of a department-year or a project: JSON, CSV, Excel CSV. */
    public static final List<String> DOWNLOAD_SUFFIXES = List.of(".json", ".csv", "-excel.csv");

    private final Set<String> files;
    private final Set<String> folders = new HashSet<>();

    private SiteCatalogue(Set<String> files) {
        this.files = Collections.unmodifiableSet(files);
        for (String f : files) {
            for (int slash = f.indexOf('/'); slash >= 0; slash = f.indexOf('/', slash + 1)) {
                folders.add(f.substring(0, slash + 1));
            }
        }
    }

    /** The site's edition prefixes when no theme is at hand ({@code validate}): the root and each edition folder. */
    public static List<String> editions() {
        List<String> prefixes = new ArrayList<>();
        prefixes.add("");
        SafePaths.EDITION_FOLDERS.stream().sorted().forEach(folder -> prefixes.add(folder + "/"));
        return List.copyOf(prefixes);
    }

    /**
     * Everything a full build of {@code content} writes but the theme's assets and the search files, with each page
     * once per edition ({@code editionPrefixes}: "" for the root edition, "en/" …).
     */
    public static SiteCatalogue of(Content content, List<String> editionPrefixes) {
        Set<String> files = new HashSet<>();
        List<String> pages = new ArrayList<>();
        pages.add(Urls.home());
        pages.add(Urls.search());
        pages.add(Urls.dataPage());
        pages.add(Urls.quality());
        files.addAll(List.of(Urls.feed(), "sitemap.xml", "robots.txt", Urls.dataZip()));
        for (String name : DATASET_JSON) {
            files.add(Urls.data(name + ".json"));
        }
        Set<String> tables = new java.util.LinkedHashSet<>(DATASET_TABLES);
        for (Region r : content.regions()) {
            pages.add(Urls.region(r.slug()));
        }
        Map<DepartmentKey, List<DepartmentYear>> byDepartment = new HashMap<>();
        Map<String, List<DepartmentYear>> byRegion = new HashMap<>();
        for (DepartmentYear dy : content.departmentYears()) {
            byDepartment.computeIfAbsent(dy.departmentKey(), k -> new ArrayList<>()).add(dy);
        }
        for (Department d : content.departments()) {
            pages.add(Urls.department(d.key()));
            List<DepartmentYear> years = byDepartment.getOrDefault(d.key(), List.of());
            byRegion.computeIfAbsent(d.regionSlug(), k -> new ArrayList<>()).addAll(years);
            if (departmentChart(years)) {
                files.add(Urls.chartData(Urls.department(d.key())));
            }
        }
        for (DepartmentYear dy : content.departmentYears()) {
            pages.add(Urls.departmentYear(dy));
            files.add(Urls.departmentYearFeed(dy));
            for (String suffix : DOWNLOAD_SUFFIXES) {
                files.add(Urls.departmentYearData(dy, suffix));
            }
            if (departmentYearChart(dy)) {
                files.add(Urls.chartData(Urls.departmentYear(dy)));
            }
            for (Project p : dy.projects()) {
                pages.add(Urls.project(p.id()));
                for (String suffix : DOWNLOAD_SUFFIXES) {
                    files.add(Urls.projectData(p.id(), suffix));
                }
            }
            // a withdrawn project keeps its address: its page says it was withdrawn (no downloads)
            dy.retracted().forEach(r -> pages.add(Urls.project(r.id())));
            dy.tables().forEach(t -> tables.add(t.id()));
            if (dy.document() != null) {
                pages.add(Urls.sourcePage(dy.document()));
            }
        }
        sources(content.departmentYears()).keySet().forEach(document -> files.add(Urls.source(document)));
        if (rankedChart(content.departmentYears())) {
            files.add(Urls.chartData(Urls.home()));
        }
        for (Region r : content.regions()) {
            if (rankedChart(byRegion.getOrDefault(r.slug(), List.of()))) {
                files.add(Urls.chartData(Urls.region(r.slug())));
            }
        }
        for (Page p : content.pages()) {
            pages.add(Urls.page(p.slug()));
        }
        for (String name : tables) {
            files.add(Urls.data(name + ".csv"));
            files.add(Urls.data(name + "-excel.csv"));
        }
        for (String prefix : editionPrefixes) {
            for (String page : pages) {
                // a page is its folder's index.html, a source page its own .html file
                files.add(prefix + (page.isEmpty() || page.endsWith("/") ? page + "index.html" : page));
            }
            files.add(prefix + Urls.notFound());
        }
        return new SiteCatalogue(files);
    }

    /** Every listed file, as a site path. */
    public Set<String> files() {
        return files;
    }

    /** Whether the build writes the file at site path {@code key} (a page is its {@code index.html}). */
    public boolean hasFile(String key) {
        return files.contains(key);
    }

    /** Whether a listed file lies in the folder {@code key} ("tianjin/", "en/"; "" is the site's root). */
    public boolean hasFolder(String key) {
        return key.isEmpty() || folders.contains(key);
    }

    // ---- the rules the build takes from here

    /**
     * The files of content/sources/ these years publish (as {@code document:} values, each with the department whose
     * folder holds it): each document, its text rendering (whose lines the citations count) and its
     * {@code document_original}.
     */
    public static Map<String, DepartmentKey> sources(Collection<DepartmentYear> years) {
        // the path names the department's own folder, so there is one department per file
        TreeMap<String, DepartmentKey> cited = new TreeMap<>();
        for (DepartmentYear dy : years) {
            if (dy.document() != null) {
                cited.put(dy.document(), dy.departmentKey());
                cited.put(ContentPaths.textRendering(dy.document()), dy.departmentKey());
            }
            if (dy.documentFacts().original() != null) {
                cited.put(dy.documentFacts().original(), dy.departmentKey());
            }
        }
        return cited;
    }

    /** Whether the year's "where the money goes" chart is drawn: two or more of its projects list a 预算数. */
    public static boolean departmentYearChart(DepartmentYear dy) {
        return dy.projects().stream().filter(SiteCatalogue::listsTotal).limit(2).count() == 2;
    }

    /** Whether a department's chart of its years is drawn: two or more of its years list an amount. */
    public static boolean departmentChart(List<DepartmentYear> years) {
        return years.stream().filter(SiteCatalogue::listsAmount).limit(2).count() == 2;
    }

    /** Whether a "which departments spend most" chart (home, a region's page) of these years is drawn. */
    public static boolean rankedChart(List<DepartmentYear> years) {
        return comparableYear(years) != null;
    }

    /**
     * The year a "which departments spend most" chart compares: the latest in which two or more departments list an
     * amount — a chart of one bar compares nothing. Null when there is no such year.
     */
    public static Integer comparableYear(Collection<DepartmentYear> years) {
        Map<Integer, Set<DepartmentKey>> listed = new TreeMap<>();
        for (DepartmentYear dy : years) {
            if (listsAmount(dy)) {
                listed.computeIfAbsent(dy.year(), y -> new HashSet<>()).add(dy.departmentKey());
            }
        }
        Integer best = null;
        for (Map.Entry<Integer, Set<DepartmentKey>> e : listed.entrySet()) {
            if (e.getValue().size() >= 2) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * Whether a department-year lists an amount its totals show: its projects' 预算数, or — when none of them lists
     * one — its own 项目支出 ({@link BudgetSummary}).
     */
    public static boolean listsAmount(DepartmentYear dy) {
        return dy.projects().stream().anyMatch(SiteCatalogue::listsTotal) || BudgetSummary.projectExpenditure(dy) != null;
    }

    private static boolean listsTotal(Project p) {
        return p.budget() != null && p.budget().total() != null;
    }
}
