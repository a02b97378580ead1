package gongkai.serve;

import gongkai.cli.SitePipelines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildPipeline;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.BuildContext;
import gongkai.content.Content;
import gongkai.content.DepartmentYear;
import gongkai.content.Page;
import gongkai.content.Region;
import gongkai.content.SiteConfig;
import gongkai.content.Urls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewSessionTest {
    /** A one-region site served at the root, with a department-year so downloads exist. */
    static Content content() {
        return new Content(new SiteConfig("测试站", "测试", "测试", "CC BY 4.0", null, "https://example.org/"),
                List.of(new Region("hengshui", "衡水市", null)), List.of(), List.of(), List.of(new Page("about", "关于", "# 关于\n\n说明。\n")));
    }

    static BuildStage dataPackageWriter() {
        return new BuildStage() {
            @Override
            public String name() {
                return "export";
            }

            @Override
            public void run(BuildContext context) throws java.io.IOException {
                context.writeString(Urls.data("datapackage.json"), "{\"name\":\"测试\"}\n");
                for (DepartmentYear dy : context.content().departmentYears()) {
                    throw new IllegalStateException("unexpected " + dy);
                }
            }
        };
    }

    static Path copyTheme(Path target) throws Exception {
        Path source = Path.of("themes/default").toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }

    @Test
    void servesTheSiteWithContentTypesAndRebuildsWhenTheThemeChanges(@TempDir Path tmp) throws Exception {
        Path theme = copyTheme(tmp.resolve("theme"));
        Path contentDir = Files.createDirectories(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        BuildOptions options = BuildOptions.of(contentDir, theme, out, line -> { });
        try (PreviewSession session = new PreviewSession(
                () -> SitePipelines.builder(options, dir -> content()).export(dataPackageWriter()).build().run(),
                out, List.of(contentDir, theme), 0, line -> { })) {
            session.server().addHandler("/api/echo", exchange -> {
                byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            session.start();
            String base = "http://127.0.0.1:" + session.server().port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> home = get(http, base + "/");
            assertEquals(200, home.statusCode());
            assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(home.body().contains("<h1>测试站</h1>"));
            assertTrue(home.body().contains("/__gongkai/version"), "live reload injected in serve mode");
            assertFalse(Files.readString(out.resolve("index.html")).contains("__gongkai"), "but never written to disk");

            assertType(http, base + "/assets/site.css", "text/css; charset=utf-8");
            assertType(http, base + "/assets/site.js", "text/javascript; charset=utf-8");
            assertType(http, base + "/sitemap.xml", "application/xml; charset=utf-8");
            assertType(http, base + "/feed.xml", "application/xml; charset=utf-8");
            assertType(http, base + "/robots.txt", "text/plain; charset=utf-8");
            assertType(http, base + "/data/datapackage.json", "application/json; charset=utf-8");
            assertType(http, base + "/about/", "text/html; charset=utf-8");
            assertEquals(301, get(http, base + "/about").statusCode(), "folders without slash redirect");
            assertEquals("pong", get(http, base + "/api/echo").body(), "extra handler");
            // this pipeline's export stage writes datapackage.json only: /quality/ is there and links no download
            HttpResponse<String> quality = get(http, base + "/quality/");
            assertEquals(200, quality.statusCode());
            assertTrue(quality.body().contains("<h1>数据质量</h1>"), quality.body());
            assertFalse(quality.body().contains("quality.csv") || quality.body().contains("quality.json"), quality.body());

            HttpResponse<String> missing = get(http, base + "/no/such/page/");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("页面不存在"));
            assertEquals(400, get(http, base + "/../../etc/passwd").statusCode(), "dot segments are refused");

            String version = get(http, base + "/__gongkai/version").body();
            Path about = theme.resolve("templates/page.ftlh");
            Files.writeString(about, Files.readString(about).replace("<div class=\"prose\">", "<p id=\"changed\">改过了</p><div class=\"prose\">"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String now = version;
            while (now.equals(version) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                now = get(http, base + "/__gongkai/version").body();
            }
            assertFalse(now.equals(version), "version bumped after the rebuild");
            assertTrue(get(http, base + "/about/").body().contains("改过了"));
        }
    }

    @Tag("slow")
    @Test
    void aSiteUnderASubPathIsServedUnderIt(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        Content root = content();
        Content sub = new Content(new SiteConfig("测试站", "测试", "测试", "CC BY 4.0", null, "https://example.org/gongkai/"),
                root.regions(), root.departments(), root.departmentYears(), root.pages());
        BuildOptions options = BuildOptions.of(Files.createDirectories(tmp.resolve("content")), copyTheme(tmp.resolve("theme")),
                out, line -> { });
        try (PreviewSession session = new PreviewSession(
                () -> SitePipelines.builder(options, dir -> sub).export(dataPackageWriter()).build().run(),
                out, List.of(), 0, line -> { })) {
            session.start();
            String base = "http://127.0.0.1:" + session.server().port();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> root302 = get(http, base + "/");
            assertEquals(302, root302.statusCode());
            assertEquals("/gongkai/", root302.headers().firstValue("Location").orElseThrow());
            assertTrue(get(http, base + "/gongkai/").body().contains("href=\"/gongkai/assets/site.css\""));
            assertType(http, base + "/gongkai/assets/site.css", "text/css; charset=utf-8");
            assertEquals(404, get(http, base + "/assets/site.css").statusCode(), "only under the base path");
        }
    }

    @Test
    void contentTypesCoverTheSiteFiles() {
        assertEquals("image/svg+xml; charset=utf-8", DevServer.contentType("chart.svg"));
        assertEquals("text/csv; charset=utf-8", DevServer.contentType("x-excel.csv"));
        assertEquals("application/octet-stream", DevServer.contentType("noextension"));
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertType(HttpClient http, String url, String type) throws Exception {
        HttpResponse<String> r = get(http, url);
        assertEquals(200, r.statusCode(), url);
        assertEquals(type, r.headers().firstValue("Content-Type").orElseThrow(), url);
    }
}
