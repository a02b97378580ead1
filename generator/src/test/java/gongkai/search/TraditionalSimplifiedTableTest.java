package gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The theme's traditional → simplified table is ICU4J's "Traditional-Simplified" transliterator applied to every
 * CJK ideograph alone (pairs where it gives one other character). Run with {@code -Dgongkai.regenerate=true} to
 * rewrite the file after an ICU upgrade.
 */
class TraditionalSimplifiedTableTest {
    static final Path FILE = Path.of("themes", "default").resolve(SearchVariants.TRADITIONAL_SIMPLIFIED);

    static String fromIcu() {
        Transliterator t = Transliterator.getInstance("Traditional-Simplified");
        StringBuilder out = new StringBuilder();
        out.append("# 繁体字 → 简体字（搜索用）：每行“繁 简”两个字。查询里的繁体字先按此表换成简体字再查。\n");
        out.append("# 由 ICU4J ").append(com.ibm.icu.util.VersionInfo.ICU_VERSION)
                .append(" 的 Transliterator \"Traditional-Simplified\" 逐字生成（U+3400–4DBF、4E00–9FFF、F900–FAFF），请勿手改；\n");
        out.append("# 重新生成：mvn -Dtest=TraditionalSimplifiedTableTest -Dgongkai.regenerate=true test\n");
        int[][] ranges = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
        for (int[] r : ranges) {
            for (int cp = r[0]; cp <= r[1]; cp++) {
                String s = new String(Character.toChars(cp));
                String simplified = t.transliterate(s);
                if (!simplified.equals(s) && simplified.codePointCount(0, simplified.length()) == 1) {
                    out.append(s).append(' ').append(simplified).append('\n');
                }
            }
        }
        return out.toString();
    }

    @Test
    void committedTableIsIcusTransliteration() throws Exception {
        String expected = fromIcu();
        if (Boolean.getBoolean("gongkai.regenerate")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(FILE, StandardCharsets.UTF_8), FILE + " differs from ICU's table");
        Map<Integer, Integer> table = SearchVariants.load(Path.of("themes", "default")).toSimplified();
        assertTrue(table.size() > 2500, "pairs: " + table.size());
        assertEquals((int) '机', (int) table.get((int) '機'));
        assertEquals((int) '动', (int) table.get((int) '動'));
        assertEquals((int) '监', (int) table.get((int) '監'));
    }
}
