package gongkai.site;

import gongkai.content.ContentPaths;
import gongkai.content.DepartmentYear;
import gongkai.content.Department;
import gongkai.content.Page;
import gongkai.content.Region;
import gongkai.content.SiteConfig;
import gongkai.content.SourceRef;
import gongkai.content.Urls;
import gongkai.site.Views.Download;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every page builder shares: the indexed content, the site's base URL and path, links (every URL comes from
 * {@link Urls}, prefixed with the base path of site.yaml's base_url), breadcrumbs, titles, downloads, JSON-LD
 * distributions, and the page job around a page's view.
 */
final class PageKit {
    private final SiteIndex index;
    private final Markdown markdown = new Markdown();
    private final String baseUrl;
    private final String basePath;
    private final Views.SiteView siteView;

    /** Null when no quality stage ran: no notices, no /quality/ page. */
    private final QualityFindings quality;
    private final Map<String, List<Views.QualityNote>> qualityByProject;
    /** Whether a download a page would link is written by this build (a pipeline may have no export stage). */
    private final java.util.function.Predicate<String> written;

    /** The interface strings of the edition this kit builds pages for, and every edition (for the alternates). */
    private final Messages msg;
    private final Editions editions;
    /** How a cited document's page is cut into parts (null: the document has no page, links go to its address). */
    private final Function<String, SourceParts> sourceParts;

    PageKit(SiteIndex index, boolean hasSearchJs, QualityFindings quality, java.util.function.Predicate<String> written,
            Editions editions, Messages msg, Function<String, SourceParts> sourceParts) {
        this.index = index;
        this.sourceParts = sourceParts;
        this.msg = msg;
        this.editions = editions;
        this.quality = quality;
        this.written = written;
        SiteConfig site = index.content().site();
        this.baseUrl = site.baseUrl().endsWith("/") ? site.baseUrl() : site.baseUrl() + "/";
        this.basePath = basePathOf(baseUrl);
        this.siteView = siteView(site, hasSearchJs);
        this.qualityByProject = quality == null ? Map.of() : quality.byProject(this::qualityNote); // links need basePath
    }

