package gongkai.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed query (search.js {@code parseQuery} parses identically; docs/search.md has the user's view).
 *
 * <ul>
 *   <li>The query is first folded traditional → simplified ({@link SearchLexicon#fold}).</li>
 *   <li>White space separates; text in quotes ("…", “…”, ＂…＂) is one exact phrase: no cutting, no variants.</li>
 *   <li>{@code -word} or {@code -"phrase"} (also － −) excludes documents containing it (or its synonyms).</li>
 *   <li>Other text is cut into {@link #words}, all of which must match, each anywhere in the document: a Han run
 *       of three or more characters by {@link SearchLexicon#segment}, a shorter one whole; adjacent letters, digits
 *       and signs ({@code PM2.5}, {@code 362203-2023-005}, {@code ≥95%}) are one word. A word also matches its
 *       synonyms, and a word ending in letters also the index's words starting with them ({@code VOC} → vocs).</li>
 *   <li>Text that was cut into two or more words forms a {@link Group}: a document holding the text verbatim
 *       scores it as the phrase (above any holding the words apart, {@link QueryEngine#VERBATIM}); one holding
 *       the words apart scores the sum of its words.</li>
 * </ul>
 * Every phrase is a list of index terms at fixed relative positions ({@link #cover}): a Han run of one character
 * is its unigram, of two its bigram, a longer one the trigrams at relative positions 0, 3, 6 … plus the last one
 * (positions jump at separators, so such a cover matches exactly the runs that contain the characters contiguously).
 */
public record SearchQuery(List<Word> words, List<Word> excluded, List<Group> groups) {
    /** At most this many required words (and as many exclusions): a pasted paragraph stays a query. */
    public static final int MAX_WORDS = 12;

    public SearchQuery {
        words = List.copyOf(words);
        excluded = List.copyOf(excluded);
        groups = List.copyOf(groups);
    }

    /** Text typed without spaces and cut into words: the phrase as typed, and its words' indexes in {@link #words}. */
    public record Group(Word phrase, List<Integer> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    /** A query of required words only (the ranked heads' single-term queries, tests). */
    public SearchQuery(List<Word> words) {
        this(words, List.of(), List.of());
    }

    /** A clause: an index term expected at {@code offset} positions after the phrase's first term. */
    public record Clause(String term, int offset) {
    }

    /** An exact phrase of index terms. */
    public record Phrase(List<Clause> clauses) {
        public Phrase {
            clauses = List.copyOf(clauses);
        }
    }

    /**
     * A word as typed ({@code text}) and the phrases that count as it: itself first, then its synonyms and prefix
     * completions. A document matches the word when it holds any of them; the word scores as its best phrase.
     */
    public record Word(String text, List<Phrase> alternatives) {
        public Word {
            alternatives = List.copyOf(alternatives);
        }

        /** A word of one exact phrase. */
        public static Word exact(String text, List<Clause> clauses) {
            return new Word(text, List.of(new Phrase(clauses)));
        }
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u3000'
                || c == '\u00A0';
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\uFF02' || c == '\u201C' || c == '\u201D';
    }

    static boolean isMinus(char c) {
        return c == '-' || c == '\uFF0D' || c == '\u2212';
    }

    /** Parses without a lexicon: no cutting by words (runs stay whole), no variants. */
    public static SearchQuery parse(String q) {
        return parse(q, SearchLexicon.EMPTY);
    }

    public static SearchQuery parse(String q, SearchLexicon lexicon) {
        Map<String, Word> words = new LinkedHashMap<>();
        Map<String, Word> excluded = new LinkedHashMap<>();
        Map<String, List<String>> groupWords = new LinkedHashMap<>(); // phrase text → member word texts
        Map<String, Word> phrases = new LinkedHashMap<>();
        if (q == null) {
            return new SearchQuery(List.of());
        }
        q = lexicon.fold(q);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean negated = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (isQuote(c)) {
                if (!quoted) {
                    // a lone minus right before the opening quote negates the phrase
                    boolean minus = cur.length() == 1 && isMinus(cur.charAt(0));
                    if (minus) {
                        cur.setLength(0);
                    } else {
                        addText(cur, lexicon, words, excluded, groupWords, phrases);
                    }
                    negated = minus;
                    quoted = true;
                } else {
                    addPhrase(cur, negated, lexicon, words, excluded);
                    quoted = false;
                    negated = false;
                }
            } else if (!quoted && isSpace(c)) {
                addText(cur, lexicon, words, excluded, groupWords, phrases);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            addPhrase(cur, negated, lexicon, words, excluded); // an unclosed quote runs to the end
        } else {
            addText(cur, lexicon, words, excluded, groupWords, phrases);
        }
        List<Word> required = limit(words);
        List<String> texts = required.stream().map(Word::text).toList();
        List<Group> groups = new ArrayList<>();
        groupWords.forEach((text, members) -> {
            List<Integer> idx = members.stream().map(texts::indexOf).filter(k -> k >= 0).distinct().toList();
            if (!idx.isEmpty()) {
                groups.add(new Group(phrases.get(text), idx));
            }
        });
        return new SearchQuery(required, limit(excluded), groups);
    }

    private static List<Word> limit(Map<String, Word> m) {
        List<Word> out = new ArrayList<>(m.values());
        return out.size() > MAX_WORDS ? out.subList(0, MAX_WORDS) : out;
    }

    /** A quoted phrase: one word, exactly as typed (excluded: its synonyms too). */
    private static void addPhrase(StringBuilder text, boolean negated, SearchLexicon lexicon, Map<String, Word> words,
            Map<String, Word> excluded) {
        String t = text.toString();
        text.setLength(0);
        List<Clause> clauses = cover(SearchTokens.tokenize(t));
        if (clauses.isEmpty()) {
            return;
        }
        if (negated) {
            excluded.putIfAbsent(t, withVariants(t, clauses, lexicon, false));
        } else {
            words.putIfAbsent(t, Word.exact(t, clauses));
        }
    }

    /** Unquoted text between spaces: an exclusion, or words (and a boost when it was cut into several). */
    private static void addText(StringBuilder text, SearchLexicon lexicon, Map<String, Word> words,
            Map<String, Word> excluded, Map<String, List<String>> groupWords, Map<String, Word> phrases) {
        String t = text.toString();
        text.setLength(0);
        if (t.length() > 1 && isMinus(t.charAt(0))) {
            String rest = t.substring(1);
            List<Clause> clauses = cover(SearchTokens.tokenize(rest));
            if (!clauses.isEmpty()) {
                excluded.putIfAbsent(rest, withVariants(rest, clauses, lexicon, false));
            }
            return;
        }
        List<SearchTokens.Token> tokens = SearchTokens.tokenize(t);
        if (tokens.isEmpty()) {
            return;
        }
        List<Word> cut = new ArrayList<>();
        int i = 0;
        int n = tokens.size();
        while (i < n) {
            SearchTokens.Token first = tokens.get(i);
            if (isHan(first)) {
                // a Han run: its unigrams at consecutive positions (bigrams and trigrams ride along)
                int j = i;
                int lastPos = first.position();
                int end = first.end();
                while (j < n && isHan(tokens.get(j)) && tokens.get(j).position() - lastPos <= 1) {
                    lastPos = tokens.get(j).position();
                    end = Math.max(end, tokens.get(j).end());
                    j++;
                }
                String run = t.substring(first.start(), end);
                List<String> parts = run.codePointCount(0, run.length()) >= 3 ? lexicon.segment(run) : List.of(run);
                for (String part : parts) {
                    cut.add(withVariants(part, cover(SearchTokens.tokenize(part)), lexicon, false));
                }
                i = j;
            } else {
                // letters, digits and signs up to the next Han character: one word
                int j = i;
                while (j < n && !isHan(tokens.get(j))) {
                    j++;
                }
                String group = t.substring(first.start(), tokens.get(j - 1).end());
                List<SearchTokens.Token> groupTokens = tokens.subList(i, j);
                boolean endsInLetters = j == n
                        && SearchTokens.classify(tokens.get(j - 1).term().codePointAt(0)) == SearchTokens.LETTER;
                cut.add(withVariants(group, cover(groupTokens), lexicon, endsInLetters));
                i = j;
            }
        }
        for (Word w : cut) {
            words.putIfAbsent(w.text(), w);
        }
        if (cut.size() > 1 && !groupWords.containsKey(t)) {
            groupWords.put(t, cut.stream().map(Word::text).toList());
            phrases.put(t, Word.exact(t, cover(tokens)));
        }
    }

    /** The word, then its synonyms, then (when it ends in letters) the index's words completing its last term. */
    private static Word withVariants(String text, List<Clause> clauses, SearchLexicon lexicon, boolean prefix) {
        List<Phrase> alts = new ArrayList<>();
        alts.add(new Phrase(clauses));
        List<String> group = lexicon.synonyms(text);
        if (group != null) {
            for (String v : group) {
                List<Clause> c = cover(SearchTokens.tokenize(v));
                if (!c.isEmpty() && alts.stream().noneMatch(a -> a.clauses().equals(c))) {
                    alts.add(new Phrase(c));
                }
            }
        }
        if (prefix) {
            Clause last = clauses.get(clauses.size() - 1);
            for (String completion : lexicon.prefixed(last.term())) {
                List<Clause> c = new ArrayList<>(clauses.subList(0, clauses.size() - 1));
                c.add(new Clause(completion, last.offset()));
                if (alts.stream().noneMatch(a -> a.clauses().equals(c))) {
                    alts.add(new Phrase(c));
                }
            }
        }
        return new Word(text, alts);
    }

    private static boolean isHan(SearchTokens.Token t) {
        return SearchTokens.classify(t.term().codePointAt(0)) == SearchTokens.HAN;
    }

    private static boolean isGram(SearchTokens.Token t, int length) {
        return isHan(t) && t.term().codePointCount(0, t.term().length()) == length;
    }

    static List<Clause> cover(List<SearchTokens.Token> tokens) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int i = 0;
        int n = tokens.size();
        while (i < n) {
            SearchTokens.Token t = tokens.get(i);
            if (!isHan(t)) {
                terms.add(t.term());
                positions.add(t.position());
                i++;
                continue;
            }
            // per position the tokenizer emits unigram, bigram, trigram; the run goes on while bigrams do
            List<SearchTokens.Token> uni = new ArrayList<>();
            List<SearchTokens.Token> bi = new ArrayList<>();
            List<SearchTokens.Token> tri = new ArrayList<>();
            while (i < n && isGram(tokens.get(i), 1)) {
                uni.add(tokens.get(i++));
                boolean more = i < n && isGram(tokens.get(i), 2);
                if (more) {
                    bi.add(tokens.get(i++));
                }
                if (i < n && isGram(tokens.get(i), 3)) {
                    tri.add(tokens.get(i++));
                }
                if (!more) {
                    break;
                }
            }
            List<SearchTokens.Token> picked = new ArrayList<>();
            if (uni.size() == 1) {
                picked.add(uni.get(0));
            } else if (uni.size() == 2) {
                picked.add(bi.get(0));
            } else {
                int m = tri.size();
                int last = -1;
                for (int j = 0; j < m; j += 3) {
                    picked.add(tri.get(j));
                    last = j;
                }
                if (last != m - 1) {
                    picked.add(tri.get(m - 1));
                }
            }
            for (SearchTokens.Token p : picked) {
                terms.add(p.term());
                positions.add(p.position());
            }
        }
        List<Clause> clauses = new ArrayList<>();
        if (terms.isEmpty()) {
            return clauses;
        }
        int base = positions.get(0);
        for (int k = 0; k < terms.size(); k++) {
            clauses.add(new Clause(terms.get(k), positions.get(k) - base));
        }
        return clauses;
    }
}
