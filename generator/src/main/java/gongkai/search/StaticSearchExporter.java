package gongkai.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the static search files the browser reads, from a built index ({@link SearchIndexBuilder}).
 *
 * <p>Layout under {@code <site>/search/data/} (format 1; integers are unsigned LEB128 varints):
 * <ul>
 *   <li>{@code meta.json} — doc count, BM25 statistics per field, the norm → length table, the bucket → shard
 *       maps, dictionaries (years, departments, categories) and run-length per-doc facet data (kind, year/department
 *       groups, category bit masks). Loaded once per page; grows with department-years, not projects.</li>
 *   <li>{@code t/<n>.bin} — doc-list shards (every query reads these) and {@code p/<n>.bin} — position shards
 *       (read only for words of two or more terms). A term's bucket is FNV-1a-32 over its UTF-16 code units mod
 *       {@link #BUCKETS}; consecutive buckets are packed into shards of similar size ({@code docShardStarts},
 *       {@code posShardStarts}). A shard is {@code termCount}, then per term {@code byteLen, UTF-8 bytes, blockLen,
 *       block}. Doc block: for field {@code all} then {@code name}: {@code df}, then per doc {@code docDelta,
 *       norm byte, tf}. Position block: for the same docs in the same order, {@code tf} position deltas.</li>
 *   <li>{@code r/<n>.json} — display rows for docs {@code n·batch …}: {@code [title, url, snippet text,
 *       budget 万元 or null]}.</li>
 *   <li>{@code budget.json} — every doc's budget in 万元 (or null), read only for a budget filter.</li>
 * </ul>
 * File count ≤ projects/50 + 50: display batches take at most half, doc-list shards a third of the rest.
 */
public final class StaticSearchExporter {
    public static final int FORMAT = 1;
    public static final int BUCKETS = 4096;
    /** Shards smaller than this (raw bytes) are not worth a request of their own. */
    static final int MIN_SHARD_BYTES = 24 * 1024;
    static final int MIN_BATCH = 64;

    /** What the export wrote, for build timings and the benchmark. */
    public record Stats(int files, long bytes, int docShards, int posShards, int batches, int batchSize, int docs) {
    }

    private final ObjectMapper json = new ObjectMapper();

