package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.bench.NodeSearchRunner;
import gongkai.cli.SitePipelines;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.pipeline.BuildOptions;
import gongkai.site.ProcurementSource;
import gongkai.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search.js under Node on the real site as the CLI builds it: the server's results, each linking to a page. */
@Tag("slow")
class SearchJsRealContentTest {
    @TempDir
    static Path tmp;
    static Path site;
    static BuildOptions options;
    static List<SearchDoc> docs;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        options = BuildOptions.of(Path.of("content"), Path.of("themes/default"), site, line -> { });
        SitePipelines.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables())
                .index(new SearchIndexStage())
                .export(new ExportStage())
                .build().run();
        docs = SearchDocuments.of(Seeds.content());
    }

    @Test
    void browserAndServerAgreeAndEveryResultLinksToAPage() throws Exception {
        Set<String> queries = new LinkedHashSet<>(List.of("辐射", "车", "执法 设备", "\"满意度\"", "PM2.5", "VOCs", "2024",
                "物业", "环境监测", "大气污染防治"));
        int i = 0;
        while (queries.size() < 40) { // real substrings of the indexed text, 1–6 characters
            SearchDoc d = docs.get((i * 7919) % docs.size());
            String v = d.values().get((i * 31) % d.values().size());
            int len = 1 + i % 6;
            int start = (i * 13) % Math.max(1, v.length());
            i++;
            if (start + len <= v.length() && v.substring(start, start + len).codePoints()
                    .allMatch(c -> SearchTokens.classify(c) == SearchTokens.HAN)) {
                queries.add("\"" + v.substring(start, start + len) + "\""); // quoted: an exact phrase
            }
        }
        List<String> qs = new ArrayList<>(queries);
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp.resolve("node"))
                .run("search", qs.stream().map(q -> Map.of("q", q)).toList(), site.resolve("search/data").toString(),
                        "100000");
        try (SearchService service = SearchService.open(SearchIndexStage.indexDir(options))) {
            for (int k = 0; k < qs.size(); k++) {
                String q = qs.get(k);
                List<QueryEngine.Hit> server = service.hits(q);
                JsonNode browser = js.get(k).get("hits");
                assertEquals(server.size(), browser.size(), q);
                for (int r = 0; r < Math.min(10, server.size()); r++) {
                    assertEquals(server.get(r).doc(), browser.get(r).get(0).asInt(), q + " rank " + r);
                }
                for (JsonNode row : js.get(k).get("pageHits")) {
                    assertTrue(Files.isRegularFile(site.resolve(row.get(2).asText()).resolve("index.html")),
                            q + ": result links to a missing page " + row.get(2).asText());
                }
                String inner = q.length() > 2 && q.startsWith("\"") && q.endsWith("\"") ? q.substring(1, q.length() - 1) : null;
                if (inner != null && inner.codePoints().allMatch(c -> SearchTokens.classify(c) == SearchTokens.HAN)) {
                    Set<Integer> truth = new TreeSet<>();
                    for (int d = 0; d < docs.size(); d++) {
                        final int doc = d;
                        if (docs.get(d).values().stream().anyMatch(v -> v.contains(inner))) {
                            truth.add(doc);
                        }
                    }
                    Set<Integer> found = new TreeSet<>();
                    browser.forEach(h -> found.add(h.get(0).asInt()));
                    assertEquals(truth, found, "substring " + q);
                }
            }
        }
        assertTrue(js.get(0).get("total").asInt() > 0, "辐射 is in the Tianjin projects");
    }
}
