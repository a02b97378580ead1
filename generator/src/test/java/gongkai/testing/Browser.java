package gongkai.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through the Debian chromedriver (both installed by
 * scripts/test-prereqs.sh). The flags keep Chromium off the network, which this machine closes.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("target", "test-tools", "node_modules", "axe-core", "axe.min.js");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start(Path profileDir, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium is missing: sudo apt-get install chromium chromium-driver"
                    + " (mvn -B verify installs it when run as root)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Runs axe-core on the open page with the WCAG 2.0/2.1 A and AA rules and returns the violations
     * (rule id, impact, help, and the offending nodes' selectors).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> axeViolations() throws java.io.IOException {
        String axe = Files.readString(AXE);
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))))"
                        + ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));");
        return (List<Map<String, Object>>) result;
    }

    /**
     * A phone's viewport ({@code width} × {@code height} CSS px, touch): a desktop window cannot be narrower than
     * about 500 px, so the viewport is emulated.
     */
    public void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /**
     * What scrolls sideways on the open page: the document when wider than the viewport, and each element of
     * &lt;main&gt; reaching past it (visually hidden text — clipped to 1 px — is not content a reader sees;
     * folded content counts once opened). Empty when nothing does; at most 10 entries.
     */
    public Object overflowing() {
        return driver.executeScript("document.querySelectorAll('details').forEach(d => d.open = true);"
                + "const w = document.documentElement.clientWidth; const bad = [];"
                + "if (document.documentElement.scrollWidth > w) bad.push('document ' + document.documentElement.scrollWidth);"
                + "for (const e of document.querySelectorAll('main *')) {"
                + "  if (e.closest('thead, .visually-hidden')) continue;"
                + "  const r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && r.right > w + 0.5) bad.push(e.tagName + '.' + e.className + ' right=' + r.right"
                + "      + ' ' + (e.textContent || '').trim().slice(0, 30));"
                + "}"
                + "return bad.slice(0, 10);");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