    /** "/" for https://example.org/, "/gongkai/" for https://example.org/gongkai/. */
    static String basePathOf(String baseUrl) {
        String path = URI.create(baseUrl).getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    /** The interface strings of this kit's edition. */
    Messages msg() {
        return msg;
    }

    /** "2024年" in Chinese, "2024" in English: a year as a link text or heading. */
    String yearText(int year) {
        return msg.format("year", year);
    }

    /** A date as the edition writes it: 2025年3月1日 in Chinese, ISO 2025-03-01 in English. */
    String dateText(java.time.LocalDate date) {
        return msg.primary() ? CorrectionNotes.dateText(date) : date.toString();
    }

    /** The quality stage's findings, or null when the pipeline has none. */
    QualityFindings quality() {
        return quality;
    }

    /** The quality notices of one project, in report order (acknowledged ones say so and give the reason). */
    List<Views.QualityNote> qualityNotes(String projectId) {
        return qualityByProject.getOrDefault(projectId, List.of());
    }

    /** A finding's notice as pages show it: with the link to the source line its message refers to, if any. */
    Views.QualityNote qualityNote(QualityFindings.Finding f) {
        return f.cited() == null ? f.note() : f.note().withSource(source(f.cited()));
    }

    /** Whether this build writes the site-wide download {@code sitePath}: pages link only those. */
    boolean writes(String sitePath) {
        return written.test(sitePath);
    }

    SiteIndex index() {
        return index;
    }

    Markdown markdown() {
        return markdown;
    }

    private static final java.util.regex.Pattern RELATIVE_LINK =
            java.util.regex.Pattern.compile("(href|src)=\"(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^\"]*)\"");

    /**
     * Markdown rendered for the page at {@code urlPath}: as is in the default edition; in another (one folder
     * deeper, en/…) its relative links resolved against the default edition's page, so they reach the same files
     * and pages the author linked (the text they are in is the same Chinese text).
     */
    String markdownFor(String html, String urlPath) {
        if (html == null || html.isEmpty()) {
            return html;
        }
        html = linesToTheirParts(html, urlPath);
        if (msg.primary()) {
            return html;
        }
        URI page = URI.create("http://x" + basePath + urlPath);
        java.util.regex.Matcher m = RELATIVE_LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            String resolved = page.resolve(m.group(2).replace("&amp;", "&")).getRawPath();
            String rest = m.group(2).replaceFirst("^[^?#]*", "");
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + "=\"" + resolved + rest + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A link to a line of a source page: the page's address (ends in .html) and the line. */
    private static final java.util.regex.Pattern SOURCE_LINE_LINK =
            java.util.regex.Pattern.compile("href=\"([^\"#?]*\\.html)#L([1-9][0-9]{0,8})\"");

    /**
     * A Markdown link to a line of a source page as authors write it ({@code …/x.txt.html#L3000}: the page's
     * address) goes to the part of the page that shows the line ({@link SourceParts#urlPathOf}), as every other
     * link to a line does; resolved against the default edition's page {@code urlPath}, as the author wrote it.
     */
    private String linesToTheirParts(String html, String urlPath) {
        if (html.indexOf("#L") < 0) {
            return html;
        }
        URI page = URI.create("http://x" + basePath + urlPath);
        java.util.regex.Matcher m = SOURCE_LINE_LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 16);
        while (m.find()) {
            String replacement = m.group();
            String path = page.resolve(m.group(1).replace("&amp;", "&")).getPath();
            String prefix = basePath + Urls.source("");
            if (path != null && path.startsWith(prefix)) {
                String document = path.substring(prefix.length(), path.length() - ".html".length());
                SourceParts parts = sourceParts.apply(document);
                int line = Integer.parseInt(m.group(2));
                if (parts != null && parts.partOf(line) > 1) {
                    replacement = "href=\"" + fileHref(parts.urlPathOf(line)) + "#" + Urls.lineAnchor(line) + "\"";
                }
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    SiteConfig site() {
        return index.content().site();
    }

    /** Absolute base URL, ending in "/". */
    String baseUrl() {
        return baseUrl;
    }

    String basePath() {
        return basePath;
    }

    Views.SiteView siteView() {
        return siteView;
    }

    private Views.SiteView siteView(SiteConfig site, boolean hasSearchJs) {
        List<Link> nav = new ArrayList<>();
        nav.add(new Link(href(Urls.home()), msg.get("nav_home")));
        nav.add(new Link(href(Urls.dataPage()), msg.get("data_title")));
        for (Page page : index.sortedPages()) {
            nav.add(pageLink(page));
        }
        nav.add(new Link(href(Urls.search()), msg.get("nav_search")));
        return new Views.SiteView(site.title(), site.description(), site.publisher(), site.licence(),
                site.licenceUrl(), basePath, href(Urls.home()), href(Urls.search()),
                fileHref(Urls.asset("site.css")), fileHref(Urls.asset("site.js")),
                hasSearchJs ? fileHref(Urls.asset("search.js")) : null,
                fileHref(Urls.feed()), href(Urls.dataPage()),
                quality == null ? null : href(Urls.quality()), nav, fileHref(Urls.asset("favicon.svg")),
                site.reportUrl());
    }

    // ---- links

    /** Root-relative link target of a page's site path, in this kit's edition ("/en/tianjin/"). */
    String href(String urlPath) {
        return basePath + msg.prefix() + urlPath;
    }

    /** Root-relative link target of a file (downloads, assets, source documents, feeds): one for every edition. */
    String fileHref(String path) {
        return basePath + path;
    }

    /** Absolute URL of a page in this kit's edition (its canonical URL). */
    String pageUrl(String urlPath) {
        return baseUrl + msg.prefix() + urlPath;
    }

    Link homeLink() {
        return new Link(href(Urls.home()), msg.get("nav_home"));
    }

    Link regionLink(String slug) {
        Region r = index.region(slug);
        return new Link(href(Urls.region(slug)), r == null ? slug : r.name());
    }

    Link departmentLink(Department d) {
        return new Link(href(Urls.department(d.key())), d.name());
    }

    Link departmentYearLink(DepartmentYear dy, String text) {
        return new Link(href(Urls.departmentYear(dy)), text);
    }

    Link pageLink(Page page) {
        return new Link(href(Urls.page(page.slug())), pageTitle(page));
    }

    /** A Markdown page's title in this kit's edition: its English twin's in English, else the page's own. */
    String pageTitle(Page page) {
        return !msg.primary() && page.english() != null ? page.english().title() : page.title();
    }

    /**
     * A citation with the link to its line on the document's source page ({@code …004_….txt.html#L270}; the page
     * itself when no line is cited); null when there is no reference, document and link null when the document is
     * not named.
     */
    Views.Source source(SourceRef ref) {
        if (ref == null) {
            return null;
        }
        // shown by its file name; the link keeps the department folder it is published in
        return new Views.Source(ref.document() == null ? null : ContentPaths.documentFileName(ref.document()),
                ref.document() == null ? null : sourceHref(ref.document(), ref.line()),
                ref.heading(), ref.line(), ref.document() == null ? null : sourceHref(ref.document(), 0));
    }

    /**
     * The source page of {@code document}, at {@code line} when it is one (&gt; 0): the part of a long document's
     * page that shows the line ({@link SourceParts#urlPathOf}), else its first part, the page's own address.
     */
    String sourceHref(String document, int line) {
        if (line <= 0) {
            return href(Urls.sourcePage(document));
        }
        SourceParts parts = sourceParts.apply(document);
        return href(parts == null ? Urls.sourcePage(document) : parts.urlPathOf(line)) + "#" + Urls.lineAnchor(line);
    }

    /** Home › enclosing regions › region (outermost first). */
    List<Link> regionTrail(String slug) {
        List<Link> trail = new ArrayList<>();
        String current = slug;
        int guard = 0;
        while (current != null && guard++ < 16) {
            trail.add(0, regionLink(current));
            Region r = index.region(current);
            current = r == null ? null : r.parent();
        }
        trail.add(0, homeLink());
        return trail;
    }

    /** The trail and the current page (unlinked) as its last crumb. */
    static List<Link> withCurrent(List<Link> trail, String current) {
        List<Link> out = new ArrayList<>(trail);
        out.add(new Link(null, current));
        return List.copyOf(out);
    }

    /** Home › the current page. */
    List<Link> underHome(String current) {
        return List.of(homeLink(), new Link(null, current));
    }

    /** &lt;title&gt; of a page: its heading and the site's title. */
    String title(String h1) {
        return msg.format("page_title", h1, site().title());
    }

    // ---- downloads

    /** The three download twins (JSON, CSV, Excel CSV) of the data at {@code url.apply(suffix)}. */
    List<Download> downloads(Function<String, String> url) {
        return List.of(
                new Download(fileHref(url.apply(".json")), "JSON", "application/json"),
                new Download(fileHref(url.apply(".csv")), "CSV", "text/csv"),
                new Download(fileHref(url.apply("-excel.csv")), msg.get("download_excel_cn_headers"), "text/csv"));
    }

    /** The same twins as JSON-LD distributions (absolute URLs). */
    List<JsonLd.Distribution> distributions(Function<String, String> url) {
        return List.of(
                new JsonLd.Distribution(baseUrl + url.apply(".json"), "application/json", "JSON"),
                new JsonLd.Distribution(baseUrl + url.apply(".csv"), "text/csv", "CSV"),
                new JsonLd.Distribution(baseUrl + url.apply("-excel.csv"), "text/csv", msg.get("download_excel_cn_headers")));
    }

    /**
     * A department-year's twins, saved under descriptive names ("天津市生态环境局-2023-项目.csv") rather than
     * the URL's "2023.csv", which says nothing once it is in a Downloads folder.
     */
    List<Download> downloadsOf(DepartmentYear dy) {
        String stem = fileNameSafe(index().departmentOf(dy).name()) + "-" + dy.year();
        return downloads(suffix -> Urls.departmentYearData(dy, suffix)).stream()
                .map(d -> new Download(d.href(), d.label(), d.format(),
                        d.href().endsWith("-excel.csv") ? stem + "-项目-Excel.csv"
                                : d.href().endsWith(".csv") ? stem + "-项目.csv" : stem + ".json"))
                .toList();
    }

    /** Characters that no file system accepts in a name become "_". */
    static String fileNameSafe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    // ---- page jobs

    /** A job whose model is made now: the site, the page's head and frame, its view. */
    SiteModel.PageJob job(String urlPath, String template, PageMeta meta, Object view, String lastmod,
                          boolean inSitemap) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", siteView);
        model.put("t", msg);
        model.put("edition", edition(urlPath));
        model.put("meta", meta);
        model.put("page", view);
        model.put("pageType", template.replace(".ftlh", ""));
        if (lastmod != null) {
            model.put("lastmod", lastmod); // shown as 更新于 and in the citation
        }
        String path = msg.prefix() + urlPath;
        return new SiteModel.PageJob(path, outputFile(path), template, model, lastmod, inSitemap);
    }

    /** The page's edition and the same page in every edition (the language switch, hreflang alternates). */
    private Views.EditionView edition(String urlPath) {
        List<Views.Alternate> alternates = new ArrayList<>();
        Views.Alternate other = null;
        for (Messages m : editions.all()) {
            Views.Alternate a = new Views.Alternate(m.lang(), baseUrl + m.prefix() + urlPath,
                    basePath + m.prefix() + urlPath, m.get("edition_name"));
            alternates.add(a);
            if (other == null && !m.code().equals(msg.code())) {
                other = a;
            }
        }
        return new Views.EditionView(msg.lang(), msg.get("og_locale"), msg.primary(), other,
                editions.all().size() > 1 ? alternates : List.of());
    }

    /** A job whose model {@code page} makes when it is rendered; path, template and date are known now. */
    SiteModel.PageJob deferred(String pageUrlPath, String template, String lastmod, boolean inSitemap,
                               Supplier<SiteModel.PageJob> page) {
        String urlPath = msg.prefix() + pageUrlPath;
        return new SiteModel.PageJob(urlPath, outputFile(urlPath), template, () -> {
            SiteModel.PageJob made = page.get();
            if (!made.urlPath().equals(urlPath) || !made.template().equals(template)
                    || !Objects.equals(made.lastmod(), lastmod)) {
                throw new IllegalStateException("page " + urlPath + ": deferred job disagrees with its page");
            }
            return made.model();
        }, lastmod, inSitemap);
    }

    static String outputFile(String urlPath) {
        return urlPath.isEmpty() || urlPath.endsWith("/") ? urlPath + "index.html" : urlPath;
    }
}
