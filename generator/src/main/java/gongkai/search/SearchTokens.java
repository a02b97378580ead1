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
 *   <li>Normalise each code point: full-width ASCII U+FF01–FF5E → U+0021–007E, ￥ → ¥, ￡ → £, ideographic space →
 *       space; upper case A–Z, Latin-1 À–Þ (not ×), Greek Α–Ω and Cyrillic А–Я → lower case; small Roman numerals
 *       ⅰ–ⅿ → Ⅰ–Ⅿ; ≦ ≧ → ≤ ≥.</li>
 *   <li>Classify: HAN (CJK ideographs U+3400–4DBF, 4E00–9FFF, F900–FAFF, 20000–3134F and 〇), DIGIT (0–9),
 *       LETTER (a–z, ß–ÿ except ÷, U+0100–024F, Greek ά–ώ, Cyrillic а–џ), SYMBOL (the signs targets are written
 *       with: {@code % ‰ ‱ < = > + $ ¥ £ € ° ℃ ℉ ± × ÷ ≈ ≠ ≤ ≥ ¹ ² ³}, Roman numerals U+2160–2188, circled numbers
 *       U+2460–24FF, CJK unit squares U+3371–33DF), everything else separates.</li>
 *   <li>A maximal run of DIGITs or of LETTERs is one token (letters and digits split: PM2.5 → pm 2 5); every
 *       SYMBOL is a token of its own (≥95% → ≥ 95 %, Ⅲ类 → Ⅲ 类).</li>
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
    static final int SYMBOL = 4;

    static int normalize(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;
        } else if (cp == 0x3000) {
            cp = 0x20;
        } else if (cp == 0xFFE5) {
            cp = 0xA5;
        } else if (cp == 0xFFE1) {
            cp = 0xA3;
        } else if (cp >= 0x2170 && cp <= 0x217F) {
            cp -= 0x10;
        } else if (cp == 0x2266 || cp == 0x2267) {
            cp -= 2;
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
        if (isSymbol(cp)) {
            return SYMBOL;
        }
        return SEP;
    }

    private static boolean isSymbol(int cp) {
        switch (cp) {
            case '%', '<', '=', '>', '+', '$', 0xA3, 0xA5, 0xB0, 0xB1, 0xB2, 0xB3, 0xB9, 0xD7, 0xF7, 0x2030, 0x2031,
                    0x20AC, 0x2103, 0x2109, 0x2248, 0x2260, 0x2264, 0x2265:
                return true;
            default:
                return (cp >= 0x2160 && cp <= 0x2188) || (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x3371 && cp <= 0x33DF);
        }
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
            } else if (cls == SYMBOL) {
                int raw = text.codePointAt(i);
                pos++;
                out.add(new Token(new String(Character.toChars(cp)), pos, i, i + Character.charCount(raw)));
                i += Character.charCount(raw);
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
