package gongkai.check;

import gongkai.pipeline.SitePaths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links are resolved as a browser resolves them against the page URL, on real files in a site folder. */
class LinkCheckerTest {
    @Test
    void resolvesRelativeDotAndEncodedLinksAndReportsWhatIsMissing(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        for (String file : List.of("index.html", "a/index.html", "a/b.csv", "a/c+d.csv", "assets/site.css")) {
            Files.createDirectories(site.resolve(file).getParent());
            Files.writeString(site.resolve(file), "x");
        }
        LinkChecker links = new LinkChecker(site, "/");
        String html = "<html><body id=\"top\">"
                + "<a href=\"../assets/site.css\">1</a><a href=\"./b.csv\">2</a><a href=\"/a/\">3</a>"
                + "<a href=\"/a//b.csv\">4</a><a href=\"/\">5</a><a href=\"b.csv?x=1#f\">6</a>"
                + "<a href=\"%62.csv\">7</a><a href=\"c+d.csv\">8</a><a href=\"c%2Bd.csv\">9</a>"
                + "<a href=\"/a/./x/../b.csv\">10</a><a href=\"#top\">11</a><a href=\"..\">12</a>"
                + "<a href=\"../../x\">bad 1</a><a href=\"/a/missing.csv\">bad 2</a><a href=\"missing.csv\">bad 3</a>"
                + "<a href=\"/a/b.csv/\">bad 4</a><a href=\"#nope\">bad 5</a><a href=\"%zz\">bad 6</a>"
                + "<img src=\"/assets/site.css\"></body></html>";
        links.collect("a/index.html", html);
        links.collect("index.html", "<a href=\"a/missing.csv\">again</a><a href=\"A/\">case</a>");
        List<String> expected = List.of(
                "a/index.html: href=\"#nope\" → no element with id 'nope' on the page",
                "a/index.html: href=\"%zz\" → malformed URL",
                "a/index.html: href=\"../../x\" → outside the site",
                "a/index.html: href=\"/a/b.csv/\" → no such folder",
                "a/index.html: href=\"/a/missing.csv\" → no such file (and 2 more link(s) to it)",
                "index.html: href=\"A/\" → no such folder");
        assertEquals(expected, links.brokenLinks());
        // the same from the list of written files (what a build records) instead of a walk of the folder
        assertEquals(expected, links.brokenLinks(
                List.of("index.html", "a/index.html", "a/b.csv", "a/c+d.csv", "assets/site.css")));
        assertEquals(expected.size() + 1, links.brokenLinks(List.of("index.html", "a/index.html", "a/c+d.csv",
                "assets/site.css")).size(), "a file not recorded is a broken link target");
    }

    @Test
    void normalisesSitePathsLikeUrlPaths() {
        assertEquals("a/b.csv", SitePaths.normalise("a/b.csv"));
        assertEquals("a/", SitePaths.normalise("a/"));
        assertEquals("a/", SitePaths.normalise("a/b/../"));
        assertEquals("b", SitePaths.normalise("a/../b"));
        assertEquals("a/b", SitePaths.normalise("a//./b"));
        assertEquals("", SitePaths.normalise(""));
        assertEquals("", SitePaths.normalise("./"));
        assertEquals("", SitePaths.normalise("a/.."));
        assertEquals(null, SitePaths.normalise(".."));
        assertEquals(null, SitePaths.normalise("a/../../b"));
        assertEquals(null, SitePaths.normalise("/etc/passwd"));
    }
}
