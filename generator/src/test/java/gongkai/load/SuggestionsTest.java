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
        assertEquals("（是不是想写 'purpose'？）", Suggestions.didYouMean("purpos", KEYS));   // one deletion
        assertEquals("（是不是想写 'budget'？）", Suggestions.didYouMean("BUDGTE", KEYS));    // case folded, two edits
        assertEquals("（是不是想写 'goals'？）", Suggestions.didYouMean("goal", KEYS));
        assertEquals("", Suggestions.didYouMean("budgetary", KEYS));                        // three insertions
        assertEquals("", Suggestions.didYouMean("x".repeat(65), KEYS));
    }

    @Test
    void theNearestWinsOverAnEarlierFartherOne() {
        Set<String> allowed = new LinkedHashSet<>(List.of("sources", "source"));
        assertEquals("（是不是想写 'source'？）", Suggestions.didYouMean("source", allowed));
        assertEquals("（是不是想写 'sources'？）", Suggestions.didYouMean("sourcess", allowed));
    }

    @Test
    void listsTheAllowedWordsWhenNothingIsClose() {
        assertEquals("（可以写：purpose、goals、budget、indicators、source）", Suggestions.suggestion("zzz", KEYS));
    }
}
