package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.cli.SitePipelines;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.site.ProcurementSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out query set (resources search/query-set.tsv, over 100 queries chosen by reading the committed content)
 * against truth computed from the built pages' text — a project page is a match when its text contains every word
 * of the query (as the query is cut) or one of the word's variants (synonyms, letter completions), and none of the
 * excluded words — run through all four ways of searching: the browser engine in Chromium on the static site,
 * {@code gongkai search}, {@code /api/search} and {@link SearchService}, which must rank identically. Floors: recall
 * ≥ 0.99, precision ≥ 0.95, no query with matches finding nothing. Then 20 information needs with graded
 * judgments (search/needs.tsv): nDCG@10 ≥ 0.85.
 *
 * <p>A page's text is what it shows about the project: title, breadcrumb, lead (department, year, id), budget and
 * procurement lines, purpose, goals, the indicator table's body and the cited source heading — the template's own
 * labels (section headings, captions, column headers, hints, download links, links to other years) excluded.
 */
@Tag("slow")
class SearchQuerySetTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Path indexDir;
    /** Project URL (projects/…/) → normalised page text. */
    static final Map<String, String> pages = new TreeMap<>();

    record Query(String kind, String text) {
    }

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        BuildOptions options = BuildOptions.of(Path.of("content"), Path.of("themes/default"), site, line -> { });
        SitePipelines.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables())
                .index(new SearchIndexStage())
                .export(new gongkai.export.ExportStage())
                .build().run();
        indexDir = SearchIndexStage.indexDir(options);
        try (java.util.stream.Stream<Path> dirs = Files.list(site.resolve("projects"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                pages.put("projects/" + dir.getFileName() + "/", pageText(dir.resolve("index.html")));
            }
        }
    }

    /** The page's own text (see the class comment), each code point normalised as the tokenizer does. */
    static String pageText(Path html) throws java.io.IOException {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html.toFile(), "UTF-8");
        StringBuilder out = new StringBuilder();
        for (org.jsoup.nodes.Element e : page.select("nav.breadcrumbs li:not(:first-child), main h1, main p.lead a,"
                + " main p.lead code, table.budget tbody th, table.budget tbody td, ul.procurement li,"
                + " section[aria-labelledby=purpose-h] p, section[aria-labelledby=goals-h] p,"
                + " table.indicators tbody th, table.indicators tbody td")) {
            out.append(e.text()).append('\n');
        }
        org.jsoup.nodes.Element source = page.selectFirst("main p.source");
        if (source != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("“(.*)”").matcher(source.text());
            if (m.find()) {
                out.append(m.group(1)).append('\n');
            }
        }
        return SearchLexicon.norm(out.toString());
    }

    static List<Query> queries() throws java.io.IOException {
        List<Query> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("generator/src/test/resources/search/query-set.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Query(f[0], f[1]));
        }
        return out;
    }

    /**
     * Whether the text holds the variant: as a substring, where a variant starting with a letter (digit) does not
     * continue a letter (digit) run, one ending in a digit is not followed by one, and one ending in a letter is not
     * followed by one unless completions are allowed (the query word ended in letters, unquoted).
     */
    static boolean holds(String text, String variant, boolean completions) {
        String v = SearchLexicon.norm(variant);
        int from = 0;
        while (true) {
            int at = text.indexOf(v, from);
            if (at < 0) {
                return false;
            }
            from = at + 1;
            int first = SearchTokens.classify(v.codePointAt(0));
            int last = SearchTokens.classify(v.codePointBefore(v.length()));
            if (at > 0 && (first == SearchTokens.LETTER || first == SearchTokens.DIGIT)
                    && SearchTokens.classify(text.codePointBefore(at)) == first) {
                continue;
            }
            int end = at + v.length();
            if (end < text.length() && (last == SearchTokens.DIGIT || (last == SearchTokens.LETTER && !completions))
                    && SearchTokens.classify(text.codePointAt(end)) == last) {
                continue;
            }
            return true;
        }
    }

    /** A word's texts that count: itself and its synonyms. */
    static List<String> variants(SearchLexicon lexicon, SearchQuery.Word w) {
        List<String> out = new ArrayList<>(List.of(w.text()));
        List<String> group = lexicon.synonyms(w.text());
        if (group != null && w.alternatives().size() > 1) {
            out.addAll(group);
        }
        return out;
    }

    /** Project pages whose text holds every word of the query (a variant of it) and no excluded word. */
    static Set<String> truth(SearchService service, String q) {
        SearchQuery parsed = service.parse(q);
        SearchLexicon lexicon = service.lexicon();
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String text = page.getValue();
            boolean all = true;
            for (SearchQuery.Word w : parsed.words()) {
                boolean quoted = q.contains("\"" + w.text() + "\"");
                boolean endsInLetters = SearchTokens.classify(SearchTokens.normalize(
                        w.text().codePointBefore(w.text().length()))) == SearchTokens.LETTER;
                all &= variants(lexicon, w).stream().anyMatch(v -> holds(text, v, endsInLetters && !quoted));
            }
            for (SearchQuery.Word x : parsed.excluded()) {
                all &= variants(lexicon, x).stream().noneMatch(v -> holds(text, v, false));
            }
            if (all) {
                out.add(page.getKey());
            }
        }
        return out;
    }

    private static List<String> projectsOnly(List<String> urls) {
        return urls.stream().filter(u -> u.startsWith("projects/")).toList();
    }

    /** gongkai search, as a user runs it: every result line's URL, in order. */
    static List<String> cli(String q) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = gongkai.cli.Main.execute("search", "--index", indexDir.toString(), "--limit", "100000", q);
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code, q);
        List<String> urls = new ArrayList<>();
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
            int slash = line.lastIndexOf("  /");
            if (line.matches("\\s*\\d+\\. .*") && slash >= 0) {
                urls.add(line.substring(slash + 3).strip());
            }
        }
        return urls;
    }

    /** /api/search, page after page of 100. */
    static List<String> api(HttpClient http, String base, String q) throws Exception {
        List<String> urls = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int page = 1; ; page++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/search?size=100&page=" + page
                    + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), q);
            JsonNode res = json.readTree(r.body());
            res.get("items").forEach(i -> urls.add(i.get("url").asText()));
            if (page >= res.get("pages").asInt()) {
                return urls;
            }
        }
    }

    /** search.js in Chromium on the served static site: every match of the query in rank order (doc URLs). */
    static final String BROWSER_SEARCH = "const q = arguments[0], done = arguments[arguments.length - 1];"
            + "const S = window.GongkaiSearch;"
            + "window.qsEngine = window.qsEngine || new S.Engine((p, k, r) => fetch('/search/data/' + p,"
            + " r ? {headers: {Range: 'bytes=' + r[0] + '-' + (r[1] - 1)}} : {})"
            + ".then(x => k === 'bin' ? x.arrayBuffer() : x.json()));"
            + "const e = window.qsEngine;"
            + "e.meta().then(() => e.parse(q)).then(pq => e.search(pq)).then(all => S.top(all, 1e9))"
            + ".then(best => e.rowsOf(best.map(h => h.doc))).then(rows => done(rows.map(r => r[1])))"
            + ".catch(err => done('error: ' + err));";

    @Test
    void querySetMeetsRecallAndPrecisionInEveryWayOfSearching(@TempDir Path profile) throws Exception {
        List<Query> queries = queries();
        assertTrue(queries.size() >= 100, "queries: " + queries.size());
        Map<String, long[]> byKind = new LinkedHashMap<>(); // kind → queries, tp, fp, fn
        long tp = 0;
        long fp = 0;
        long fn = 0;
        List<String> deadEnds = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        HttpClient http = HttpClient.newHttpClient();
        try (SearchService service = SearchService.open(indexDir);
                gongkai.serve.DevServer server = new gongkai.serve.DevServer(site, "/", 0)) {
            server.addHandler("/api/search", new SearchHttpHandler(service));
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/";
            try (gongkai.testing.Browser browser = gongkai.testing.Browser.start(profile, 1280, 900)) {
                org.openqa.selenium.chrome.ChromeDriver d = browser.driver();
                browser.open(base + "search/");
                for (Query query : queries) {
                    String q = query.text();
                    List<String> server0 = service.search(q, SearchFilters.NONE, 1, 100_000).items().stream()
                            .map(SearchService.Item::url).toList();
                    Object fromBrowser = d.executeAsyncScript(BROWSER_SEARCH, q);
                    assertTrue(fromBrowser instanceof List, q + ": " + fromBrowser);
                    @SuppressWarnings("unchecked")
                    List<String> inBrowser = (List<String>) fromBrowser;
                    assertEquals(server0, inBrowser, "Chromium's order, " + q);
                    assertEquals(server0, cli(q), "gongkai search's order, " + q);
                    assertEquals(server0, api(http, base, q), "/api/search's order, " + q);
                    Set<String> truth = truth(service, q);
                    List<String> found = projectsOnly(server0);
                    long t = found.stream().filter(truth::contains).count();
                    long f = found.size() - t;
                    long n = truth.stream().filter(u -> !found.contains(u)).count();
                    tp += t;
                    fp += f;
                    fn += n;
                    long[] k = byKind.computeIfAbsent(query.kind(), x -> new long[4]);
                    k[0]++;
                    k[1] += t;
                    k[2] += f;
                    k[3] += n;
                    if (!truth.isEmpty() && found.isEmpty()) {
                        deadEnds.add(q);
                    }
                    if (f > 0 || n > 0) {
                        report.append(String.format("  %-24s truth %3d found %3d  missed %s  extra %s%n", q, truth.size(),
                                found.size(), truth.stream().filter(u -> !found.contains(u)).limit(3).toList(),
                                found.stream().filter(u -> !truth.contains(u)).limit(3).toList()));
                    }
                }
                // the page itself shows the same first ten, in the same order
                for (Query query : queries.subList(0, 40)) {
                    browser.open(base + "search/?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8));
                    new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(30)).until(x -> {
                        String s = x.findElement(org.openqa.selenium.By.cssSelector("#search-app .search-status")).getText();
                        return s.startsWith("找到") || s.startsWith("没有") || s.startsWith("原样");
                    });
                    List<String> shown = d.findElements(org.openqa.selenium.By.cssSelector("ol.search-results h3 a")).stream()
                            .map(a -> a.getAttribute("href").substring(base.length())).toList();
                    List<String> first = service.search(query.text(), SearchFilters.NONE, 1, 10).items().stream()
                            .map(SearchService.Item::url).toList();
                    assertEquals(first, shown, "the page's first ten, " + query.text());
                }
            }
        }
        double recall = tp / (double) (tp + fn);
        double precision = tp / (double) (tp + fp);
        StringBuilder table = new StringBuilder(String.format("query set: %d queries, %d matches; recall %.4f, precision %.4f;"
                + " queries with matches that found nothing: %d%n", queries.size(), tp + fn, recall, precision, deadEnds.size()));
        byKind.forEach((kind, k) -> table.append(k[1] + k[2] + k[3] == 0
                ? String.format("  %-12s %3d queries  no matches, none found%n", kind, k[0])
                : String.format("  %-12s %3d queries  recall %.3f  precision %.3f%n", kind, k[0],
                        k[1] / (double) Math.max(1, k[1] + k[3]), k[1] / (double) Math.max(1, k[1] + k[2]))));
        System.out.println(table + report.toString());
        Files.writeString(Path.of("target", "search-query-set.txt"), table + report.toString());
        assertEquals(List.of(), deadEnds, "queries with matches that found nothing");
        assertTrue(recall >= 0.99, "recall " + recall);
        assertTrue(precision >= 0.95, "precision " + precision);
    }

    /** Graded judgments of 20 information needs: nDCG@10 (gain 2^grade − 1) ≥ 0.85 on average. */
    @Test
    void informationNeedsRankWell() throws Exception {
        double sum = 0;
        int needs = 0;
        StringBuilder report = new StringBuilder();
        try (SearchService service = SearchService.open(indexDir)) {
            for (String line : Files.readAllLines(Path.of("generator/src/test/resources/search/needs.tsv"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Map<String, Integer> grade = new LinkedHashMap<>();
                for (String j : f[2].split(",")) {
                    String[] kv = j.split("=");
                    grade.put("projects/" + kv[0] + "/", Integer.parseInt(kv[1]));
                }
                for (String url : grade.keySet()) {
                    assertTrue(pages.containsKey(url), "judged page exists: " + url);
                }
                List<String> ranked = service.search(f[1], SearchFilters.NONE, 1, 10).items().stream()
                        .map(SearchService.Item::url).toList();
                double dcg = 0;
                for (int i = 0; i < ranked.size(); i++) {
                    dcg += (Math.pow(2, grade.getOrDefault(ranked.get(i), 0)) - 1) / (Math.log(i + 2) / Math.log(2));
                }
                List<Integer> ideal = grade.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
                double idcg = 0;
                for (int i = 0; i < ideal.size(); i++) {
                    idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
                }
                double ndcg = dcg / idcg;
                sum += ndcg;
                needs++;
                report.append(String.format("  %.3f  %s (%s)%n", ndcg, f[0], f[1]));
            }
        }
        double mean = sum / needs;
        String text = String.format("information needs: %d, nDCG@10 %.3f%n", needs, mean) + report;
        System.out.println(text);
        Files.writeString(Path.of("target", "search-ndcg.txt"), text);
        assertEquals(20, needs);
        assertTrue(mean >= 0.85, "nDCG@10 " + mean);
    }
}
