package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.bench.NodeSearchRunner;
import gongkai.content.Content;
import gongkai.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser engine (search.js under Node, reading the exported files) against the server ({@link SearchService}
 * over the Lucene index) and against substring ground truth, on the seed projects (the committed content).
 */
@Tag("slow")
class SearchParityTest {
    @TempDir
    static Path tmp;
    static List<SearchDoc> docs;
    static Path indexDir;
    static Path siteDir;
    static StaticSearchExporter.Stats stats;

    @BeforeAll
    static void build() throws Exception {
        Content content = Seeds.content();
        docs = SearchDocuments.of(content);
        indexDir = tmp.resolve("index");
        siteDir = tmp.resolve("site");
        new SearchIndexBuilder().build(content, indexDir, SearchVariants.load(Path.of("themes", "default")));
        stats = new StaticSearchExporter().export(indexDir, siteDir);
    }

    /** ≥ 50 real substrings of the indexed text (pure Han, 1–6 characters), chosen deterministically. */
    static List<String> substringQueries() {
        Set<String> out = new LinkedHashSet<>(List.of("车", "水", "气", "辐射", "执法", "环境监测", "物业", "满意度",
                "验收合格率", "大气污染防治", "一企一策", "锅炉", "恶臭", "生态环境"));
        int i = 0;
        while (out.size() < 70) {
            SearchDoc d = docs.get((i * 7919) % docs.size());
            String v = d.values().get((i * 31) % d.values().size());
            int len = 1 + i % 6;
            int start = (i * 13) % Math.max(1, v.length());
            i++;
            if (start + len > v.length()) {
                continue;
            }
            String s = v.substring(start, start + len);
            if (s.codePoints().allMatch(c -> SearchTokens.classify(c) == SearchTokens.HAN)) {
                out.add(s);
            }
        }
        return new ArrayList<>(out);
    }

