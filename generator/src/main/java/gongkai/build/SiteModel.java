package gongkai.build;

import gongkai.render.Views;
import java.util.List;
import java.util.Map;

/**
 * The assembled site: every page to render (with its immutable view model), the feed, and the base URL.
 *
 * @param baseUrl  absolute base URL from site.yaml, ending in "/"
 * @param basePath the path part of {@code baseUrl} ("/" or "/sub/"), prefixed to every internal link
 * @param pages    the page jobs, sorted by path
 * @param feed     department-years for the Atom feed, newest first
 * @param updated  the site's last content change (yyyy-mm-dd), or null when unknown
 */
public record SiteModel(Views.SiteView view, String baseUrl, String basePath, List<PageJob> pages,
                        List<FeedEntry> feed, String updated) {

    public SiteModel {
        pages = List.copyOf(pages);
        feed = List.copyOf(feed);
    }

    /**
     * One page to render.
     *
     * @param urlPath    site path of the page ("", "tianjin/", "404.html"), as built by {@code Urls}
     * @param outputFile file written ("tianjin/index.html", "404.html")
     * @param template   theme template name
     * @param model      the data model (immutable views)
     * @param lastmod    last content change (yyyy-mm-dd) of what the page shows, or null
     * @param inSitemap  listed in sitemap.xml
     */
    public record PageJob(String urlPath, String outputFile, String template, Map<String, Object> model,
                          String lastmod, boolean inSitemap) {
        public PageJob {
            model = Map.copyOf(model);
        }
    }

    /** An Atom entry: a department-year, dated by its YAML file's last commit (or 1 January of its year). */
    public record FeedEntry(String title, String urlPath, String updated, String summary) {
    }

    /** Absolute URL of a site path. */
    public String absolute(String urlPath) {
        return baseUrl + urlPath;
    }
}
