package gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Counts the Han words (two characters or more) that Lucene's SmartChineseAnalyzer finds in the indexed text:
 * the vocabulary queries are cut with ({@link SearchLexicon}). Each distinct value is analysed once (values
 * repeat a lot: indicator labels, department names), by whichever indexing thread meets it first, so the counts
 * do not depend on how documents were split between threads. Also counts the documents of each short Han value
 * ({@link #phrases}). Thread-safe; one per index build.
 */
final class SearchWords {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Integer> valueDocs = new ConcurrentHashMap<>();
    private final ThreadLocal<SmartChineseAnalyzer> analyzers =
            ThreadLocal.withInitial(() -> new SmartChineseAnalyzer(CharArraySet.EMPTY_SET));

    /** Counts the words of the document's values not seen before. */
    void add(SearchDoc doc) {
        Map<String, Integer> local = new HashMap<>();
        for (String v : doc.values()) { // a document's values are distinct
            if (isPhrase(v)) {
                valueDocs.merge(v, 1, Integer::sum);
            }
        }
        for (String v : doc.values()) {
            if (!hasHan(v) || !seen.add(v)) {
                continue;
            }
            try (TokenStream ts = analyzers.get().tokenStream("w", v)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (term.length() >= 2 && allHan(term)) {
                        local.merge(term.toString(), 1, Integer::sum);
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        local.forEach((w, c) -> counts.merge(w, c, Integer::sum));
    }

    /** Shortest and longest phrase counted (code points): shorter is a word or a term, longer is no query. */
    static final int PHRASE_MIN = 3;
    static final int PHRASE_MAX = 16;
    /** Phrases kept: the most documents first. */
    static final int PHRASES = 1000;

    private static boolean isPhrase(String v) {
        int n = v.codePointCount(0, v.length());
        return n >= PHRASE_MIN && n <= PHRASE_MAX && allHan(v);
    }

    /**
     * The values that stand whole in most documents — indicator names (项目完成时间, 验收合格率), recurring
     * labels —: Han only, {@link #PHRASE_MIN}–{@link #PHRASE_MAX} characters, in at least two documents; at most
     * {@link #PHRASES}, most documents first (then by text). The exporter gives the large ones a ranked head.
     */
    List<String> phrases() {
        return valueDocs.entrySet().stream().filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(PHRASES).map(Map.Entry::getKey).toList();
    }

    private static boolean hasHan(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (SearchTokens.classify(v.charAt(i)) == SearchTokens.HAN || Character.isHighSurrogate(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allHan(CharSequence s) {
        return s.codePoints().allMatch(c -> SearchTokens.classify(c) == SearchTokens.HAN);
    }

    /**
     * The lexicon's words and costs: each counted word costs round(10·ln(total/count)) (at least 1), a synonym
     * word not counted costs as a word seen once, and a character that is no word costs more than any word.
     * Letter words and the character map are added when the index is opened ({@link SearchLexicon#withIndex}).
     */
    SearchLexicon lexicon(SearchVariants variants) {
        long total = 0;
        for (int c : counts.values()) {
            total += c;
        }
        total = Math.max(total, 1);
        Map<String, Integer> cost = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            cost.put(e.getKey(), (int) Math.max(1, Math.round(10 * StrictMath.log((double) total / e.getValue()))));
        }
        int rare = (int) Math.max(1, Math.round(10 * StrictMath.log((double) total)));
        for (List<String> group : variants.synonyms()) {
            for (String w : group) {
                if (allHan(w)) {
                    cost.putIfAbsent(w, rare);
                }
            }
        }
        return new SearchLexicon(cost, rare + 10, variants.synonyms(), variants.toSimplified(), List.of());
    }
}
