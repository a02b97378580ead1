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
                "二〇二三年", "  leading spaces 前导", "a\u3000b", "", "，。！", "x1y2z3 2023.12.31",
                "≥95%≦５ ⅲ类Ⅻ ①② ㎡ m³ ±2℃ ￥3 £4 €5 $6 ‰ a+b=c <d> 3×4÷2 ≈≠"));
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

    /** Java's and search.js's parse of a query: words and their phrases, exclusions, groups. */
    static List<Object> javaParse(SearchQuery q) {
        List<Object> groups = new ArrayList<>();
        for (SearchQuery.Group g : q.groups()) {
            groups.add(List.of(words(List.of(g.phrase())).get(0), g.members()));
        }
        return List.of(words(q.words()), words(q.excluded()), groups);
    }

    static List<Object> words(List<SearchQuery.Word> ws) {
        List<Object> out = new ArrayList<>();
        for (SearchQuery.Word w : ws) {
            List<Object> alts = new ArrayList<>();
            for (SearchQuery.Phrase a : w.alternatives()) {
                alts.add(a.clauses().stream().map(c -> List.<Object>of(c.term(), c.offset())).toList());
            }
            out.add(List.of(w.text(), alts));
        }
        return out;
    }

    static List<Object> jsParse(JsonNode p) {
        List<Object> groups = new ArrayList<>();
        for (JsonNode g : p.get("groups")) {
            List<Integer> members = new ArrayList<>();
            g.get(1).forEach(x -> members.add(x.asInt()));
            groups.add(List.of(jsWords(JsonNodeFactoryHolder.array(g.get(0))).get(0), members));
        }
        return List.of(jsWords(p.get("words")), jsWords(p.get("excluded")), groups);
    }

    /** One JSON node as a one-element array. */
    static final class JsonNodeFactoryHolder {
        static JsonNode array(JsonNode n) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(n);
        }
    }

    static List<Object> jsWords(JsonNode ws) {
        List<Object> out = new ArrayList<>();
        for (JsonNode w : ws) {
            List<Object> alts = new ArrayList<>();
            for (JsonNode a : w.get(1)) {
                List<Object> cl = new ArrayList<>();
                for (JsonNode c : a) {
                    cl.add(List.of(c.get(0).asText(), c.get(1).asInt()));
                }
                alts.add(cl);
            }
            out.add(List.of(w.get(0).asText(), alts));
        }
        return out;
    }

    static final List<String> PARSE_QUERIES = List.of("车", "辐射环境", "辐射 环境", "\"执法 安全\"", "“执法能力”",
            "PM2.5", "ＶＯＣｓ 2023", "abcd", "环境执法安全防护能力", "12个月", "  ", "\"unclosed 引号", "一一一一",
            "机动车 -天津", "-\"执法 安全\" 车", "Ⅲ类", "≥95%", "362203-2023-005", "PM2.5浓度", "－天津 －", "- 车",
            "天津机动车排放检测", "VOC", "6,300,000.00", "2020年", "環境監測", "噪音 环保局 汽车尾气");

    @Test
    void browserQueryParserMatchesJava() throws Exception {
        JsonNode js = new NodeSearchRunner(NodeSearchRunner.defaultSearchJs(), tmp).run("parse", PARSE_QUERIES);
        for (int i = 0; i < PARSE_QUERIES.size(); i++) {
            assertEquals(javaParse(SearchQuery.parse(PARSE_QUERIES.get(i))), jsParse(js.get(i)), PARSE_QUERIES.get(i));
        }
        // covers: 5 characters → trigrams at 0 and 2; 7 → 0, 3 and 4; 3 → one trigram; 2 → one bigram
        assertEquals(List.of(new SearchQuery.Clause("环境执", 0), new SearchQuery.Clause("执法安", 2)),
                SearchQuery.parse("环境执法安").words().get(0).alternatives().get(0).clauses());
        assertEquals(List.of(new SearchQuery.Clause("环境执", 0), new SearchQuery.Clause("法安全", 3),
                new SearchQuery.Clause("安全防", 4)), SearchQuery.parse("\"环境执法安全防\"").words().get(0)
                .alternatives().get(0).clauses());
        assertEquals(List.of(new SearchQuery.Clause("满意度", 0)),
                SearchQuery.parse("满意度").words().get(0).alternatives().get(0).clauses());
        // letters, digits and signs typed together are one word; a Han character starts another
        SearchQuery q = SearchQuery.parse("12个月");
        assertEquals(List.of("12", "个月"), q.words().stream().map(SearchQuery.Word::text).toList());
        assertEquals(List.of("12个月"), q.groups().stream().map(g -> g.phrase().text()).toList());
        assertEquals(List.of(0, 1), q.groups().get(0).members());
        assertEquals(List.of(new SearchQuery.Clause("12", 0), new SearchQuery.Clause("个月", 1)),
                q.groups().get(0).phrase().alternatives().get(0).clauses());
        SearchQuery ex = SearchQuery.parse("机动车 -天津 -\"执法 安全\"");
        assertEquals(List.of("机动车"), ex.words().stream().map(SearchQuery.Word::text).toList());
        assertEquals(List.of("天津", "执法 安全"), ex.excluded().stream().map(SearchQuery.Word::text).toList());
        assertEquals(List.of("Ⅲ", "类"), SearchQuery.parse("Ⅲ类").words().stream().map(SearchQuery.Word::text).toList());
        assertEquals(List.of("362203-2023-005"), SearchQuery.parse("362203-2023-005").words().stream()
                .map(SearchQuery.Word::text).toList());
    }
}
