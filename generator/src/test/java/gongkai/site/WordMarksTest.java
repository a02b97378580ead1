package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gongkai.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Word's markup in the seeds' lines, cut apart from the words without losing a character. */
class WordMarksTest {
    private static List<String> marks(String line) {
        List<Views.TextPart> parts = WordMarks.parts(line);
        return parts == null ? null : parts.stream().filter(Views.TextPart::mark).map(Views.TextPart::text).toList();
    }

    private static String joined(String line) {
        return String.join("", WordMarks.parts(line).stream().map(Views.TextPart::text).toList());
    }

    @Test
    void bookmarksAndTcFieldsOfTheSeedsAreMarkedAndEveryCharacterKept() throws Exception {
        List<String> hengshui = Files.readAllLines(Seeds.seed("004"), StandardCharsets.UTF_8);
        assertEquals(List.of("TC 3、\\“十三五\\”生态环境保护规划终期评估绩效目标表 \\f C \\l 1"), marks(hengshui.get(387)));
        assertEquals(List.of("TC 4、办公设备购置绩效目标表 \\f C \\l 1"), marks(hengshui.get(450)));
        assertEquals("4、办公设备购置绩效目标表 ", WordMarks.parts(hengshui.get(450)).get(0).text());
        List<String> caiwu = Files.readAllLines(Seeds.seed("003"), StandardCharsets.UTF_8);
        assertEquals(List.of("[bookmark: _Toc126833077]"), marks(caiwu.get(68)));
        int marked = 0;
        for (List<String> lines : List.of(hengshui, caiwu, Files.readAllLines(Seeds.seed("000"), StandardCharsets.UTF_8))) {
            for (String line : lines) {
                if (WordMarks.parts(line) != null) {
                    assertEquals(line, joined(line));
                    marked++;
                }
            }
        }
        assertEquals(87 + 69 + 7, marked, "every line with a TC field or bookmark, and no other");
    }

    @Test
    void textThatOnlyLooksLikeMarkupIsWords() {
        assertNull(WordMarks.parts("ETC 设备 \\f C \\l 1"), "TC inside a word");
        assertNull(WordMarks.parts("TC 3、没有开关的标题"), "no switches");
        assertNull(WordMarks.parts("[bookmark: 没有右括号"), "an unclosed marker");
        assertNull(WordMarks.parts("TC 3 \\f C \\l x"), "no level digit");
        assertEquals(List.of("[bookmark: a]", "[bookmark: b]"), marks("[bookmark: a][bookmark: b]标题"));
        // a bookmark inside a TC field is part of the field
        assertEquals(List.of("TC [bookmark: x]标题 \\f C \\l 2"), marks("标题 TC [bookmark: x]标题 \\f C \\l 2"));
    }
}
