package gongkai.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search tokenizer, written out in full so that {@code themes/default/static/search.js} can reproduce it
 * token for token and position for position (Lucene's StandardTokenizer follows Unicode word-break rules that a
 * browser cannot replicate exactly; index/query disagreement is what breaks Chinese search elsewhere).
 *
 * <p>Rules (the JS file implements the same, keep them in step):
 * <ol>
 *   <li>Normalise each code point: full-width ASCII U+FF01–FF5E → U+0021–007E, ideographic space → space;
 *       upper case A–Z, Latin-1 À–Þ (not ×), Greek Α–Ω and Cyrillic А–Я → lower case.</li>
 *   <li>Classify: HAN (CJK ideographs U+3400–4DBF, 4E00–9FFF, F900–FAFF, 20000–3134F and 〇), DIGIT (0–9),
 *       LETTER (a–z, ß–ÿ except ÷, U+0100–024F, Greek ά–ώ, Cyrillic а–џ), everything else separates.</li>
 *   <li>A maximal run of DIGITs or of LETTERs is one token (letters and digits split: PM2.5 → pm 2 5).</li>
 *   <li>A maximal run of HAN c1…cn emits, for each i, the unigram ci at position p+i and, at the same position,
 *       the bigram ci ci+1 (when i &lt; n) and the trigram ci ci+1 ci+2 (when i+1 &lt; n): unigrams serve
 *       one-character queries, bigrams two-character ones, and chains of trigrams at fixed relative positions
 *       longer ones — trigrams are far rarer than bigrams, so a browser fetches far fewer positions.</li>
 *   <li>Positions advance by one per unigram or Latin token, and by one more when separators stood between two
 *       tokens, so no phrase can match across punctuation.</li>
 * </ol>
 */
public final class SearchTokens {
    private SearchTokens() {
    }

    /** A token: its text, position (first token 0) and UTF-16 offsets into the original string. */
    public record Token(String term, int position, int start, int end) {
    }

    static final int SEP = 0;
    static final int HAN = 1;
    static final int DIGIT = 2;
    static final int LETTER = 3;

    static int normalize(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;
        } else if (cp == 0x3000) {
            cp = 0x20;
        }
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
                || (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) {
            cp += 0x20;
        }
        return cp;
    }

    static int classify(int cp) {
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007) {
            return HAN;
        }
        if (cp >= '0' && cp <= '9') {
            return DIGIT;
        }
        if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x100 && cp <= 0x24F)
                || (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F)) {
            return LETTER;
        }
        return SEP;
    }

    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int pos = -1;
        boolean sepSeen = false;
        int i = 0;
        int[] cps = new int[64];
        int[] starts = new int[65];
        while (i < n) {
            int cp = normalize(text.codePointAt(i));
            int cls = classify(cp);
            if (cls == SEP) {
                i += Character.charCount(text.codePointAt(i));
                sepSeen = true;
                continue;
            }
            if (pos >= 0 && sepSeen) {
                pos++;
            }
            sepSeen = false;
            if (cls == HAN) {
                // collect the run's code points and offsets; n-grams are built straight from the code points
                // (String(int[], offset, count)): string concatenation here was most of the indexing time
                int count = 0;
                while (i < n) {
                    int raw = text.codePointAt(i);
                    int c = normalize(raw);
                    if (classify(c) != HAN) {
                        break;
                    }
                    if (count == cps.length) {
                        cps = Arrays.copyOf(cps, count * 2);
                        starts = Arrays.copyOf(starts, count * 2 + 1);
                    }
                    cps[count] = c;
                    starts[count] = i;
                    count++;
                    i += Character.charCount(raw);
                }
                starts[count] = i;
                for (int k = 0; k < count; k++) {
                    pos++;
                    out.add(new Token(new String(cps, k, 1), pos, starts[k], starts[k + 1]));
                    if (k + 1 < count) {
                        out.add(new Token(new String(cps, k, 2), pos, starts[k], starts[k + 2]));
                        if (k + 2 < count) {
                            out.add(new Token(new String(cps, k, 3), pos, starts[k], starts[k + 3]));
                        }
                    }
                }
            } else {
                StringBuilder sb = new StringBuilder();
                int start = i;
                while (i < n) {
                    int raw = text.codePointAt(i);
                    int c = normalize(raw);
                    if (classify(c) != cls) {
                        break;
                    }
                    sb.appendCodePoint(c);
                    i += Character.charCount(raw);
                }
                pos++;
                out.add(new Token(sb.toString(), pos, start, i));
            }
        }
        return out;
    }
}
