package gongkai.site;

import gongkai.site.Views.PageMeta;
import java.util.List;

/** 404.html: where to go instead (the regions); not in the sitemap and without a canonical URL. */
final class NotFoundPage {
    private NotFoundPage() {
    }

    static SiteModel.PageJob of(PageKit kit) {
        PageMeta meta = new PageMeta(kit.title("页面不存在"), "页面不存在", "页面不存在", null, kit.underHome("页面不存在"), null);
        return kit.job("404.html", "404.ftlh", meta, new Views.SearchView(SearchPage.regionLinks(kit), List.of()),
                null, false);
    }
}
