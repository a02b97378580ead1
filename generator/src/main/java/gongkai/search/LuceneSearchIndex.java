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
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/** A built search index opened for reading: its single segment's postings, norms and stored fields. */
final class LuceneSearchIndex implements Closeable, QueryEngine.PostingsSource {
    private final DirectoryReader reader;
    private final LeafReader leaf;
    private final int maxDoc;
    private final byte[] normsAll;
    private final byte[] normsName;
    private final DocTable table;

    LuceneSearchIndex(Path indexDir) throws IOException {
        reader = DirectoryReader.open(FSDirectory.open(indexDir));
        if (reader.leaves().size() > 1) {
            reader.close();
            throw new IOException(indexDir + ": index has " + reader.leaves().size()
                    + " segments; it must be force-merged to one (rebuild it)");
        }
        leaf = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader();
        maxDoc = reader.maxDoc();
        normsAll = readNorms(SearchIndexBuilder.FIELD_ALL);
        normsName = readNorms(SearchIndexBuilder.FIELD_NAME);
        table = readTable();
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

    Terms terms(String field) throws IOException {
        return leaf == null ? null : leaf.terms(field);
    }

    Document stored(int doc) throws IOException {
        return leaf.storedFields().document(doc);
    }

    private byte[] readNorms(String field) throws IOException {
        byte[] out = new byte[maxDoc];
        if (leaf == null) {
            return out;
        }
        NumericDocValues nv = leaf.getNormValues(field);
        if (nv != null) {
            for (int d = nv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = nv.nextDoc()) {
                out[d] = (byte) nv.longValue();
            }
        }
        return out;
    }

    private DocTable readTable() throws IOException {
        List<Integer> years = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        Set<String> fields = Set.of(SearchIndexBuilder.StoredFields.KIND, SearchIndexBuilder.StoredFields.YEAR,
                SearchIndexBuilder.StoredFields.DEPT, SearchIndexBuilder.StoredFields.DEPT_NAME,
                SearchIndexBuilder.StoredFields.CATEGORY, SearchIndexBuilder.StoredFields.BUDGET);
        if (leaf != null) {
            StoredFields sf = leaf.storedFields();
            for (int d = 0; d < maxDoc; d++) {
                Document doc = sf.document(d, fields);
                docs.add(doc);
                years.add(doc.getField(SearchIndexBuilder.StoredFields.YEAR).numericValue().intValue());
            }
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

    /** Reads the current term's postings (docs, freqs, norms, positions). */
    static QueryEngine.TermPostings read(TermsEnum te, byte[] norms) throws IOException {
        int df = te.docFreq();
        int[] docs = new int[df];
        int[] freqs = new int[df];
        byte[] nb = new byte[df];
        int[][] positions = new int[df][];
        PostingsEnum pe = te.postings(null, PostingsEnum.POSITIONS);
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
