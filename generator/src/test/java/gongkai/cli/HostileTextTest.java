package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.serve.DevServer;
import gongkai.testing.Browser;
import gongkai.testing.HostileSite;
import gongkai.testing.HtmlChecker;
import gongkai.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A site whose every text field holds hostile text ({@link HostileSite}), built by {@code gongkai build} and
 * loaded page by page in headless Chromium: no injected script runs, no dialog opens, the only scripts are the
 * site's own, and each field's text is shown as text.
 */
@Tag("slow")
class HostileTextTest {
    @TempDir
    static Path tmp;
    static Path site;
    static List<String> pages;

    @BeforeAll
    static void build() throws Exception {
        Path content = HostileSite.write(tmp.resolve("content"));
        site = tmp.resolve("site");
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.execute("build", "--content", content.toString(), "--theme", TestSites.defaultTheme().toString(),
                    "--out", site.toString());
        } finally {
            System.setErr(savedErr);
        }
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** What the page's DOM says about scripts, handlers and links that should not be there. */
    private static final String INSPECT = """
            const own = s => (s.src && new URL(s.src).pathname.startsWith('/assets/'))
                || (!s.src && s.type === 'application/ld+json')
                || (!s.src && s.textContent.includes("fetch('/__gongkai/version'")); // DevServer's live reload
            const problems = [];
            document.querySelectorAll('script').forEach(s => { if (!own(s)) problems.push('script: ' + s.outerHTML.slice(0, 200)); });
            document.querySelectorAll('*').forEach(e => { for (const a of e.attributes) {
                if (a.name.startsWith('on')) problems.push('handler: <' + e.localName + ' ' + a.name + '>');
                if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)
                        && /^\\s*(javascript|data|vbscript):/i.test(a.value)) problems.push('url: ' + a.name + '=' + a.value);
            } });
            document.querySelectorAll('iframe, object, embed, img[src="x"], svg[onload], base').forEach(e => problems.push('element: ' + e.localName));
            return {pwned: String(window.__pwned), problems: problems, text: document.body.innerText, title: document.title};
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inspect(ChromeDriver driver) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(INSPECT);
    }

    private static void assertNoDialog(ChromeDriver driver, String where) {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError(where + ": a dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no alert, confirm or prompt
        }
    }

    @Test
    void noInjectedScriptRunsOnAnyPageAndEveryFieldIsShownAsText(@TempDir Path profile) throws Exception {
        assertTrue(pages.size() >= 9, pages.toString());
        Map<String, String> text = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        try (DevServer server = new DevServer(site, "/", 0); Browser browser = Browser.start(profile, 1280, 900)) {
            server.start();
            ChromeDriver driver = browser.driver();
            for (String page : pages) {
                String url = "http://127.0.0.1:" + server.port() + "/" + page.replaceFirst("index\\.html$", "");
                browser.open(url);
                assertNoDialog(driver, page);
                Map<String, Object> seen = inspect(driver);
                assertEquals("undefined", seen.get("pwned"), page);
                assertEquals(List.of(), seen.get("problems"), page);
                // and in the published file (without the dev server's reload script): only the site's own
                for (org.jsoup.nodes.Element script : org.jsoup.Jsoup.parse(site.resolve(page).toFile(), "UTF-8").select("script")) {
                    assertTrue(script.attr("src").startsWith("/assets/") || script.attr("type").equals("application/ld+json"),
                            page + ": " + script);
                }
                text.put(page, (String) seen.get("text"));
                titles.put(page, (String) seen.get("title"));
            }
        }

        // Every field's text, exactly, on some page (Markdown fields: up to where Markdown itself changes it).
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> field : HostileSite.TEXT_FIELDS.entrySet()) {
            // the description is the meta description (below); the short name is shown by the search page (next test)
            boolean elsewhere = field.getKey().equals("站点描述") || field.getKey().equals("部门简称");
            if (!elsewhere && text.values().stream().noneMatch(t -> t.contains(field.getValue()))) {
                missing.add(field.getKey());
            }
        }
        String markdownShown = HostileSite.SCRIPT + " " + HostileSite.IMG + " " + HostileSite.SVG;
        for (String label : HostileSite.MARKDOWN_FIELDS.keySet()) {
            if (text.values().stream().noneMatch(t -> t.contains("【" + label + "】 " + markdownShown))) {
                missing.add(label);
            }
        }
        assertEquals(List.of(), missing, "fields not shown as text");
        assertTrue(text.values().stream().anyMatch(t -> t.contains(HostileSite.LONG_RUN)));
        // the template syntax is shown, never evaluated
        // (every place the hostile text starts shows all of it: "{{7*7}} 49 …" would be an evaluation; a bare "49"
        // is not evidence — a source page numbers its lines, a download its bytes)
        String shown = HostileSite.TEMPLATE.substring(0, HostileSite.TEMPLATE.indexOf(" <#assign"));
        assertTrue(text.values().stream().anyMatch(t -> t.contains(shown)), "the template text is shown");
        for (Map.Entry<String, String> page : text.entrySet()) {
            String t = page.getValue();
            for (int at = t.indexOf("{{7*7}}"); at >= 0; at = t.indexOf("{{7*7}}", at + 1)) {
                assertTrue(t.startsWith(shown, at), "7*7 evaluated on " + page.getKey() + ": "
                        + t.substring(at, Math.min(t.length(), at + 40)));
            }
            assertTrue(!t.contains("[=49]") && !t.contains("{{49}}"), "7*7 evaluated on " + page.getKey());
        }

        // The title element holds the whole hostile title (a "</title>" in it did not end it).
        String project = "projects/" + HostileSite.CODE + "-" + HostileSite.YEAR + "-001/index.html";
        assertTrue(titles.get(project).startsWith(HostileSite.TEXT_FIELDS.get("项目名称") + " · "), titles.get(project));
        assertTrue(titles.get(project).endsWith(HostileSite.TEXT_FIELDS.get("站点标题")), titles.get(project));
        assertTrue(titles.get(HostileSite.PAGE_SLUG + "/index.html").startsWith(HostileSite.PAGE_TITLE), titles.toString());
        // the site description is the home page's meta description
        String home = Files.readString(site.resolve("index.html"));
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(home);
        assertEquals(HostileSite.TEXT_FIELDS.get("站点描述"), doc.selectFirst("meta[name=description]").attr("content"));
        assertEquals(HostileSite.LICENCE_URL, doc.selectFirst("a[rel=license]").attr("href"));
    }

    @Test
    void aHostileSearchQueryIsShownAsTextAndFindsTheHostileProjects(@TempDir Path profile) throws Exception {
        try (DevServer server = new DevServer(site, "/", 0); Browser browser = Browser.start(profile, 1280, 900)) {
            server.start();
            ChromeDriver driver = browser.driver();
            // each query (but the zzz one) is text the hostile project holds as written, quotes and all: search
            // matches words as written, so "onerror=window" would not match the stored onerror="window
            for (String query : List.of(HostileSite.IMG, HostileSite.SCRIPT, "${7*7}",
                    "'-alert(1)-' \u202E\u2028", "zzz<svg onload=window.__pwned=1>")) {
                browser.open("http://127.0.0.1:" + server.port() + "/search/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
                    Object status = ((JavascriptExecutor) d).executeScript(
                            "const s = document.querySelector('.search-status'); return s ? s.textContent : '';");
                    return !status.toString().isEmpty() && !status.toString().equals("正在搜索…");
                });
                assertNoDialog(driver, query);
                Map<String, Object> seen = inspect(driver);
                assertEquals("undefined", seen.get("pwned"), query);
                assertEquals(List.of(), seen.get("problems"), query);
                assertEquals(query, ((JavascriptExecutor) driver).executeScript("return document.getElementById('search-q').value"));
                String shown = (String) seen.get("text");
                assertTrue(!shown.contains("搜索出错"), shown);
                if (query.startsWith("zzz")) {
                    assertTrue(shown.contains("没有找到与“" + query + "”相符的结果"), shown);
                } else {
                    assertTrue(shown.contains(HostileSite.TEXT_FIELDS.get("项目名称")), query + ": " + shown);
                    assertTrue(shown.contains(HostileSite.YEAR + " · " + HostileSite.TEXT_FIELDS.get("部门简称")), query + ": " + shown);
                }
            }
        }
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        List<Path> files = pages.stream().map(site::resolve).toList();
        // The licence URL's quote and angle brackets are not valid in a URL; validate does not check licence_url
        // (only that it is no script URL, through the link check). That it stays one attribute value is the point.
        String licenceUrl = "Bad value “" + HostileSite.LICENCE_URL + "” for attribute “href” on element “a”: Illegal character in query.";
        assertEquals(List.of(), HtmlChecker.errors(files).stream().filter(e -> !e.contains(licenceUrl)).toList());
    }

    /**
     * Markdown links to script URLs, and a licence URL that is one, never reach a page: validate refuses them at
     * their line, so the build fails before anything is rendered.
     */
    @Test
    void unsafeLinksFailTheBuildAndPublishNothing(@TempDir Path dir) throws Exception {
        Path content = HostileSite.write(dir.resolve("content"));
        Path page = content.resolve("pages/unsafe.md");
        Files.writeString(page, "# 不安全的链接\n\n" + String.join("\n\n", HostileSite.UNSAFE_MARKDOWN) + "\n");
        String message = failedBuild(content, dir.resolve("site"));
        assertTrue(message.contains("pages/unsafe.md:3:1: 链接不能使用 javascript: 地址"), message);
        assertTrue(message.contains("pages/unsafe.md:7:1: 链接不能使用 javascript: 地址"), message); // mixed case
        assertTrue(message.contains("pages/unsafe.md:9:1: 链接不能使用 data: 地址"), message);
        assertTrue(message.contains("pages/unsafe.md:13:1: 图片不能使用 javascript: 地址"), message);

        Files.delete(page);
        Path siteYaml = content.resolve("site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml).replaceFirst("licence_url: .*", "licence_url: javascript:window.__pwned=1"));
        message = failedBuild(content, dir.resolve("site"));
        assertTrue(message.contains("site.yaml:") && message.contains("licence_url: "), message);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("content"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static String failedBuild(Path content, Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.execute("build", "--content", content.toString(), "--theme", TestSites.defaultTheme().toString(),
                    "--out", out.toString());
        } finally {
            System.setErr(savedErr);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, message);
        assertTrue(message.contains("构建失败（validate 阶段）"), message);
        return message;
    }
}
