package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class YamlTextTest {
    /** Pieces that are special somewhere in YAML: indicators, resolver look-alikes, breaks, escapes. */
    private static final List<String> PIECES = List.of(
            "", " ", "  ", "\n", "\n\n", "\t", "a", "中文", "（一）", "362303", "6.00", "0.5", "-1", "+2",
            "1e5", "1_000", "0x1F", "0o17", "0b101", "017", "12:30", "2024-01-01", "2024-1-1 10:00",
            ".inf", "-.INF", ".NaN", "yes", "No", "ON", "off", "y", "N", "true", "False", "null", "NULL", "~",
            "<<", "=", ":", ": ", " #", "#", "-", "- ", "--- ", "...", "?", "? ", ",", "[", "]", "{", "}",
            "*", "&", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "\r", "\r\n", "\u0001", "\u007F",
            "\u0085", "\u2028", "\u2029", "\uFEFF", "\u3000", "😀", "≥90%", "≤6万元", "<20mSv", "100%",
            "１", "a: b", "k:", " x", "x ", "\"quoted\"", "'single'", "|-", "&anchor", "*alias", "!tag");

    private static Object readBack(String yaml) {
        Map<?, ?> map = new Yaml().load(yaml);
        return map.get("k");
    }

    private static void assertRoundTrip(String value) {
        // At the top level and nested inside a sequence item, as the year files nest it.
        YamlText top = new YamlText();
        top.string(0, "k", value);
        assertEquals(value, readBack(top.text()), () -> "top level: " + top.text());

        YamlText nested = new YamlText();
        nested.raw("list:\n  - first: x\n");
        nested.string(4, "k", value);
        nested.raw("    after: y\n");
        String yaml = nested.text();
        Map<?, ?> map = new Yaml().load(yaml);
        Map<?, ?> item = (Map<?, ?>) ((List<?>) map.get("list")).get(0);
        assertEquals(value, item.get("k"), () -> "nested: " + yaml);
        assertEquals("y", item.get("after"), () -> "nested: " + yaml);
    }

    @Test
    void everySinglePieceRoundTrips() {
        for (String piece : PIECES) {
            assertRoundTrip(piece);
        }
    }

    @Tag("slow")
    @Test
    void randomConcatenationsOfTrickyPiecesRoundTrip() {
        Random random = new Random(20240101L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int count = random.nextInt(6) + 1;
            for (int i = 0; i < count; i++) {
                s.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertRoundTrip(s.toString());
        }
    }

    @Test
    void codesNumbersAndWordsThatYamlWouldRetypeAreSingleQuoted() {
        assertEquals("'362303'", YamlText.inline("362303"));
        assertEquals("'6.00'", YamlText.inline("6.00"));
        assertEquals("'yes'", YamlText.inline("yes"));
        assertEquals("'~'", YamlText.inline("~"));
        assertEquals("'2024-01-01'", YamlText.inline("2024-01-01"));
        assertEquals("'*重点*'", YamlText.inline("*重点*"));
        assertEquals("'''引号'''", YamlText.inline("'引号'"));
        assertEquals("''", YamlText.inline(""));
        assertEquals("'   其中：办公用房'", YamlText.inline("   其中：办公用房"));
    }

    @Test
    void ordinaryChineseTextIdsAndTargetsStayPlain() {
        // As in the contract's example: ids, headings starting with digits and printed targets are plain.
        for (String s : List.of("362303-2024-001", "1.2024年度天津市辐射环境执法安全防护能力提升项目绩效目标表",
                "≥90%", "<20mSv", "4台", "100%", "万元", "https://example.org/", "CC BY 4.0")) {
            assertEquals(s, YamlText.inline(s));
        }
    }

    @Test
    void multiLineTextIsALiteralBlockChosenByTrailingBreaks() {
        YamlText y = new YamlText();
        y.string(0, "goals", "1.第一条\n2.第二条");
        y.string(0, "note", "一行\n");
        y.string(0, "indented", "  缩进\n第二行");
        assertEquals("goals: |-\n  1.第一条\n  2.第二条\nnote: |\n  一行\nindented: |2-\n    缩进\n  第二行\n", y.text());
    }

    @Test
    void controlCharactersFallBackToEscapedDoubleQuotes() {
        assertEquals("\"a\\x01b\"", YamlText.inline("a\u0001b"));
        YamlText y = new YamlText();
        y.string(0, "k", "行一\r\n行二");
        assertEquals("k: \"行一\\r\\n行二\"\n", y.text());
        assertTrue(YamlText.inline("中文").equals("中文"), "raw Chinese, never \\u escapes");
    }
}
