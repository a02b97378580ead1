package gongkai.site;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The assembled site: every page to render (with its immutable view model), the feed, and the base URL.
 *
 * @param baseUrl  absolute base URL from site.yaml, ending in "/"
 * @param basePath the path part of {@code baseUrl} ("/" or "/sub/"), prefixed to every internal link
 * @param pages    the page jobs, sorted by path
 * @param feed     department-years for the Atom feed, newest first
 * @param updated  the site's last content change (yyyy-mm-dd), or null when unknown
 * @param yearFeeds each department-year's feed of its changes, by output file
 * @param charts    the data of every page's chart, by page (the export stage writes each beside its page)
 */
public record SiteModel(Views.SiteView view, String baseUrl, String basePath, List<PageJob> pages,
                        List<FeedEntry> feed, String updated, List<YearFeed> yearFeeds, List<ChartData> charts) {

    public SiteModel {
        pages = List.copyOf(pages);
        feed = List.copyOf(feed);
        yearFeeds = List.copyOf(yearFeeds);
        charts = List.copyOf(charts);
    }

    /**
     * One page to render. The data model is made when it is asked for ({@link #model()}), by the render stage
     * inside its parallel loop: the site model does not hold every page's view records at once (at 100,000
     * projects those were most of the heap), and building them runs in parallel with rendering.
     *
     * @param urlPath    site path of the page ("", "tianjin/", "404.html"), as built by {@code Urls}
     * @param outputFile file written ("tianjin/index.html", "404.html")
     * @param template   theme template name
     * @param models     makes the data model (immutable views); each call makes an equal model
     * @param lastmod    last content change (yyyy-mm-dd) of what the page shows, or null
     * @param inSitemap  listed in sitemap.xml
     */
    public record PageJob(String urlPath, String outputFile, String template, Supplier<Map<String, Object>> models,
                          String lastmod, boolean inSitemap) {
        /** A page whose model is already made. */
        public PageJob(String urlPath, String outputFile, String template, Map<String, Object> model, String lastmod,
                       boolean inSitemap) {
            this(urlPath, outputFile, template, constant(Map.copyOf(model)), lastmod, inSitemap);
        }

        private static Supplier<Map<String, Object>> constant(Map<String, Object> model) {
            return () -> model;
        }

        /** The data model (made now, unless the job was created with it). */
        public Map<String, Object> model() {
            return Map.copyOf(models.get());
        }

        /** Same page with an equal model (incremental rebuilds skip such pages): the models are made to compare. */
        @Override
        public boolean equals(Object o) {
            return o instanceof PageJob other && urlPath.equals(other.urlPath) && outputFile.equals(other.outputFile)
                    && template.equals(other.template) && java.util.Objects.equals(lastmod, other.lastmod)
                    && inSitemap == other.inSitemap && (models == other.models || model().equals(other.model()));
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(urlPath, outputFile, template, lastmod, inSitemap);
        }
    }

    /** An Atom entry: a department-year, dated by its YAML file's last commit (or 1 January of its year). */
    public record FeedEntry(String title, String urlPath, String updated, String summary, String tag) {
        /** An entry whose id is its URL. */
        public FeedEntry(String title, String urlPath, String updated, String summary) {
            this(title, urlPath, updated, summary, null);
        }
    }

    /**
     * A department-year's own feed: written to {@code outputFile}, its entries newest first.
     *
     * @param updated the feed's date when it has no entries (the year file's last commit, else 1 January)
     */
    public record YearFeed(String outputFile, String title, String pageUrlPath, String updated,
                           List<FeedEntry> entries) {
        public YearFeed {
            entries = List.copyOf(entries);
        }
    }

    /** Absolute URL of a site path. */
    public String absolute(String urlPath) {
        return baseUrl + urlPath;
    }
}