    static Set<Integer> groundTruth(String substring) {
        Set<Integer> out = new TreeSet<>();
        for (int d = 0; d < docs.size(); d++) {
            for (String v : docs.get(d).values()) {
                if (v.contains(substring)) {
                    out.add(d);
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void exportIsWithinTheFileBudget() throws Exception {
        long projects = docs.stream().filter(d -> d.kind() == SearchDoc.PROJECT).count();
        assertTrue(projects >= 80, "seed projects read: " + projects);
        try (Stream<Path> files = Files.walk(siteDir.resolve("search/data"))) {
            long count = files.filter(Files::isRegularFile).count();
            assertEquals(stats.files(), count);
            assertTrue(count <= projects / 50 + 50, count + " files for " + projects + " projects");
        }
    }

    /** Quoted, a substring is an exact phrase: found exactly where it stands. */
    @Test
    void everyQuotedSubstringFindsExactlyTheDocsContainingIt() throws Exception {
        List<String> substrings = substringQueries();
        List<String> queries = substrings.stream().map(q -> "\"" + q + "\"").toList();
        assertTrue(queries.size() >= 50);
        assertTrue(substrings.stream().filter(q -> q.length() == 1).count() >= 3);
        List<Map<String, String>> params = queries.stream().map(q -> Map.of("q", q)).toList();
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node"))
                .run("search", params, siteDir.resolve("search/data").toString(), "1000000");
        long tp = 0;
        long fp = 0;
        long fn = 0;
        try (SearchService service = SearchService.open(indexDir)) {
            for (int i = 0; i < queries.size(); i++) {
                Set<Integer> truth = groundTruth(substrings.get(i));
                Set<Integer> browser = new TreeSet<>();
                js.get(i).get("hits").forEach(h -> browser.add(h.get(0).asInt()));
                Set<Integer> server = new TreeSet<>();
                service.hits(queries.get(i)).forEach(h -> server.add(h.doc()));
                assertEquals(truth, browser, "browser, query " + queries.get(i));
                assertEquals(truth, server, "server, query " + queries.get(i));
                for (int d : browser) {
                    if (truth.contains(d)) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                for (int d : truth) {
                    if (!browser.contains(d)) {
                        fn++;
                    }
                }
            }
        }
        System.out.printf("substring queries: %d, recall %.4f, precision %.4f (%d matches)%n", queries.size(),
                tp / (double) (tp + fn), tp / (double) (tp + fp), tp);
    }

    static final List<String> RANKING_QUERIES = List.of("车", "辐射", "执法", "环境监测", "PM2.5", "VOCs", "ＶＯＣｓ",
            "2023", "2024", "物业", "满意度", "\"执法能力\"", "辐射 设备", "验收合格率", "大气污染防治", "一企一策",
            "锅炉 评估", "12个月", "mSv", "服务 质量 满意度", "天津市生态环境局", "项目完成时间", "“提升 能力”");

    @Test
    void browserAndServerRankTheSameTopTenWithTheSameScores() throws Exception {
        List<String> queries = new ArrayList<>(RANKING_QUERIES);
        queries.addAll(substringQueries());
        List<Map<String, String>> params = queries.stream().map(q -> Map.of("q", q)).toList();
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node2"))
                .run("search", params, siteDir.resolve("search/data").toString(), "10");
        int compared = 0;
        try (SearchService service = SearchService.open(indexDir)) {
            for (int i = 0; i < queries.size(); i++) {
                List<QueryEngine.Hit> server = service.hits(queries.get(i));
                JsonNode browser = js.get(i).get("hits");
                assertEquals(Math.min(10, server.size()), browser.size(), queries.get(i));
                for (int r = 0; r < browser.size(); r++) {
                    assertEquals(server.get(r).doc(), browser.get(r).get(0).asInt(), queries.get(i) + " rank " + r);
                    assertEquals(server.get(r).score(), browser.get(r).get(1).asDouble(), 0.0,
                            queries.get(i) + " rank " + r);
                    compared++;
                }
                // the rendered first page: same documents, same total
                SearchService.Result page = service.search(queries.get(i), SearchFilters.NONE, 1, 10);
                assertTotal(page.total(), js.get(i), queries.get(i));
                for (int r = 0; r < page.items().size(); r++) {
                    assertEquals(page.items().get(r).url(), js.get(i).get("pageHits").get(r).get(2).asText());
                }
            }
        }
        assertTrue(compared > 200, "compared " + compared);
        for (String latin : List.of("PM2.5", "VOCs", "2023", "mSv")) {
            int idx = queries.indexOf(latin);
            assertTrue(js.get(idx).get("total").asInt() > 0, latin + " finds something");
        }
        // full-width and half-width forms are the same query
        assertEquals(js.get(queries.indexOf("VOCs")).get("hits"), js.get(queries.indexOf("ＶＯＣｓ")).get("hits"));
        System.out.println("ranking parity: " + queries.size() + " queries, " + compared + " ranked hits identical");
    }

    static final List<String> FEATURE_QUERIES = List.of("机动车 -天津", "天津机动车", "环境空气质量监测", "VOC", "voc 排放",
            "Ⅲ类", "≥95%", "環境監測", "噪音", "汽车", "环保局", "空气质量", "\"空气质量\"", "-天津 车", "大气污染防治 -\"一企一策\"",
            "辐射环境监测", "PM2.5", "细颗粒物", "满意度 ≥", "2024年", "执法装备购置", "环境执法", "臭氧 VOCs", "辖区机动车");

    /**
     * Query understanding is the same in Java and search.js (cutting, synonyms, prefixes, folding, exclusions,
     * groups, suggestions), and the browser's results and scores are the server's for queries that use it.
     */
    @Test
    void queryFeaturesAgreeBetweenBrowserAndServer() throws Exception {
        List<String> parse = new ArrayList<>(FEATURE_QUERIES);
        parse.addAll(List.of("环境监侧", "机动车辆检侧", "vocz", "满意渡", "天津市生态环境局机动车排放检测中心"));
        JsonNode parsed = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node-parse"))
                .run("parse", parse, siteDir.resolve("search/data").toString());
        try (SearchService service = SearchService.open(indexDir)) {
            SearchLexicon lexicon = service.lexicon();
            for (int i = 0; i < parse.size(); i++) {
                String q = parse.get(i);
                assertEquals(BrowserTokenizerParityTest.javaParse(service.parse(q)), BrowserTokenizerParityTest.jsParse(parsed.get(i)), q);
                List<String> suggestions = new ArrayList<>();
                service.parse(q).words().forEach(w -> suggestions.add(lexicon.suggest(w.text())));
                List<String> jsSuggestions = new ArrayList<>();
                parsed.get(i).get("suggestions").forEach(x -> jsSuggestions.add(x.isNull() ? null : x.asText()));
                assertEquals(suggestions, jsSuggestions, "suggestions for " + q);
            }
            // unspaced Chinese is cut into words; a word the index lacks gets its nearest spelling
            assertTrue(service.parse("天津机动车").words().size() >= 2, service.parse("天津机动车").toString());
            assertEquals(1, service.parse("天津机动车").groups().size());
        }
        // zero results: the nearest spellings, the same in both
        List<String> typos = List.of("环境监侧", "机动车辆检侧", "vocz", "满意渡", "\"执法能刀\"", "环境监测", "天津 -天津");
        JsonNode jt = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node-typos"))
                .run("search", typos.stream().map(q -> Map.of("q", q)).toList(), siteDir.resolve("search/data").toString(), "10");
        try (SearchService service = SearchService.open(indexDir)) {
            for (int i = 0; i < typos.size(); i++) {
                SearchService.Result r = service.search(typos.get(i), SearchFilters.NONE, 1, 10);
                assertEquals(r.total(), jt.get(i).get("total").asInt(), typos.get(i));
                JsonNode sj = jt.get(i).get("suggestion");
                assertEquals(r.suggestion(), sj.isNull() ? null : sj.asText(), typos.get(i));
            }
            assertEquals("环境监测", service.search("环境监侧", SearchFilters.NONE, 1, 10).suggestion());
            assertEquals("满意度", service.search("满意渡", SearchFilters.NONE, 1, 10).suggestion());
            assertEquals("vocs", service.search("vocz", SearchFilters.NONE, 1, 10).suggestion());
            assertEquals(null, service.search("环境监测", SearchFilters.NONE, 1, 10).suggestion(), "found: no suggestion");
        }
        List<Map<String, String>> params = FEATURE_QUERIES.stream().map(q -> Map.of("q", q)).toList();
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node-features"))
                .run("search", params, siteDir.resolve("search/data").toString(), "1000000");
        try (SearchService service = SearchService.open(indexDir)) {
            Map<String, Set<Integer>> found = new HashMap<>();
            for (int i = 0; i < FEATURE_QUERIES.size(); i++) {
                String q = FEATURE_QUERIES.get(i);
                List<QueryEngine.Hit> server = service.hits(q);
                JsonNode browser = js.get(i).get("hits");
                assertEquals(server.size(), browser.size(), q);
                Set<Integer> docsFound = new TreeSet<>();
                for (int r = 0; r < server.size(); r++) {
                    assertEquals(server.get(r).doc(), browser.get(r).get(0).asInt(), q + " rank " + r);
                    assertEquals(server.get(r).score(), browser.get(r).get(1).asDouble(), 0.0, q + " rank " + r);
                    docsFound.add(server.get(r).doc());
                }
                assertTotal(service.search(q, SearchFilters.NONE, 1, 10).total(), js.get(i), q);
                found.put(q, docsFound);
            }
            // -天津 leaves out every document that mentions 天津; the rest of 机动车's are kept
            Set<Integer> car = new TreeSet<>(service.hits("机动车").stream().map(QueryEngine.Hit::doc).toList());
            Set<Integer> tianjin = groundTruth("天津");
            assertTrue(found.get("机动车 -天津").stream().noneMatch(tianjin::contains));
            car.removeAll(tianjin);
            assertEquals(car, found.get("机动车 -天津"));
            assertTrue(found.get("机动车 -天津").size() < service.hits("机动车").size());
            assertTrue(found.get("-天津 车").stream().noneMatch(tianjin::contains));
            Set<Integer> noPolicy = found.get("大气污染防治 -\"一企一策\"");
            assertTrue(!noPolicy.isEmpty() && noPolicy.stream().noneMatch(groundTruth("一企一策")::contains)
                    && noPolicy.size() < service.hits("大气污染防治").size(), "-\"…\" leaves out the phrase's docs only");
            // VOC is a prefix of VOCs; traditional characters fold; 噪音 finds 噪声, 汽车 机动车
            assertEquals(found.get("VOCs"), null);
            assertTrue(found.get("VOC").containsAll(groundTruth("VOCs")) && !found.get("VOC").isEmpty());
            assertEquals(new TreeSet<>(service.hits("环境监测").stream().map(QueryEngine.Hit::doc).toList()),
                    found.get("環境監測"));
            assertTrue(found.get("噪音").containsAll(groundTruth("噪声")) && !groundTruth("噪声").isEmpty());
            assertTrue(found.get("汽车").containsAll(groundTruth("机动车")));
            // Ⅲ类 needs Ⅲ, not just 类
            assertTrue(found.get("Ⅲ类").stream().allMatch(groundTruth("Ⅲ")::contains) && !found.get("Ⅲ类").isEmpty());
            assertTrue(found.get("≥95%").stream().allMatch(groundTruth("%")::contains));
            // a phrase that stands verbatim ranks above the same words apart
            List<QueryEngine.Hit> air = service.hits("空气质量");
            Set<Integer> verbatim = groundTruth("空气质量");
            assertTrue(air.size() > verbatim.size(), "空气质量 also finds the words apart (and 大气)");
            for (int r = 0; r < verbatim.size(); r++) {
                assertTrue(verbatim.contains(air.get(r).doc()), "rank " + r + " holds 空气质量 verbatim");
            }
        }
    }

    /** The browser's total: exact when it says so, a lower bound when the page came from verbatim matches alone. */
    static void assertTotal(int server, JsonNode browser, String q) {
        if (browser.get("exact").asBoolean()) {
            assertEquals(server, browser.get("total").asInt(), q);
        } else {
            assertTrue(browser.get("atLeast").asBoolean() ? browser.get("total").asInt() <= server
                    : browser.get("verbatim").asBoolean() ? browser.get("total").asInt() <= 2 * server
                    : browser.get("total").asInt() <= 2 * server && 2 * browser.get("total").asInt() >= server,
                    q + ": " + browser.get("total") + " for " + server);
        }
    }

    @Test
    void filtersFacetsAndPagesAgreeBetweenBrowserAndServer() throws Exception {
        filtersFacetsAndPagesAgree(siteDir, "node3");
    }

    /**
     * With a ranked head of 12 docs on every term (the real export gives 100 to terms with ≥ 16 KB doc blocks,
     * which the seeds have none of), one-term queries take the head path — total and facets from the head's doc
     * list, the page from the head, the full postings when the (filtered) head runs short — and agree all the
     * same.
     */
    @Test
    void rankedHeadsGiveTheSameResults() throws Exception {
        Path headSite = tmp.resolve("site-heads");
        new StaticSearchExporter(0, 12, StaticSearchExporter.WINDOW).export(indexDir, headSite);
        JsonNode js = filtersFacetsAndPagesAgree(headSite, "node-heads");
        // 指标 page 1 reads the head alone; page 2 (docs 11–20 of a 12-doc head) the head, then the doc block
        assertEquals(1, requests(js.get(0), "post/"), "指标");
        assertEquals(2, requests(js.get(7), "post/"), "指标 page 2");
        // the first page of a one-term query is in its dictionary entry: its rows are requested beside the postings,
        // once (a wrong first page would need a second request for the right rows)
        for (int i : new int[] {0, 8}) {
            assertEquals(1, requests(js.get(i), "show/"), js.get(i).get("q").asText());
            assertEquals("show/0.bin", js.get(i).get("files").get(2).get("path").asText(),
                    js.get(i).get("q").asText() + ": rows right after the dictionary, before the postings");
        }
    }

    /**
     * Queries with a head of their own (forced here on every candidate, 12 docs each): words with synonyms (满意度
     * is 满意度 or 满意率, PM2.5 is pm 2 5 or 细颗粒物) and a phrase the content repeats (项目完成时间, cut into
     * 项目 完成 时间), whose head is its verbatim tier. The browser reads the head (its page comes without scores)
     * and shows the server's page; a word's total and facets are the server's; the phrase's total counts the
     * documents holding it verbatim, the top tier of the server's ranking. Past the head, or under a filter it
     * runs short of, the browser reads the postings and still agrees.
     */
    @Test
    void queryHeadsGiveTheServersPages() throws Exception {
        Path headSite = tmp.resolve("site-query-heads");
        new StaticSearchExporter(0, 12, StaticSearchExporter.WINDOW).export(indexDir, headSite);
        List<String> words = List.of("满意度", "PM2.5", "运维", "汽车");
        List<Map<String, String>> params = new ArrayList<>();
        words.forEach(w -> params.add(Map.of("q", w)));
        params.add(Map.of("q", "项目完成时间"));
        params.add(Map.of("q", "满意度", "year", "2024"));
        params.add(Map.of("q", "满意度", "page", "2"));
        params.add(Map.of("q", "项目完成时间", "page", "2"));
        // whole reads off: the phrase takes its verbatim path (a word's head is read whatever its size)
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node-query-heads"))
                .run(Map.of("GONGKAI_WHOLE_BYTES", "0"), "search", params, headSite.resolve("search/data").toString(), "10");
        int fromHead = 0;
        try (SearchService service = SearchService.open(indexDir)) {
            for (int i = 0; i < params.size(); i++) {
                Map<String, String> p = params.get(i);
                SearchFilters f = new SearchFilters(p.containsKey("year") ? Integer.valueOf(p.get("year")) : null,
                        null, null, null, null);
                SearchService.Result r = service.search(p.get("q"), f, Integer.parseInt(p.getOrDefault("page", "1")), 10);
                JsonNode b = js.get(i);
                List<String> urls = new ArrayList<>();
                b.get("pageHits").forEach(h -> urls.add(h.get(2).asText()));
                assertEquals(r.items().stream().map(SearchService.Item::url).toList(), urls, p.toString());
                boolean head = b.get("pageHits").size() > 0 && b.get("pageHits").get(0).get(3).isNull();
                fromHead += head ? 1 : 0;
                if (b.get("verbatim").asBoolean()) {
                    // the verbatim tier (no filter here): the documents holding the text as typed; from the head
                    // counted exactly, from windows at least estimated
                    long tier = service.hits(p.get("q")).stream().filter(h -> h.score() >= QueryEngine.VERBATIM).count();
                    assertTrue(tier < r.total(), p + ": more hold the words apart");
                    if (head) {
                        assertTrue(b.get("atLeast").asBoolean(), p.toString());
                        assertEquals(tier, b.get("total").asInt(), p + ": the documents holding it verbatim");
                    }
                } else {
                    assertTrue(b.get("exact").asBoolean(), p.toString());
                    assertEquals(r.total(), b.get("total").asInt(), p.toString());
                    for (String facet : List.of("year", "dept", "cat")) {
                        List<String> server = r.facets().get(facet).stream().map(v -> v.value() + "=" + v.count()).toList();
                        List<String> browser = new ArrayList<>();
                        b.get("facets").get(facet).forEach(v -> browser.add(v.get("value").asText() + "=" + v.get("count").asInt()));
                        assertEquals(server, browser, p + " facet " + facet);
                    }
                }
            }
            // the heads were read: page 1 of each query (the filtered page comes from the head when it holds it)
            for (int i = 0; i <= words.size(); i++) {
                assertTrue(js.get(i).get("pageHits").get(0).get(3).isNull(), params.get(i) + " read its head");
            }
            // and they matter: a word's synonyms reorder its first page, so a head ranked by the word alone (or the
            // term's own head) would not give the server's page
            boolean reordered = false;
            for (String w : words) {
                List<Integer> withSynonyms = service.hits(w).stream().limit(12).map(QueryEngine.Hit::doc).toList();
                List<Integer> alone = service.hits("\"" + w + "\"").stream().limit(12).map(QueryEngine.Hit::doc).toList();
                reordered |= !withSynonyms.equals(alone);
            }
            assertTrue(reordered, "some word's synonyms change its first twelve");
        }
        assertTrue(fromHead >= words.size() + 1, "pages read from heads: " + fromHead);
    }

    private static long requests(JsonNode result, String prefix) {
        long n = 0;
        for (JsonNode f : result.get("files")) {
            n += f.get("path").asText().startsWith(prefix) ? 1 : 0;
        }
        return n;
    }

    private JsonNode filtersFacetsAndPagesAgree(Path site, String work) throws Exception {
        List<Map<String, String>> params = List.of(
                Map.of("q", "指标"),
                Map.of("q", "指标", "year", "2024"),
                Map.of("q", "指标", "dept", "tianjin/362303"),
                Map.of("q", "满意度", "cat", "效益指标"),
                Map.of("q", "满意度", "min", "10", "max", "200"),
                Map.of("q", "项目", "page", "3"),
                Map.of("q", "环境", "year", "2023", "min", "50"),
                Map.of("q", "指标", "page", "2"),
                Map.of("q", "车"),
                Map.of("q", "2023", "cat", "产出指标"),
                Map.of("q", "执法 设备"));
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve(work))
                .run("search", params, site.resolve("search/data").toString(), "10");
        try (SearchService service = SearchService.open(indexDir)) {
            for (int i = 0; i < params.size(); i++) {
                Map<String, String> p = params.get(i);
                SearchFilters f = new SearchFilters(p.containsKey("year") ? Integer.valueOf(p.get("year")) : null,
                        p.get("dept"), p.get("cat"), p.containsKey("min") ? new java.math.BigDecimal(p.get("min")) : null,
                        p.containsKey("max") ? new java.math.BigDecimal(p.get("max")) : null);
                SearchService.Result r = service.search(p.get("q"), f, Integer.parseInt(p.getOrDefault("page", "1")), 10);
                JsonNode b = js.get(i);
                assertEquals(r.total(), b.get("total").asInt(), p.toString());
                List<String> urls = new ArrayList<>();
                b.get("pageHits").forEach(h -> urls.add(h.get(2).asText()));
                assertEquals(r.items().stream().map(SearchService.Item::url).toList(), urls, p.toString());
                for (String facet : List.of("year", "dept", "cat")) {
                    List<String> server = r.facets().get(facet).stream().map(v -> v.value() + "=" + v.count()).toList();
                    List<String> browser = new ArrayList<>();
                    b.get("facets").get(facet).forEach(v -> browser.add(v.get("value").asText() + "=" + v.get("count").asInt()));
                    assertEquals(server, browser, p + " facet " + facet);
                }
                // filters really filter: every shown result satisfies them
                for (SearchService.Item item : r.items()) {
                    if (f.year() != null) {
                        assertEquals((int) f.year(), item.year());
                    }
                    if (f.dept() != null) {
                        assertEquals(f.dept(), item.dept());
                    }
                    if (f.minWan() != null) {
                        assertTrue(new java.math.BigDecimal(item.budgetWan()).compareTo(f.minWan()) >= 0);
                    }
                }
            }
            assertTrue(js.get(1).get("total").asInt() < js.get(0).get("total").asInt(), "year filter narrows");
            assertTrue(js.get(4).get("total").asInt() > 0, "budget range 10–200 万元 matches some projects");
            assertTrue(js.get(5).get("total").asInt() > 30, "项目 page 3 lies beyond a 12-doc head");
        }
        return js;
    }

    /** Our scorer is Lucene's BM25: same matches and (float-precision) scores as Lucene's own phrase queries. */
    @Test
    void engineAgreesWithLucenePhraseQueries() throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir));
                SearchService service = SearchService.open(indexDir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            List<String> queries = new ArrayList<>(RANKING_QUERIES);
            queries.addAll(substringQueries());
            for (String q : queries) {
                // groups: the better of (VERBATIM + 2 × the phrase) and the sum of the words; words in no group: the
                // best of their phrases (DisjunctionMax), each all + 2 × name; every word required; exclusions
                BooleanQuery.Builder top = new BooleanQuery.Builder();
                SearchQuery parsed = service.parse(q);
                Set<Integer> grouped = new java.util.HashSet<>();
                for (SearchQuery.Group g : parsed.groups()) {
                    BooleanQuery.Builder verbatim = new BooleanQuery.Builder();
                    verbatim.add(new BoostQuery(best(g.phrase()), (float) QueryEngine.PHRASE_BOOST), BooleanClause.Occur.MUST);
                    verbatim.add(new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(best(g.phrase())),
                            (float) QueryEngine.VERBATIM), BooleanClause.Occur.MUST);
                    BooleanQuery.Builder apart = new BooleanQuery.Builder();
                    for (int i : g.members()) {
                        apart.add(best(parsed.words().get(i)), BooleanClause.Occur.MUST);
                        grouped.add(i);
                    }
                    top.add(new org.apache.lucene.search.DisjunctionMaxQuery(List.of(verbatim.build(), apart.build()), 0f),
                            BooleanClause.Occur.MUST);
                }
                for (int i = 0; i < parsed.words().size(); i++) {
                    top.add(best(parsed.words().get(i)), grouped.contains(i) ? BooleanClause.Occur.FILTER
                            : BooleanClause.Occur.MUST);
                }
                for (SearchQuery.Word w : parsed.excluded()) {
                    for (SearchQuery.Phrase a : w.alternatives()) {
                        top.add(phrase(SearchIndexBuilder.FIELD_ALL, a), BooleanClause.Occur.MUST_NOT);
                    }
                }
                Map<Integer, Float> lucene = new HashMap<>();
                for (ScoreDoc sd : searcher.search(top.build(), Math.max(1, reader.maxDoc())).scoreDocs) {
                    lucene.put(sd.doc, sd.score);
                }
                List<QueryEngine.Hit> ours = service.hits(q);
                assertEquals(lucene.keySet(), ours.stream().map(QueryEngine.Hit::doc).collect(
                        java.util.stream.Collectors.toSet()), q);
                for (QueryEngine.Hit h : ours) {
                    assertEquals(lucene.get(h.doc()), h.score(), 1e-5 * h.score(), q + " doc " + h.doc());
                }
            }
        }
    }

