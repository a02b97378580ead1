package gongkai.load;

import java.util.Locale;
import java.util.Set;

/**
 * "Did you mean" for unknown keys and column types. The edit distance is written out rather than taken from
 * lucene-suggest's LevenshteinDistance: that returns a similarity normalised by the longer word (1 − d/max), so
 * "within two edits" would have to be recovered from a float, for a module the build does not otherwise need.
 */
final class Suggestions {
    private Suggestions() {
    }

    /** " (did you mean 'x'?)" for the closest allowed word within edit distance 2, else "". */
    static String didYouMean(String word, Set<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            int d = levenshtein(lower, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
    }

    /** didYouMean, or the list of allowed words when nothing is close. */
    static String suggestion(String word, Set<String> allowed) {
        String close = didYouMean(word, allowed);
        if (!close.isEmpty() || allowed.isEmpty()) {
            return close;
        }
        return " (expected one of: " + String.join(", ", allowed) + ")";
    }

    static int levenshtein(String a, String b) {
        if (a.length() > 64) {
            return Integer.MAX_VALUE; // no key is that long: a pasted paragraph as a key needs no quadratic table
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
