package gongkai.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Search in the browser, measured in Chromium (not a unit test; run by scripts/search-browser-bench.sh): the built
 * site served by nginx as a static host serves it (scripts/search-host.sh: gzip, multi-range).
 *
 * <ul>
 *   <li><b>cold</b>: the search page opened with the query in its URL, the HTTP cache disabled: bytes over the wire
 *       (headers included) and requests of search.js and the search data, and the time to rendered results;</li>
 *   <li><b>warm</b>: a later query of a page session in which two other queries ran (meta.json loaded, code
 *       compiled), put into the box and submitted: time from submit to the results in the page (status line
 *       written, list built; and to the next frame). Each query in {@code REPS} page sessions; median and p95 over
 *       all of them. As a reader's browser runs it: the HTTP cache on (emptied before each session, so nothing this
 *       query's cold run fetched is in it) and no DevTools network instrumentation, which costs every request a
 *       round of events to the driver. {@code --cache-off} measures warm queries as before (cache disabled through
 *       the DevTools network domain).</li>
 *   <li><b>typed</b>: the same warm query as a reader enters it: the text lands in the box as a Chinese IME commits it (its
 *       input event, then compositionend), Enter follows {@code TYPED_PAUSE_MS} later (the page searches ahead while
 *       the reader types), and the time is again from submit to the results. Its own page sessions, so the
 *       untyped run of the same query cached nothing for it.</li>
 * </ul>
 * The load average of the machine is printed before and after: on a shared machine it decides the times.
 * <pre>java -cp … gongkai.bench.SearchBrowserBenchmark SITE_DIR [PORT] [--cache-off] [--reps N]</pre>
 */
public final class SearchBrowserBenchmark {
    static final List<String> QUERIES = List.of("车", "辐射", "执法", "环境监测", "大气污染防治", "一企一策", "锅炉",
            "物业", "满意度", "验收合格率", "PM2.5", "VOCs", "2023", "\"执法能力\"", "辐射 设备", "服务 质量",
            "项目完成时间", "恶臭", "生态环境", "监测设备运行维护",
            "天津机动车", "环境空气质量监测", "机动车 -天津", "VOC", "Ⅲ类", "空气质量", "環境監測", "噪音");
    static final List<String> WARM_UP = List.of("项目 指标", "环境");
    /** Page sessions per warm query. */
    static final int REPS = 3;

    private SearchBrowserBenchmark() {
    }

    /** Types q into the box and submits; → [ms to results in the DOM, ms to the next frame, status text]. */
    static final String TIMED_QUERY = "const q = arguments[0], done = arguments[arguments.length - 1];"
            + "const status = document.querySelector('#search-app .search-status');"
            + "document.getElementById('search-q').value = q;"
            + "const t0 = performance.now();"
            + "const obs = new MutationObserver(() => { const t = status.textContent;"
            + "  if (/^(找到|原样|没有|搜索出错)/.test(t)) { obs.disconnect(); const t1 = performance.now();"
            + "    requestAnimationFrame(() => done([t1 - t0, performance.now() - t0, t])); } });"
            + "obs.observe(status, {childList: true, characterData: true, subtree: true});"
            + "document.getElementById('search-form').requestSubmit();";

    /** Between the text landing in the box and Enter: quicker than a person moves from the last key to Enter. */
    static final int TYPED_PAUSE_MS = 250;

    /** Puts q into the box as an IME commit does (input, compositionend), submits after arguments[1] ms; → as {@link #TIMED_QUERY}. */
    static final String TYPED_QUERY = "const q = arguments[0], pause = arguments[1], done = arguments[arguments.length - 1];"
            + "const box = document.getElementById('search-q');"
            + "box.value = q;"
            + "box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertCompositionText', data: q,"
            + " isComposing: true}));"
            + "box.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: q}));"
            + "setTimeout(() => {"
            + "const status = document.querySelector('#search-app .search-status');"
            + "const t0 = performance.now();"
            + "const obs = new MutationObserver(() => { const t = status.textContent;"
            + "  if (/^(找到|原样|没有|搜索出错)/.test(t)) { obs.disconnect(); const t1 = performance.now();"
            + "    requestAnimationFrame(() => done([t1 - t0, performance.now() - t0, t])); } });"
            + "obs.observe(status, {childList: true, characterData: true, subtree: true});"
            + "document.getElementById('search-form').requestSubmit(); }, pause);";

