package gongkai.search;

import gongkai.content.Content;
import gongkai.pipeline.Workers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the Lucene index the static search files and {@link SearchService} are read from.
 *
 * <p>Two text fields, both {@link SearchAnalyzer}, with positions and norms: {@code all} (every indexed value:
 * name, department, region, year, purpose, goals, indicator levels/descriptions/targets, section text) and
 * {@code name} (the project name or department-year title alone). A query scores
 * {@code bm25(all) + NAME_BOOST × bm25(name)}: the boost is a plain multiplier the browser applies the same way.
 * Documents keep content order (contiguous slices per writer thread, their segments appended in slice order, adjacent-only merges) so Lucene doc ids
 * are the document numbers of the static files and break score ties the same way everywhere.
 */
public final class SearchIndexBuilder {
    public static final String FIELD_ALL = "all";
    public static final String FIELD_NAME = "name";
    public static final double NAME_BOOST = 2.0;

    static final FieldType TEXT = textType();

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.setTokenized(true);
        t.setStored(false);
        t.setOmitNorms(false);
        t.freeze();
        return t;
    }

    /** Commit user data key of the query lexicon's JSON ({@link SearchLexicon#toJson}). */
    static final String LEXICON_KEY = "gongkai.lexicon";
    /** Commit user data key of the repeated phrases (JSON array, {@link SearchWords#phrases}). */
    static final String PHRASES_KEY = "gongkai.phrases";

    /** Builds (replacing) the index in {@code indexDir} from the content, with the theme's query variants. */
    public void build(Content content, Path indexDir, SearchVariants variants) throws IOException {
        build(SearchDocuments.of(content), indexDir, variants);
    }

    public void build(List<SearchDoc> docs, Path indexDir, SearchVariants variants) throws IOException {
        int parts = partsFor(docs.size(), Runtime.getRuntime().availableProcessors());
        build(docs, indexDir, parts, variants);
    }

    /** One writer thread per core, each on a contiguous slice of at least 2,000 documents. */
    static int partsFor(int docs, int cores) {
        return Math.max(1, Math.min(cores, docs / 2000));
    }

    /**
     * Builds with {@code parts} writers in parallel, each indexing a contiguous slice of the documents into its
     * own directory; the slices' segments are then added in order, so global doc ids are still the content order.
     * (One IndexWriter fed by several threads would interleave its per-thread segments.)
     */
    void build(List<SearchDoc> docs, Path indexDir, int parts, SearchVariants variants) throws IOException {
        Files.createDirectories(indexDir);
        SearchWords words = new SearchWords();
        if (parts <= 1) {
            try (Directory dir = BuildDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config(RAM_BUFFER_MB))) {
                for (SearchDoc d : docs) {
                    writer.addDocument(toDocument(d));
                    words.add(d);
                }
                writer.forceMerge(1);
                writer.setLiveCommitData(lexiconData(words, variants));
                writer.commit();
            }
            return;
        }
        Path partsRoot = indexDir.resolveSibling(indexDir.getFileName() + ".parts");
        deleteTree(partsRoot);
        List<Path> partDirs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partDirs.add(partsRoot.resolve(Integer.toString(p)));
        }
        List<Workers.Task> slices = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) docs.size() * p / parts);
            int to = (int) ((long) docs.size() * (p + 1) / parts);
            Path partDir = partDirs.get(p);
            slices.add(() -> {
                try (Directory dir = BuildDirectory.open(partDir);
                     IndexWriter writer = new IndexWriter(dir, config(RAM_BUFFER_MB / parts))) {
                    for (SearchDoc d : docs.subList(from, to)) {
                        writer.addDocument(toDocument(d));
                        words.add(d);
                    }
                    writer.commit();
                }
            });
        }
        Workers.runAll("gongkai-index-slice", slices);
        // The slices' segments are appended in slice order and not merged: readers see them as one index with
        // global doc ids in content order (a forceMerge(1) here re-encoded every posting on one thread).
        IndexWriterConfig appendOnly = config(RAM_BUFFER_MB).setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
        try (Directory dir = BuildDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, appendOnly)) {
            List<Directory> partDirectories = new ArrayList<>();
            try {
                for (Path partDir : partDirs) {
                    partDirectories.add(BuildDirectory.open(partDir));
                }
                writer.addIndexes(partDirectories.toArray(new Directory[0]));
            } finally {
                for (Directory d : partDirectories) {
                    d.close();
                }
            }
            writer.setLiveCommitData(lexiconData(words, variants));
            writer.commit();
        }
        deleteTree(partsRoot);
    }

    /**
     * 128 MB in all (shared by the writer threads) holds ~10k projects with one segment per thread while leaving
     * room in a 2 GB heap at 100k projects (512 MB ran out of heap there). LogByteSizeMergePolicy merges adjacent segments
     * only, so doc ids keep insertion order whatever the number of flushed segments.
     */
    private static final double RAM_BUFFER_MB = 128;

    private static IndexWriterConfig config(double ramBufferMb) {
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(ramBufferMb)
                .setMergePolicy(new LogByteSizeMergePolicy())
                .setUseCompoundFile(false);
        config.getMergePolicy().setNoCFSRatio(0.0);
        return config;
    }

    /**
     * The lexicon rides in the commit: the index and the words it was cut with cannot disagree; so do the phrases
     * the content repeats (the exporter's candidates for ranked heads).
     */
    private static Iterable<java.util.Map.Entry<String, String>> lexiconData(SearchWords words, SearchVariants variants)
            throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        return new java.util.TreeMap<>(java.util.Map.of(
                LEXICON_KEY, json.writeValueAsString(words.lexicon(variants).toJson()),
                PHRASES_KEY, json.writeValueAsString(words.phrases()))).entrySet();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Document toDocument(SearchDoc d) {
        Document doc = new Document();
        doc.add(new Field(FIELD_NAME, d.title(), TEXT));
        for (String v : d.values()) {
            doc.add(new Field(FIELD_ALL, v, TEXT));
        }
        doc.add(new StoredField(StoredFields.KIND, d.kind()));
        doc.add(new StoredField(StoredFields.ID, d.id()));
        doc.add(new StoredField(StoredFields.TITLE, d.title()));
        doc.add(new StoredField(StoredFields.URL, d.url()));
        doc.add(new StoredField(StoredFields.YEAR, d.year()));
        doc.add(new StoredField(StoredFields.DEPT, d.deptKey()));
        doc.add(new StoredField(StoredFields.DEPT_NAME, d.deptName()));
        doc.add(new StoredField(StoredFields.SNIPPET, d.snippet()));
        for (String c : d.categories()) {
            doc.add(new StoredField(StoredFields.CATEGORY, c));
        }
        if (d.budgetWan() != null) {
            doc.add(new StoredField(StoredFields.BUDGET, d.budgetWan().toPlainString()));
        }
        return doc;
    }

    /** Names of the stored (display-only) fields. */
    static final class StoredFields {
        static final String KIND = "kind";
        static final String ID = "id";
        static final String TITLE = "title";
        static final String URL = "url";
        static final String YEAR = "year";
        static final String DEPT = "dept";
        static final String DEPT_NAME = "dept_name";
        static final String SNIPPET = "snippet";
        static final String CATEGORY = "category";
        static final String BUDGET = "budget";

        private StoredFields() {
        }
    }
}
