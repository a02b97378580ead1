package gongkai.site;

import gongkai.content.Page;
import gongkai.content.Urls;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;

/**
 * A Markdown page of content/pages/ (about, data guide …) in one edition: the page's own text in the default
 * edition; in the English edition its English twin ({@code <slug>.en.md}) when it has one — its links read from
 * where it is shown, as written — else the Chinese text, its links resolved against the Chinese page.
 */
final class MarkdownPage {
    /** Longest page description (meta description): what search results show of it. */
    static final int DESCRIPTION_CHARS = 160;

    private MarkdownPage() {
    }

    static SiteModel.PageJob of(PageKit kit, Page page) {
        boolean twin = !kit.msg().primary() && page.english() != null;
        boolean chineseOnly = !kit.msg().primary() && page.english() == null;
        String title = kit.pageTitle(page);
        String urlPath = Urls.page(page.slug());
        String html = twin ? kit.markdown().renderPageBody(page.english().markdown(), true)
                : kit.markdownFor(kit.markdown().renderPageBody(page.markdown()), urlPath);
        Document body = Jsoup.parseBodyFragment(html);
        List<Link> contents = body.select("h2[id]").stream().map(h -> new Link("#" + h.id(), h.text())).toList();
        Views.MarkdownPageView view = new Views.MarkdownPageView(page.slug(), html, contents, chineseOnly);
        // what the page says first; the Chinese text shown in English says what it is, in English
        String description = chineseOnly ? kit.msg().format("markdown_description_chinese", title, kit.site().title())
                : description(body);
        PageMeta meta = new PageMeta(kit.title(title), title, description != null ? description : kit.site().description(),
                kit.pageUrl(urlPath), kit.underHome(title), null);
        String lastmod = twin ? kit.index().lastmodOfEnglishPage(page) : kit.index().lastmodOfPage(page);
        return kit.job(urlPath, "page.ftlh", meta, view, lastmod, true);
    }

    /** The page's first paragraph as plain text, cut at a sentence end to fit a description; null without one. */
    static String description(Document body) {
        Element first = body.selectFirst("body > p");
        if (first == null || first.text().isBlank()) {
            return null;
        }
        String text = first.text().strip();
        if (text.length() <= DESCRIPTION_CHARS) {
            return text;
        }
        int end = -1;
        for (int i = 0; i < DESCRIPTION_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || (c == '.' || c == ':' || c == '：') && i + 1 < text.length()
                    && text.charAt(i + 1) == ' ') {
                end = i + 1;
            }
        }
        return end > 0 ? text.substring(0, end).strip() : text.substring(0, DESCRIPTION_CHARS - 1).strip() + "…";
    }
}
