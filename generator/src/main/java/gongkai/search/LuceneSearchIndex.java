package gongkai.search;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A built search index opened for reading: postings, norms and stored fields over all its segments, with global
 * doc ids (segments are in content order, see {@link SearchIndexBuilder}).
 */
final class LuceneSearchIndex implements Closeable, QueryEngine.PostingsSource {
    private final DirectoryReader reader;
    private final int maxDoc;
    private final byte[] normsAll;
    private final byte[] normsName;
    private final DocTable table;
    private final SearchLexicon lexicon;
    private final List<String> phrases;

    LuceneSearchIndex(Path indexDir) throws IOException {
        reader = DirectoryReader.open(FSDirectory.open(indexDir));
        maxDoc = reader.maxDoc();
        normsAll = readNorms(SearchIndexBuilder.FIELD_ALL);
        normsName = readNorms(SearchIndexBuilder.FIELD_NAME);
        table = readTable();
        lexicon = readLexicon();
        String p = reader.getIndexCommit().getUserData().get(SearchIndexBuilder.PHRASES_KEY);
        phrases = p == null ? List.of()
                : List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(p, String[].class));
    }

    /** The phrases the content repeats, most documents first (see SearchWords#phrases); none in older indexes. */
    List<String> phrases() {
        return phrases;
    }

    /** The query lexicon: the build's words and variants, the index's letter words, the character map cut to the index. */
    SearchLexicon lexicon() {
        return lexicon;
    }

    private SearchLexicon readLexicon() throws IOException {
        String json = reader.getIndexCommit().getUserData().get(SearchIndexBuilder.LEXICON_KEY);
        SearchLexicon stored = json == null ? SearchLexicon.EMPTY
                : SearchLexicon.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        // letter words sort between the digits and the Han characters: seek to "a", stop at the first 3-byte term
        record Latin(String word, int df) {
        }
        List<Latin> latin = new ArrayList<>();
        Terms terms = terms(SearchIndexBuilder.FIELD_ALL);
        if (terms != null) {
            TermsEnum te = terms.iterator();
            if (te.seekCeil(new BytesRef("a")) != TermsEnum.SeekStatus.END) {
                do {
                    BytesRef t = te.term();
                    if ((t.bytes[t.offset] & 0xF0) >= 0xE0) {
                        break;
                    }
                    String w = t.utf8ToString();
                    if (SearchTokens.classify(w.codePointAt(0)) == SearchTokens.LETTER) {
                        latin.add(new Latin(w, te.docFreq()));
                    }
                } while (te.next() != null);
            }
        }
        latin.sort(java.util.Comparator.comparingInt(Latin::df).reversed().thenComparing(Latin::word));
        TermsEnum probe = terms == null ? null : terms.iterator();
        return stored.withIndex(latin.stream().map(Latin::word).toList(), s -> {
            try {
                return probe != null && probe.seekExact(new BytesRef(s));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    int maxDoc() {
        return maxDoc;
    }

    DocTable table() {
        return table;
    }

    byte[] norms(String field) {
        return SearchIndexBuilder.FIELD_ALL.equals(field) ? normsAll : normsName;
    }

    /** The field's terms across segments (a single segment's own terms when there is one), or null. */
    Terms terms(String field) throws IOException {
        return MultiTerms.getTerms(reader, field);
    }

    /**
     * A stored-fields reader for one thread's sequential reads (it keeps the decompressed block, so reading docs
     * in order decompresses each block once; {@link #stored} decompresses per call).
     */
    StoredFields storedFields() throws IOException {
        return reader.storedFields();
    }

    /** Thread-safe: stored-field readers are per thread, so one is taken per call. */
    Document stored(int doc) throws IOException {
        return reader.storedFields().document(doc);
    }

    private byte[] readNorms(String field) throws IOException {
        byte[] out = new byte[maxDoc];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues nv = leaf.reader().getNormValues(field);
            if (nv != null) {
                for (int d = nv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = nv.nextDoc()) {
                    out[leaf.docBase + d] = (byte) nv.longValue();
                }
            }
        }
        return out;
    }

    private DocTable readTable() throws IOException {
        List<Integer> years = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        Set<String> fields = Set.of(SearchIndexBuilder.StoredFields.KIND, SearchIndexBuilder.StoredFields.YEAR,
                SearchIndexBuilder.StoredFields.DEPT, SearchIndexBuilder.StoredFields.DEPT_NAME,
                SearchIndexBuilder.StoredFields.CATEGORY, SearchIndexBuilder.StoredFields.BUDGET,
                SearchIndexBuilder.StoredFields.TITLE);
        StoredFields storedFields = reader.storedFields();
        for (int d = 0; d < maxDoc; d++) {
            Document doc = storedFields.document(d, fields);
            docs.add(doc);
            years.add(doc.getField(SearchIndexBuilder.StoredFields.YEAR).numericValue().intValue());
        }
        DocTable t = new DocTable(maxDoc, years);
        for (int d = 0; d < maxDoc; d++) {
            Document doc = docs.get(d);
            t.kind[d] = doc.getField(SearchIndexBuilder.StoredFields.KIND).numericValue().intValue();
            t.year[d] = years.get(d);
            t.dept[d] = t.deptIndex(doc.get(SearchIndexBuilder.StoredFields.DEPT),
                    doc.get(SearchIndexBuilder.StoredFields.DEPT_NAME));
            int mask = 0;
            for (IndexableField c : doc.getFields(SearchIndexBuilder.StoredFields.CATEGORY)) {
                mask |= t.categoryBit(c.stringValue());
            }
            t.catMask[d] = mask;
            String b = doc.get(SearchIndexBuilder.StoredFields.BUDGET);
            t.budgetWan[d] = b == null ? null : new BigDecimal(b);
            t.title[d] = doc.get(SearchIndexBuilder.StoredFields.TITLE);
        }
        return t;
    }

    @Override
    public QueryEngine.TermPostings postings(String field, String term) throws IOException {
        Terms terms = terms(field);
        if (terms == null) {
            return null;
        }
        TermsEnum te = terms.iterator();
        if (!te.seekExact(new BytesRef(term))) {
            return null;
        }
        return read(te, norms(field));
    }

    /** Whether the {@code all} field has the term (the browser: whether the dictionary has it). */
    boolean hasTerm(String term) throws IOException {
        Terms terms = terms(SearchIndexBuilder.FIELD_ALL);
        return terms != null && terms.iterator().seekExact(new BytesRef(term));
    }

    /** Reads the current term's postings (docs, freqs, norms, positions). */
    static QueryEngine.TermPostings read(TermsEnum te, byte[] norms) throws IOException {
        return read(te, norms, new PostingsEnum[1]);
    }

    /**
     * As {@link #read(TermsEnum, byte[])}, reusing {@code reuse[0]} (an enum earlier returned by the same
     * TermsEnum, or null) and leaving the enum used there: a new enum per term allocates its decoding buffers.
     */
    static QueryEngine.TermPostings read(TermsEnum te, byte[] norms, PostingsEnum[] reuse) throws IOException {
        int df = te.docFreq();
        int[] docs = new int[df];
        int[] freqs = new int[df];
        byte[] nb = new byte[df];
        int[][] positions = new int[df][];
        PostingsEnum pe = te.postings(reuse[0], PostingsEnum.POSITIONS);
        reuse[0] = pe;
        int i = 0;
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
            int tf = pe.freq();
            int[] pos = new int[tf];
            for (int k = 0; k < tf; k++) {
                pos[k] = pe.nextPosition();
            }
            docs[i] = d;
            freqs[i] = tf;
            nb[i] = norms[d];
            positions[i] = pos;
            i++;
        }
        return new QueryEngine.TermPostings(docs, freqs, nb, positions);
    }

    @Override
    public QueryEngine.FieldStats stats(String field) throws IOException {
        Terms terms = terms(field);
        if (terms == null) {
            return new QueryEngine.FieldStats(0, 0);
        }
        return new QueryEngine.FieldStats(terms.getDocCount(), terms.getSumTotalTermFreq());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
