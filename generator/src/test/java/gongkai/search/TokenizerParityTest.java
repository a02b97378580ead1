package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gongkai.testing.Seeds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The Lucene analyzer against SearchTokens' rules, on every seed line (search.js: BrowserTokenizerParityTest, tools/). */
class TokenizerParityTest {
    /** Lucene's view: term, absolute position, offsets — as the index records them. */
    static List<List<Object>> lucene(String text) throws IOException {
        List<List<Object>> out = new ArrayList<>();
        try (SearchAnalyzer a = new SearchAnalyzer(); TokenStream ts = a.tokenStream("all", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(List.of(term.toString(), pos, off.startOffset(), off.endOffset()));
            }
            ts.end();
        }
        return out;
    }

    @Test
    void knownStringsTokenizeAsSpecified() throws IOException {
        // Expectations written from the rules in SearchTokens' javadoc, not from its output.
        assertEquals(List.of(List.of("pm", 0, 0, 2), List.of("2", 1, 2, 3), List.of("5", 3, 4, 5),
                List.of("浓", 4, 5, 6), List.of("浓度", 4, 5, 7), List.of("度", 5, 6, 7)), lucene("PM2.5浓度"));
        assertEquals(List.of(List.of("vocs", 0, 0, 4)), lucene("ＶＯＣｓ"));
        assertEquals(List.of(List.of("车", 0, 0, 1), List.of("辆", 2, 2, 3)), lucene("车，辆"));
        assertEquals(List.of(List.of("≤", 0, 0, 1), List.of("12", 1, 1, 3), List.of("个", 2, 3, 4),
                List.of("个月", 2, 3, 5), List.of("月", 3, 4, 5)), lucene("≤12个月"));
        assertEquals(List.of(List.of("满", 0, 0, 1), List.of("满意", 0, 0, 2), List.of("满意度", 0, 0, 3),
                List.of("意", 1, 1, 2), List.of("意度", 1, 1, 3), List.of("度", 2, 2, 3)), lucene("满意度"));
        // Greek capital folds to lower case; Han and Latin touch without a position gap
        assertEquals(List.of(List.of("有", 0, 0, 1), List.of("γ", 1, 1, 2), List.of("和", 2, 2, 3)), lucene("有Γ和"));
        // signs are tokens of their own, adjacent to what they qualify; small Roman numerals and ≧ fold
        assertEquals(List.of(List.of("≥", 0, 0, 1), List.of("95", 1, 1, 3), List.of("%", 2, 3, 4)), lucene("≥95%"));
        assertEquals(List.of(List.of("≥", 0, 0, 1), List.of("95", 1, 1, 3), List.of("%", 2, 3, 4)), lucene("≧９５％"));
        assertEquals(List.of(List.of("Ⅲ", 0, 0, 1), List.of("类", 1, 1, 2)), lucene("Ⅲ类"));
        assertEquals(List.of(List.of("Ⅲ", 0, 0, 1), List.of("类", 1, 1, 2)), lucene("ⅲ类"));
        assertEquals(List.of(List.of("¥", 0, 0, 1), List.of("5", 1, 1, 2), List.of("℃", 3, 3, 4)), lucene("￥5，℃"));
    }

    /** The analyzer streams the rules of {@code SearchTokens.tokenize} (which the query side uses): same tokens. */
    @Test
    void streamingAnalyzerMatchesTokenizeOnEverySeedLine() throws IOException {
        List<String> texts = new ArrayList<>(Seeds.lines());
        texts.addAll(List.of("ＰＭ２．５、ＶＯＣｓ排放量≤１０ｔ", "𠀀𠀁测试 Ｏ３", "Ωmega ΣΑΣ Привет ÀÉÎ ß", "二〇二三年",
                "  leading spaces 前导", "a\u3000b", "", "，。！", "x1y2z3 2023.12.31", "≥95%≦５ ⅲ类Ⅻ ①② ㎡ m³ ±2℃ ￥3 £4 €5 $6 ‰ a+b=c <d> 3×4÷2 ≈≠", "生".repeat(5000),
                "长文本".repeat(3000) + " tail"));
        int tokens = 0;
        for (String text : texts) {
            List<List<Object>> expected = new ArrayList<>();
            for (SearchTokens.Token t : SearchTokens.tokenize(text)) {
                expected.add(List.of(t.term(), t.position(), t.start(), t.end()));
            }
            assertEquals(expected, lucene(text), text.length() > 80 ? text.substring(0, 80) : text);
            tokens += expected.size();
        }
        assertEquals(true, tokens > 100_000, "corpus too small: " + tokens);
    }
}
