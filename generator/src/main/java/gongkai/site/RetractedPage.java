package gongkai.site;

import gongkai.content.Amount;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Retraction;
import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.Money;
import gongkai.site.Views.PageMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The tombstone at a withdrawn project's URL: "已撤回", when, why, the last published budget, a link to its
 * department-year and its 修改记录 from git (its versions while published, and the commit that withdrew it). Published URLs never become 404s; the page is not in the sitemap (nothing new to index).
 */
final class RetractedPage {
    static final String TEMPLATE = "retracted.ftlh";

    private RetractedPage() {
    }

    static String urlPath(Retraction r) {
        return Urls.project(r.id());
    }

    static SiteModel.PageJob of(PageKit kit, Department d, DepartmentYear dy, Retraction r) {
        List<Views.BudgetLine> budget = new ArrayList<>();
        String unit = null;
        if (r.budget() != null && r.budget().unit() != null) {
            unit = r.budget().unit().label();
            line(budget, kit.msg().get("budget_total"), r.budget().total());
            line(budget, kit.msg().get("budget_fiscal"), r.budget().fiscal());
            line(budget, kit.msg().get("budget_other"), r.budget().other());
        }
        Views.RetractedView view = new Views.RetractedView(r.id(), r.name(), kit.departmentLink(d),
                kit.departmentYearLink(dy, kit.yearText(dy.year())), dy.year(), r.date().toString(),
                kit.dateText(r.date()), r.reason(), unit, budget,
                ProjectPage.changeViews(kit, kit.index().history(r.id())));
        String urlPath = urlPath(r);
        String heading = kit.msg().format("retracted_h1", r.name());
        String description = kit.msg().format("retracted_description", d.name(), dy.year(), r.name(),
                kit.dateText(r.date()), r.reason());
        List<Link> trail = new ArrayList<>(kit.regionTrail(d.regionSlug()));
        trail.add(kit.departmentLink(d));
        trail.add(kit.departmentYearLink(dy, kit.yearText(dy.year())));
        PageMeta meta = new PageMeta(kit.title(heading + " · " + kit.yearText(dy.year())), heading, description,
                kit.pageUrl(urlPath), PageKit.withCurrent(trail, r.name()), null);
        return kit.job(urlPath, TEMPLATE, meta, view, kit.index().lastmod(dy), false);
    }

    private static void line(List<Views.BudgetLine> lines, String label, Amount amount) {
        if (amount != null) {
            lines.add(new Views.BudgetLine(label, amount.value().toPlainString() + " " + amount.unit().label(),
                    Money.ofYuan(amount.yuan())));
        }
    }
}
