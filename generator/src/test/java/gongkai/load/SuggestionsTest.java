package gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("purpose", "goals", "budget", "indicators", "source"));

    @Test
    void suggestsTheNearestKeyWithinTwoEdits() {
        assertEquals(" (did you mean 'purpose'?)", Suggestions.didYouMean("purpos", KEYS));   // one deletion
        assertEquals(" (did you mean 'budget'?)", Suggestions.didYouMean("BUDGTE", KEYS));    // case folded, two edits
        assertEquals(" (did you mean 'goals'?)", Suggestions.didYouMean("goal", KEYS));
        assertEquals("", Suggestions.didYouMean("budgetary", KEYS));                        // three insertions
        assertEquals("", Suggestions.didYouMean("x".repeat(65), KEYS));
    }

    @Test
    void theNearestWinsOverAnEarlierFartherOne() {
        Set<String> allowed = new LinkedHashSet<>(List.of("sources", "source"));
        assertEquals(" (did you mean 'source'?)", Suggestions.didYouMean("source", allowed));
        assertEquals(" (did you mean 'sources'?)", Suggestions.didYouMean("sourcess", allowed));
    }

    @Test
    void listsTheAllowedWordsWhenNothingIsClose() {
        assertEquals(" (expected one of: purpose, goals, budget, indicators, source)", Suggestions.suggestion("zzz", KEYS));
    }
}
