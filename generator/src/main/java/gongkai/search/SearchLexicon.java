package gongkai.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What query understanding needs beyond the tokenizer, the same data in Java and in search.js (meta.json's
 * {@code lexicon}): the index's own words with segmentation costs, synonym groups, the traditional → simplified
 * character map and the index's Latin words (for prefixes and spelling suggestions).
 *
 * <ul>
 *   <li>{@code words}/{@code costs}: the Han words (two or more characters) that Lucene's SmartChineseAnalyzer
 *       finds in the indexed text, each with cost round(10·ln(total/count)); {@code single} is the cost of a
 *       character that is no word, above every word's. An unspaced Han run is cut where the cost sum is least
 *       ({@link #segment}); integers, so Java and JavaScript cut alike.</li>
 *   <li>{@code syn}: synonym groups from the theme's {@code search/synonyms.txt}: a query word in a group also
 *       matches the others.</li>
 *   <li>{@code ts}: traditional → simplified pairs (ICU's Traditional-Simplified, the theme's
 *       {@code search/traditional-simplified.txt}) whose simplified character is in the index; queries are folded
 *       with it.</li>
 *   <li>{@code latin}: every letter word of the index, most documents first: {@code voc} also matches the
 *       {@link #PREFIX_MAX} first words starting with it.</li>
 * </ul>
 */
public final class SearchLexicon {
    /** Prefix expansions per query word ({@code v} must not fetch every word starting with v). */
    public static final int PREFIX_MAX = 8;
    /** Longest word the segmenter tries, in characters. */
    static final int MAX_WORD = 8;

    private final Map<String, Integer> wordCost;
    private final int single;
    private final List<List<String>> synonymGroups;
    private final Map<String, List<String>> synonymsOf;
    private final Map<Integer, Integer> toSimplified;
    private final List<String> latin;
    private final List<String> sortedWords;

    public static final SearchLexicon EMPTY = new SearchLexicon(Map.of(), 10, List.of(), Map.of(), List.of());

    /**
     * @param wordCost      Han word → segmentation cost (positive)
     * @param single        cost of a character that is not a word
     * @param synonymGroups groups of equivalent query words (normalised texts)
     * @param toSimplified  traditional code point → simplified code point
     * @param latin         the index's letter words, most documents first
     */
    public SearchLexicon(Map<String, Integer> wordCost, int single, List<List<String>> synonymGroups,
            Map<Integer, Integer> toSimplified, List<String> latin) {
        this.wordCost = Map.copyOf(wordCost);
        this.single = single;
        this.synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
        Map<String, List<String>> of = new HashMap<>();
        for (List<String> g : this.synonymGroups) {
            for (String w : g) {
                of.putIfAbsent(norm(w), g);
            }
        }
        this.synonymsOf = Map.copyOf(of);
        this.toSimplified = Map.copyOf(toSimplified);
        this.latin = List.copyOf(latin);
        List<String> words = new ArrayList<>(this.wordCost.keySet());
        Collections.sort(words);
        this.sortedWords = List.copyOf(words);
    }

    public int single() {
        return single;
    }

    public List<List<String>> synonymGroups() {
        return synonymGroups;
    }

    /** The query with traditional characters replaced by simplified ones (code point by code point). */
    public String fold(String q) {
        if (toSimplified.isEmpty()) {
            return q;
        }
        StringBuilder out = new StringBuilder(q.length());
        q.codePoints().forEach(cp -> out.appendCodePoint(toSimplified.getOrDefault(cp, cp)));
        return out.toString();
    }

    /**
     * Cuts a Han run into words: the cut whose cost sum (a word its cost, any other character {@code single}) is
     * least; among equal sums, the longer first word. Without words the run stays whole. search.js: {@code segment}.
     */
    public List<String> segment(String run) {
        if (wordCost.isEmpty()) {
            return List.of(run); // no word list (an index built without one): the run stays whole
        }
        int[] cps = run.codePoints().toArray();
        int n = cps.length;
        long[] best = new long[n + 1];
        int[] choice = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            best[i] = Long.MAX_VALUE;
            for (int len = Math.min(MAX_WORD, n - i); len >= 1; len--) {
                Integer c = wordCost.get(new String(cps, i, len));
                if (c == null) {
                    if (len > 1) {
                        continue;
                    }
                    c = single;
                }
                long total = c + best[i + len];
                if (total < best[i]) {
                    best[i] = total;
                    choice[i] = len;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i += choice[i]) {
            out.add(new String(cps, i, choice[i]));
        }
        return out;
    }

    /** The synonym group of a word (compared as {@link #norm} forms), as listed in the file; null when none. */
    public List<String> synonyms(String word) {
        return synonymsOf.get(norm(word));
    }

    /** A word as synonyms are compared: each code point normalised as the tokenizer does (case, width). */
    static String norm(String word) {
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(cp -> out.appendCodePoint(SearchTokens.normalize(cp)));
        return out.toString();
    }

    /** The first {@link #PREFIX_MAX} of the index's letter words that start with {@code prefix} (most documents first). */
    public List<String> prefixed(String prefix) {
        List<String> out = new ArrayList<>();
        for (String w : latin) {
            if (w.startsWith(prefix)) {
                out.add(w);
                if (out.size() == PREFIX_MAX) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The nearest known word to a word the index lacks: one character replaced, added or dropped (Levenshtein
     * distance 1). Han words: the cheapest (most frequent) such word, ties by UTF-16 order; letter words of three
     * or more letters: the first such in {@code latin}. Null when there is none.
     */
    public String suggest(String word) {
        return suggest(word, false);
    }

    /** As {@link #suggest(String)}; {@code replaceOnly}: only words of the same length (one character replaced). */
    String suggest(String word, boolean replaceOnly) {
        int[] w = word.codePoints().toArray();
        if (w.length < 2) {
            return null;
        }
        boolean han = SearchTokens.classify(w[0]) == SearchTokens.HAN;
        if (han) {
            String best = null;
            int bestCost = Integer.MAX_VALUE;
            for (String v : sortedWords) {
                int c = wordCost.get(v);
                int[] cv = v.codePoints().toArray();
                if (c < bestCost && !v.equals(word) && (!replaceOnly || cv.length == w.length) && distanceOne(w, cv)) {
                    best = v;
                    bestCost = c;
                }
            }
            return best;
        }
        if (w.length < 3) {
            return null;
        }
        for (String v : latin) {
            if (!v.equals(word) && distanceOne(w, v.codePoints().toArray())) {
                return v;
            }
        }
        return null;
    }

    /**
     * "您是不是要找": the (folded) query with likely misspellings replaced, or null when there is none. In each Han
     * run, cut as the query is: a character that is no word is joined to the word before it, or else to the next
     * piece, when the two are one replaced character away from a known word ({@code 监侧} → 监测, {@code 满意渡} → 满意度); a word
     * the index lacks ({@code has} false for a term of it) is replaced by its nearest word. A letter word the index
     * lacks likewise. search.js: {@code Lexicon.suggestion}.
     */
    public String suggestion(String q, java.util.function.Predicate<String> has) {
        String folded = fold(q == null ? "" : q);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            int cls = SearchTokens.classify(SearchTokens.normalize(cp));
            if (cls != SearchTokens.HAN && cls != SearchTokens.LETTER) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int j = i;
            while (j < folded.length()
                    && SearchTokens.classify(SearchTokens.normalize(folded.codePointAt(j))) == cls) {
                j += Character.charCount(folded.codePointAt(j));
            }
            String run = folded.substring(i, j);
            String fixed = cls == SearchTokens.HAN ? fixHan(run, has) : fixLetters(run, has);
            changed |= !fixed.equals(run);
            out.append(fixed);
            i = j;
        }
        return changed ? out.toString() : null;
    }

    private String fixLetters(String run, java.util.function.Predicate<String> has) {
        String term = norm(run);
        if (has.test(term)) {
            return run;
        }
        String s = suggest(term);
        return s == null ? run : s;
    }

    private String fixHan(String run, java.util.function.Predicate<String> has) {
        List<String> pieces = run.codePointCount(0, run.length()) >= 3 ? segment(run) : List.of(run);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            String p = pieces.get(k);
            boolean single = p.codePointCount(0, p.length()) == 1 && !wordCost.containsKey(p);
            if (single) {
                String before = out.isEmpty() ? null : suggest(out.get(out.size() - 1) + p, true);
                if (before != null) {
                    out.set(out.size() - 1, before);
                    continue;
                }
                String after = k + 1 < pieces.size() ? suggest(p + pieces.get(k + 1), true) : null;
                if (after != null) {
                    out.add(after);
                    k++;
                    continue;
                }
                out.add(p);
                continue;
            }
            boolean dead = SearchQuery.cover(SearchTokens.tokenize(p)).stream().anyMatch(c -> !has.test(c.term()));
            String s = dead ? suggest(p) : null;
            out.add(s == null ? p : s);
        }
        return String.join("", out);
    }

    /** Levenshtein distance exactly 1. */
    static boolean distanceOne(int[] a, int[] b) {
        if (Math.abs(a.length - b.length) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        if (a.length == b.length) {
            if (i == a.length) {
                return false;
            }
            return java.util.Arrays.equals(a, i + 1, a.length, b, i + 1, b.length);
        }
        if (a.length > b.length) {
            return java.util.Arrays.equals(a, i + 1, a.length, b, i, b.length);
        }
        return java.util.Arrays.equals(a, i, a.length, b, i + 1, b.length);
    }

    /** The JSON of meta.json's {@code lexicon} (and of the index's commit data). */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("words", groupedWords(sortedWords));
        ArrayNode costs = o.putArray("costs");
        for (String w : sortedWords) {
            costs.add(wordCost.get(w));
        }
        o.put("single", single);
        ArrayNode syn = o.putArray("syn");
        for (List<String> g : synonymGroups) {
            ArrayNode a = syn.addArray();
            g.forEach(a::add);
        }
        StringBuilder ts = new StringBuilder();
        toSimplified.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ts.appendCodePoint(e.getKey()).appendCodePoint(e.getValue()));
        o.put("ts", ts.toString());
        o.put("latin", String.join(" ", latin));
        return o;
    }

    /**
     * Sorted words as meta.json carries them: the words of each first character as one group, {@code 一个,体,刀切}
     * for 一个 一体 一刀切, groups separated by spaces (0.7 KB of gzip less than the words one by one).
     */
    static String groupedWords(List<String> sorted) {
        StringBuilder out = new StringBuilder();
        int group = -1;
        for (String w : sorted) {
            int first = w.codePointAt(0);
            if (first == group) {
                out.append(',').append(w, Character.charCount(first), w.length());
            } else {
                out.append(out.length() > 0 ? " " : "").append(w);
                group = first;
            }
        }
        return out.toString();
    }

    static List<String> ungroupedWords(String grouped) {
        List<String> words = new ArrayList<>();
        if (grouped.isEmpty()) {
            return words;
        }
        for (String g : grouped.split(" ")) {
            String[] parts = g.split(",");
            String first = new String(Character.toChars(parts[0].codePointAt(0)));
            words.add(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                words.add(first + parts[i]);
            }
        }
        return words;
    }

    public static SearchLexicon fromJson(JsonNode o) {
        Map<String, Integer> cost = new LinkedHashMap<>();
        List<String> ws = ungroupedWords(o.path("words").asText(""));
        for (int i = 0; i < ws.size(); i++) {
            cost.put(ws.get(i), o.get("costs").get(i).asInt());
        }
        List<List<String>> groups = new ArrayList<>();
        for (JsonNode g : o.path("syn")) {
            List<String> group = new ArrayList<>();
            g.forEach(x -> group.add(x.asText()));
            groups.add(group);
        }
        Map<Integer, Integer> ts = new HashMap<>();
        int[] cps = o.path("ts").asText("").codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i += 2) {
            ts.put(cps[i], cps[i + 1]);
        }
        String latin = o.path("latin").asText("");
        return new SearchLexicon(cost, o.path("single").asInt(10), groups, ts,
                latin.isEmpty() ? List.of() : List.of(latin.split(" ")));
    }

    /**
     * This lexicon with the index's letter words and the character map cut to pairs whose simplified character the
     * index has and whose traditional one it has not: folding anything else could not find more (≈ 550 pairs, a
     * small part of meta.json).
     */
    SearchLexicon withIndex(List<String> latinWords, java.util.function.Predicate<String> indexHas) {
        Map<Integer, Integer> ts = new HashMap<>();
        toSimplified.forEach((t, s) -> {
            if (indexHas.test(new String(Character.toChars(s))) && !indexHas.test(new String(Character.toChars(t)))) {
                ts.put(t, s);
            }
        });
        return new SearchLexicon(wordCost, single, synonymGroups, ts, latinWords);
    }
}
