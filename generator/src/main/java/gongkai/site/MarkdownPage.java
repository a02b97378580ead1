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
    /** Longest page description (meta description): a sentence or two, about what search results show. */
    static final int DESCRIPTION_CHARS = 200;

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

    /** Han, CJK punctuation and full-width forms: a line break between two of them is no space. */
    private static final java.util.regex.Pattern BREAK_IN_CHINESE = java.util.regex.Pattern.compile(
            "(?<=[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F])\\s+(?=[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F])");

    /**
     * The page's first paragraph as plain text, null without one: whole when it fits a description, else up to its
     * last sentence end that does, else cut at a space with "…".
     */
    static String description(Document body) {
        Element first = body.selectFirst("body > p");
        if (first == null || first.text().isBlank()) {
            return null;
        }
        // the source's line breaks inside Chinese text are not spaces
        String text = BREAK_IN_CHINESE.matcher(first.wholeText().strip()).replaceAll("").replaceAll("\\s+", " ");
        if (text.length() <= DESCRIPTION_CHARS) {
            return text;
        }
        int end = -1;
        for (int i = 0; i < DESCRIPTION_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || (c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ') {
                end = i + 1;
            }
        }
        if (end > 0) {
            return text.substring(0, end);
        }
        int space = text.lastIndexOf(' ', DESCRIPTION_CHARS - 1);
        return (space > DESCRIPTION_CHARS / 2 ? text.substring(0, space) : text.substring(0, DESCRIPTION_CHARS - 1)).strip() + "…";
    }
}