    /** Writes {@code siteDir/search/data/}, replacing what was there. */
    public Stats export(Path indexDir, Path siteDir) throws IOException {
        Path out = siteDir.resolve("search").resolve("data");
        deleteTree(out);
        Files.createDirectories(out.resolve("r"));
        try (LuceneSearchIndex index = new LuceneSearchIndex(indexDir)) {
            DocTable table = index.table();
            int n = index.maxDoc();
            int projects = 0;
            for (int d = 0; d < n; d++) {
                if (table.kind[d] == SearchDoc.PROJECT) {
                    projects++;
                }
            }
            int allowance = projects / 50 + 50;
            int batch = MIN_BATCH;
            while (ceilDiv(n, batch) > allowance / 2) {
                batch *= 2;
            }
            int batches = ceilDiv(n, batch);
            // the rest of the allowance: a third to doc-list shards (every query), two thirds to positions
            int shardAllowance = Math.max(2, allowance - batches - 2);
            int maxDocShards = Math.max(1, shardAllowance / 3);
            int maxPosShards = Math.max(1, shardAllowance - maxDocShards);

            // 1. postings: doc lists and positions, bucketed by term hash, packed into shards
            Family docFamily = new Family();
            Family posFamily = new Family();
            writePostings(index, docFamily, posFamily);
            long[] acc = new long[2];
            List<Integer> docStarts = writeFamily(docFamily,
                    (int) Math.max(1, Math.min(maxDocShards, ceilDiv(docFamily.total, MIN_SHARD_BYTES))),
                    out.resolve("t"), acc);
            List<Integer> posStarts = writeFamily(posFamily,
                    (int) Math.max(1, Math.min(maxPosShards, ceilDiv(posFamily.total, MIN_SHARD_BYTES))),
                    out.resolve("p"), acc);
            long bytes = acc[0];
            int files = (int) acc[1];

            // 2. display batches and budgets
            ArrayNode budgets = JsonNodeFactory.instance.arrayNode();
            for (int bi = 0; bi < batches; bi++) {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                for (int d = bi * batch; d < Math.min(n, (bi + 1) * batch); d++) {
                    Document doc = index.stored(d);
                    ArrayNode row = arr.addArray();
                    row.add(doc.get(SearchIndexBuilder.StoredFields.TITLE));
                    row.add(doc.get(SearchIndexBuilder.StoredFields.URL));
                    row.add(doc.get(SearchIndexBuilder.StoredFields.SNIPPET));
                    BigDecimal b = table.budgetWan[d];
                    if (b == null) {
                        row.addNull();
                        budgets.addNull();
                    } else {
                        row.add(b);
                        budgets.add(b);
                    }
                }
                bytes += writeJson(out.resolve("r").resolve(bi + ".json"), arr);
                files++;
            }
            bytes += writeJson(out.resolve("budget.json"), budgets);
            files++;

            // 3. meta
            ObjectNode meta = JsonNodeFactory.instance.objectNode();
            meta.put("format", FORMAT);
            meta.put("docs", n);
            meta.put("k1", QueryEngine.K1);
            meta.put("b", QueryEngine.B);
            meta.put("nameBoost", SearchIndexBuilder.NAME_BOOST);
            ObjectNode fields = meta.putObject("fields");
            for (String f : List.of(SearchIndexBuilder.FIELD_ALL, SearchIndexBuilder.FIELD_NAME)) {
                QueryEngine.FieldStats st = index.stats(f);
                fields.putArray(f).add(st.docCount()).add(st.sumTotalTermFreq());
            }
            ArrayNode lengths = meta.putArray("lengthTable"); // norm byte → document length, as Lucene decodes it
            for (int i = 0; i < 256; i++) {
                lengths.add(org.apache.lucene.util.SmallFloat.byte4ToInt((byte) i));
            }
            meta.put("buckets", BUCKETS);
            ArrayNode docStartsNode = meta.putArray("docShardStarts");
            docStarts.forEach(docStartsNode::add);
            ArrayNode posStartsNode = meta.putArray("posShardStarts");
            posStarts.forEach(posStartsNode::add);
            meta.put("batch", batch);
            ArrayNode years = meta.putArray("years");
            table.years.forEach(years::add);
            ArrayNode depts = meta.putArray("depts");
            for (int i = 0; i < table.deptKeys.size(); i++) {
                depts.addArray().add(table.deptKeys.get(i)).add(table.deptNames.get(i));
            }
            ArrayNode cats = meta.putArray("cats");
            table.categories.forEach(cats::add);
            // groups: runs of equal (year, dept) — [firstDoc, yearIndex, deptIndex]
            ArrayNode groups = meta.putArray("groups");
            for (int d = 0; d < n; d++) {
                if (d == 0 || table.year[d] != table.year[d - 1] || table.dept[d] != table.dept[d - 1]) {
                    groups.addArray().add(d).add(table.years.indexOf(table.year[d])).add(table.dept[d]);
                }
            }
            meta.set("kinds", runLength(table.kind));
            meta.set("catMasks", runLength(table.catMask));
            bytes += writeJson(out.resolve("meta.json"), meta);
            files++;
            return new Stats(files, bytes, docStarts.size(), posStarts.size(), batches, batch, n);
        }
    }

