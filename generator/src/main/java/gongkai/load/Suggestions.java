package gongkai.load;

import gongkai.content.Text;
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
        return closest(word, allowed).zh();
    }

    /** didYouMean, or the list of allowed words when nothing is close. */
    static String suggestion(String word, Set<String> allowed) {
        return hint(word, allowed).zh();
    }

    /** {@link #didYouMean} in both languages: " (did you mean 'x'?)" in English. */
    static Text closest(String word, Set<String> allowed) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() > LONGEST || allowed.isEmpty()) {
            return Text.EMPTY;
        }
        LevenshteinAutomata automata = new LevenshteinAutomata(lower, false);
        for (int edits = 0; edits <= 2; edits++) {
            CharacterRunAutomaton within = new CharacterRunAutomaton(automata.toAutomaton(edits));
            for (String candidate : allowed) {
                if (within.run(candidate)) {
                    return Text.of("（是不是想写 '" + candidate + "'？）", " (did you mean '" + candidate + "'?)");
                }
            }
        }
        return Text.EMPTY;
    }

    /** {@link #suggestion} in both languages: " (you can write: a, b)" in English. */
    static Text hint(String word, Set<String> allowed) {
        Text close = closest(word, allowed);
        if (!close.zh().isEmpty() || allowed.isEmpty()) {
            return close;
        }
        return Text.of("（可以写：" + String.join("、", allowed) + "）", " (you can write: " + String.join(", ", allowed) + ")");
    }
}
