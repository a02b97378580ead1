package gongkai.build;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link and asset reference (href/src/action in every HTML file, parsed with jsoup)
 * against the files actually written: a link to a download counts only once the export stage wrote it.
 * Root-relative links must start with the site's base path. Same-page fragments must name an existing id.
 */
public final class LinkChecker {
    private final Path siteDir;
    private final String basePath;

    public LinkChecker(Path siteDir, String basePath) {
        this.siteDir = siteDir;
        this.basePath = basePath;
    }

    /** @return "page.html: href → problem" lines, sorted; empty when every link resolves */
    public List<String> brokenLinks() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(siteDir)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<String> broken = pages.parallelStream()
                .flatMap(page -> {
                    try {
                        return check(page).stream();
                    } catch (IOException e) {
                        return Stream.of(siteDir.relativize(page) + ": cannot read (" + e.getMessage() + ")");
                    }
                })
                .sorted()
                .toList();
        return broken;
    }

    private List<String> check(Path page) throws IOException {
        String pagePath = siteDir.relativize(page).toString().replace('\\', '/');
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        List<String> broken = new ArrayList<>();
        for (Element el : doc.select("[href], [src], form[action]")) {
            for (String attr : List.of("href", "src", "action")) {
                if (!el.hasAttr(attr)) {
                    continue;
                }
                String problem = problem(doc, pagePath, el.attr(attr));
                if (problem != null) {
                    broken.add(pagePath + ": " + attr + "=\"" + el.attr(attr) + "\" → " + problem);
                }
            }
        }
        return broken;
    }

    private String problem(Document doc, String pagePath, String link) {
        if (link.isEmpty()) {
            return "empty link";
        }
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")
                || lower.startsWith("tel:") || lower.startsWith("//")) {
            return null; // external: not ours to check offline
        }
        if (lower.startsWith("javascript:") || lower.startsWith("data:")) {
            return "script/data URL not allowed";
        }
        if (link.startsWith("#")) {
            String id = link.substring(1);
            return id.isEmpty() || doc.getElementById(id) != null ? null : "no element with id '" + id + "' on the page";
        }
        String path;
        try {
            // Links are percent-encoded where needed; "+" is a literal plus in a path.
            path = URLDecoder.decode(stripQueryAndFragment(link).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "malformed URL";
        }
        String sitePath;
        if (path.startsWith("/")) {
            if (!path.startsWith(basePath)) {
                return "outside the base path " + basePath;
            }
            sitePath = path.substring(basePath.length());
        } else {
            String dir = pagePath.contains("/") ? pagePath.substring(0, pagePath.lastIndexOf('/') + 1) : "";
            sitePath = dir + path;
        }
        Path target = siteDir.resolve(sitePath.isEmpty() ? "." : sitePath).normalize();
        if (!target.startsWith(siteDir)) {
            return "outside the site";
        }
        if (Files.isDirectory(target)) {
            target = target.resolve("index.html");
        } else if (sitePath.endsWith("/")) {
            return "no such folder";
        }
        return Files.isRegularFile(target) ? null : "no such file";
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
