package gongkai.site;

import gongkai.content.Page;
import gongkai.content.Urls;
import java.util.List;
import org.jsoup.Jsoup;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;

/** A Markdown page of content/pages/ (about, data guide …). */
final class MarkdownPage {
    private MarkdownPage() {
    }

    static SiteModel.PageJob of(PageKit kit, Page page) {
        String html = kit.markdownFor(kit.markdown().renderPageBody(page.markdown()), Urls.page(page.slug()));
        List<Link> contents = Jsoup.parseBodyFragment(html).select("h2[id]").stream()
                .map(h -> new Link("#" + h.id(), h.text())).toList();
        Views.MarkdownPageView view = new Views.MarkdownPageView(page.slug(), html, contents);
        PageMeta meta = new PageMeta(kit.title(page.title()), page.title(), kit.site().description(),
                kit.pageUrl(Urls.page(page.slug())), kit.underHome(page.title()), null);
        return kit.job(Urls.page(page.slug()), "page.ftlh", meta, view, kit.index().lastmodOfPage(page), true);
    }
}
