package gongkai.check;

import gongkai.pipeline.SitePaths;



import gongkai.pipeline.BuildContext;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link and asset reference (href/src/action in every HTML file, parsed with jsoup)
 * against the files actually written: a link to a download counts only once the export stage wrote it.
 * Root-relative links must start with the site's base path. Same-page fragments must name an existing id.
 *
 * <p>Pages are parsed once, when they are rendered ({@link #collect}): fragment links are checked right away
 * and every other link is reduced to the site path it needs. {@link #brokenLinks(java.util.Collection)} then
 * looks each distinct target up in the files the build recorded ({@link #brokenLinks()}: in a walk of the output
 * folder) — no page is read back, and memory grows with the number of
 * distinct targets, not with the number of links. HTML files that were not collected are parsed from disk.
 * A missing target is reported once, for the first page (by path) that links to it, with how many others do.
 */
public final class LinkChecker {
    private final Path siteDir;
    private final String siteRoot;
    private final String basePath;
    private final Set<String> collected = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> immediate = new ConcurrentLinkedQueue<>();
    /**
     * Per collecting thread: target key (site path, with "/" kept when the link ended in one) → first referrer
     * and link count. Plain maps, merged once in {@link #brokenLinks()}: no lock or atomic per link.
     */
    private final Map<Thread, Map<String, Referrers>> targetsByThread = new ConcurrentHashMap<>();

    private record Ref(String page, String attr, String link) {
        static final Comparator<Ref> ORDER = Comparator.comparing(Ref::page).thenComparing(Ref::attr).thenComparing(Ref::link);

        String line(String problem) {
            return page + ": " + attr + "=\"" + link + "\" → " + problem;
        }
    }

    /** The first referrer (by page, attribute, link) of one target and how many links point to it. */
    private static final class Referrers {
        private String page;
        private String attr;
        private String link;
        private int links;

        void add(String page, String attr, String link) {
            links++;
            if (this.page == null || isBefore(page, attr, link)) {
                this.page = page;
                this.attr = attr;
                this.link = link;
            }
        }

        void add(Referrers other) {
            links += other.links;
            if (this.page == null || isBefore(other.page, other.attr, other.link)) {
                this.page = other.page;
                this.attr = other.attr;
                this.link = other.link;
            }
        }

        private boolean isBefore(String page, String attr, String link) {
            int c = page.compareTo(this.page);
            if (c == 0) {
                c = attr.compareTo(this.attr);
            }
            if (c == 0) {
                c = link.compareTo(this.link);
            }
            return c < 0;
        }

        Ref first() {
            return new Ref(page, attr, link);
        }
    }

    public LinkChecker(Path siteDir, String basePath) {
        this.siteDir = siteDir;
        this.siteRoot = siteDir.toString();
        this.basePath = basePath;
    }

    /** Records the links of one page about to be written to {@code pagePath} (thread-safe). */
    public void collect(String pagePath, String html) {
        collect(pagePath, html.toCharArray(), html.length());
    }

    /** As {@link #collect(String, String)}, for the page's text in the first {@code length} chars of {@code html}. */
    public void collect(String pagePath, char[] html, int length) {
        collected.add(pagePath);
        // The rendered text is scanned, not parsed into a tree: same attributes, a fraction of the cost.
        Set<String> ids = new HashSet<>();
        List<String> links = new ArrayList<>();
        HtmlLinks.scan(html, length, (attr, value) -> {
            links.add(attr);
            links.add(value);
        }, ids::add);
        Map<String, Referrers> targets = targetsByThread.computeIfAbsent(Thread.currentThread(), t -> new HashMap<>());
        for (int i = 0; i < links.size(); i += 2) {
            classify(ids, pagePath, links.get(i), links.get(i + 1), targets);
        }
    }

    private void collect(String pagePath, Document doc) {
        // One pass for the ids: a lookup per fragment link would walk the whole page each time.
        Set<String> ids = new HashSet<>();
        for (Element el : doc.getAllElements()) {
            if (el.hasAttr("id")) {
                ids.add(el.id());
            }
        }
        Map<String, Referrers> targets = targetsByThread.computeIfAbsent(Thread.currentThread(), t -> new HashMap<>());
        for (Element el : doc.select("[href], [src], form[action]")) {
            for (String attr : List.of("href", "src", "action")) {
                if (el.hasAttr(attr)) {
                    classify(ids, pagePath, attr, el.attr(attr), targets);
                }
            }
        }
    }

    /**
     * As {@link #brokenLinks()}, with the site's files given (site paths, as {@link BuildContext#writtenPaths}
     * records them) instead of read from the output folder; folders are the files' parents.
     */
    public List<String> brokenLinks(java.util.Collection<String> writtenFiles) throws IOException {
        Set<String> files = new HashSet<>(writtenFiles);
        Set<String> folders = new HashSet<>();
        folders.add("/");
        List<Path> uncollected = new ArrayList<>();
        for (String path : files) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash + 1));
            }
            if (path.endsWith(".html") && !collected.contains(path)) {
                uncollected.add(siteDir.resolve(path));
            }
        }
        return resolve(files, folders, uncollected);
    }

    /** @return "page.html: href → problem" lines, sorted; empty when every link resolves */
    public List<String> brokenLinks() throws IOException {
        Set<String> files = new HashSet<>();
        Set<String> folders = new HashSet<>();
        List<Path> uncollected = new ArrayList<>();
        Files.walkFileTree(siteDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                folders.add(sitePath(dir) + "/");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String path = sitePath(file);
                    files.add(path);
                    if (path.endsWith(".html") && !collected.contains(path)) {
                        uncollected.add(file);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return resolve(files, folders, uncollected);
    }

    private List<String> resolve(Set<String> files, Set<String> folders, List<Path> uncollected) {
        uncollected.parallelStream().forEach(page -> {
            try {
                collect(sitePath(page), Jsoup.parse(page.toFile(), "UTF-8"));
            } catch (IOException e) {
                immediate.add(sitePath(page) + ": cannot read (" + e.getMessage() + ")");
            }
        });
        Map<String, Referrers> targets = new HashMap<>();
        for (Map<String, Referrers> part : targetsByThread.values()) {
            part.forEach((key, r) -> targets.computeIfAbsent(key, k -> new Referrers()).add(r));
        }
        List<String> broken = new ArrayList<>(immediate);
        for (Map.Entry<String, Referrers> e : targets.entrySet()) {
            String key = e.getKey();
            String problem;
            if (folders.contains(key.endsWith("/") ? key : key + "/")) {
                String index = key.isEmpty() || key.equals("/") ? "index.html"
                        : (key.endsWith("/") ? key : key + "/") + "index.html";
                problem = files.contains(index) ? null : "no such file";
            } else if (key.endsWith("/")) {
                problem = "no such folder";
            } else {
                problem = files.contains(key) ? null : "no such file";
            }
            if (problem != null) {
                Referrers r = e.getValue();
                int others = r.links - 1;
                broken.add(r.first().line(problem) + (others > 0 ? " (and " + others + " more link(s) to it)" : ""));
            }
        }
        broken.sort(null);
        return broken;
    }

    /** The '/'-separated path of a file under the site folder ("" for the folder itself). */
    private String sitePath(Path file) {
        String path = file.toString();
        String relative = path.length() > siteRoot.length() ? path.substring(siteRoot.length() + 1)
                : siteDir.relativize(file).toString();
        return relative.replace('\\', '/');
    }

    private void classify(Set<String> ids, String page, String attr, String link, Map<String, Referrers> targets) {
        if (link.isEmpty()) {
            immediate.add(new Ref(page, attr, link).line("empty link"));
            return;
        }
        if (startsWithIgnoreCase(link, "http:") || startsWithIgnoreCase(link, "https:")
                || startsWithIgnoreCase(link, "mailto:") || startsWithIgnoreCase(link, "tel:") || link.startsWith("//")) {
            return; // external: not ours to check offline
        }
        if (startsWithIgnoreCase(link, "javascript:") || startsWithIgnoreCase(link, "data:")) {
            immediate.add(new Ref(page, attr, link).line("script/data URL not allowed"));
            return;
        }
        if (link.startsWith("#")) {
            String id = link.substring(1);
            if (!id.isEmpty() && !ids.contains(id)) {
                immediate.add(new Ref(page, attr, link).line("no element with id '" + id + "' on the page"));
            }
            return;
        }
        String path = stripQueryAndFragment(link);
        if (path.indexOf('%') >= 0) {
            try {
                // Links are percent-encoded where needed; "+" is a literal plus in a path.
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                immediate.add(new Ref(page, attr, link).line("malformed URL"));
                return;
            }
        }
        String sitePath;
        if (path.startsWith("/")) {
            if (!path.startsWith(basePath)) {
                immediate.add(new Ref(page, attr, link).line("outside the base path " + basePath));
                return;
            }
            sitePath = path.substring(basePath.length());
        } else {
            int slash = page.lastIndexOf('/');
            sitePath = slash < 0 ? path : page.substring(0, slash + 1) + path;
        }
        String key = SitePaths.normalise(sitePath);
        if (key == null) {
            immediate.add(new Ref(page, attr, link).line("outside the site"));
            return;
        }
        targets.computeIfAbsent(key, k -> new Referrers()).add(page, attr, link);
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String stripQueryAndFragment(String link) {
        int cut = link.length();
        int q = link.indexOf('?');
        int h = link.indexOf('#');
        if (q >= 0) {
            cut = Math.min(cut, q);
        }
        if (h >= 0) {
            cut = Math.min(cut, h);
        }
        return cut == link.length() ? link : link.substring(0, cut);
    }
}
