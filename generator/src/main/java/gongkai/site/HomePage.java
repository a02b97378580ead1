package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Region;
import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import gongkai.site.Views.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The home page: site totals by year and region, which departments spend most in the latest comparable year (a
 * chart), every region's departments, the latest years.
 */
final class HomePage {
    static final int LATEST_LIMIT = 20;
    /** Departments listed per region on the home page; the rest are on the region page. */
    static final int HOME_DEPARTMENTS_PER_REGION = 30;

    private HomePage() {
    }

    static SiteModel.PageJob of(PageKit kit) {
        SiteIndex index = kit.index();
        Map<Integer, List<DepartmentYear>> byYear = new TreeMap<>();
        for (DepartmentYear dy : index.content().departmentYears()) {
            byYear.computeIfAbsent(dy.year(), y -> new ArrayList<>()).add(dy);
        }
        List<Views.YearRow> years = new ArrayList<>();
        for (Map.Entry<Integer, List<DepartmentYear>> e : byYear.entrySet()) {
            Totals t = Totals.sum(e.getValue().stream().map(index::totals).toList());
            years.add(new Views.YearRow(e.getKey(), e.getValue().size(), t));
        }
        List<Views.RegionRow> regionRows = new ArrayList<>();
        for (Region region : index.regions()) {
            List<Department> inRegion = index.departmentsIn(region);
            Totals t = Totals.sum(inRegion.stream().flatMap(d -> index.yearsOf(d).stream())
                    .map(index::totals).toList());
            Region parent = region.parent() == null ? null : index.region(region.parent());
            regionRows.add(new Views.RegionRow(kit.regionLink(region.slug()), parent == null ? null : parent.name(),
                    inRegion.size(), t));
        }
        List<Views.RegionDepartments> byRegion = new ArrayList<>();
        for (Region region : index.regions()) {
            List<Department> listed = index.departmentsIn(region);
            int more = Math.max(0, listed.size() - HOME_DEPARTMENTS_PER_REGION);
            List<Views.DepartmentEntry> entries = listed.subList(0, listed.size() - more).stream()
                    .map(d -> new Views.DepartmentEntry(kit.departmentLink(d), d.code(),
                            index.yearsOf(d).stream().map(dy -> kit.departmentYearLink(dy, kit.yearText(dy.year()))).toList()))
                    .toList();
            if (!entries.isEmpty()) {
                byRegion.add(new Views.RegionDepartments(kit.regionLink(region.slug()), entries, more));
            }
        }
        List<Views.DepartmentYearRow> latest = index.content().departmentYears().stream()
                .sorted(Comparator.comparingInt(DepartmentYear::year).reversed()
                        .thenComparing(dy -> index.lastmod(dy) == null ? "" : index.lastmod(dy),
                                Comparator.reverseOrder())
                        .thenComparing(DepartmentYear::regionSlug)
                        .thenComparing(DepartmentYear::departmentCode, SiteIndex.CODE_ORDER))
                .limit(LATEST_LIMIT)
                .map(dy -> new Views.DepartmentYearRow(kit.departmentYearLink(dy, dy.title()),
                        kit.departmentLink(index.departmentOf(dy)), kit.regionLink(dy.regionSlug()), dy.year(),
                        index.totals(dy)))
                .toList();
        Totals grand = Totals.sum(years.stream().map(Views.YearRow::totals).toList());
        Views.HomeView view = new Views.HomeView(grand, years, regionRows, Charts.view(Charts.home(kit)),
                byRegion, latest, index.departmentCount());
        PageMeta meta = new PageMeta(kit.site().title(), kit.site().title(),
                kit.msg().format("home_description", kit.site().description()),
                kit.pageUrl(Urls.home()), List.of(new Link(null, kit.msg().get("nav_home"))), null);
        return kit.job(Urls.home(), "home.ftlh", meta, view, index.lastmodOfSite(), true);
    }
}
