package gongkai.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.pipeline.Utf8Bytes;
import gongkai.pipeline.Workers;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * Writes the static search files the browser reads, from a built index ({@link SearchIndexBuilder}).
 *
 * <p>The browser must not download other terms' postings or other documents' display data: a term's postings
 * and a document's display row are byte ranges; search.js asks for all ranges of one file in one multi-range
 * request ({@code Range: bytes=a-b,c-d}) and falls back to one range per request, or to whole files, on hosts
 * that do not serve them. Layout under
 * {@code <site>/search/data/} (format 4; integers are unsigned LEB128 varints):
 * <ul>
 *   <li>{@code meta.json} — doc count, BM25 statistics per field, the norm → length table, the window size, the
 *       bucket → dictionary shard map, dictionaries (years, departments, categories), per-doc facet data: runs of
 *       equal (year, department) in columns ({@code groupSizes}, {@code groupYears}, {@code groupDepts} as
 *       differences), kinds as run-length {@code [value, count]…} of where a doc's kind differs from "department-year
 *       iff first of its run" ({@code kindFlips}),
 *       category bit masks as one character {@code U+0030 + mask} per doc (in {@code cats.json} instead, named by
 *       {@code catMasksFile}, beyond {@link #CAT_MASKS_INLINE_MAX_DOCS} docs). Loaded once per page.</li>
 *   <li>{@code dict/<f>.bin} — term dictionary shards in slots of {@code dictSlot} ({@link #DICT_SLOT}) bytes. A
 *       term's bucket is FNV-1a-32 over its UTF-16 code units mod {@link #BUCKETS}; consecutive buckets are packed
 *       into shards ({@code dictStartDeltas}: first bucket of each shard, as differences; {@code dictSlots}: slots
 *       of each shard, run-length {@code [slots, shards]…}; {@code dictFiles}: first shard of each file — a shard's
 *       offset is its first slot, counted from its file's first shard, times the slot size). A slot holds the
 *       varint length of the shard's raw deflate, then the deflate, then zeros. The deflate is of {@code termCount},
 *       then per term {@code byteLen, UTF-8 bytes, postFile, offset, tableLen, docLen, posLen, flags, headLen},
 *       when flags bit 2 is set the window table itself ({@code tableLen} bytes), and when flags bit 4 is set the
 *       first result page of the term alone: {@code k} and k doc ids, best first (see {@link #FIRST_PAGE}). Flag
 *       bit 1: the table is raw deflate. Besides terms, the dictionary holds queries' own ranked heads (see
 *       {@link QueryHead}) under keys starting with a control character ({@link #headKey}), in the bucket of their
 *       first term (which the query looks up anyway): no region but the head ({@code tableLen, docLen, posLen}
 *       0), and their first page.</li>
 *   <li>{@code post/<n>.bin} — postings in windows: documents are ordered by their title read backwards (see
 *       {@link #windowRanks}) and cut into windows of {@link #WINDOW}; every term's postings are split by those
 *       windows (see {@code windowed}). At {@code offset}: the window table ({@code tableLen} bytes, unless it is in
 *       the dictionary entry), the windows' doc parts ({@code docLen} bytes in all), their position parts
 *       ({@code posLen}), then for terms with at least {@link #HEAD_MIN_DOC_BYTES} of doc parts a ranked head
 *       ({@code headLen} bytes, see {@code rankedHead}; 0: none). After the terms, the queries' heads.</li>
 *   <li>{@code show/<n>.bin} — display rows in fixed {@link #SLOT}-byte slots: doc d is at
 *       {@code (d mod perFile)·SLOT} of file {@code d / perFile}; a slot holds the varint length of the row, then
 *       the row — raw deflate, ended by a sync flush (not final, as the postings' parts), of the UTF-8 JSON
 *       {@code [title, url, snippet, budget 万元 or null]} and a newline — then zeros.</li>
 *   <li>{@code budget.json} — every doc's budget in 万元 (or null), read only for a budget filter.</li>
 * </ul>
 * Files stay under {@link #MAX_FILE_BYTES} (static hosts cap file size) and their number under projects/50 + 50.
 */
public final class StaticSearchExporter {
    public static final int FORMAT = 4;
    /**
     * Dictionary buckets. More would make a 100,000-project site's shards smaller (16 terms each, 2.2 slots: 560
     * bytes a query fetches per term), but meta.json's shard table grows with them: 9,000 shards cost every query
     * 1.7 KB more of meta.json and saved 190 bytes per term.
     */
    public static final int BUCKETS = 4096;
    /**
     * Bytes per display slot; a row that would not fit loses the end of its snippet. Rows are deflated (to about
     * 68 %): 384 bytes hold as much as 512 uncompressed did, and a result page costs 1.3 KB less.
     */
    public static final int SLOT = 384;
    /** Cloudflare Pages refuses files over 25 MiB. */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    /**
     * Bytes of a dictionary slot: a shard (consecutive buckets, as many as fit) fills one, or several when one bucket
     * alone is larger. A query fetches a slot per term: a query cut into four words fetched 16 KB of 4 KB shards,
     * then 7 KB of 1 KB shards, now about 2 KB (10,000 projects: 309 bytes per term on average; meta.json's shard
     * table 1.3 KB gzip).
     */
    static final int DICT_SLOT = 256;

    /** What the export wrote, for build timings and the benchmark. */
    public record Stats(int files, long bytes, int dictShards, int dictFiles, int postFiles, int showFiles, int docs) {
    }

    /** Terms whose doc block is at least this big get a ranked head (see {@link #HEAD}). */
    static final int HEAD_MIN_DOC_BYTES = 16 * 1024;
    /** Docs in a ranked head: the first ten result pages of the term alone. */
    static final int HEAD = 100;
    /**
     * Terms whose doc parts are at least this big carry the first result page of the term alone in their dictionary
     * entry, so search.js requests a one-term query's display rows beside its postings instead of after them (one
     * dependent round trip less; 10,000 projects: 1,601 of 37,065 terms, dictionary +4 %).
     */
    static final int FIRST_PAGE_MIN_DOC_BYTES = 2 * 1024;
    /** Docs of that first page (search.js PAGE_SIZE). */
    static final int FIRST_PAGE = 10;

    /**
     * Documents per postings window. Small windows make tight score bounds but long window tables (≈ 10 bytes per
     * window and term before deflate); at 100,000 projects the broad queries need 2–80 KB of windows with 256.
     */
    static final int WINDOW = 256;
    /** Up to this many documents the category masks stay in meta.json (a few KB gzip); beyond, cats.json. */
    static final int CAT_MASKS_INLINE_MAX_DOCS = 30_000;
    /** A term's table goes into its dictionary entry when its postings are at least this big … */
    static final int INLINE_TABLE_MIN_REGION = 32 * 1024;
    /** … and the (deflated) table at most this big (about 60 windows: 15,000 docs). */
    static final int INLINE_TABLE_MAX_BYTES = 512;

    private final ObjectMapper json = new ObjectMapper();
    private final int headMinDocBytes;
    private final int firstPageMinDocBytes;
    private final int headSize;
    private final int window;

    public StaticSearchExporter() {
        this(HEAD_MIN_DOC_BYTES, HEAD, WINDOW);
    }

    /**
     * {@code headMinDocBytes}: smallest doc-part total that gets a ranked head of {@code headSize} docs;
     * {@code window}: documents per postings window (tests force small windows).
     */
    StaticSearchExporter(int headMinDocBytes, int headSize, int window) {
        this.headMinDocBytes = headMinDocBytes;
        this.firstPageMinDocBytes = Math.min(FIRST_PAGE_MIN_DOC_BYTES, headMinDocBytes); // tests forcing heads: all terms
        this.headSize = headSize;
        this.window = window;
    }

    /** Writes {@code siteDir/search/data/}, replacing what was there. */
    public Stats export(Path indexDir, Path siteDir) throws IOException {
        Path out = siteDir.resolve("search").resolve("data");
        deleteTree(out);
        Files.createDirectories(out);
        try (LuceneSearchIndex index = new LuceneSearchIndex(indexDir)) {
            DocTable table = index.table();
            int n = index.maxDoc();
            int projects = 0;
            for (int d = 0; d < n; d++) {
                if (table.kind[d] == SearchDoc.PROJECT) {
                    projects++;
                }
            }
            long[] acc = new long[2];

            // 1. postings files and the dictionary entries pointing into them, and beside them 2. display slots and
            //    budgets: those read only stored fields, and 1's serial stretches (term enumeration, file writes)
            //    would otherwise leave a core idle while 2 ran alone afterwards
            Utf8Bytes[] dict = new Utf8Bytes[BUCKETS];
            int[] dictTerms = new int[BUCKETS];
            int[] postFiles = new int[1];
            long[][] shown = new long[1][];
            Workers.runAll("gongkai-search-export", List.of(
                    () -> postFiles[0] = writePostings(index, out.resolve("post"), dict, dictTerms, acc,
                            headQueries(index.lexicon(), index.phrases())),
                    () -> shown[0] = writeDisplay(index, table, out)));
            int perFile = MAX_FILE_BYTES / SLOT;
            int showFiles = (int) shown[0][2];
            acc[0] += shown[0][0];
            acc[1] += shown[0][1];

            // 3. dictionary shards in slots of DICT_SLOT bytes, packed one after another into dict/<f>.bin, so the
            //    shards of a query's terms come in one (multi-range) request, and a shard's place follows from its
            //    number: meta.json needs no table of shard lengths (at 10,000 projects 2.6 KB gzip of every first query)
            List<Integer> dictStarts = new ArrayList<>();
            List<Integer> dictSlots = new ArrayList<>();
            List<Integer> dictFileStarts = new ArrayList<>();
            Files.createDirectories(out.resolve("dict"));
            Utf8Bytes dictFile = new Utf8Bytes(64);
            Deflater dictDeflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            byte[] zbuf = new byte[8192];
            int bucketFrom = 0;
            while (bucketFrom < BUCKETS) {
                // as many whole buckets as fit one slot (at least one: a larger bucket spans several slots)
                int to = bucketFrom + 1;
                byte[] z = dictShard(dict, dictTerms, bucketFrom, to, dictDeflater, zbuf);
                while (to < BUCKETS) {
                    byte[] more = dictShard(dict, dictTerms, bucketFrom, to + 1, dictDeflater, zbuf);
                    if (varintSize(more.length) + more.length > DICT_SLOT) {
                        break;
                    }
                    z = more;
                    to++;
                }
                int slots = (varintSize(z.length) + z.length + DICT_SLOT - 1) / DICT_SLOT;
                if (dictStarts.isEmpty() || dictFile.size() + (long) slots * DICT_SLOT > MAX_FILE_BYTES) {
                    if (!dictStarts.isEmpty()) {
                        acc[0] += writeBytes(out.resolve("dict").resolve((dictFileStarts.size() - 1) + ".bin"), dictFile);
                        acc[1]++;
                    }
                    dictFile.reset();
                    dictFileStarts.add(dictStarts.size());
                }
                int at = dictFile.size();
                dictFile.varint(z.length); // then the raw deflate; the rest of the slot is zeros
                dictFile.write(z, 0, z.length);
                while (dictFile.size() < at + slots * DICT_SLOT) {
                    dictFile.write(0);
                }
                dictStarts.add(bucketFrom);
                dictSlots.add(slots);
                bucketFrom = to;
            }
            dictDeflater.end();
            acc[0] += writeBytes(out.resolve("dict").resolve((dictFileStarts.size() - 1) + ".bin"), dictFile);
            acc[1]++;

            // 4. meta
            ObjectNode meta = JsonNodeFactory.instance.objectNode();
            meta.put("format", FORMAT);
            meta.put("docs", n);
            meta.put("k1", QueryEngine.K1);
            meta.put("b", QueryEngine.B);
            meta.put("nameBoost", SearchIndexBuilder.NAME_BOOST);
            meta.put("phraseBoost", QueryEngine.PHRASE_BOOST);
            meta.put("verbatim", QueryEngine.VERBATIM);
            meta.put("variantWeight", QueryEngine.VARIANT_WEIGHT);
            ObjectNode fields = meta.putObject("fields");
            for (String f : List.of(SearchIndexBuilder.FIELD_ALL, SearchIndexBuilder.FIELD_NAME)) {
                QueryEngine.FieldStats st = index.stats(f);
                fields.putArray(f).add(st.docCount()).add(st.sumTotalTermFreq());
            }
            meta.put("buckets", BUCKETS);
            ArrayNode starts = meta.putArray("dictStartDeltas"); // small numbers gzip better than bucket numbers
            for (int i = 0; i < dictStarts.size(); i++) {
                starts.add(dictStarts.get(i) - (i == 0 ? 0 : dictStarts.get(i - 1)));
            }
            meta.put("dictSlot", DICT_SLOT);
            int[] slotCounts = dictSlots.stream().mapToInt(Integer::intValue).toArray();
            meta.set("dictSlots", runLength(slotCounts)); // slots per shard, [slots, shards]…: mostly 1 at 10,000
            ArrayNode fileStarts = meta.putArray("dictFiles");
            dictFileStarts.forEach(fileStarts::add);
            meta.put("window", window);
            meta.put("slot", SLOT);
            meta.put("slotsPerFile", perFile);
            ArrayNode years = meta.putArray("years");
            table.years.forEach(years::add);
            ArrayNode depts = meta.putArray("depts");
            for (int i = 0; i < table.deptKeys.size(); i++) {
                depts.addArray().add(table.deptKeys.get(i)).add(table.deptNames.get(i));
            }
            ArrayNode cats = meta.putArray("cats");
            table.categories.forEach(cats::add);
            // runs of equal (year, dept) in columns — docs in the run, year index, department index as the
            // difference from the previous run's (content is in department order: mostly 0 or 1) — which gzip
            // to half of the runs as [docs, year, dept] triples (100,000 projects: 12.4 → 5.8 KB)
            ArrayNode groupSizes = meta.putArray("groupSizes");
            ArrayNode groupYears = meta.putArray("groupYears");
            ArrayNode groupDepts = meta.putArray("groupDepts");
            int[] kindFlips = new int[n];
            int runStart = 0;
            int lastDept = 0;
            for (int d = 1; d <= n; d++) {
                if (d == n || table.year[d] != table.year[d - 1] || table.dept[d] != table.dept[d - 1]) {
                    groupSizes.add(d - runStart);
                    groupYears.add(table.years.indexOf(table.year[runStart]));
                    groupDepts.add(table.dept[runStart] - lastDept);
                    lastDept = table.dept[runStart];
                    kindFlips[runStart] = 1;
                    runStart = d;
                }
            }
            // a run's first document is its department-year, the rest its projects (SearchDocuments' order): the
            // kinds are stored as where they differ from that, run-length — [0, n] (were 4.5 KB gzip at 100,000)
            for (int d = 0; d < n; d++) {
                kindFlips[d] ^= table.kind[d] == SearchDoc.DEPARTMENT_YEAR ? 1 : 0;
            }
            meta.set("kindFlips", runLength(kindFlips));
            // projects that print no budget amount (the budget filter says how many it leaves out)
            int[] unbudgeted = new int[n];
            for (int d = 0; d < n; d++) {
                unbudgeted[d] = table.unbudgeted(d) ? 1 : 0;
            }
            meta.set("unbudgeted", runLength(unbudgeted));
            // one character per doc, U+0030 + category bit mask: ≈ 1 byte per doc before gzip, a few bits after
            // (more than 12 categories would leave the BMP's safe range: then run-length [mask, count]…); on large
            // sites in cats.json, read only for facet counts and category filters (broad queries show neither)
            com.fasterxml.jackson.databind.JsonNode masksNode;
            if (table.categories.size() <= 12) {
                StringBuilder masks = new StringBuilder(n);
                for (int d = 0; d < n; d++) {
                    masks.append((char) ('0' + table.catMask[d]));
                }
                masksNode = JsonNodeFactory.instance.textNode(masks.toString());
            } else {
                masksNode = runLength(table.catMask);
            }
            if (n <= CAT_MASKS_INLINE_MAX_DOCS) {
                meta.set("catMasks", masksNode);
            } else {
                meta.put("catMasksFile", "cats.json");
                acc[0] += writeJson(out.resolve("cats.json"), masksNode);
                acc[1]++;
            }
            // the character map rides along (≈ 2.4 KB gzip, the pairs the index needs: SearchLexicon.withIndex): in a
            // file of its own, a traditional query paid two more dependent requests (the map, then the dictionary
            // again for the folded terms)
            meta.set("lexicon", index.lexicon().toJson());
            acc[0] += writeJson(out.resolve("meta.json"), meta);
            acc[1]++;
            return new Stats((int) acc[1], acc[0], dictStarts.size(), dictFileStarts.size(), postFiles[0], showFiles, n);
        }
    }

    /** Writes {@code show/<n>.bin} and {@code budget.json}; returns {bytes, files, show files}. */
    private long[] writeDisplay(LuceneSearchIndex index, DocTable table, Path out) throws IOException {
        int n = index.maxDoc();
        int perFile = MAX_FILE_BYTES / SLOT;
        int showFiles = Math.max(1, (n + perFile - 1) / perFile);
        long bytes = 0;
        long files = 0;
        ArrayNode budgets = JsonNodeFactory.instance.arrayNode();
        Files.createDirectories(out.resolve("show"));
        org.apache.lucene.index.StoredFields stored = index.storedFields();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zbuf = new byte[8192];
        for (int f = 0; f < showFiles; f++) {
            int from = f * perFile;
            int to = Math.min(n, from + perFile);
            byte[] file = new byte[(to - from) * SLOT];
            for (int d = from; d < to; d++) {
                byte[] row = displayRow(stored.document(d), table.budgetWan[d], deflater, zbuf);
                System.arraycopy(row, 0, file, (d - from) * SLOT, row.length);
                if (table.budgetWan[d] == null) {
                    budgets.addNull();
                } else {
                    budgets.add(table.budgetWan[d]);
                }
            }
            Files.write(out.resolve("show").resolve(f + ".bin"), file);
            bytes += file.length;
            files++;
        }
        deflater.end();
        bytes += writeJson(out.resolve("budget.json"), budgets);
        files++;
        return new long[] {bytes, files, showFiles};
    }

    /** The display row as its slot holds it (length, deflated JSON line), at most {@link #SLOT} bytes. */
    private byte[] displayRow(Document doc, BigDecimal budget, Deflater deflater, byte[] zbuf) throws IOException {
        String snippet = doc.get(SearchIndexBuilder.StoredFields.SNIPPET);
        if (snippet == null) {
            snippet = "";
        }
        while (true) {
            ArrayNode row = JsonNodeFactory.instance.arrayNode();
            row.add(doc.get(SearchIndexBuilder.StoredFields.TITLE));
            row.add(doc.get(SearchIndexBuilder.StoredFields.URL));
            row.add(snippet);
            if (budget == null) {
                row.addNull();
            } else {
                row.add(budget);
            }
            Utf8Bytes line = new Utf8Bytes(SLOT * 2);
            line.write(json.writeValueAsBytes(row));
            line.write('\n');
            byte[] z = syncDeflate(deflater, line, zbuf);
            if (varintSize(z.length) + z.length <= SLOT) {
                Utf8Bytes slot = new Utf8Bytes(SLOT);
                slot.varint(z.length);
                slot.write(z, 0, z.length);
                return slot.toByteArray();
            }
            int excess = (varintSize(z.length) + z.length - SLOT) * line.size() / z.length; // in bytes of JSON
            if (snippet.isEmpty()) {
                throw new IOException("display row of " + doc.get(SearchIndexBuilder.StoredFields.ID)
                        + " exceeds " + SLOT + " bytes without a snippet (title too long?)");
            }
            // drop roughly the excess (UTF-8 Han = 3 bytes), keeping whole code points
            int cut = Math.max(1, (excess + 2) / 3 + 1);
            int end = Math.max(0, snippet.length() - cut);
            if (end > 0 && Character.isHighSurrogate(snippet.charAt(end - 1))) {
                end--;
            }
            snippet = end == 0 ? "" : snippet.substring(0, end) + "…";
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

    /**
     * The window order: documents sorted by their title read backwards (then by id), so near-duplicate names —
     * the same project in several years or districts, every department-year of one kind of department — sit in
     * the same windows, and a window's score bound is close to its best document's score (see {@link #WINDOW}).
     */
    static int[] windowRanks(LuceneSearchIndex index) throws IOException {
        int n = index.maxDoc();
        String[] key = new String[n];
        Integer[] order = new Integer[n];
        String[] titles = index.table().title; // read with the rest of the table: one pass over stored fields
        for (int d = 0; d < n; d++) {
            String title = titles[d];
            key[d] = new StringBuilder(title == null ? "" : title).reverse().toString();
            order[d] = d;
        }
        Arrays.sort(order, (x, y) -> {
            int c = key[x].compareTo(key[y]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** A term's encoded region: window table (maybe inline), doc parts, position parts, ranked head. */
    private record TermBlock(String text, byte[] tableBytes, boolean tableDeflated, boolean inline, byte[] docParts,
            byte[] posParts, byte[] head, int[] firstPage) {
        long size() {
            return (inline ? 0 : tableBytes.length) + docParts.length + posParts.length + head.length;
        }
    }

    /**
     * The postings files hold three groups of terms, each from a new file: Han bigrams (most words people type),
     * Han trigrams (longer words and text typed without spaces), then the rest (single characters, letters,
     * digits, signs). A query's terms then sit in fewer files than in plain term order, where they scattered by
     * their first character (10,000 projects: 16, 18 and 13 MB; a query of four words and their phrase read 3 files,
     * now 2), and a file is a request.
     */
    static final int TERM_GROUPS = 3;

    /** The next term of the enum in postings group {@code group} (see {@link #TERM_GROUPS}), or null. */
    private static BytesRef nextOfGroup(TermsEnum te, int group) throws IOException {
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            if (groupOf(t) == group) {
                return t;
            }
        }
        return null;
    }

    static int groupOf(BytesRef term) {
        String s = term.utf8ToString();
        int first = s.codePointAt(0);
        if (SearchTokens.classify(first) != SearchTokens.HAN) {
            return 2;
        }
        int n = s.codePointCount(0, s.length());
        return n == 2 ? 0 : n == 3 ? 1 : 2;
    }

    /** Terms encoded per parallel batch, at most this many ... */
    private static final int BATCH_TERMS = 4096;
    /** ... and at most about this many positions (a 100k-project site has terms with millions). */
    private static final long BATCH_POSITIONS = 4_000_000;
    private static final int CHUNK_TERMS = 64;

    /**
     * Streams every term's region into post/N.bin (new file past MAX_FILE_BYTES); returns the file count. Terms
     * are encoded in parallel, a batch at a time (each chunk of a batch reads its terms with its own TermsEnum and
     * deflates with its own Deflater: every block is deflated from a reset state, so the bytes do not depend on
     * which thread made them), then written in term order, group by group ({@link #TERM_GROUPS}).
     */
    private int writePostings(LuceneSearchIndex index, Path dir, Utf8Bytes[] dict, int[] dictTerms,
            long[] acc, List<QueryHead> heads) throws IOException {
        // what a browser would read of the head queries' terms, to decide which queries get a head
        java.util.Map<String, long[]> sizes = new java.util.HashMap<>();
        for (QueryHead h : heads) {
            for (SearchQuery.Phrase a : h.phrases()) {
                for (SearchQuery.Clause c : a.clauses()) {
                    sizes.put(c.term(), null);
                }
            }
        }
        Files.createDirectories(dir);
        Terms all = index.terms(SearchIndexBuilder.FIELD_ALL);
        Terms name = index.terms(SearchIndexBuilder.FIELD_NAME);
        int fileNo = 0;
        long offset = 0;
        OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("0.bin")), 1 << 16);
        acc[1]++;
        java.util.concurrent.ConcurrentLinkedQueue<Deflater> deflaters = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try {
            if (all == null) {
                return 1;
            }
            int[] rank = windowRanks(index);
            Encoder encoder = new Encoder(index, all, name, rank, deflaters);
            for (int group = 0; group < TERM_GROUPS; group++) {
                TermsEnum te = all.iterator();
                List<BytesRef> batch = new ArrayList<>(BATCH_TERMS);
                long batchPositions = 0;
                BytesRef term = nextOfGroup(te, group);
                boolean groupStart = true;
                while (term != null || !batch.isEmpty()) {
                    if (term != null) {
                        batch.add(BytesRef.deepCopyOf(term));
                        batchPositions += te.totalTermFreq();
                        term = nextOfGroup(te, group);
                        if (batch.size() < BATCH_TERMS && batchPositions < BATCH_POSITIONS && term != null) {
                            continue;
                        }
                    }
                    batchPositions = 0;
                    TermBlock[] blocks = encoder.encode(batch);
                    batch.clear();
                    for (TermBlock block : blocks) {
                        long size = block.size();
                        if (offset > 0 && (groupStart || offset + size > MAX_FILE_BYTES)) {
                            file.close();
                            fileNo++;
                            offset = 0;
                            file = new java.io.BufferedOutputStream(
                                    Files.newOutputStream(dir.resolve(fileNo + ".bin")), 1 << 16);
                            acc[1]++;
                        }
                        groupStart = false;
                        if (!block.inline()) {
                            file.write(block.tableBytes());
                        }
                        file.write(block.docParts());
                        file.write(block.posParts());
                        file.write(block.head());
                        dictEntry(dict, dictTerms, block.text(), fileNo, offset, block.tableBytes().length,
                                block.docParts().length, block.posParts().length, (block.tableDeflated() ? 1 : 0)
                                        | (block.inline() ? 2 : 0) | (block.firstPage().length > 0 ? 4 : 0),
                                block.head().length, block.inline() ? block.tableBytes() : null, block.firstPage());
                        if (sizes.containsKey(block.text())) {
                            sizes.put(block.text(), new long[] {block.inline() ? 0 : block.tableBytes().length,
                                block.docParts().length, block.posParts().length});
                        }
                        offset += size;
                        acc[0] += size;
                    }
                }
            }
            // the heads of queries (see QueryHead), after the terms' regions
            QueryEngine engine = new QueryEngine(index);
            Deflater deflater = new Deflater(DEFLATE_LEVEL, true);
            deflaters.add(deflater);
            byte[] zbuf = new byte[8192];
            for (QueryHead h : heads) {
                long read = h.postingsBytes(sizes);
                if (read < headMinDocBytes) {
                    continue; // read whole cheaply enough
                }
                List<QueryEngine.Hit> hits = h.ranking(engine);
                if (hits.isEmpty()) {
                    continue;
                }
                int[] ranked = new int[Math.min(Math.max(headSize, FIRST_PAGE), hits.size())];
                for (int i = 0; i < ranked.length; i++) {
                    ranked[i] = hits.get(i).doc();
                }
                int[] docs = hits.stream().mapToInt(QueryEngine.Hit::doc).sorted().toArray();
                byte[] head = rankedHead(Arrays.copyOf(ranked, Math.min(headSize, ranked.length)), docs, deflater,
                        zbuf);
                if (headMinDocBytes > 0 && head.length * 2L > read) {
                    continue; // not worth it: the postings compress as well (0 forces heads, tests)
                }
                if (offset > 0 && offset + head.length > MAX_FILE_BYTES) {
                    file.close();
                    fileNo++;
                    offset = 0;
                    file = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(fileNo + ".bin")),
                            1 << 16);
                    acc[1]++;
                }
                file.write(head);
                dictEntry(dict, dictTerms, h.key(), fileNo, offset, 0, 0, 0, 4, head.length, null,
                        Arrays.copyOf(ranked, Math.min(FIRST_PAGE, ranked.length)));
                offset += head.length;
                acc[0] += head.length;
            }
            return fileNo + 1;
        } finally {
            for (Deflater deflater : deflaters) {
                deflater.end();
            }
            file.close();
        }
    }

    /**
     * A dictionary entry (see the class comment): the key, where its region is, its lengths and flags, the inline
     * table when there is one, the first result page when there is one.
     */
    private static void dictEntry(Utf8Bytes[] dict, int[] dictTerms, String key, int fileNo, long offset,
            int tableLen, int docLen, int posLen, int flags, int headLen, byte[] inlineTable, int[] firstPage)
            throws IOException {
        int bucket = keyBucket(key, BUCKETS);
        Utf8Bytes d = dict[bucket];
        if (d == null) {
            d = dict[bucket] = new Utf8Bytes(64);
        }
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        d.varint(utf8.length);
        d.write(utf8);
        d.varint(fileNo);
        d.varint(offset);
        d.varint(tableLen);
        d.varint(docLen);
        d.varint(posLen);
        d.varint(flags);
        d.varint(headLen);
        if (inlineTable != null) {
            d.write(inlineTable);
        }
        if (firstPage.length > 0) {
            d.varint(firstPage.length);
            for (int doc : firstPage) {
                d.varint(doc);
            }
        }
        dictTerms[bucket]++;
    }

    /**
     * A query with a ranked head of its own, under dictionary key {@link #headKey}: a word with synonyms, or of
     * one phrase of several terms, which no term's head ranks (满意度 is 满意度 or 满意率, PM2.5 is pm 2 5 or
     * 细颗粒物) — a browser read its postings by windows whose bounds barely separate —; or text cut into words
     * (项目完成时间: 项目 完成 时间), whose head holds its verbatim tier — the documents holding the text as typed,
     * which rank above all others — in the server's order (phrase queries' windows have loose bounds: the least
     * over a phrase's terms of each one's best saturation in the window).
     */
    record QueryHead(String key, SearchQuery query) {
        boolean verbatim() {
            return key.startsWith(VERBATIM_HEAD_KEY);
        }

        /** The phrases a browser would read without the head: the word's, or the group's text. */
        List<SearchQuery.Phrase> phrases() {
            return verbatim() ? query.groups().get(0).phrase().alternatives() : query.words().get(0).alternatives();
        }

        /**
         * What search.js reads of the phrases' postings without the head (its querySize; for the verbatim tier,
         * the verbatim stage's): the head's threshold.
         */
        long postingsBytes(java.util.Map<String, long[]> sizes) {
            java.util.Map<String, Boolean> positions = new java.util.LinkedHashMap<>();
            for (SearchQuery.Phrase a : phrases()) {
                for (SearchQuery.Clause c : a.clauses()) {
                    positions.merge(c.term(), a.clauses().size() > 1, Boolean::logicalOr);
                }
            }
            long n = 0;
            for (java.util.Map.Entry<String, Boolean> e : positions.entrySet()) {
                long[] s = sizes.get(e.getKey());
                if (s != null) {
                    n += s[0] + s[1] + (e.getValue() ? s[2] : 0);
                }
            }
            return n;
        }

        /**
         * The head's documents in the server's order: the query's, or its verbatim tier — the documents holding
         * the group's text, each scored as {@link QueryEngine#unitScores} scores a group holding it verbatim
         * (the only unit of the query), ties by doc id.
         */
        List<QueryEngine.Hit> ranking(QueryEngine engine) throws IOException {
            if (!verbatim()) {
                return engine.search(query);
            }
            List<QueryEngine.Hit> tier = new ArrayList<>();
            for (QueryEngine.Hit h : engine.search(new SearchQuery(List.of(query.groups().get(0).phrase())))) {
                tier.add(new QueryEngine.Hit(h.doc(), QueryEngine.VERBATIM + QueryEngine.PHRASE_BOOST * h.score()));
            }
            tier.sort((x, y) -> x.score() != y.score() ? Double.compare(y.score(), x.score())
                    : Integer.compare(x.doc(), y.doc()));
            return tier;
        }
    }

    /**
     * The queries that may get a ranked head of their own: each word of the synonym groups and each phrase the
     * content repeats ({@link SearchWords#phrases}), as a query of it parses, when that has a key.
     */
    static List<QueryHead> headQueries(SearchLexicon lexicon, List<String> phrases) {
        java.util.Map<String, QueryHead> out = new java.util.LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        lexicon.synonymGroups().forEach(texts::addAll);
        texts.addAll(phrases);
        for (String text : texts) {
            SearchQuery q = SearchQuery.parse(text, lexicon);
            String key = headKey(q);
            // a verbatim tier only for Han text: its documents then hold every word as typed (tests: parity)
            boolean han = text.codePoints().allMatch(c -> SearchTokens.classify(c) == SearchTokens.HAN);
            if (key != null && (key.startsWith(WORD_HEAD_KEY) || key.startsWith(VERBATIM_HEAD_KEY) && han)) {
                out.putIfAbsent(key, new QueryHead(key, q));
            }
        }
        return List.copyOf(out.values());
    }

    /** Starts the dictionary key of a word's head; no index term holds a control character. */
    static final String WORD_HEAD_KEY = "\u0001";
    /** Starts the dictionary key of a verbatim tier's head. */
    static final String VERBATIM_HEAD_KEY = "\u0004";

    /**
     * The dictionary key under which a query's ranked head would be, or null: a query of one word, nothing
     * excluded, is ranked as its phrases rank it — one phrase of one term: that term (its own head), else
     * {@code U+0001} and its phrases, each as its clauses {@code term U+0002 offset} separated by {@code U+0003},
     * phrases separated by {@code U+0001}; a query of one group and nothing else (text cut into words) has its
     * verbatim tier under {@code U+0004} and the group's text as a phrase. search.js: headKey.
     */
    static String headKey(SearchQuery q) {
        if (!q.excluded().isEmpty()) {
            return null;
        }
        List<SearchQuery.Phrase> alts;
        String prefix;
        if (q.words().size() == 1 && q.groups().isEmpty()) {
            alts = q.words().get(0).alternatives();
            if (alts.size() == 1 && alts.get(0).clauses().size() == 1) {
                return alts.get(0).clauses().get(0).term();
            }
            prefix = WORD_HEAD_KEY;
        } else if (q.groups().size() == 1 && q.groups().get(0).members().size() == q.words().size()) {
            alts = q.groups().get(0).phrase().alternatives();
            prefix = VERBATIM_HEAD_KEY;
        } else {
            return null;
        }
        StringBuilder key = new StringBuilder(prefix);
        for (int a = 0; a < alts.size(); a++) {
            List<SearchQuery.Clause> clauses = alts.get(a).clauses();
            for (int i = 0; i < clauses.size(); i++) {
                key.append(i > 0 ? "\u0003" : a > 0 ? WORD_HEAD_KEY : "").append(clauses.get(i).term())
                        .append('\u0002').append(clauses.get(i).offset());
            }
        }
        return key.toString();
    }

    /**
     * The dictionary bucket of a key: a term's own ({@link #bucket}); a head's, its first term's — the query
     * fetches that term's shard anyway, so looking the head up costs no byte more. search.js: keyBucket.
     */
    static int keyBucket(String key, int buckets) {
        if (key.startsWith(WORD_HEAD_KEY) || key.startsWith(VERBATIM_HEAD_KEY)) {
            return bucket(key.substring(1, key.indexOf('\u0002')), buckets);
        }
        return bucket(key, buckets);
    }

    /** Encodes batches of terms in parallel (read-only shared state; per-chunk enums, deflaters and buffers). */
    private final class Encoder {
        private final Terms all;
        private final Terms name;
        private final int[] rank;
        private final byte[] normsAll;
        private final byte[] normsName;
        private final QueryEngine.FieldStats allStats;
        private final QueryEngine.FieldStats nameStats;
        private final java.util.concurrent.ConcurrentLinkedQueue<Deflater> deflaters;

        Encoder(LuceneSearchIndex index, Terms all, Terms name, int[] rank,
                java.util.concurrent.ConcurrentLinkedQueue<Deflater> deflaters) throws IOException {
            this.all = all;
            this.name = name;
            this.rank = rank;
            this.normsAll = index.norms(SearchIndexBuilder.FIELD_ALL);
            this.normsName = index.norms(SearchIndexBuilder.FIELD_NAME);
            this.allStats = index.stats(SearchIndexBuilder.FIELD_ALL);
            this.nameStats = index.stats(SearchIndexBuilder.FIELD_NAME);
            this.deflaters = deflaters;
        }

        TermBlock[] encode(List<BytesRef> terms) throws IOException {
            TermBlock[] out = new TermBlock[terms.size()];
            int chunks = (terms.size() + CHUNK_TERMS - 1) / CHUNK_TERMS;
            try {
                java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
                    Deflater deflater = deflaters.poll();
                    if (deflater == null) {
                        deflater = new Deflater(DEFLATE_LEVEL, true);
                    }
                    try {
                        TermsEnum te = all.iterator();
                        TermsEnum ne = name == null ? null : name.iterator();
                        byte[] zbuf = new byte[8192];
                        PostingsEnum[] reuseAll = new PostingsEnum[1];
                        PostingsEnum[] reuseName = new PostingsEnum[1];
                        int to = Math.min(terms.size(), (c + 1) * CHUNK_TERMS);
                        for (int i = c * CHUNK_TERMS; i < to; i++) {
                            out[i] = encodeTerm(terms.get(i), te, ne, reuseAll, reuseName, deflater, zbuf);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } finally {
                        deflaters.add(deflater);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            return out;
        }

        private TermBlock encodeTerm(BytesRef term, TermsEnum te, TermsEnum ne, PostingsEnum[] reuseAll,
                PostingsEnum[] reuseName, Deflater deflater, byte[] zbuf) throws IOException {
            if (!te.seekExact(term)) {
                throw new IOException("term vanished from the index: " + term.utf8ToString());
            }
            QueryEngine.TermPostings pAll = LuceneSearchIndex.read(te, normsAll, reuseAll);
            QueryEngine.TermPostings pName = null;
            if (ne != null && ne.seekExact(term)) {
                pName = LuceneSearchIndex.read(ne, normsName, reuseName);
            }
            Utf8Bytes docParts = new Utf8Bytes(64);
            Utf8Bytes posParts = new Utf8Bytes(64);
            byte[] table = windowed(pAll, pName, rank, allStats, nameStats, docParts, posParts, deflater, zbuf);
            boolean[] tableZ = new boolean[1];
            Utf8Bytes tb = new Utf8Bytes(table.length);
            tb.write(table, 0, table.length);
            byte[] tableBytes = maybeDeflate(deflater, tb, tableZ, zbuf);
            // the table of a large term rides in its dictionary entry while it is short: a broad query then
            // needs no request for it
            boolean inline = docParts.size() + posParts.size() >= INLINE_TABLE_MIN_REGION
                    && tableBytes.length <= INLINE_TABLE_MAX_BYTES;
            String text = term.utf8ToString();
            boolean head = docParts.size() >= headMinDocBytes;
            int[] ranked = head || docParts.size() >= firstPageMinDocBytes
                    ? ranking(text, pAll, pName, allStats, nameStats, head ? Math.max(headSize, FIRST_PAGE) : FIRST_PAGE)
                    : new int[0];
            byte[] headBytes = head
                    ? rankedHead(Arrays.copyOf(ranked, Math.min(headSize, ranked.length)), pAll.docs(), deflater, zbuf)
                    : new byte[0];
            if (headMinDocBytes > 0 && headBytes.length * 2 > docParts.size()) {
                headBytes = new byte[0]; // not worth it: the doc parts compress as well (0 forces heads, tests)
            }
            return new TermBlock(text, tableBytes, tableZ[0], inline, docParts.toByteArray(), posParts.toByteArray(),
                    headBytes, Arrays.copyOf(ranked, Math.min(FIRST_PAGE, ranked.length)));
        }
    }

    /**
     * Writes a term's windows — doc parts to {@code docOut}, position parts to {@code posOut}, window by window —
     * and returns its window table (not yet deflated). Window w holds the
     * docs whose {@code rank / window == w}, in doc id order, so every term's windows hold the same documents.
     * Every part is raw deflate ending in a sync flush (no final block), so any parts laid end to end, plus an
     * empty final block, inflate in one go (search.js inflates all the windows of a request at once).
     * Table, in columns: dfAll, dfName, window count, window id deltas, doc-part lengths, position-part lengths,
     * then per window the bound of field
     * {@code all} — doc count, tf and norm byte of the doc with the greatest tf/(tf + k1(1 − b + b·dl/avgdl)) —
     * and of field {@code name} (doc count; tf and norm when the count is not 0). The browser computes the bound
     * from that tf and norm with the scorer's own formula, so a window's bound is exactly the best score any of its
     * docs can reach (ties included). The window's lowest doc id (to skip a window whose bound only ties the k-th
     * score) was a quarter of a broad term's table and spared no window of the benchmark queries: dropped.
     */
    private byte[] windowed(QueryEngine.TermPostings pAll, QueryEngine.TermPostings pName, int[] rank,
            QueryEngine.FieldStats allStats, QueryEngine.FieldStats nameStats, Utf8Bytes docOut,
            Utf8Bytes posOut, Deflater deflater, byte[] zbuf) {
        int[] orderAll = byWindow(pAll, rank);
        int[] orderName = pName == null ? new int[0] : byWindow(pName, rank);
        double avgAll = (double) allStats.sumTotalTermFreq() / allStats.docCount();
        double avgName = nameStats.docCount() == 0 ? 1 : (double) nameStats.sumTotalTermFreq() / nameStats.docCount();
        List<int[]> rows = new ArrayList<>(); // per window: id, docLen, posLen, flags, nAll, tfA, normA, nName, tfN, normN
        Utf8Bytes docPart = new Utf8Bytes(64);
        Utf8Bytes posPart = new Utf8Bytes(64);
        int a = 0;
        int nm = 0;
        while (a < orderAll.length) {
            int w = rank[pAll.docs()[orderAll[a]]] / window;
            int aEnd = a;
            while (aEnd < orderAll.length && rank[pAll.docs()[orderAll[aEnd]]] / window == w) {
                aEnd++;
            }
            int nEnd = nm;
            while (nEnd < orderName.length && rank[pName.docs()[orderName[nEnd]]] / window == w) {
                nEnd++;
            }
            docPart.reset();
            posPart.reset();
            int[] bestAll = writeWindowField(docPart, posPart, pAll, orderAll, a, aEnd, avgAll);
            int[] bestName = nEnd > nm ? writeWindowField(docPart, posPart, pName, orderName, nm, nEnd, avgName)
                    : writeWindowField(docPart, posPart, null, orderName, 0, 0, avgName);
            byte[] db = syncDeflate(deflater, docPart, zbuf);
            byte[] pb = syncDeflate(deflater, posPart, zbuf);
            docOut.write(db, 0, db.length);
            posOut.write(pb, 0, pb.length);
            rows.add(new int[] {w, db.length, pb.length, 0, aEnd - a, bestAll[0], bestAll[1], nEnd - nm, bestName[0],
                bestName[1]});
            a = aEnd;
            nm = nEnd;
        }
        Utf8Bytes t = new Utf8Bytes(64);
        t.varint(pAll.df());
        t.varint(pName == null ? 0 : pName.df());
        t.varint(rows.size());
        int last = 0;
        for (int[] r : rows) {
            t.varint(r[0] - last);
            last = r[0];
        }
        for (int col : new int[] {1, 2, 4, 5, 6, 7}) {
            for (int[] r : rows) {
                t.varint(r[col]);
            }
        }
        for (int[] r : rows) {
            if (r[7] > 0) {
                t.varint(r[8]);
                t.varint(r[9]);
            }
        }
        return t.toByteArray();
    }

    /**
     * Parts shorter than this are written as a stored (uncompressed) deflate block: deflating them saved a few
     * bytes at most while the Deflater reset per part (zlib clears its hash table) was most of the export time.
     */
    static final int STORED_PART_MAX = 96;

    /** Raw deflate of the block, ended by a sync flush (byte-aligned, not final): parts can be concatenated. */
    static byte[] syncDeflate(Deflater deflater, Utf8Bytes block, byte[] buf) {
        int len = block.size();
        if (len < STORED_PART_MAX) {
            // a non-final stored block: header byte (BFINAL 0, BTYPE 00, padding), LEN, NLEN, the bytes — what a
            // sync flush of uncompressed data looks like, and byte-aligned like it
            byte[] out = new byte[len + 5];
            out[1] = (byte) len;
            out[2] = (byte) (len >>> 8);
            out[3] = (byte) ~len;
            out[4] = (byte) (~len >>> 8);
            System.arraycopy(block.array(), 0, out, 5, len);
            return out;
        }
        deflater.reset();
        deflater.setInput(block.array(), 0, len);
        Utf8Bytes out = new Utf8Bytes(len / 2 + 16);
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        return out.toByteArray();
    }

    /** Indexes of a term's docs ordered by window, then doc id. */
    private int[] byWindow(QueryEngine.TermPostings p, int[] rank) {
        int windows = (rank.length + window - 1) / window;
        if (p.df() >= 64 && p.df() >= windows / 4) {
            // a stable counting sort by window (docs are in id order): sorting keys was a quarter of the export
            int[] docs = p.docs();
            int[] start = new int[windows + 1];
            for (int d : docs) {
                start[rank[d] / window + 1]++;
            }
            for (int w = 0; w < windows; w++) {
                start[w + 1] += start[w];
            }
            int[] order = new int[docs.length];
            for (int i = 0; i < docs.length; i++) {
                order[start[rank[docs[i]] / window]++] = i;
            }
            return order;
        }
        long[] keys = new long[p.df()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) (rank[p.docs()[i]] / window) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /**
     * One field of one window, in columns: count, doc deltas (the first from 0), norm bytes, tfs to the doc part,
     * positions to the position part. Returns tf and norm byte of the doc with the greatest saturation.
     */
    private static int[] writeWindowField(Utf8Bytes docs, Utf8Bytes positions,
            QueryEngine.TermPostings p, int[] order, int from, int to, double avgdl) {
        docs.varint(to - from);
        int last = 0;
        for (int i = from; i < to; i++) {
            docs.varint(p.docs()[order[i]] - last);
            last = p.docs()[order[i]];
        }
        for (int i = from; i < to; i++) {
            docs.write(p.norms()[order[i]] & 0xFF);
        }
        int[] best = {0, 0};
        double bestSat = -1;
        for (int i = from; i < to; i++) {
            int k = order[i];
            docs.varint(p.freqs()[k]);
            int lastPos = 0;
            for (int pos : p.positions()[k]) {
                positions.varint(pos - lastPos);
                lastPos = pos;
            }
            double dl = SmallFloat.byte4ToInt(p.norms()[k]);
            double sat = p.freqs()[k] / (p.freqs()[k] + QueryEngine.K1 * (1 - QueryEngine.B + QueryEngine.B * dl / avgdl));
            if (sat > bestSat) {
                bestSat = sat;
                best[0] = p.freqs()[k];
                best[1] = p.norms()[k] & 0xFF;
            }
        }
        return best;
    }

    /**
     * The first k docs of a term as the term alone ranks them (absolute ids, best first), ranked by
     * {@link QueryEngine} itself, so exactly as the server and search.js rank a query of that one term.
     */
    private static int[] ranking(String term, QueryEngine.TermPostings all, QueryEngine.TermPostings name,
            QueryEngine.FieldStats allStats, QueryEngine.FieldStats nameStats, int k) throws IOException {
        QueryEngine engine = new QueryEngine(new QueryEngine.PostingsSource() {
            @Override
            public QueryEngine.TermPostings postings(String field, String t) {
                return field.equals(SearchIndexBuilder.FIELD_ALL) ? all : name;
            }

            @Override
            public QueryEngine.FieldStats stats(String field) {
                return field.equals(SearchIndexBuilder.FIELD_ALL) ? allStats : nameStats;
            }
        });
        List<QueryEngine.Hit> hits = engine.top(new SearchQuery(List.of(
                SearchQuery.Word.exact(term, List.of(new SearchQuery.Clause(term, 0))))), k);
        int[] docs = new int[Math.min(k, hits.size())];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = hits.get(i).doc();
        }
        return docs;
    }

    /**
     * The ranked head of a large term (or query), raw deflate: {@code k}, the first k docs as the term alone ranks
     * them ({@link #ranking}), then every doc it matches in {@code all} (count, doc deltas) for the total and
     * facets. A one-term query reads this instead of the doc block, whose norms and tfs are most of its bytes.
     */
    private static byte[] rankedHead(int[] ranked, int[] matches, Deflater deflater, byte[] zbuf) {
        Utf8Bytes out = new Utf8Bytes(64);
        out.varint(ranked.length);
        for (int doc : ranked) {
            out.varint(doc);
        }
        out.varint(matches.length);
        int last = 0;
        for (int d : matches) {
            out.varint(d - last);
            last = d;
        }
        byte[] raw = out.toByteArray();
        return deflate(deflater, raw, raw.length, zbuf);
    }

    /**
     * Level of the postings' raw deflate: 6 writes files 0.1 % larger than 9 (10k projects: 34.78 vs 34.75 MB) for
     * about a quarter less export time (level 9's long match chains on repetitive varints).
     */
    static final int DEFLATE_LEVEL = 6;

    /** Raw deflate; one Deflater, reset per block (a new one per term cost about as much as deflating). */
    private static byte[] deflate(Deflater deflater, byte[] raw, int len, byte[] buf) {
        deflater.reset();
        deflater.setInput(raw, 0, len);
        deflater.finish();
        Utf8Bytes out = new Utf8Bytes(len / 2 + 16);
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        return out.toByteArray();
    }

    /**
     * The block raw-deflated when that saves at least an eighth (browsers inflate with DecompressionStream
     * 'deflate-raw'); {@code compressed[0]} tells which.
     */
    static byte[] maybeDeflate(Deflater deflater, Utf8Bytes block, boolean[] compressed, byte[] buf) {
        byte[] raw = block.toByteArray();
        compressed[0] = false;
        if (raw.length < 64) {
            return raw;
        }
        byte[] z = deflate(deflater, raw, raw.length, buf);
        if (z.length <= raw.length - raw.length / 8) {
            compressed[0] = true;
            return z;
        }
        return raw;
    }

    /** Bytes of v as an unsigned LEB128 varint. */
    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Buckets [from, to) as a dictionary shard, raw deflate: term count, then the buckets' entries. */
    private static byte[] dictShard(Utf8Bytes[] dict, int[] dictTerms, int from, int to, Deflater deflater,
            byte[] zbuf) {
        Utf8Bytes shard = new Utf8Bytes(64);
        int terms = 0;
        for (int b = from; b < to; b++) {
            terms += dictTerms[b];
        }
        shard.varint(terms);
        for (int b = from; b < to; b++) {
            if (dict[b] != null) {
                shard.write(dict[b].array(), 0, dict[b].size());
            }
        }
        return deflate(deflater, shard.array(), shard.size(), zbuf);
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

    private static long writeBytes(Path file, Utf8Bytes data) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(data.array(), 0, data.size());
        }
        return data.size();
    }

    private long writeJson(Path file, Object node) throws IOException {
        byte[] data = json.writeValueAsBytes(node);
        Files.write(file, data);
        return data.length;
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