    /** Waits for the first results of a page opened with ?q=; → [ms since navigation start, bytes, requests, status]. */
    static final String COLD_RESULT = "const done = arguments[arguments.length - 1];"
            + "const status = () => (document.querySelector('#search-app .search-status') || {}).textContent || '';"
            + "const ready = () => /^(找到|原样|没有|搜索出错)/.test(status());"
            + "const finish = () => { const t = performance.now();"
            + "  const rs = performance.getEntriesByType('resource').filter(e => /search\\.js|\\/search\\/data\\//.test(e.name));"
            + "  done([t, rs.reduce((a, e) => a + e.transferSize, 0), rs.length, status()]); };"
            + "if (ready()) finish(); else { const obs = new MutationObserver(() => { if (ready()) { obs.disconnect(); finish(); } });"
            + "  obs.observe(document.body, {childList: true, characterData: true, subtree: true}); }";

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        List<String> rest = List.of(args).subList(1, args.length);
        boolean cacheOff = rest.contains("--cache-off");
        int reps = rest.contains("--reps") ? Integer.parseInt(rest.get(rest.indexOf("--reps") + 1)) : REPS;
        int port = !rest.isEmpty() && rest.get(0).matches("\\d+") ? Integer.parseInt(rest.get(0)) : 8795;
        Process host = new ProcessBuilder("bash", "scripts/search-host.sh", site.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path profile = Files.createTempDirectory("gongkai-bench-chromium");
        String base = "http://127.0.0.1:" + port + "/";
        try {
            waitForHost(base);
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                ChromeDriver d = browser.driver();
                System.out.printf("search in Chromium %s against nginx (gzip, multi-range): %s; warm queries %s, %d "
                                + "sessions each; load average %s%n", d.getCapabilities().getBrowserVersion(), site,
                        cacheOff ? "with the HTTP cache off (DevTools network domain on)" : "with the HTTP cache on",
                        reps, loadAverage());
                System.out.printf("%-20s %8s %5s %8s %9s %9s %9s  %s%n", "query", "coldKB", "req", "cold ms", "warm ms",
                        "+frame", "typed ms", "status (warm: median of the sessions)");
                List<Double> coldKb = new ArrayList<>();
                List<Double> coldReq = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                List<Double> frame = new ArrayList<>();
                List<Double> typed = new ArrayList<>();
                for (String q : QUERIES) {
                    d.executeCdpCommand("Network.enable", Map.of());
                    d.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                    browser.open(base + "search/?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
                    List<?> cold = (List<?>) d.executeAsyncScript(COLD_RESULT);
                    List<Double> mine = new ArrayList<>();
                    List<Double> mineFrame = new ArrayList<>();
                    List<Double> mineTyped = new ArrayList<>();
                    String status = "";
                    for (int r = 0; r < reps; r++) {
                        for (boolean typedRun : new boolean[] {false, true}) {
                            d.executeCdpCommand("Network.clearBrowserCache", Map.of());
                            if (!cacheOff) {
                                d.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
                                d.executeCdpCommand("Network.disable", Map.of());
                            }
                            browser.open(base + "search/");
                            for (String w : WARM_UP) {
                                d.executeAsyncScript(TIMED_QUERY, w);
                            }
                            if (typedRun) {
                                List<?> t = (List<?>) d.executeAsyncScript(TYPED_QUERY, q, TYPED_PAUSE_MS);
                                mineTyped.add(((Number) t.get(0)).doubleValue());
                            } else {
                                List<?> t = (List<?>) d.executeAsyncScript(TIMED_QUERY, q);
                                mine.add(((Number) t.get(0)).doubleValue());
                                mineFrame.add(((Number) t.get(1)).doubleValue());
                                status = (String) t.get(2);
                            }
                            if (!cacheOff) {
                                d.executeCdpCommand("Network.enable", Map.of());
                            }
                        }
                    }
                    double kb = ((Number) cold.get(1)).doubleValue() / 1024;
                    coldKb.add(kb);
                    coldReq.add(((Number) cold.get(2)).doubleValue());
                    warm.addAll(mine);
                    frame.addAll(mineFrame);
                    typed.addAll(mineTyped);
                    System.out.printf("%-20s %8.1f %5d %8.0f %9.1f %9.1f %9.1f  %s%n", q, kb, ((Number) cold.get(2)).intValue(),
                            ((Number) cold.get(0)).doubleValue(), pct(mine, 50), pct(mineFrame, 50), pct(mineTyped, 50),
                            status);
                }
                System.out.printf("cold first query: median %.1f KB, max %.1f KB; requests median %.0f, max %.0f "
                                + "(search.js and search data, headers included)%n", pct(coldKb, 50), pct(coldKb, 100),
                        pct(coldReq, 50), pct(coldReq, 100));
                System.out.printf("warm query in Chromium: median %.1f ms, p95 %.1f ms to results in the page; "
                        + "to the next frame %.1f / %.1f ms (%d samples, per query its median above); load average %s%n",
                        pct(warm, 50), pct(warm, 95), pct(frame, 50), pct(frame, 95), warm.size(), loadAverage());
                System.out.printf("typed query in Chromium (text committed as an IME does, Enter %d ms later): "
                        + "median %.1f ms, p95 %.1f ms from Enter to results in the page (%d samples)%n", TYPED_PAUSE_MS,
                        pct(typed, 50), pct(typed, 95), typed.size());
            }
        } finally {
            host.destroy();
            host.waitFor();
        }
    }

    private static void waitForHost(String base) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "search/")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                Thread.sleep(100); // not listening yet
            }
        }
        throw new IllegalStateException("no static host at " + base + " (scripts/search-host.sh)");
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "?" elsewhere. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double pct(List<Double> v, int p) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }
}
