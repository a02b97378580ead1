package gongkai.check;

import gongkai.testing.TestSites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link scanner sees exactly the links and ids jsoup sees, on every page of a real build and on tricky markup. */
class HtmlLinksTest {
    private static List<String> scanned(String html) {
        List<String> out = new ArrayList<>();
        HtmlLinks.scan(html, (attr, value) -> out.add(attr + "=" + value), id -> out.add("id=" + id));
        out.sort(null);
        return out;
    }

    private static List<String> parsed(String html) {
        Document doc = Jsoup.parse(html);
        List<String> out = new ArrayList<>();
        for (Element el : doc.select("[href], [src], form[action]")) {
            for (String attr : List.of("href", "src", "action")) {
                if (el.hasAttr(attr) && (!attr.equals("action") || el.tagName().equals("form"))) {
                    out.add(attr + "=" + el.attr(attr));
                }
            }
        }
        for (Element el : doc.getAllElements()) {
            if (el.hasAttr("id")) {
                out.add("id=" + el.id());
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void agreesWithJsoupOnEveryPageOfTheTestSite(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        TestSites.build(TestSites.tiny(), TestSites.defaultTheme(), tmp.resolve("content"), out);
        int pages = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page, StandardCharsets.UTF_8);
                assertEquals(parsed(html), scanned(html), page.toString());
                pages++;
            }
        }
        assertTrue(pages > 5, "pages checked: " + pages);
    }

    @Test
    void skipsCommentsAndScriptsAndDecodesReferences() {
        String html = "<!DOCTYPE html><html><head><title>a <a href=\"t\"></title>"
                + "<script>var s = '<a href=\"nope\">';</script><style>a[href=\"x\"]{}</style></head>"
                + "<body><!-- <a href=\"commented\"> --><a id=\"a&amp;b\" href=\"/x?a=1&amp;b=2&#39;\">x</a>"
                + "<img src='/i.png' alt=x><input action=\"/not-a-form\"><form action=\"/s\"><a HREF=/bare>y</a></form>"
                + "<a href=\"&unknown;\">z</a></body></html>";
        assertEquals(parsed(html), scanned(html));
        assertEquals(List.of("action=/s", "href=&unknown;", "href=/bare", "href=/x?a=1&b=2'", "id=a&b", "src=/i.png"),
                scanned(html));
    }

    @Test
    void decodesNamedNumericAndUnterminatedReferencesAsJsoupDoes() {
        String html = "<p id=\"&quot;q&apos;&#X41;\"><a href=\"/q?a=1&amp;b=&#x4e2d;&#25991;&copy;&amp&lt;&#xZZ;\">x</a>"
                + "<a href='/r?x=1&amp=2&ampy'>y</a><img src=\"&#x80;&#1114112;&nbsp;\"></p>";
        assertEquals(parsed(html), scanned(html));
        assertEquals(List.of("href=/q?a=1&b=中文©&<&#xZZ;", "href=/r?x=1&amp=2&ampy", "id=\"q'A",
                "src=€\uFFFD\u00A0"), scanned(html));
    }
}
