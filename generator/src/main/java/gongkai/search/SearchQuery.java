package gongkai.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed query: words that must all match, each an exact phrase of index terms at fixed relative positions.
 * Unquoted text splits on white space into words; text in quotes ("…", “…”, ＂…＂) is one word.
 * A word's terms cover its tokens without gaps: a Han run of one character is its unigram, of two its bigram, a
 * longer run the trigrams at relative positions 0, 3, 6 … plus the last one (positions jump at every separator,
 * so such a cover matches exactly the runs that contain the query characters contiguously; a three-character
 * query is a single term and needs no positions at all). search.js parses identically.
 */
public record SearchQuery(List<Word> words) {
    public SearchQuery {
        words = List.copyOf(words);
    }

    /** A clause: an index term expected at {@code offset} positions after the word's first term. */
    public record Clause(String term, int offset) {
    }

    public record Word(String text, List<Clause> clauses) {
        public Word {
            clauses = List.copyOf(clauses);
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

    public static SearchQuery parse(String q) {
        List<Word> words = new ArrayList<>();
        if (q == null) {
            return new SearchQuery(words);
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (isQuote(c)) {
                addWord(words, cur);
                quoted = !quoted;
            } else if (!quoted && isSpace(c)) {
                addWord(words, cur);
            } else {
                cur.append(c);
            }
        }
        addWord(words, cur);
        return new SearchQuery(words);
    }

    private static void addWord(List<Word> words, StringBuilder text) {
        if (text.length() == 0) {
            return;
        }
        List<Clause> clauses = cover(SearchTokens.tokenize(text.toString()));
        if (!clauses.isEmpty()) {
            words.add(new Word(text.toString(), clauses));
        }
        text.setLength(0);
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
