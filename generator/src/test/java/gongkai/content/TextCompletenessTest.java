package gongkai.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.testing.EnglishText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No message can be built without its English, and the English is English: {@link Text} refuses a missing
 * text, and every {@code Text.of(zh, en)} of the generator's sources has an English argument that differs from
 * the Chinese and has no Chinese words outside its quotes. {@code Text.same} (the same text in both languages) is
 * for values, never for a Chinese sentence.
 */
class TextCompletenessTest {
    private static final Path SOURCES = Path.of("generator/src/main/java");

    @Test
    void aTextWithoutItsEnglishCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> Text.of("缺少必填字段", ""));
        assertThrows(IllegalArgumentException.class, () -> Text.of("缺少必填字段", "  "));
        assertThrows(IllegalArgumentException.class, () -> Text.of("", "required field missing"));
        assertThrows(NullPointerException.class, () -> Text.of("缺少必填字段", null));
        assertEquals("required field missing", Text.of("缺少必填字段", "required field missing").in(Lang.EN));
        assertEquals("缺少必填字段", Text.of("缺少必填字段", "required field missing").in(Lang.ZH));
    }

    @Test
    void everyMessageOfTheSourcesHasItsEnglish() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Call call : calls("Text.of(")) {
            if (call.args().size() != 2) {
                continue; // Text.of(Throwable): the failure's own text
            }
            String zh = EnglishText.literals(call.args().get(0));
            String en = EnglishText.literals(call.args().get(1));
            checked++;
            String chinese = EnglishText.chinese(en);
            if (!chinese.isEmpty()) {
                wrong.add(call.where() + ": Chinese outside quotes (" + chinese + ") in the English " + en);
            }
            if (zh.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    && call.args().get(0).strip().equals(call.args().get(1).strip())) {
                wrong.add(call.where() + ": the English is the Chinese");
            }
        }
        for (Call call : calls("Text.same(")) {
            String literal = EnglishText.literals(call.args().get(0));
            if (!EnglishText.chinese(literal).isEmpty()) {
                wrong.add(call.where() + ": Text.same of Chinese words " + literal);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 280, "the scan found the messages: " + checked);
    }

    @Test
    void theScanReadsJavaAsWritten() {
        assertEquals("\"X\" is not closed: X", EnglishText.literals("\"\\\"\" + key + \"\\\" is not closed: \" + value"));
        assertEquals("", EnglishText.chinese("a full-width colon \"：\" follows \"name\"; type \"name: 项目\""));
        assertEquals("", EnglishText.chinese("the site's address: '六元' is not an amount, 6.00 万元"));
        assertEquals("缺少", EnglishText.chinese("the site's 缺少 'x'"));
        assertEquals("：", EnglishText.chinese("field：value"));
    }

    record Call(String where, List<String> args) {
    }

    /** Every call of {@code method} in the sources, its arguments split at top-level commas. */
    private static List<Call> calls(String method) throws IOException {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String s = Files.readString(file);
                for (int at = s.indexOf(method); at >= 0; at = s.indexOf(method, at + 1)) {
                    int line = (int) s.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                    calls.add(new Call(file.getFileName() + ":" + line, arguments(s, at + method.length())));
                }
            }
        }
        return calls;
    }

    private static List<String> arguments(String s, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                current.append(s, i, j + 1);
                i = j;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new IllegalStateException("unclosed call at " + from);
    }
}
