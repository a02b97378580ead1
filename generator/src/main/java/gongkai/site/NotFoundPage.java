package gongkai.site;

import gongkai.content.Urls;
import gongkai.site.Views.PageMeta;
import java.util.List;

/** 404.html: where to go instead (the regions); not in the sitemap and without a canonical URL. */
final class NotFoundPage {
    private NotFoundPage() {
    }

    static SiteModel.PageJob of(PageKit kit) {
        String title = kit.msg().get("notfound_title");
        PageMeta meta = new PageMeta(kit.title(title), title, title, null, kit.underHome(title), null);
        return kit.job(Urls.notFound(), "404.ftlh", meta, new Views.SearchView(SearchPage.regionLinks(kit), List.of(), "{}"),
                null, false);
    }
}
