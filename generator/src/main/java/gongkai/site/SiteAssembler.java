package gongkai.site;

import gongkai.content.Amount;
import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Page;
import gongkai.content.ProcurementLinks;
import gongkai.content.Project;
import gongkai.content.Region;
import gongkai.content.Section;
import gongkai.content.SiteConfig;
import gongkai.content.Urls;
import gongkai.site.Views.Chart;
import gongkai.site.Views.ChartRow;
import gongkai.site.Views.Download;
import gongkai.site.Views.Link;
import gongkai.site.Views.Money;
import gongkai.site.Views.PageMeta;
import gongkai.site.Views.Totals;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The assemble stage's work: turns the immutable {@link Content} into page jobs with pre-formatted views.
 * Every URL comes from {@link Urls}, prefixed with the base path of site.yaml's base_url. All orderings are
 * explicit so the output does not depend on the order the loader returned things in.
 */
public final class SiteAssembler {
    static final int LATEST_LIMIT = 20;
    static final int FEED_LIMIT = 50;
    /** Bars in a chart of departments; beyond it the largest are shown and the rest summed in one row. */
    static final int CHART_LIMIT = 40;
    /** Departments listed per region on the home page; the rest are on the region page. */
    static final int HOME_DEPARTMENTS_PER_REGION = 30;

    private static final Comparator<String> CODE_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Content content;
    private final GitDates dates;
    private final ProcurementSource procurement;
    private final boolean hasSearchJs;
    private final Markdown markdown = new Markdown();

    private final String baseUrl;
    private final String basePath;
    private final Map<String, Region> regions = new TreeMap<>();
    private final Map<String, Department> departments = new TreeMap<>();
    private final Map<String, List<DepartmentYear>> yearsByDepartment = new HashMap<>();
    private final Views.SiteView siteView;
    /** Computed once: every page that lists departments or sums projects reads these, never rescans the content. */
    private final List<Department> sortedDepartments;
    private final Map<String, List<Department>> departmentsByRegion = new HashMap<>();
    private final Map<DepartmentYear, Totals> totalsByYear = new java.util.IdentityHashMap<>();

    public SiteAssembler(Content content, GitDates dates, ProcurementSource procurement, boolean hasSearchJs) {
        this.content = content;
        this.dates = dates;
        this.procurement = procurement;
        this.hasSearchJs = hasSearchJs;
        SiteConfig site = content.site();
        this.baseUrl = site.baseUrl().endsWith("/") ? site.baseUrl() : site.baseUrl() + "/";
        this.basePath = basePathOf(baseUrl);
        for (Region r : content.regions()) {
            regions.put(r.slug(), r);
        }
        for (Department d : content.departments()) {
            departments.put(key(d.regionSlug(), d.code()), d);
        }
        for (DepartmentYear dy : content.departmentYears()) {
            yearsByDepartment.computeIfAbsent(key(dy.regionSlug(), dy.departmentCode()), k -> new ArrayList<>()).add(dy);
        }
        yearsByDepartment.values().forEach(list -> list.sort(Comparator.comparingInt(DepartmentYear::year)));
        this.siteView = siteView(site);
        this.sortedDepartments = departments.values().stream()
                .sorted(Comparator.comparing(Department::regionSlug).thenComparing(Department::code, CODE_ORDER))
                .toList();
        for (Department d : sortedDepartments) {
            departmentsByRegion.computeIfAbsent(d.regionSlug(), k -> new ArrayList<>()).add(d);
        }
        for (DepartmentYear dy : content.departmentYears()) {
            totalsByYear.put(dy, Totals.of(dy.projects()));
        }
    }

    private Totals totals(DepartmentYear dy) {
        Totals t = totalsByYear.get(dy);
        return t != null ? t : Totals.of(dy.projects());
    }

    private List<Department> departmentsIn(Region region) {
        return departmentsByRegion.getOrDefault(region.slug(), List.of());
    }

