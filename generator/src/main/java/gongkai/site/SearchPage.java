package gongkai.site;

import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import java.util.List;

/** The search page: the search form (filled in by search.js), and the regions and pages to browse instead. */
final class SearchPage {
    private SearchPage() {
    }

    static SiteModel.PageJob of(PageKit kit) {
        List<Link> pageLinks = kit.index().sortedPages().stream().map(kit::pageLink).toList();
        PageMeta meta = new PageMeta(kit.title("搜索"), "搜索", "搜索项目、部门和绩效指标", kit.baseUrl() + Urls.search(),
                kit.underHome("搜索"), null);
        return kit.job(Urls.search(), "search.ftlh", meta, new Views.SearchView(regionLinks(kit), pageLinks), null, true);
    }

    /** Every region, by slug. */
    static List<Link> regionLinks(PageKit kit) {
        return kit.index().regions().stream().map(r -> kit.regionLink(r.slug())).toList();
    }
}
