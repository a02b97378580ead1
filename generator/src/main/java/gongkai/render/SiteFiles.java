package gongkai.render;

import freemarker.template.TemplateException;
import gongkai.site.GitDates;
import gongkai.site.SiteModel;
import gongkai.site.Views;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's machine files: sitemap(s), robots.txt and the Atom feed, rendered by the theme's templates
 * ({@code sitemap.xml.ftlx}, {@code sitemap-index.xml.ftlx}, {@code feed.xml.ftlx}: XML auto-escaping;
 * {@code robots.txt.ftl}) so a theme can override them. Every date in them is derived from the content (git
 * last-commit dates, budget years), never the wall clock, so two builds are byte-identical.
 */
public final class SiteFiles {
    private SiteFiles() {
    }

    /** A URL in a sitemap (a page) or in a sitemap index (a sitemap file); {@code lastmod} yyyy-mm-dd or null. */
    public record SitemapUrl(String loc, String lastmod) {
    }

    /** An Atom entry as the feed template shows it: absolute URL, date yyyy-mm-dd. */
    public record FeedItem(String title, String id, String url, String updated, String summary) {
    }

    /**
     * sitemap.xml: one urlset while the URLs fit in {@code limit}; beyond that sitemap.xml becomes a sitemap
     * index pointing at sitemap-1.xml, sitemap-2.xml … each with at most {@code limit} URLs.
     *
     * @return file name → content, in order
     */
    public static Map<String, String> sitemaps(Templates templates, SiteModel site, int limit)
            throws IOException, TemplateException {
        List<SitemapUrl> urls = site.pages().stream().filter(SiteModel.PageJob::inSitemap)
                .map(p -> new SitemapUrl(site.absolute(p.urlPath()), p.lastmod())).toList();
        Map<String, String> files = new LinkedHashMap<>();
        if (urls.size() <= limit) {
            files.put("sitemap.xml", urlset(templates, urls));
            return files;
        }
        List<SitemapUrl> parts = new ArrayList<>();
        for (int start = 0; start < urls.size(); start += limit) {
            List<SitemapUrl> slice = urls.subList(start, Math.min(urls.size(), start + limit));
            String name = "sitemap-" + (parts.size() + 1) + ".xml";
            files.put(name, urlset(templates, slice));
            String lastmod = null;
            for (SitemapUrl u : slice) {
                lastmod = GitDates.max(lastmod, u.lastmod());
            }
            parts.add(new SitemapUrl(site.absolute(name), lastmod));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("sitemap.xml", templates.render("sitemap-index.xml.ftlx", Map.of("sitemaps", parts)));
        ordered.putAll(files);
        return ordered;
    }

    private static String urlset(Templates templates, List<SitemapUrl> urls) throws IOException, TemplateException {
        return templates.render("sitemap.xml.ftlx", Map.of("urls", urls));
    }

    public static String robots(Templates templates, SiteModel site) throws IOException, TemplateException {
        return templates.render("robots.txt.ftl", Map.of("sitemapUrl", site.absolute("sitemap.xml")));
    }

    /** Atom feed of recent department-years; entry dates are content dates (see {@link SiteModel.FeedEntry}). */
    public static String atomFeed(Templates templates, SiteModel site) throws IOException, TemplateException {
        return feed(templates, site, site.view().title(), "feed.xml", site.baseUrl(),
                site.updated() != null ? site.updated() : "1970-01-01", site.feed());
    }

    /** A department-year's feed of its changes ({@code <region>/<code>/<year>/feed.xml}). */
    public static String yearFeed(Templates templates, SiteModel site, SiteModel.YearFeed feed)
            throws IOException, TemplateException {
        return feed(templates, site, feed.title(), feed.outputFile(), site.absolute(feed.pageUrlPath()),
                feed.updated(), feed.entries());
    }

    private static String feed(Templates templates, SiteModel site, String title, String path, String homeUrl,
                               String fallback, List<SiteModel.FeedEntry> feedEntries)
            throws IOException, TemplateException {
        String updated = null;
        for (SiteModel.FeedEntry e : feedEntries) {
            updated = GitDates.max(updated, e.updated());
        }
        if (updated == null) {
            updated = fallback;
        }
        String host = tagHost(site.baseUrl());
        List<FeedItem> entries = feedEntries.stream()
                .map(e -> new FeedItem(e.title(), e.tag() == null ? site.absolute(e.urlPath())
                        : "tag:" + host + "," + e.tag(), site.absolute(e.urlPath()), e.updated(), e.summary()))
                .toList();
        Views.SiteView view = site.view();
        return templates.render("feed.xml.ftlx", Map.of("site", view, "title", title == null ? "" : title,
                "feedUrl", site.absolute(path), "homeUrl", homeUrl, "updated", updated, "entries", entries));
    }

    /** The authority of a tag: URI (RFC 4151): the site's host, which stays while pages move. */
    private static String tagHost(String baseUrl) {
        String host = null;
        try {
            host = java.net.URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            // base_url is checked when site.yaml is loaded; a relative one has no host
        }
        return host == null || host.isEmpty() ? "localhost" : host;
    }
}
