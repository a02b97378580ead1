package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.bench.NodeSearchRunner;
import gongkai.testing.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser tokenizer and query parser (search.js under Node) against the Lucene analyzer and SearchQuery. */
@Tag("slow")
class BrowserTokenizerParityTest {
    @TempDir
    Path tmp;

    static List<List<Object>> fromJs(JsonNode tokens) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode t : tokens) {
            out.add(List.of(t.get(0).asText(), t.get(1).asInt(), t.get(2).asInt(), t.get(3).asInt()));
        }
        return out;
    }

    @Test
    void browserTokenizerMatchesLuceneOnEverySeedLine() throws Exception {
        List<String> texts = new ArrayList<>(Seeds.lines());
        texts.addAll(List.of("ＰＭ２．５、ＶＯＣｓ排放量≤１０ｔ", "𠀀𠀁测试 Ｏ３", "Ωmega ΣΑΣ Привет ÀÉÎ ß",
                "二〇二三年", "  leading spaces 前导", "a\u3000b", "", "，。！", "x1y2z3 2023.12.31"));
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp).run("tokenize", texts);
        assertEquals(texts.size(), js.size());
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            List<List<Object>> expected = TokenizerParityTest.lucene(texts.get(i));
            assertEquals(expected, fromJs(js.get(i)), "line " + i + ": " + texts.get(i));
            tokens += expected.size();
        }
        System.out.println("tokenizer parity: " + texts.size() + " strings, " + tokens + " tokens identical");
    }

    @Test
    void browserQueryParserMatchesJava() throws Exception {
        List<String> queries = List.of("车", "辐射环境", "辐射 环境", "\"执法 安全\"", "“执法能力”", "PM2.5",
                "ＶＯＣｓ 2023", "abcd", "环境执法安全防护能力", "12个月", "  ", "\"unclosed 引号", "一一一一");
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp).run("parse", queries);
        for (int i = 0; i < queries.size(); i++) {
            List<List<List<Object>>> expected = new ArrayList<>();
            for (SearchQuery.Word w : SearchQuery.parse(queries.get(i)).words()) {
                expected.add(w.clauses().stream().map(c -> List.<Object>of(c.term(), c.offset())).toList());
            }
            List<List<List<Object>>> actual = new ArrayList<>();
            for (JsonNode w : js.get(i)) {
                List<List<Object>> cl = new ArrayList<>();
                for (JsonNode c : w) {
                    cl.add(List.of(c.get(0).asText(), c.get(1).asInt()));
                }
                actual.add(cl);
            }
            assertEquals(expected, actual, queries.get(i));
        }
        // covers: 5 characters → trigrams at 0 and 2; 7 → 0, 3 and 4; 3 → one trigram; 2 → one bigram
        assertEquals(List.of(new SearchQuery.Clause("环境执", 0), new SearchQuery.Clause("执法安", 2)),
                SearchQuery.parse("环境执法安").words().get(0).clauses());
        assertEquals(List.of(new SearchQuery.Clause("环境执", 0), new SearchQuery.Clause("法安全", 3),
                new SearchQuery.Clause("安全防", 4)), SearchQuery.parse("环境执法安全防").words().get(0).clauses());
        assertEquals(List.of(new SearchQuery.Clause("满意度", 0)), SearchQuery.parse("满意度").words().get(0).clauses());
        assertEquals(List.of(new SearchQuery.Clause("12", 0), new SearchQuery.Clause("个月", 1)),
                SearchQuery.parse("12个月").words().get(0).clauses());
    }
}
