package gongkai.build;

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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link and asset reference (href/src/action in every HTML file, parsed with jsoup)
 * against the files actually written: a link to a download counts only once the export stage wrote it.
 * Root-relative links must start with the site's base path. Same-page fragments must name an existing id.
 *
 * <p>Pages are parsed once, when they are rendered ({@link #collect}): fragment links are checked right away
 * and every other link is reduced to the site path it needs. {@link #brokenLinks()} then walks the output once
 * and looks each distinct target up in memory — no page is read back, and memory grows with the number of
 * distinct targets, not with the number of links. HTML files that were not collected are parsed from disk.
 * A missing target is reported once, for the first page (by path) that links to it, with how many others do.
 */
public final class LinkChecker {
    private final Path siteDir;
    private final String basePath;
    private final Set<String> collected = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> immediate = new ConcurrentLinkedQueue<>();
    /** Target key (site path, with "/" kept when the link ended in one) → first referrer and referrer count. */
    private final Map<String, Referrers> targets = new ConcurrentHashMap<>();

    private record Ref(String page, String attr, String link) {
        static final Comparator<Ref> ORDER = Comparator.comparing(Ref::page).thenComparing(Ref::attr).thenComparing(Ref::link);

        String line(String problem) {
            return page + ": " + attr + "=\"" + link + "\" → " + problem;
        }
    }

    private static final class Referrers {
        private Ref first;
        private final AtomicInteger pages = new AtomicInteger();

        synchronized void add(Ref ref) {
            if (first == null || Ref.ORDER.compare(ref, first) < 0) {
                first = ref;
            }
            pages.incrementAndGet();
        }
    }

    public LinkChecker(Path siteDir, String basePath) {
        this.siteDir = siteDir;
        this.basePath = basePath;
    }

    /** Records the links of one page about to be written to {@code pagePath} (thread-safe). */
    public void collect(String pagePath, String html) {
        collected.add(pagePath);
        // The rendered text is scanned, not parsed into a tree: same attributes, a fraction of the cost.
        Set<String> ids = new HashSet<>();
        List<Ref> refs = new ArrayList<>();
        HtmlLinks.scan(html, (attr, value) -> refs.add(new Ref(pagePath, attr, value)), ids::add);
        for (Ref ref : refs) {
            classify(ids, ref);
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
        for (Element el : doc.select("[href], [src], form[action]")) {
            for (String attr : List.of("href", "src", "action")) {
                if (el.hasAttr(attr)) {
                    classify(ids, new Ref(pagePath, attr, el.attr(attr)));
                }
            }
        }
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
        uncollected.parallelStream().forEach(page -> {
            try {
                collect(sitePath(page), Jsoup.parse(page.toFile(), "UTF-8"));
            } catch (IOException e) {
                immediate.add(sitePath(page) + ": cannot read (" + e.getMessage() + ")");
            }
        });
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
                int others = r.pages.get() - 1;
                broken.add(r.first.line(problem) + (others > 0 ? " (and " + others + " more link(s) to it)" : ""));
            }
        }
        broken.sort(null);
        return broken;
    }

    private String sitePath(Path file) {
        return siteDir.relativize(file).toString().replace('\\', '/');
    }

    private void classify(Set<String> ids, Ref ref) {
        String link = ref.link();
        if (link.isEmpty()) {
            immediate.add(ref.line("empty link"));
            return;
        }
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")
                || lower.startsWith("tel:") || lower.startsWith("//")) {
            return; // external: not ours to check offline
        }
        if (lower.startsWith("javascript:") || lower.startsWith("data:")) {
            immediate.add(ref.line("script/data URL not allowed"));
            return;
        }
        if (link.startsWith("#")) {
            String id = link.substring(1);
            if (!id.isEmpty() && !ids.contains(id)) {
                immediate.add(ref.line("no element with id '" + id + "' on the page"));
            }
            return;
        }
        String path;
        try {
            // Links are percent-encoded where needed; "+" is a literal plus in a path.
            path = URLDecoder.decode(stripQueryAndFragment(link).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            immediate.add(ref.line("malformed URL"));
            return;
        }
        String sitePath;
        if (path.startsWith("/")) {
            if (!path.startsWith(basePath)) {
                immediate.add(ref.line("outside the base path " + basePath));
                return;
            }
            sitePath = path.substring(basePath.length());
        } else {
            String pagePath = ref.page();
            String dir = pagePath.contains("/") ? pagePath.substring(0, pagePath.lastIndexOf('/') + 1) : "";
            sitePath = dir + path;
        }
        Path target = siteDir.resolve(sitePath.isEmpty() ? "." : sitePath).normalize();
        if (!target.startsWith(siteDir)) {
            immediate.add(ref.line("outside the site"));
            return;
        }
        String key = sitePath(target) + (sitePath.endsWith("/") && !target.equals(siteDir) ? "/" : "");
        targets.computeIfAbsent(key, k -> new Referrers()).add(ref);
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
        return link.substring(0, cut);
    }
}
