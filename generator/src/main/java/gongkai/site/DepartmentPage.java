package gongkai.site;

import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.SourceRef;
import gongkai.content.Urls;
import gongkai.site.Views.PageMeta;
import gongkai.site.Views.Totals;
import java.util.ArrayList;
import java.util.List;

/** A department's page: its years side by side with their totals and downloads, and how its budget changed (a chart). */
final class DepartmentPage {
    static final String TEMPLATE = "department.ftlh";

    private DepartmentPage() {
    }

    static String urlPath(Department d) {
        return Urls.department(d.key());
    }

    /** @param yoy the department's projects through its years (各项目历年预算) */
    static SiteModel.PageJob of(PageKit kit, Department d, YearOverYear yoy) {
        SiteIndex index = kit.index();
        List<Views.YearColumn> columns = new ArrayList<>();
        for (DepartmentYear dy : index.yearsOf(d)) {
            Totals t = index.totals(dy);
            columns.add(new Views.YearColumn(dy.year(), kit.departmentYearLink(dy, kit.yearText(dy.year())), dy.title(), t,
                    kit.downloadsOf(dy), kit.source(new SourceRef(dy.document(), null, 0))));
        }
        Views.DepartmentView view = new Views.DepartmentView(d.name(), d.code(), kit.regionLink(d.regionSlug()),
                kit.markdownFor(kit.markdown().render(d.description(), 2), urlPath(d)), columns,
                Charts.view(Charts.department(kit, d)),
                YearOverYearSections.department(kit, yoy));
        PageMeta meta = new PageMeta(kit.title(d.name()), d.name(),
                kit.msg().format("department_description", d.name(), d.code()), kit.pageUrl(urlPath(d)),
                PageKit.withCurrent(kit.regionTrail(d.regionSlug()), d.name()), null);
        return kit.job(urlPath(d), TEMPLATE, meta, view, index.lastmodOfDepartment(d), true);
    }
}