    private static Query best(SearchQuery.Word w) {
        List<Query> alts = new ArrayList<>();
        for (SearchQuery.Phrase a : w.alternatives()) {
            BooleanQuery.Builder alt = new BooleanQuery.Builder();
            alt.add(phrase(SearchIndexBuilder.FIELD_ALL, a), BooleanClause.Occur.MUST);
            alt.add(new BoostQuery(phrase(SearchIndexBuilder.FIELD_NAME, a), (float) SearchIndexBuilder.NAME_BOOST),
                    BooleanClause.Occur.SHOULD);
            Query q = alt.build();
            alts.add(alts.isEmpty() ? q : new BoostQuery(q, (float) QueryEngine.VARIANT_WEIGHT));
        }
        return new org.apache.lucene.search.DisjunctionMaxQuery(alts, 0f);
    }

    private static Query phrase(String field, SearchQuery.Phrase a) {
        if (a.clauses().size() == 1) {
            return new TermQuery(new Term(field, a.clauses().get(0).term()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (SearchQuery.Clause c : a.clauses()) {
            b.add(new Term(field, c.term()), c.offset());
        }
        return b.build();
    }

    @Test
    void anEmptyExportFindsNothing() throws Exception {
        Path index = tmp.resolve("empty-index");
        Path site = tmp.resolve("empty-site");
        new SearchIndexBuilder().build(List.of(), index, SearchVariants.NONE);
        new StaticSearchExporter().export(index, site);
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node-empty"))
                .run("search", List.of(Map.of("q", "辐射")), site.resolve("search/data").toString());
        assertEquals(0, js.get(0).get("total").asInt());
    }
}
