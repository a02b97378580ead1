package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Region;
import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import gongkai.site.Views.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A region's page: its departments by year (a matrix), a chart of its departments, its child regions. */
final class RegionPage {
    private RegionPage() {
    }

    static SiteModel.PageJob of(PageKit kit, Region region) {
        SiteIndex index = kit.index();
        List<Department> inRegion = index.departmentsIn(region);
        TreeSet<Integer> years = new TreeSet<>();
        inRegion.forEach(d -> index.yearsOf(d).forEach(dy -> years.add(dy.year())));
        List<Views.DepartmentMatrixRow> rows = new ArrayList<>();
        List<Totals> all = new ArrayList<>();
        for (Department d : inRegion) {
            Map<Integer, DepartmentYear> byYear = index.yearsOf(d).stream()
                    .collect(Collectors.toMap(DepartmentYear::year, dy -> dy, (a, b) -> a, TreeMap::new));
            List<Views.YearCell> cells = new ArrayList<>();
            for (int year : years) {
                DepartmentYear dy = byYear.get(year);
                if (dy == null) {
                    cells.add(new Views.YearCell(year, null, null, 0, 0, false));
                } else {
                    Totals t = index.totals(dy);
                    all.add(t);
                    cells.add(new Views.YearCell(year, kit.departmentYearLink(dy, year + "年"), t.shown(),
                            t.projects(), t.withoutBudget(), t.total() == null && t.declared() != null));
                }
            }
            rows.add(new Views.DepartmentMatrixRow(kit.departmentLink(d), d.code(), cells));
        }
        List<Link> children = index.regions().stream()
                .filter(r -> region.slug().equals(r.parent()))
                .map(r -> kit.regionLink(r.slug())).toList();
        Link parent = region.parent() == null ? null : kit.regionLink(region.parent());
        Views.RegionView view = new Views.RegionView(region.name(), parent, children, List.copyOf(years), rows,
                Charts.view(Charts.region(kit, region)), Totals.sum(all));
        List<Link> trail = kit.regionTrail(region.slug());
        PageMeta meta = new PageMeta(kit.title(region.name()), region.name(),
                region.name() + "各部门预算与项目支出绩效目标", kit.baseUrl() + Urls.region(region.slug()),
                PageKit.withCurrent(trail.subList(0, trail.size() - 1), region.name()), null);
        return kit.job(Urls.region(region.slug()), "region.ftlh", meta, view, index.lastmodOfRegion(region), true);
    }
}
