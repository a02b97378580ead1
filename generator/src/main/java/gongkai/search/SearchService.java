package gongkai.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;

/**
 * Answers search queries from the Lucene index directly, with the browser's semantics and ranking: the same
 * {@link QueryEngine} over the index's own postings and positions, then the same filters, facets and paging.
 * Thread-safe for concurrent searches once opened.
 */
public final class SearchService implements Closeable {
    public static final int PAGE_SIZE = 10;

    private final LuceneSearchIndex index;
    private final QueryEngine engine;

    private SearchService(LuceneSearchIndex index) {
        this.index = index;
        this.engine = new QueryEngine(index);
    }

    public static SearchService open(Path indexDir) throws IOException {
        return new SearchService(new LuceneSearchIndex(indexDir));
    }

    /** One result row. */
    public record Item(int doc, double score, String title, String url, int year, String dept, String deptName,
            String snippet, String budgetWan, boolean departmentYear) {
    }

    /** A facet value and its count among the matches that pass the other filters. */
    public record FacetValue(String value, String label, int count) {
    }

    /**
     * @param unbudgeted matches that pass the other filters but print no budget amount (what a budget range
     *                   leaves out unless {@code nobudget=1})
     * @param suggestion when nothing was found: the query with each word the index lacks replaced by the nearest
     *                   known word ({@link SearchLexicon#suggest}), or null
     */
    public record Result(String query, int total, int page, int pages, List<Item> items,
            Map<String, List<FacetValue>> facets, int unbudgeted, String suggestion) {
    }

    /** All matching docs in rank order (no filters), for parity checks and the CLI. */
    public List<QueryEngine.Hit> hits(String query) throws IOException {
        return engine.search(parse(query));
    }

    /** The index's query lexicon (words, synonyms, letter words, character map). */
    public SearchLexicon lexicon() {
        return index.lexicon();
    }

    /** The query as this index understands it (its words, synonyms, letter words, character map). */
    public SearchQuery parse(String query) {
        return SearchQuery.parse(query, index.lexicon());
    }

    /** A page of results, as the search page shows it. {@code pageSize} ≤ 0 means {@link #PAGE_SIZE}. */
    public Result search(String query, SearchFilters filters, int page, int pageSize) throws IOException {
        int size = pageSize > 0 ? pageSize : PAGE_SIZE;
        SearchQuery parsed = parse(query);
        List<QueryEngine.Hit> hits = engine.search(parsed);
        DocTable t = index.table();
        int unbudgeted = 0;
        Map<Integer, Integer> years = new TreeMap<>(java.util.Comparator.reverseOrder());
        Map<Integer, Integer> depts = new LinkedHashMap<>();
        Map<Integer, Integer> cats = new TreeMap<>();
        List<QueryEngine.Hit> kept = new ArrayList<>();
        for (QueryEngine.Hit h : hits) {
            int d = h.doc();
            if (t.passes(d, filters, "year")) {
                years.merge(t.year[d], 1, Integer::sum);
            }
            if (t.passes(d, filters, "dept")) {
                depts.merge(t.dept[d], 1, Integer::sum);
            }
            if (t.passes(d, filters, "cat")) {
                for (int c = 0; c < t.categories.size(); c++) {
                    if ((t.catMask[d] & (1 << c)) != 0) {
                        cats.merge(c, 1, Integer::sum);
                    }
                }
            }
            if (t.passes(d, filters, null)) {
                kept.add(h);
            }
            if (t.unbudgeted(d) && t.passes(d, filters, "budget")) {
                unbudgeted++;
            }
        }
        int pages = Math.max(1, (kept.size() + size - 1) / size);
        int p = Math.min(Math.max(1, page), pages);
        List<Item> items = new ArrayList<>();
        for (QueryEngine.Hit h : kept.subList(Math.min(kept.size(), (p - 1) * size), Math.min(kept.size(), p * size))) {
            Document doc = index.stored(h.doc());
            items.add(new Item(h.doc(), h.score(), doc.get(SearchIndexBuilder.StoredFields.TITLE),
                    doc.get(SearchIndexBuilder.StoredFields.URL), t.year[h.doc()], t.deptKeys.get(t.dept[h.doc()]),
                    t.deptNames.get(t.dept[h.doc()]), doc.get(SearchIndexBuilder.StoredFields.SNIPPET),
                    doc.get(SearchIndexBuilder.StoredFields.BUDGET), t.kind[h.doc()] == SearchDoc.DEPARTMENT_YEAR));
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put("year", years.entrySet().stream()
                .map(e -> new FacetValue(e.getKey().toString(), e.getKey().toString(), e.getValue())).toList());
        facets.put("dept", depts.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .map(e -> new FacetValue(t.deptKeys.get(e.getKey()), t.deptNames.get(e.getKey()), e.getValue()))
                .toList());
        facets.put("cat", cats.entrySet().stream()
                .map(e -> new FacetValue(t.categories.get(e.getKey()), t.categories.get(e.getKey()), e.getValue()))
                .toList());
        return new Result(query, kept.size(), p, pages, items, facets, unbudgeted,
                kept.isEmpty() ? suggestion(query, parsed) : null);
    }

    /** "您是不是要找" for a query (see {@link SearchLexicon#suggestion}); null when nothing looks misspelt. */
    String suggestion(String query, SearchQuery parsed) {
        return index.lexicon().suggestion(query, t -> {
            try {
                return index.hasTerm(t);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
