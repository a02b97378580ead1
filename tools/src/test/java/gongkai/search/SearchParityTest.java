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
        new SearchIndexBuilder().build(content, indexDir);
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

    @Test
    void everySubstringQueryFindsExactlyTheDocsContainingIt() throws Exception {
        List<String> queries = substringQueries();
        assertTrue(queries.size() >= 50);
        assertTrue(queries.stream().filter(q -> q.length() == 1).count() >= 3);
        List<Map<String, String>> params = queries.stream().map(q -> Map.of("q", q)).toList();
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node"))
                .run("search", params, siteDir.resolve("search/data").toString(), "1000000");
        long tp = 0;
        long fp = 0;
        long fn = 0;
        try (SearchService service = SearchService.open(indexDir)) {
            for (int i = 0; i < queries.size(); i++) {
                Set<Integer> truth = groundTruth(queries.get(i));
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
                assertEquals(page.total(), js.get(i).get("total").asInt(), queries.get(i));
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
        assertEquals(1, postRequests(js.get(0)), "指标");
        assertEquals(2, postRequests(js.get(7)), "指标 page 2");
    }

    private static long postRequests(JsonNode result) {
        long n = 0;
        for (JsonNode f : result.get("files")) {
            n += f.get("path").asText().startsWith("post/") ? 1 : 0;
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
                BooleanQuery.Builder top = new BooleanQuery.Builder();
                for (SearchQuery.Word w : SearchQuery.parse(q).words()) {
                    BooleanQuery.Builder word = new BooleanQuery.Builder();
                    word.add(phrase(SearchIndexBuilder.FIELD_ALL, w), BooleanClause.Occur.MUST);
                    word.add(new BoostQuery(phrase(SearchIndexBuilder.FIELD_NAME, w),
                            (float) SearchIndexBuilder.NAME_BOOST), BooleanClause.Occur.SHOULD);
                    top.add(word.build(), BooleanClause.Occur.MUST);
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

    private static Query phrase(String field, SearchQuery.Word w) {
        if (w.clauses().size() == 1) {
            return new TermQuery(new Term(field, w.clauses().get(0).term()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (SearchQuery.Clause c : w.clauses()) {
            b.add(new Term(field, c.term()), c.offset());
        }
        return b.build();
    }

    @Test
    void anEmptyExportFindsNothing() throws Exception {
        Path index = tmp.resolve("empty-index");
        Path site = tmp.resolve("empty-site");
        new SearchIndexBuilder().build(List.of(), index);
        new StaticSearchExporter().export(index, site);
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node-empty"))
                .run("search", List.of(Map.of("q", "辐射")), site.resolve("search/data").toString());
        assertEquals(0, js.get(0).get("total").asInt());
    }
}
