package gongkai.load;

import java.util.Locale;
import java.util.Set;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * "Did you mean" for unknown keys and column types: the allowed words within two edits, nearest first, found with
 * Lucene's Levenshtein automata (the ones FuzzyQuery uses), so no edit-distance code of our own.
 */
final class Suggestions {
    /** No allowed word is this long: a pasted paragraph used as a key gets no suggestion. */
    private static final int LONGEST = 64;

    private Suggestions() {
    }

    /** "（是不是想写 'x'？）" for the closest allowed word within edit distance 2 (the first of equals), else "". */
    static String didYouMean(String word, Set<String> allowed) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() > LONGEST || allowed.isEmpty()) {
            return "";
        }
        LevenshteinAutomata automata = new LevenshteinAutomata(lower, false);
        for (int edits = 0; edits <= 2; edits++) {
            CharacterRunAutomaton within = new CharacterRunAutomaton(automata.toAutomaton(edits));
            for (String candidate : allowed) {
                if (within.run(candidate)) {
                    return "（是不是想写 '" + candidate + "'？）";
                }
            }
        }
        return "";
    }

    /** didYouMean, or the list of allowed words when nothing is close. */
    static String suggestion(String word, Set<String> allowed) {
        String close = didYouMean(word, allowed);
        if (!close.isEmpty() || allowed.isEmpty()) {
            return close;
        }
        return "（可以写：" + String.join("、", allowed) + "）";
    }
}
