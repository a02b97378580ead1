package gongkai.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Matches and scores a {@link SearchQuery} over postings with positions. This is the algorithm search.js runs in
 * the browser, step for step and in the same floating-point order, so both rank alike (ties: lower doc first).
 *
 * <p>A document matches when every required word matches — any of its phrases, each exact, in the {@code all}
 * field — and no excluded word does. Its score is a sum of units ({@link #unitScores}): a group (text typed
 * without spaces and cut into words) scores {@link #VERBATIM} + {@link #PHRASE_BOOST} × its phrase where the
 * document holds the text verbatim, else the sum of its words; a word in no group scores itself. A word (or phrase)
 * scores its best phrase's {@code bm25(all) + NAME_BOOST × bm25(name)} (× {@link #VARIANT_WEIGHT} for a synonym or
 * completion), with Lucene's BM25 (k1 1.2, b 0.75,
 * idf = ln(1 + (docCount − df + 0.5)/(df + 0.5)) summed over the word's terms as Lucene's PhraseQuery does,
 * tf/(tf + k1(1 − b + b·dl/avgdl)), dl from the 1-byte norm, avgdl = sumTotalTermFreq/docCount).
 */
public final class QueryEngine {
    public static final double K1 = 1.2;
    public static final double B = 0.75;
    /** A boost phrase (the query's text verbatim) counts this many times its score … */
    public static final double PHRASE_BOOST = 2.0;
    /**
     * … plus this: a document holding the text verbatim ranks above every one holding its words apart (no sum of
     * word scores comes near it), and a browser reading windows never reads those without the phrase when enough
     * have it.
     */
    public static final double VERBATIM = 10_000;
    /** A synonym or prefix completion scores this share of the word as typed would. */
    public static final double VARIANT_WEIGHT = 0.8;

    /** Postings of one term in one field: doc ids ascending, term frequency, 1-byte norm, positions. */
    public record TermPostings(int[] docs, int[] freqs, byte[] norms, int[][] positions) {
        public int df() {
            return docs.length;
        }
    }

    public record FieldStats(long docCount, long sumTotalTermFreq) {
    }

    /** Where postings come from: the Lucene index (server) or the exported shards (browser). */
    public interface PostingsSource {
        /** Postings of a term, or null when the field has no such term. */
        TermPostings postings(String field, String term) throws java.io.IOException;

        FieldStats stats(String field) throws java.io.IOException;
    }

    /** A scored match. */
    public record Hit(int doc, double score) {
    }

    private final PostingsSource source;

    public QueryEngine(PostingsSource source) {
        this.source = source;
    }

    /** All matching documents, best first; ties by ascending doc id. */
    public List<Hit> search(SearchQuery query) throws java.io.IOException {
        Scored s = score(query);
        List<Hit> hits = new ArrayList<>(s.docs.length);
        for (int k = 0; k < s.docs.length; k++) {
            hits.add(new Hit(s.docs[k], s.scores[k]));
        }
        hits.sort(BEST_FIRST);
        return hits;
    }

