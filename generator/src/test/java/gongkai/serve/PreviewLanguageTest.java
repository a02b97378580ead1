package gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Lang;
import gongkai.content.Text;
import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --lang en}: the terminal's lines, the failure the open pages show and the overlay around it are in
 * English, as they are in Chinese by default (BuildFailureOverlayTest shows the overlay in Chromium).
 */
class PreviewLanguageTest {
    @Test
    void aFailedRebuildIsToldInTheSessionsLanguage(@TempDir Path tmp) throws Exception {
        for (Lang lang : Lang.values()) {
            Path site = Files.createDirectories(tmp.resolve(lang.name()));
            Files.writeString(site.resolve("index.html"), "<!doctype html><html><body><p>x</p></body></html>");
            AtomicInteger builds = new AtomicInteger();
            PreviewSession.Builder builder = () -> {
                if (builds.getAndIncrement() > 0) {
                    throw new BuildException("validate", Text.of("1 处内容错误", "1 content error"), null);
                }
                return new BuildReport(3, 7, 1_200_000_000L, List.of(new BuildReport.StageTime("load", 5_000_000)), "/");
            };
            List<String> lines = new ArrayList<>();
            try (PreviewSession session = new PreviewSession(builder, site, List.of(), 0, lines::add,
                    e -> e.describe(lang), lang)) {
                session.start();
                session.rebuild();
                String base = "http://127.0.0.1:" + session.server().port();
                HttpClient http = HttpClient.newHttpClient();
                String failure = http.send(HttpRequest.newBuilder(URI.create(base + DevServer.FAILURE_PATH)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                String address = "serve: http://127.0.0.1:" + session.server().port() + "/";
                if (lang == Lang.EN) {
                    assertEquals(List.of("build: 3 projects, 7 pages in 1.2 s (load 5 ms)", address + " (press Ctrl+C to stop)",
                            "serve: the rebuild failed; the last site that built is still served. "
                                    + "build failed (validate stage): 1 content error"), lines);
                    assertEquals("build failed (validate stage): 1 content error", failure);
                    assertTrue(page.contains("o.setAttribute('lang','en')") && page.contains("'Close for now'")
                            && page.contains("The build failed: the preview still shows the last site that built"), page);
                } else {
                    assertEquals(List.of("build：3 个项目，7 个页面，用时 1.2 秒（load 5 ms）", address + "（按 Ctrl+C 停止）",
                            "serve: 重新构建失败，仍在提供上一次成功构建的网站。构建失败（validate 阶段）：1 处内容错误"), lines);
                    assertEquals("构建失败（validate 阶段）：1 处内容错误", failure);
                    assertTrue(page.contains("o.setAttribute('lang','zh-CN')") && page.contains("'暂时关闭'"), page);
                }
            }
        }
    }
}
