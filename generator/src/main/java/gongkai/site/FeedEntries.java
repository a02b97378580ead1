package gongkai.site;

import gongkai.content.DepartmentYear;
import gongkai.content.Urls;
import gongkai.site.Views.Totals;
import java.util.Comparator;
import java.util.List;

/** The Atom feed's entries: the most recently changed department-years. */
final class FeedEntries {
    static final int FEED_LIMIT = 50;

    private FeedEntries() {
    }

    static List<SiteModel.FeedEntry> of(SiteIndex index) {
        record Dated(DepartmentYear dy, String updated) {
        }
        return index.content().departmentYears().stream()
                .map(dy -> new Dated(dy, index.lastmod(dy) != null ? index.lastmod(dy) : dy.year() + "-01-01"))
                .sorted(Comparator.comparing(Dated::updated).reversed()
                        .thenComparing(x -> x.dy().year(), Comparator.reverseOrder())
                        .thenComparing(x -> x.dy().regionSlug())
                        .thenComparing(x -> x.dy().departmentCode(), SiteIndex.CODE_ORDER))
                .limit(FEED_LIMIT)
                .map(x -> {
                    Totals t = index.totals(x.dy());
                    String summary = t.projects() + " 个项目，" + (t.total() == null ? "原表未列预算金额"
                            : "预算合计 " + t.total().wan() + " 万元"
                            + (t.withoutBudget() > 0 ? "（" + t.withoutBudget() + " 个项目未列预算）" : ""));
                    return new SiteModel.FeedEntry(x.dy().title(), Urls.departmentYear(x.dy()), x.updated(), summary);
                })
                .toList();
    }
}