    private static ArrayNode runLength(int[] values) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        int i = 0;
        while (i < values.length) {
            int j = i;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            arr.add(values[i]).add(j - i);
            i = j;
        }
        return arr;
    }

    /** Per-bucket buffers of one file family (doc lists or positions). */
    static final class Family {
        final ByteArrayOutputStream[] buckets = new ByteArrayOutputStream[BUCKETS];
        final int[] terms = new int[BUCKETS];
        long total;

        void add(int bucket, byte[] utf8, ByteArrayOutputStream block) throws IOException {
            ByteArrayOutputStream out = buckets[bucket];
            if (out == null) {
                out = buckets[bucket] = new ByteArrayOutputStream();
            }
            int before = out.size();
            writeVarint(out, utf8.length);
            out.write(utf8);
            writeVarint(out, block.size());
            block.writeTo(out);
            terms[bucket]++;
            total += out.size() - before;
        }
    }

    private void writePostings(LuceneSearchIndex index, Family docFamily, Family posFamily) throws IOException {
        Terms all = index.terms(SearchIndexBuilder.FIELD_ALL);
        Terms name = index.terms(SearchIndexBuilder.FIELD_NAME);
        if (all == null) {
            return;
        }
        byte[] normsAll = index.norms(SearchIndexBuilder.FIELD_ALL);
        byte[] normsName = index.norms(SearchIndexBuilder.FIELD_NAME);
        TermsEnum te = all.iterator();
        TermsEnum ne = name == null ? null : name.iterator();
        ByteArrayOutputStream docBlock = new ByteArrayOutputStream();
        ByteArrayOutputStream posBlock = new ByteArrayOutputStream();
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            docBlock.reset();
            posBlock.reset();
            writeField(docBlock, posBlock, LuceneSearchIndex.read(te, normsAll));
            if (ne != null && ne.seekExact(term)) {
                writeField(docBlock, posBlock, LuceneSearchIndex.read(ne, normsName));
            } else {
                writeVarint(docBlock, 0);
            }
            String text = term.utf8ToString();
            int bucket = bucket(text, BUCKETS);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            docFamily.add(bucket, utf8, docBlock);
            posFamily.add(bucket, utf8, posBlock);
        }
    }

    private static void writeField(ByteArrayOutputStream docs, ByteArrayOutputStream positions,
            QueryEngine.TermPostings p) {
        writeVarint(docs, p.df());
        int last = 0;
        for (int i = 0; i < p.df(); i++) {
            writeVarint(docs, p.docs()[i] - last);
            last = p.docs()[i];
            docs.write(p.norms()[i] & 0xFF);
            writeVarint(docs, p.freqs()[i]);
            int lastPos = 0;
            for (int pos : p.positions()[i]) {
                writeVarint(positions, pos - lastPos);
                lastPos = pos;
            }
        }
    }

    /** Writes a family's shards as {@code dir/<n>.bin}; returns the first bucket of each shard. */
    private static List<Integer> writeFamily(Family f, int shards, Path dir, long[] bytesAndFiles)
            throws IOException {
        Files.createDirectories(dir);
        List<Integer> starts = packBuckets(f.buckets, shards, f.total);
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : BUCKETS;
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            int terms = 0;
            for (int b = from; b < to; b++) {
                terms += f.terms[b];
            }
            writeVarint(file, terms);
            for (int b = from; b < to; b++) {
                if (f.buckets[b] != null) {
                    f.buckets[b].writeTo(file);
                }
            }
            Files.write(dir.resolve(s + ".bin"), file.toByteArray());
            bytesAndFiles[0] += file.size();
            bytesAndFiles[1]++;
        }
        return starts;
    }

    /** Greedy packing of consecutive buckets into shards of about total/shards bytes; returns first buckets. */
    static List<Integer> packBuckets(ByteArrayOutputStream[] buckets, int shards, long total) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        long target = Math.max(1, total / shards);
        long cur = 0;
        for (int b = 0; b < buckets.length; b++) {
            long size = buckets[b] == null ? 0 : buckets[b].size();
            if (cur > 0 && cur + size / 2 > target && starts.size() < shards) {
                starts.add(b);
                cur = 0;
            }
            cur += size;
        }
        return starts;
    }

    /** FNV-1a 32-bit over UTF-16 code units, unsigned, mod {@code buckets} (search.js: bucketOf). */
    public static int bucket(String term, int buckets) {
        int h = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= 0x01000193;
        }
        return (int) (Integer.toUnsignedLong(h) % buckets);
    }

    static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private long writeJson(Path file, Object node) throws IOException {
        byte[] data = json.writeValueAsBytes(node);
        Files.write(file, data);
        return data.length;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