    /** "/" for https://example.org/, "/gongkai/" for https://example.org/gongkai/. */
    public static String basePathOf(String baseUrl) {
        String path = URI.create(baseUrl).getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    private static String key(String region, String code) {
        return region + "/" + code;
    }

    private String href(String urlPath) {
        return basePath + urlPath;
    }

    public SiteModel assemble() {
        List<SiteModel.PageJob> jobs = new ArrayList<>();
        jobs.add(homePage());
        for (Region region : regions.values()) {
            jobs.add(regionPage(region));
        }
        for (Department department : sortedDepartments()) {
            addDepartmentPages(jobs, department);
        }
        for (Page page : content.pages()) {
            jobs.add(markdownPage(page));
        }
        jobs.add(searchPage());
        jobs.add(notFoundPage());
        jobs.sort(Comparator.comparing(SiteModel.PageJob::outputFile));
        return new SiteModel(siteView, baseUrl, basePath, jobs, feed(), dates.latestUnder(""));
    }

    /**
     * The pages whose bytes can depend on the year files of one department (for incremental rebuilds): home
     * (site totals and lists), the department's region page, the department page, its department-year pages and
     * the project pages of all its years (a project page links the same project in the department's other years).
     * No other page reads a department-year: parent regions, Markdown pages, search and 404 do not.
     */
    public List<SiteModel.PageJob> departmentPages(String regionSlug, String code) {
        List<SiteModel.PageJob> jobs = new ArrayList<>();
        jobs.add(homePage());
        Region region = regions.get(regionSlug);
        if (region != null) {
            jobs.add(regionPage(region));
        }
        Department department = departments.get(key(regionSlug, code));
        if (department != null) {
            addDepartmentPages(jobs, department);
        }
        return jobs;
    }

    /**
     * The department's page, its years' pages and their projects' pages. Their models are made when rendered
     * (in parallel, one page at a time); what they need from other department-years (links to the same project
     * in other years, procurement rows) is looked up here, once per department-year.
     */
    private void addDepartmentPages(List<SiteModel.PageJob> jobs, Department department) {
        jobs.add(deferred(Urls.department(department.regionSlug(), department.code()), "department.ftlh",
                dates.latestUnder(department.regionSlug() + "/" + department.code() + "/"), true,
                () -> departmentPage(department)));
        for (DepartmentYear dy : yearsOf(department)) {
            String lastmod = dates.date(yearFile(dy));
            jobs.add(deferred(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year()),
                    "department-year.ftlh", lastmod, true, () -> departmentYearPage(department, dy)));
            Map<String, List<Link>> otherYears = otherYearLinks(department, dy);
            for (Project project : dy.projects()) {
                List<Link> others = otherYears.getOrDefault(project.id(), List.of());
                List<ProcurementSource.Match> procurementRows = procurement.linksFor(dy, project);
                jobs.add(deferred(Urls.project(project.id()), "project.ftlh", lastmod, true,
                        () -> projectPage(department, dy, project, others, procurementRows)));
            }
        }
    }

    /** A job whose model {@code page} makes when it is rendered; path, template and date are known now. */
    private SiteModel.PageJob deferred(String urlPath, String template, String lastmod, boolean inSitemap,
                                       java.util.function.Supplier<SiteModel.PageJob> page) {
        return new SiteModel.PageJob(urlPath, outputFile(urlPath), template, () -> {
            SiteModel.PageJob made = page.get();
            if (!made.urlPath().equals(urlPath) || !made.template().equals(template)
                    || !java.util.Objects.equals(made.lastmod(), lastmod)) {
                throw new IllegalStateException("page " + urlPath + ": deferred job disagrees with its page");
            }
            return made.model();
        }, lastmod, inSitemap);
    }

    private static String outputFile(String urlPath) {
        return urlPath.isEmpty() || urlPath.endsWith("/") ? urlPath + "index.html" : urlPath;
    }

