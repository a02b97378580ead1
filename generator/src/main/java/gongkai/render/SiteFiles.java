package gongkai.render;

import gongkai.site.GitDates;
import gongkai.site.SiteModel;

import gongkai.site.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's machine files: sitemap(s), robots.txt and the Atom feed. Every date in them is derived from the
 * content (git last-commit dates, budget years), never the wall clock, so two builds are byte-identical.
 */
public final class SiteFiles {
    private SiteFiles() {
    }

    /**
     * sitemap.xml: one urlset while the URLs fit in {@code limit}; beyond that sitemap.xml becomes a sitemap
     * index pointing at sitemap-1.xml, sitemap-2.xml … each with at most {@code limit} URLs.
     *
     * @return file name → content, in order
     */
    public static Map<String, String> sitemaps(SiteModel site, int limit) {
        List<SiteModel.PageJob> pages = site.pages().stream().filter(SiteModel.PageJob::inSitemap).toList();
        Map<String, String> files = new LinkedHashMap<>();
        if (pages.size() <= limit) {
            files.put("sitemap.xml", urlset(site, pages));
            return files;
        }
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        int part = 0;
        for (int start = 0; start < pages.size(); start += limit) {
            part++;
            List<SiteModel.PageJob> slice = pages.subList(start, Math.min(pages.size(), start + limit));
            String name = "sitemap-" + part + ".xml";
            files.put(name, urlset(site, slice));
            String lastmod = null;
            for (SiteModel.PageJob p : slice) {
                lastmod = GitDates.max(lastmod, p.lastmod());
            }
            index.append("  <sitemap>\n    <loc>").append(Html.escape(site.absolute(name))).append("</loc>\n");
            if (lastmod != null) {
                index.append("    <lastmod>").append(lastmod).append("</lastmod>\n");
            }
            index.append("  </sitemap>\n");
        }
        index.append("</sitemapindex>\n");
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("sitemap.xml", index.toString());
        ordered.putAll(files);
        return ordered;
    }

    private static String urlset(SiteModel site, List<SiteModel.PageJob> pages) {
        StringBuilder xml = new StringBuilder(pages.size() * 120 + 200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (SiteModel.PageJob page : pages) {
            xml.append("  <url>\n    <loc>").append(Html.escape(site.absolute(page.urlPath()))).append("</loc>\n");
            if (page.lastmod() != null) {
                xml.append("    <lastmod>").append(page.lastmod()).append("</lastmod>\n");
            }
            xml.append("  </url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    public static String robots(SiteModel site) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + site.absolute("sitemap.xml") + "\n";
    }

    /** Atom feed of recent department-years; entry dates are content dates (see {@link SiteModel.FeedEntry}). */
    public static String atomFeed(SiteModel site) {
        String updated = null;
        for (SiteModel.FeedEntry e : site.feed()) {
            updated = GitDates.max(updated, e.updated());
        }
        if (updated == null) {
            updated = site.updated() != null ? site.updated() : "1970-01-01";
        }
        List<String> lines = new ArrayList<>();
        lines.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        lines.add("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">");
        lines.add("  <title>" + Html.escape(site.view().title()) + "</title>");
        lines.add("  <subtitle>" + Html.escape(site.view().description()) + "</subtitle>");
        lines.add("  <id>" + Html.escape(site.absolute("feed.xml")) + "</id>");
        lines.add("  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + Html.escape(site.absolute("feed.xml")) + "\"/>");
        lines.add("  <link rel=\"alternate\" type=\"text/html\" href=\"" + Html.escape(site.baseUrl()) + "\"/>");
        lines.add("  <updated>" + updated + "T00:00:00Z</updated>");
        lines.add("  <author><name>" + Html.escape(site.view().publisher()) + "</name></author>");
        if (site.view().licenceUrl() != null) {
            lines.add("  <rights>" + Html.escape(site.view().licence()) + " " + Html.escape(site.view().licenceUrl()) + "</rights>");
        }
        for (SiteModel.FeedEntry e : site.feed()) {
            String url = Html.escape(site.absolute(e.urlPath()));
            lines.add("  <entry>");
            lines.add("    <title>" + Html.escape(e.title()) + "</title>");
            lines.add("    <id>" + url + "</id>");
            lines.add("    <link rel=\"alternate\" type=\"text/html\" href=\"" + url + "\"/>");
            lines.add("    <updated>" + e.updated() + "T00:00:00Z</updated>");
            lines.add("    <summary>" + Html.escape(e.summary()) + "</summary>");
            lines.add("  </entry>");
        }
        lines.add("</feed>");
        return String.join("\n", lines) + "\n";
    }
}
