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
        String title = kit.msg().get("search_title");
        PageMeta meta = new PageMeta(kit.title(title), title, kit.msg().get("search_description"), kit.pageUrl(Urls.search()),
                kit.underHome(title), null);
        return kit.job(Urls.search(), "search.ftlh", meta, new Views.SearchView(regionLinks(kit), pageLinks,
                scriptStrings(kit.msg())), null, true);
    }

    /**
     * search.js's labels (the messages whose keys start with "js_", without that prefix) as a JSON object for the
     * page's data-strings attribute: one script for every edition, no inline script.
     */
    static String scriptStrings(Messages msg) {
        StringBuilder json = new StringBuilder("{");
        new java.util.TreeMap<>(msg.strings()).forEach((key, value) -> {
            if (key.startsWith("js_")) {
                json.append(json.length() > 1 ? "," : "").append(quote(key.substring(3))).append(':').append(quote(value));
            }
        });
        return json.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Every region, by slug. */
    static List<Link> regionLinks(PageKit kit) {
        return kit.index().regions().stream().map(r -> kit.regionLink(r.slug())).toList();
    }
}