    /** A site model with the given page jobs (sorted by path) and this content's feed. */
    public SiteModel site(List<SiteModel.PageJob> pages) {
        List<SiteModel.PageJob> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparing(SiteModel.PageJob::outputFile));
        return new SiteModel(siteView, baseUrl, basePath, sorted, feed(), dates.latestUnder(""));
    }

    // ------------------------------------------------------------------ shared pieces

    private Views.SiteView siteView(SiteConfig site) {
        List<Link> nav = new ArrayList<>();
        nav.add(new Link(href(Urls.home()), "首页"));
        for (Page page : sortedPages()) {
            nav.add(new Link(href(Urls.page(page.slug())), page.title()));
        }
        nav.add(new Link(href(Urls.search()), "搜索"));
        return new Views.SiteView(site.title(), site.description(), site.publisher(), site.licence(),
                site.licenceUrl(), basePath, href(Urls.home()), href(Urls.search()),
                href(Urls.asset("site.css")), href(Urls.asset("site.js")),
                hasSearchJs ? href(Urls.asset("search.js")) : null,
                href("feed.xml"), href(Urls.data("datapackage.json")), nav);
    }

    private List<Page> sortedPages() {
        // about first, then the data guide, then any other page by slug.
        List<String> preferred = List.of("about", "data-guide");
        return content.pages().stream()
                .sorted(Comparator.comparingInt((Page p) -> {
                    int i = preferred.indexOf(p.slug());
                    return i < 0 ? preferred.size() : i;
                }).thenComparing(Page::slug))
                .toList();
    }

    private List<Department> sortedDepartments() {
        return sortedDepartments;
    }

    private List<DepartmentYear> yearsOf(Department d) {
        return yearsByDepartment.getOrDefault(key(d.regionSlug(), d.code()), List.of());
    }

    private Department departmentOf(DepartmentYear dy) {
        return departments.get(key(dy.regionSlug(), dy.departmentCode()));
    }

    private Link regionLink(String slug) {
        Region r = regions.get(slug);
        return new Link(href(Urls.region(slug)), r == null ? slug : r.name());
    }

    private Link departmentLink(Department d) {
        return new Link(href(Urls.department(d.regionSlug(), d.code())), d.name());
    }

    private Link departmentYearLink(DepartmentYear dy, String text) {
        return new Link(href(Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year())), text);
    }

    /** Home › enclosing regions › region (outermost first). */
    private List<Link> regionTrail(String slug) {
        List<Link> trail = new ArrayList<>();
        String current = slug;
        int guard = 0;
        while (current != null && guard++ < 16) {
            trail.add(0, regionLink(current));
            Region r = regions.get(current);
            current = r == null ? null : r.parent();
        }
        trail.add(0, new Link(href(Urls.home()), "首页"));
        return trail;
    }

    private static List<Link> withCurrent(List<Link> trail, String current) {
        List<Link> out = new ArrayList<>(trail);
        out.add(new Link(null, current));
        return List.copyOf(out);
    }

    private String title(String h1) {
        return h1 + " · " + content.site().title();
    }

    private SiteModel.PageJob job(String urlPath, String template, PageMeta meta, Object view, String lastmod,
                                  boolean inSitemap) {
        String output = outputFile(urlPath);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", siteView);
        model.put("meta", meta);
        model.put("page", view);
        model.put("pageType", template.replace(".ftlh", ""));
        return new SiteModel.PageJob(urlPath, output, template, model, lastmod, inSitemap);
    }

    private static String yearFile(DepartmentYear dy) {
        return dy.regionSlug() + "/" + dy.departmentCode() + "/" + dy.year() + ".yaml";
    }

    private List<Download> downloadsOfDepartmentYear(DepartmentYear dy) {
        return downloads(suffix -> Urls.departmentYearData(dy.regionSlug(), dy.departmentCode(), dy.year(), suffix));
    }

    private List<Download> downloads(java.util.function.Function<String, String> url) {
        return List.of(
                new Download(href(url.apply(".json")), "JSON", "application/json"),
                new Download(href(url.apply(".csv")), "CSV", "text/csv"),
                new Download(href(url.apply("-excel.csv")), "CSV（Excel 版，带 BOM）", "text/csv"));
    }

    private List<JsonLd.Distribution> distributions(java.util.function.Function<String, String> url) {
        return List.of(
                new JsonLd.Distribution(baseUrl + url.apply(".json"), "application/json", "JSON"),
                new JsonLd.Distribution(baseUrl + url.apply(".csv"), "text/csv", "CSV"),
                new JsonLd.Distribution(baseUrl + url.apply("-excel.csv"), "text/csv", "CSV（Excel 版，带 BOM）"));
    }

    private static Chart chart(String id, String title, String labelHeading, List<ChartRow> rows) {
        List<BarChart.Bar> bars = rows.stream()
                .map(r -> new BarChart.Bar(r.label(), r.money() == null ? null : new BigDecimal(r.money().plainYuan()),
                        r.money() == null ? "—" : r.money().wan() + " 万元"))
                .toList();
        return new Chart(id, title, BarChart.svg(id, title, bars), labelHeading, rows);
    }

    /**
     * Rows as they are when there are at most {@code limit}; else the {@code limit} largest (budget descending,
     * then in their given order) and one row summing the rest, so a chart stays readable with 1,000 departments.
     */
    static List<ChartRow> largestWithRest(List<ChartRow> rows, int limit) {
        if (rows.size() <= limit) {
            return rows;
        }
        List<ChartRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((ChartRow r) -> r.money() == null)
                .thenComparing(r -> r.money() == null ? BigDecimal.ZERO : new BigDecimal(r.money().plainYuan()),
                        Comparator.reverseOrder()));
        List<ChartRow> shown = new ArrayList<>(sorted.subList(0, limit));
        List<ChartRow> rest = sorted.subList(limit, sorted.size());
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (ChartRow r : rest) {
            if (r.money() != null) {
                sum = sum.add(new BigDecimal(r.money().plainYuan()));
                any = true;
            }
        }
        shown.add(new ChartRow("其余 " + rest.size() + " 个部门合计", null, any ? Money.ofYuan(sum) : null));
        return List.copyOf(shown);
    }

    // ------------------------------------------------------------------ home

    private SiteModel.PageJob homePage() {
        Map<Integer, List<DepartmentYear>> byYear = new TreeMap<>();
        for (DepartmentYear dy : content.departmentYears()) {
            byYear.computeIfAbsent(dy.year(), y -> new ArrayList<>()).add(dy);
        }
        List<Views.YearRow> years = new ArrayList<>();
        List<ChartRow> yearBars = new ArrayList<>();
        for (Map.Entry<Integer, List<DepartmentYear>> e : byYear.entrySet()) {
            Totals t = Totals.sum(e.getValue().stream().map(dy -> totals(dy)).toList());
            years.add(new Views.YearRow(e.getKey(), e.getValue().size(), t));
            yearBars.add(new ChartRow(e.getKey() + "年", null, t.total()));
        }
        List<Views.RegionRow> regionRows = new ArrayList<>();
        for (Region region : regions.values()) {
            List<Department> inRegion = departmentsIn(region);
            Totals t = Totals.sum(inRegion.stream().flatMap(d -> yearsOf(d).stream())
                    .map(dy -> totals(dy)).toList());
            Region parent = region.parent() == null ? null : regions.get(region.parent());
            regionRows.add(new Views.RegionRow(regionLink(region.slug()), parent == null ? null : parent.name(),
                    inRegion.size(), t));
        }
        Chart departmentChart = null;
        if (!byYear.isEmpty()) {
            int chartYear = chartYear(byYear);
            List<ChartRow> rows = byYear.get(chartYear).stream()
                    .map(dy -> Map.entry(dy, totals(dy)))
                    .sorted(Comparator.comparing((Map.Entry<DepartmentYear, Totals> e) -> e.getValue().totalYuan())
                            .reversed()
                            .thenComparing(e -> e.getKey().regionSlug())
                            .thenComparing(e -> e.getKey().departmentCode(), CODE_ORDER))
                    .map(e -> new ChartRow(departmentOf(e.getKey()).name(),
                            departmentYearLink(e.getKey(), "").href(), e.getValue().total()))
                    .toList();
            departmentChart = chart("chart-departments", chartYear + "年各部门项目预算合计（万元）", "部门",
                    largestWithRest(rows, CHART_LIMIT));
        }
        List<Views.RegionDepartments> byRegion = new ArrayList<>();
        for (Region region : regions.values()) {
            List<Department> listed = departmentsIn(region);
            int more = Math.max(0, listed.size() - HOME_DEPARTMENTS_PER_REGION);
            List<Views.DepartmentEntry> entries = listed.subList(0, listed.size() - more).stream()
                    .map(d -> new Views.DepartmentEntry(departmentLink(d), d.code(),
                            yearsOf(d).stream().map(dy -> departmentYearLink(dy, dy.year() + "年")).toList()))
                    .toList();
            if (!entries.isEmpty()) {
                byRegion.add(new Views.RegionDepartments(regionLink(region.slug()), entries, more));
            }
        }
        List<Views.DepartmentYearRow> latest = content.departmentYears().stream()
                .sorted(Comparator.comparingInt(DepartmentYear::year).reversed()
                        .thenComparing(dy -> dates.date(yearFile(dy)) == null ? "" : dates.date(yearFile(dy)),
                                Comparator.reverseOrder())
                        .thenComparing(DepartmentYear::regionSlug)
                        .thenComparing(DepartmentYear::departmentCode, CODE_ORDER))
                .limit(LATEST_LIMIT)
                .map(dy -> new Views.DepartmentYearRow(departmentYearLink(dy, dy.title()),
                        departmentLink(departmentOf(dy)), regionLink(dy.regionSlug()), dy.year(), totals(dy)))
                .toList();
        Totals grand = Totals.sum(years.stream().map(Views.YearRow::totals).toList());
        Views.HomeView view = new Views.HomeView(grand, years,
                chart("chart-years", "各年度项目预算合计（万元）", "年度", yearBars), regionRows, departmentChart,
                byRegion, latest, departments.size());
        PageMeta meta = new PageMeta(content.site().title(), content.site().title(), content.site().description(),
                baseUrl, List.of(new Link(null, "首页")), null);
        return job(Urls.home(), "home.ftlh", meta, view, dates.latestUnder(""), true);
    }

    // ------------------------------------------------------------------ region

    private SiteModel.PageJob regionPage(Region region) {
        List<Department> inRegion = departmentsIn(region);
        TreeSet<Integer> years = new TreeSet<>();
        inRegion.forEach(d -> yearsOf(d).forEach(dy -> years.add(dy.year())));
        List<Views.DepartmentMatrixRow> rows = new ArrayList<>();
        List<Totals> all = new ArrayList<>();
        for (Department d : inRegion) {
            Map<Integer, DepartmentYear> byYear = yearsOf(d).stream()
                    .collect(Collectors.toMap(DepartmentYear::year, dy -> dy, (a, b) -> a, TreeMap::new));
            List<Views.YearCell> cells = new ArrayList<>();
            for (int year : years) {
                DepartmentYear dy = byYear.get(year);
                if (dy == null) {
                    cells.add(new Views.YearCell(year, null, null, 0, 0));
                } else {
                    Totals t = totals(dy);
                    all.add(t);
                    cells.add(new Views.YearCell(year, departmentYearLink(dy, year + "年"), t.total(), t.projects(),
                            t.withoutBudget()));
                }
            }
            rows.add(new Views.DepartmentMatrixRow(departmentLink(d), d.code(), cells));
        }
        Chart chart = null;
        if (!years.isEmpty()) {
            Map<Integer, List<DepartmentYear>> regionYears = new TreeMap<>();
            for (Department d : inRegion) {
                yearsOf(d).forEach(dy -> regionYears.computeIfAbsent(dy.year(), y -> new ArrayList<>()).add(dy));
            }
            int chartYear = chartYear(regionYears);
            List<ChartRow> bars = new ArrayList<>();
            for (Department d : inRegion) {
                yearsOf(d).stream().filter(dy -> dy.year() == chartYear).findFirst().ifPresent(dy ->
                        bars.add(new ChartRow(d.name(), departmentYearLink(dy, "").href(), totals(dy).total())));
            }
            chart = chart("chart-region", region.name() + " " + chartYear + "年各部门项目预算合计（万元）", "部门",
                    largestWithRest(bars, CHART_LIMIT));
        }
        List<Link> children = regions.values().stream()
                .filter(r -> region.slug().equals(r.parent()))
                .map(r -> regionLink(r.slug())).toList();
        Link parent = region.parent() == null ? null : regionLink(region.parent());
        Views.RegionView view = new Views.RegionView(region.name(), parent, children, List.copyOf(years), rows, chart,
                Totals.sum(all));
        List<Link> trail = regionTrail(region.slug());
        PageMeta meta = new PageMeta(title(region.name()), region.name(),
                region.name() + "各部门预算与项目支出绩效目标", baseUrl + Urls.region(region.slug()),
                withCurrent(trail.subList(0, trail.size() - 1), region.name()), null);
        return job(Urls.region(region.slug()), "region.ftlh", meta, view, dates.latestUnder(region.slug() + "/"), true);
    }

    // ------------------------------------------------------------------ department

    private SiteModel.PageJob departmentPage(Department d) {
        List<Views.YearColumn> columns = new ArrayList<>();
        List<ChartRow> bars = new ArrayList<>();
        for (DepartmentYear dy : yearsOf(d)) {
            Totals t = totals(dy);
            columns.add(new Views.YearColumn(dy.year(), departmentYearLink(dy, dy.year() + "年"), dy.title(), t,
                    downloadsOfDepartmentYear(dy)));
            bars.add(new ChartRow(dy.year() + "年", departmentYearLink(dy, "").href(), t.total()));
        }
        Views.DepartmentView view = new Views.DepartmentView(d.name(), d.code(), regionLink(d.regionSlug()),
                markdown.render(d.description(), 2), columns,
                chart("chart-department", d.name() + "各年度项目预算合计（万元）", "年度", bars));
        PageMeta meta = new PageMeta(title(d.name()), d.name(), d.name() + "（预算单位编码 " + d.code() + "）历年项目支出绩效目标",
                baseUrl + Urls.department(d.regionSlug(), d.code()), withCurrent(regionTrail(d.regionSlug()), d.name()),
                null);
        return job(Urls.department(d.regionSlug(), d.code()), "department.ftlh", meta, view,
                dates.latestUnder(d.regionSlug() + "/" + d.code() + "/"), true);
    }

    // ------------------------------------------------------------------ department-year

    private SiteModel.PageJob departmentYearPage(Department d, DepartmentYear dy) {
        List<Views.ProjectRow> rows = new ArrayList<>();
        for (int i = 0; i < dy.projects().size(); i++) {
            Project p = dy.projects().get(i);
            rows.add(new Views.ProjectRow(new Link(href(Urls.project(p.id())), p.name()), p.id(),
                    money(p.budget() == null ? null : p.budget().total()),
                    money(p.budget() == null ? null : p.budget().fiscal()),
                    money(p.budget() == null ? null : p.budget().other()),
                    p.indicators().size(), i + 1));
        }
        // Server-side order: budget descending, projects without a budget last, then source order.
        rows.sort(Comparator.comparing((Views.ProjectRow r) -> r.total() == null)
                .thenComparing(r -> r.total() == null ? BigDecimal.ZERO : new BigDecimal(r.total().plainYuan()),
                        Comparator.reverseOrder())
                .thenComparingInt(Views.ProjectRow::sourceOrder));
        List<Views.SectionView> sections = new ArrayList<>();
        for (Section s : dy.sections()) {
            sections.add(new Views.SectionView("section-" + s.id(), s.title(), markdown.render(s.markdown(), 3), s.source()));
        }
        List<Views.TableView> tables = new ArrayList<>();
        for (DataTable t : dy.tables()) {
            tables.add(tableView(t));
        }
        List<Link> otherYears = yearsOf(d).stream().filter(o -> o.year() != dy.year())
                .map(o -> departmentYearLink(o, o.year() + "年")).toList();
        Totals totals = totals(dy);
        Views.DepartmentYearView view = new Views.DepartmentYearView(departmentLink(d), regionLink(d.regionSlug()),
                dy.year(), dy.title(), dy.document(), totals, rows, sections, tables, downloadsOfDepartmentYear(dy),
                otherYears);
        String urlPath = Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year());
        String description = d.name() + " " + dy.year() + "年：" + totals.projects() + " 个项目"
                + (totals.total() == null ? "，原表未列预算金额" : "，预算合计 " + totals.total().wan() + " 万元");
        String jsonLd = JsonLd.dataset(dy.title(), description, baseUrl + urlPath, content.site().licenceUrl(),
                d.name(), content.site().publisher(), String.valueOf(dy.year()),
                distributions(suffix -> Urls.departmentYearData(dy.regionSlug(), dy.departmentCode(), dy.year(), suffix)));
        List<Link> trail = new ArrayList<>(regionTrail(d.regionSlug()));
        trail.add(departmentLink(d));
        PageMeta meta = new PageMeta(title(dy.title()), dy.title(), description, baseUrl + urlPath,
                withCurrent(trail, dy.year() + "年"), jsonLd);
        return job(urlPath, "department-year.ftlh", meta, view, dates.date(yearFile(dy)), true);
    }

    private static Money money(Amount amount) {
        return amount == null ? null : Money.ofYuan(amount.yuan());
    }

    private static final Map<String, String> ROW_TYPE_LABELS = Map.of("item", "明细", "subtotal", "小计", "total", "合计");

    /**
     * The year a "by department" chart compares: the one in which most departments print a budget (a chart of
     * one bar compares nothing), the latest of those on a tie.
     */
    private int chartYear(Map<Integer, List<DepartmentYear>> byYear) {
        int best = -1;
        long bestCount = -1;
        for (Map.Entry<Integer, List<DepartmentYear>> e : new TreeMap<>(byYear).entrySet()) {
            long count = e.getValue().stream().filter(dy -> totals(dy).total() != null).count();
            if (count >= bestCount) {
                best = e.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    private Views.TableView tableView(DataTable t) {
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
                cells.add(new Views.CellView(value == null ? "" : value, c.type() != ColumnType.STRING));
            }
            rows.add(List.copyOf(cells));
        }
        return new Views.TableView("table-" + t.id(), t.title(), columns, rows, markdown.render(t.note(), 4), t.source());
    }

    // ------------------------------------------------------------------ project

    /** For each project of {@code dy}: links to the same project (by {@link ProjectMatching}) in other years. */
    private Map<String, List<Link>> otherYearLinks(Department d, DepartmentYear dy) {
        Map<String, List<Link>> byProject = new HashMap<>();
        List<DepartmentYear> others = yearsOf(d).stream().filter(o -> o.year() != dy.year()).toList();
        if (others.isEmpty()) {
            return byProject;
        }
        Map<String, List<Project>> othersByName = new HashMap<>();
        Map<String, Integer> yearOf = new HashMap<>();
        for (DepartmentYear o : others) {
            for (Project p : o.projects()) {
                othersByName.computeIfAbsent(ProjectMatching.normalisedName(p.name()), k -> new ArrayList<>()).add(p);
                yearOf.put(p.id(), o.year());
            }
        }
        for (Project p : dy.projects()) {
            String name = ProjectMatching.normalisedName(p.name());
            if (name.isEmpty()) {
                continue;
            }
            List<Project> matches = othersByName.getOrDefault(name, List.of());
            if (!matches.isEmpty()) {
                byProject.put(p.id(), matches.stream()
                        .sorted(Comparator.comparing((Project m) -> yearOf.get(m.id())).thenComparing(Project::id))
                        .map(m -> new Link(href(Urls.project(m.id())), yearOf.get(m.id()) + "年：" + m.name()))
                        .toList());
            }
        }
        return byProject;
    }

    private SiteModel.PageJob projectPage(Department d, DepartmentYear dy, Project p, List<Link> otherYears,
                                          List<ProcurementSource.Match> procurementLinks) {
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
                        m.projectBudgetYuan() == null ? null : Money.ofYuan(m.projectBudgetYuan()), m.source(), m.tableTitle()))
                .toList();
        Views.ProjectView view = new Views.ProjectView(p.id(), p.name(), departmentLink(d), regionLink(d.regionSlug()),
                departmentYearLink(dy, dy.year() + "年"), dy.year(), unit, budget, lines(p.purpose()), lines(p.goals()),
                indicatorGroups(p.indicators()), p.indicators().size(), hasDescription, hasBasis, p.source(),
                downloads(suffix -> Urls.projectData(p.id(), suffix)), otherYears, procurementRows);
        String urlPath = Urls.project(p.id());
        String description = d.name() + " " + dy.year() + "年项目支出绩效目标：" + p.name();
        String jsonLd = JsonLd.dataset(p.name() + "（" + dy.year() + "年绩效目标）", description, baseUrl + urlPath,
                content.site().licenceUrl(), d.name(), content.site().publisher(), String.valueOf(dy.year()),
                distributions(suffix -> Urls.projectData(p.id(), suffix)));
        List<Link> trail = new ArrayList<>(regionTrail(d.regionSlug()));
        trail.add(departmentLink(d));
        trail.add(departmentYearLink(dy, dy.year() + "年"));
        PageMeta meta = new PageMeta(title(p.name() + " · " + dy.year() + "年"), p.name(), description,
                baseUrl + urlPath, withCurrent(trail, p.name()), jsonLd);
        return job(urlPath, "project.ftlh", meta, view, dates.date(yearFile(dy)), true);
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

    // ------------------------------------------------------------------ Markdown pages, search, 404

    private SiteModel.PageJob markdownPage(Page page) {
        Views.MarkdownPageView view = new Views.MarkdownPageView(page.slug(), markdown.renderPageBody(page.markdown()));
        PageMeta meta = new PageMeta(title(page.title()), page.title(), content.site().description(),
                baseUrl + Urls.page(page.slug()),
                List.of(new Link(href(Urls.home()), "首页"), new Link(null, page.title())), null);
        return job(Urls.page(page.slug()), "page.ftlh", meta, view, dates.date("pages/" + page.slug() + ".md"), true);
    }

    private SiteModel.PageJob searchPage() {
        List<Link> regionLinks = regions.values().stream().map(r -> regionLink(r.slug())).toList();
        List<Link> pageLinks = sortedPages().stream()
                .map(p -> new Link(href(Urls.page(p.slug())), p.title())).toList();
        PageMeta meta = new PageMeta(title("搜索"), "搜索", "搜索项目、部门和绩效指标", baseUrl + Urls.search(),
                List.of(new Link(href(Urls.home()), "首页"), new Link(null, "搜索")), null);
        return job(Urls.search(), "search.ftlh", meta, new Views.SearchView(regionLinks, pageLinks), null, true);
    }

    private SiteModel.PageJob notFoundPage() {
        List<Link> regionLinks = regions.values().stream().map(r -> regionLink(r.slug())).toList();
        PageMeta meta = new PageMeta(title("页面不存在"), "页面不存在", "页面不存在", null,
                List.of(new Link(href(Urls.home()), "首页"), new Link(null, "页面不存在")), null);
        return job("404.html", "404.ftlh", meta, new Views.SearchView(regionLinks, List.of()), null, false);
    }

    // ------------------------------------------------------------------ feed

    private List<SiteModel.FeedEntry> feed() {
        record Dated(DepartmentYear dy, String updated) {
        }
        return content.departmentYears().stream()
                .map(dy -> new Dated(dy, dates.date(yearFile(dy)) != null ? dates.date(yearFile(dy)) : dy.year() + "-01-01"))
                .sorted(Comparator.comparing(Dated::updated).reversed()
                        .thenComparing(x -> x.dy().year(), Comparator.reverseOrder())
                        .thenComparing(x -> x.dy().regionSlug())
                        .thenComparing(x -> x.dy().departmentCode(), CODE_ORDER))
                .limit(FEED_LIMIT)
                .map(x -> {
                    Totals t = totals(x.dy());
                    String summary = t.projects() + " 个项目，" + (t.total() == null ? "原表未列预算金额"
                            : "预算合计 " + t.total().wan() + " 万元"
                            + (t.withoutBudget() > 0 ? "（" + t.withoutBudget() + " 个项目未列预算）" : ""));
                    return new SiteModel.FeedEntry(x.dy().title(),
                            Urls.departmentYear(x.dy().regionSlug(), x.dy().departmentCode(), x.dy().year()),
                            x.updated(), summary);
                })
                .toList();
    }
}
