package gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.cli.SitePipelines;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.search.SearchIndexStage;
import gongkai.site.ProcurementSource;
import gongkai.testing.Browser;
import gongkai.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk saves a broken year file while the preview is open in Chromium: the page shows the very message the
 * terminal prints, over the last good page, until the file is fixed — then the page reloads with the fix.
 */
@Tag("slow")
class BuildFailureOverlayTest {
    private static final String FAILED = "serve: 重新构建失败，仍在提供上一次成功构建的网站。";

    @Test
    void aBrokenSaveShowsTheTerminalsMessageInTheBrowserUntilTheFileIsFixed(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(Path.of("generator/src/test/resources/sites/test-site"), tmp);
        Path theme = Path.of("themes/default");
        Path served = tmp.resolve("site");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BuildOptions options = BuildOptions.of(content, theme, served, lines::add);
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> SitePipelines.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables()).index(new SearchIndexStage())
                .export(new ExportStage()).build(), lines::add);
        Path yearFile = content.resolve("tianjin/362303/2024.yaml");
        String good = Files.readString(yearFile, StandardCharsets.UTF_8);
        // the clerk types a full-width colon after the key on line 3
        String broken = good.replace("\ntitle: 天津市", "\ntitle：天津市");
        assertTrue(!broken.equals(good));

        try (PreviewSession session = new PreviewSession(builder, served, List.of(content, theme), 0, lines::add);
                Browser browser = Browser.start(tmp.resolve("profile"), 390, 844)) {
            session.start();
            String page = "http://127.0.0.1:" + session.server().port() + "/tianjin/362303/2024/";
            browser.open(page);
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(90));
            JavascriptExecutor js = browser.driver();
            js.executeScript("window.__beforeFailure = true;"); // gone after a reload
            assertTrue(browser.driver().findElements(By.id(LiveReload.OVERLAY_ID)).isEmpty(), "no overlay on a good build");

            lines.clear();
            Files.writeString(yearFile, broken, StandardCharsets.UTF_8);
            String logged = awaitLine(lines, FAILED);
            String terminalMessage = logged.substring(FAILED.length());
            assertTrue(terminalMessage.contains("tianjin/362303/2024.yaml:3:"), "names the file and line: " + terminalMessage);

            WebElement overlay = wait.until(d -> {
                List<WebElement> found = d.findElements(By.id(LiveReload.OVERLAY_ID));
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            });
            assertEquals(terminalMessage, overlay.findElement(By.className("message")).getText().strip(),
                    "the overlay shows what the terminal printed");
            assertEquals(Boolean.TRUE, js.executeScript("return window.__beforeFailure === true;"),
                    "the last good page stays (no reload on a failure)");
            assertEquals("alertdialog", overlay.getAttribute("role"));
            assertEquals(LiveReload.OVERLAY_ID, browser.driver().switchTo().activeElement().findElement(By.xpath(
                    "ancestor::div[1]")).getAttribute("id"), "focus moves into the dialog");
            List<Map<String, Object>> violations = browser.axeViolations();
            assertEquals(List.of(), violations, "axe on the page with the overlay");

            // a page opened while the build is broken shows it too
            browser.open("http://127.0.0.1:" + session.server().port() + "/");
            wait.until(d -> !d.findElements(By.id(LiveReload.OVERLAY_ID)).isEmpty());

            // fixed: the overlay goes, the page reloads and shows the edit
            browser.open(page);
            wait.until(d -> !d.findElements(By.id(LiveReload.OVERLAY_ID)).isEmpty());
            lines.clear();
            Files.writeString(yearFile, good.replace("\ntitle: 天津市", "\ntitle: 修正后天津市"), StandardCharsets.UTF_8);
            wait.until(d -> d.findElements(By.id(LiveReload.OVERLAY_ID)).isEmpty()
                    && d.getPageSource().contains("修正后天津市"));
            assertEquals("", new String(java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + session.server().port()
                            + DevServer.FAILURE_PATH)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8));
        }
    }

    private static String awaitLine(LinkedBlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "'");
    }
}