    /**
     * The first {@code limit} of {@link #search}'s hits, in the same order, without sorting the rest (a term in
     * most documents has 100,000 hits at 100,000 projects; its ranked head needs 100).
     */
    public List<Hit> top(SearchQuery query, int limit) throws java.io.IOException {
        if (limit <= 0) {
            return List.of();
        }
        Scored s = score(query);
        // a heap of the best so far, worst on top; docs come in ascending order, so a later doc with an equal
        // score ranks below every doc already held and never enters a full heap
        java.util.PriorityQueue<Hit> best = new java.util.PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        for (int k = 0; k < s.docs.length; k++) {
            if (best.size() < limit) {
                best.add(new Hit(s.docs[k], s.scores[k]));
            } else if (s.scores[k] > best.peek().score()) {
                best.poll();
                best.add(new Hit(s.docs[k], s.scores[k]));
            }
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(BEST_FIRST);
        return hits;
    }

    private static final java.util.Comparator<Hit> BEST_FIRST = (x, y) -> x.score() != y.score()
            ? Double.compare(y.score(), x.score()) : Integer.compare(x.doc(), y.doc());

    private record Scored(int[] docs, double[] scores) {
    }

    private Scored score(SearchQuery query) throws java.io.IOException {
        if (query.isEmpty()) {
            return new Scored(new int[0], new double[0]);
        }
        FieldStats allStats = source.stats(SearchIndexBuilder.FIELD_ALL);
        FieldStats nameStats = source.stats(SearchIndexBuilder.FIELD_NAME);
        List<SearchQuery.Word> words = query.words();
        WordMatches[] wm = new WordMatches[words.size()];
        int[] docs = null;
        for (int i = 0; i < words.size(); i++) {
            wm[i] = matchWord(words.get(i), allStats, nameStats);
            docs = docs == null ? wm[i].docs : intersect(docs, wm[i].docs);
            if (docs.length == 0) {
                return new Scored(docs, new double[0]);
            }
        }
        for (SearchQuery.Word x : query.excluded()) {
            docs = minus(docs, matchWord(x, allStats, null).docs);
        }
        WordMatches[] gm = new WordMatches[query.groups().size()];
        for (int g = 0; g < gm.length; g++) {
            gm[g] = matchWord(query.groups().get(g).phrase(), allStats, nameStats);
        }
        return new Scored(docs, unitScores(query, docs, wm, gm));
    }

    /**
     * Scores by units, summed in order: each group — {@code VERBATIM + PHRASE_BOOST × phrase} where the doc holds
     * the phrase, else the sum of its words — then each word in no group. search.js: {@code unitScores}.
     */
    static double[] unitScores(SearchQuery query, int[] docs, WordMatches[] wm, WordMatches[] gm) {
        boolean[] grouped = new boolean[wm.length];
        for (SearchQuery.Group g : query.groups()) {
            for (int i : g.members()) {
                grouped[i] = true;
            }
        }
        int[] wp = new int[wm.length];
        int[] gp = new int[gm.length];
        double[] scores = new double[docs.length];
        for (int k = 0; k < docs.length; k++) {
            int d = docs[k];
            double s = 0;
            boolean first = true;
            for (int g = 0; g < gm.length; g++) {
                double u;
                int at = seek(gm[g].docs, gp, g, d);
                if (at >= 0) {
                    u = VERBATIM + PHRASE_BOOST * gm[g].score[at];
                } else {
                    List<Integer> members = query.groups().get(g).members();
                    u = wm[members.get(0)].score[seek(wm[members.get(0)].docs, wp, members.get(0), d)];
                    for (int m = 1; m < members.size(); m++) {
                        int i = members.get(m);
                        u = u + wm[i].score[seek(wm[i].docs, wp, i, d)];
                    }
                }
                s = first ? u : s + u;
                first = false;
            }
            for (int i = 0; i < wm.length; i++) {
                if (!grouped[i]) {
                    double u = wm[i].score[seek(wm[i].docs, wp, i, d)];
                    s = first ? u : s + u;
                    first = false;
                }
            }
            scores[k] = s;
        }
        return scores;
    }

    /** Advances ptr[j] over ascending docs to d; the index of d, or -1 when absent. */
    private static int seek(int[] list, int[] ptr, int j, int d) {
        while (ptr[j] < list.length && list[ptr[j]] < d) {
            ptr[j]++;
        }
        return ptr[j] < list.length && list[ptr[j]] == d ? ptr[j] : -1;
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[k++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static int[] minus(int[] a, int[] b) {
        int[] out = new int[a.length];
        int j = 0;
        int k = 0;
        for (int d : a) {
            while (j < b.length && b[j] < d) {
                j++;
            }
            if (j >= b.length || b[j] != d) {
                out[k++] = d;
            }
        }
        return Arrays.copyOf(out, k);
    }

    record WordMatches(int[] docs, double[] score) {
    }

    private static final WordMatches NONE = new WordMatches(new int[0], new double[0]);

    /**
     * The docs holding any of the word's phrases in {@code all}, each scored by its best phrase:
     * {@code bm25(all) + NAME_BOOST × bm25(name)} (name 0 where the phrase is not in the name). Null nameStats:
     * matches only (exclusions).
     */
    private WordMatches matchWord(SearchQuery.Word w, FieldStats allStats, FieldStats nameStats)
            throws java.io.IOException {
        WordMatches best = NONE;
        boolean first = true;
        for (SearchQuery.Phrase alt : w.alternatives()) {
            boolean variant = !first;
            first = false;
            WordMatches all = match(alt.clauses(), SearchIndexBuilder.FIELD_ALL, allStats);
            if (all.docs.length == 0) {
                continue;
            }
            double[] sc = all.score.clone();
            if (nameStats != null) {
                WordMatches name = match(alt.clauses(), SearchIndexBuilder.FIELD_NAME, nameStats);
                int ni = 0;
                for (int k = 0; k < all.docs.length; k++) {
                    while (ni < name.docs.length && name.docs[ni] < all.docs[k]) {
                        ni++;
                    }
                    if (ni < name.docs.length && name.docs[ni] == all.docs[k]) {
                        sc[k] = sc[k] + SearchIndexBuilder.NAME_BOOST * name.score[ni];
                    }
                }
            }
            if (variant) {
                for (int k = 0; k < sc.length; k++) {
                    sc[k] = VARIANT_WEIGHT * sc[k];
                }
            }
            best = best == NONE ? new WordMatches(all.docs, sc) : union(best, new WordMatches(all.docs, sc));
        }
        return best;
    }

    /** Docs of either, ascending; a doc in both keeps the greater score. */
    private static WordMatches union(WordMatches x, WordMatches y) {
        int[] d = new int[x.docs.length + y.docs.length];
        double[] s = new double[d.length];
        int a = 0;
        int b = 0;
        int k = 0;
        while (a < x.docs.length || b < y.docs.length) {
            if (b >= y.docs.length || (a < x.docs.length && x.docs[a] < y.docs[b])) {
                d[k] = x.docs[a];
                s[k++] = x.score[a++];
            } else if (a >= x.docs.length || y.docs[b] < x.docs[a]) {
                d[k] = y.docs[b];
                s[k++] = y.score[b++];
            } else {
                d[k] = x.docs[a];
                s[k++] = Math.max(x.score[a++], y.score[b++]);
            }
        }
        return new WordMatches(Arrays.copyOf(d, k), Arrays.copyOf(s, k));
    }

    private WordMatches match(List<SearchQuery.Clause> clauses, String field, FieldStats stats) throws java.io.IOException {
        int n = clauses.size();
        TermPostings[] lists = new TermPostings[n];
        for (int i = 0; i < n; i++) {
            lists[i] = source.postings(field, clauses.get(i).term());
            if (lists[i] == null || lists[i].df() == 0) {
                return NONE;
            }
        }
        double idfSum = 0;
        for (int i = 0; i < n; i++) {
            idfSum += idf(stats.docCount(), lists[i].df());
        }
        double avgdl = (double) stats.sumTotalTermFreq() / (double) stats.docCount();
        int[] ptr = new int[n];
        int[] outD = new int[lists[0].df()];
        double[] outS = new double[outD.length];
        int k = 0;
        outer:
        for (int i0 = 0; i0 < lists[0].df(); i0++) {
            int d = lists[0].docs()[i0];
            for (int j = 1; j < n; j++) {
                int[] dj = lists[j].docs();
                while (ptr[j] < dj.length && dj[ptr[j]] < d) {
                    ptr[j]++;
                }
                if (ptr[j] >= dj.length) {
                    break outer;
                }
                if (dj[ptr[j]] != d) {
                    continue outer;
                }
            }
            int freq;
            if (n == 1) {
                freq = lists[0].freqs()[i0];
            } else {
                freq = 0;
                int[] first = lists[0].positions()[i0];
                for (int p0 : first) {
                    int start = p0 - clauses.get(0).offset();
                    boolean ok = true;
                    for (int j = 1; j < n && ok; j++) {
                        ok = Arrays.binarySearch(lists[j].positions()[ptr[j]], start + clauses.get(j).offset()) >= 0;
                    }
                    if (ok) {
                        freq++;
                    }
                }
            }
            if (freq > 0) {
                double dl = org.apache.lucene.util.SmallFloat.byte4ToInt(lists[0].norms()[i0]);
                outD[k] = d;
                outS[k] = idfSum * (freq / (freq + K1 * (1 - B + B * dl / avgdl)));
                k++;
            }
        }
        return new WordMatches(Arrays.copyOf(outD, k), Arrays.copyOf(outS, k));
    }

    /** Lucene's BM25 idf; StrictMath.log is fdlibm, as is the browsers' Math.log. */
    static double idf(long docCount, long df) {
        return StrictMath.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }
}
