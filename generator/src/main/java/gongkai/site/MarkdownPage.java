package gongkai.site;

import gongkai.content.Page;
import gongkai.content.Urls;
import gongkai.site.Views.PageMeta;

/** A Markdown page of content/pages/ (about, data guide …). */
final class MarkdownPage {
    private MarkdownPage() {
    }

    static SiteModel.PageJob of(PageKit kit, Page page) {
        Views.MarkdownPageView view = new Views.MarkdownPageView(page.slug(), kit.markdownFor(kit.markdown().renderPageBody(page.markdown()), Urls.page(page.slug())));
        PageMeta meta = new PageMeta(kit.title(page.title()), page.title(), kit.site().description(),
                kit.pageUrl(Urls.page(page.slug())), kit.underHome(page.title()), null);
        return kit.job(Urls.page(page.slug()), "page.ftlh", meta, view, kit.index().lastmodOfPage(page), true);
    }
}
