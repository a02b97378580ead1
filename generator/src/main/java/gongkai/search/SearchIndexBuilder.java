package gongkai.search;

import gongkai.content.Content;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Documents keep content order (one writer thread, adjacent-only merges, {@code forceMerge(1)}) so Lucene doc ids
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

    /** Builds (replacing) the index in {@code indexDir} from the content. */
    public void build(Content content, Path indexDir) throws IOException {
        build(SearchDocuments.of(content), indexDir);
    }

    public void build(List<SearchDoc> docs, Path indexDir) throws IOException {
        Files.createDirectories(indexDir);
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(128)
                .setMergePolicy(new LogByteSizeMergePolicy())
                .setUseCompoundFile(false);
        // 128 MB holds ~10k projects in one segment (little for forceMerge(1) to do) while leaving room in a
        // 2 GB heap at 100k projects (512 MB ran out of heap there). LogByteSizeMergePolicy merges adjacent
        // segments only, so doc ids keep insertion order whatever the number of flushed segments.
        config.getMergePolicy().setNoCFSRatio(0.0);
        try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
            for (SearchDoc d : docs) {
                writer.addDocument(toDocument(d));
            }
            writer.forceMerge(1);
            writer.commit();
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
