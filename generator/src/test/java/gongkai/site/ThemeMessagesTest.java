package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two editions cannot drift apart: the theme's zh and en message files have exactly the same keys, no template
 * holds a Chinese label of its own (every interface string is a message; data comes from the views), and the
 * scripts' labels are messages too (search.js asks for exactly the js_ keys the files have).
 */
class ThemeMessagesTest {
    private static final Path THEME = TestSites.defaultTheme();
    /** Han, CJK punctuation, full-width forms: what a Chinese label is written in. */
    private static final Pattern CJK = Pattern.compile("[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F]");

    @Test
    void bothEditionsHaveTheSameKeys() throws Exception {
        Editions editions = Editions.load(THEME);
        assertEquals(2, editions.all().size());
        Set<String> zh = new TreeSet<>(editions.all().get(0).strings().keySet());
        Set<String> en = new TreeSet<>(editions.all().get(1).strings().keySet());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "keys only in zh.properties");
        assertEquals(Set.of(), onlyEn, "keys only in en.properties");
        assertTrue(zh.size() > 300, "the interface's strings: " + zh.size());
        // the English strings are English: Chinese only inside a lang="zh-CN" element of an _html key
        for (String key : en) {
            String text = editions.all().get(1).get(key).replaceAll("<(span|kbd) lang=\"zh-CN\">[^<]*</\\1>", "");
            assertTrue(!CJK.matcher(text).find(), "en.properties " + key
                    + " has Chinese outside a lang=\"zh-CN\" element: " + text);
        }
    }

    @Test
    void noTemplateHoldsAChineseLabel() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(THEME.resolve("templates"))) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8)
                        .replaceAll("(?s)<#--.*?-->", ""); // comments say what the data is, in its own words
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (CJK.matcher(lines[i]).find()) {
                        found.add(file.getFileName() + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "interface strings belong in themes/default/i18n/*.properties");
    }

    @Test
    void theScriptsLabelsAreMessages() throws Exception {
        String search = Files.readString(THEME.resolve("static/search.js"), StandardCharsets.UTF_8);
        String site = Files.readString(THEME.resolve("static/site.js"), StandardCharsets.UTF_8);
        for (var entry : List.of(java.util.Map.entry("search.js", search), java.util.Map.entry("site.js", site))) {
            // string literals (comments and regular expressions aside) hold no Chinese
            String code = entry.getValue().replaceAll("(?m)^\\s*(//|/?\\*).*$", "").replaceAll("//[^'\"\\n]*$", "");
            Matcher m = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"").matcher(code);
            List<String> chinese = new ArrayList<>();
            while (m.find()) {
                if (CJK.matcher(m.group()).find()) {
                    chinese.add(m.group());
                }
            }
            assertEquals(List.of(), chinese, entry.getKey());
        }
        Set<String> asked = new TreeSet<>();
        Matcher t = Pattern.compile("\\bT\\('([a-z_]+)'").matcher(search);
        while (t.find()) {
            asked.add("js_" + t.group(1));
        }
        Matcher direct = Pattern.compile("\\bSTR\\.([a-z_]+)").matcher(search);
        while (direct.find()) {
            asked.add("js_" + direct.group(1));
        }
        // T(cond ? 'a' : 'b'): both keys are asked for
        Matcher ternary = Pattern.compile("\\bT\\([^'()]*\\? '([a-z_]+)' : '([a-z_]+)'").matcher(search);
        while (ternary.find()) {
            asked.add("js_" + ternary.group(1));
            asked.add("js_" + ternary.group(2));
        }
        Set<String> given = Editions.load(THEME).primary().strings().keySet().stream()
                .filter(k -> k.startsWith("js_")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(given, asked, "search.js asks for exactly the js_ messages");
    }

    @Test
    void formatFillsNumberedArgumentsAsGiven() {
        Messages m = new Messages("x", "en", "en/", java.util.Map.of("k", "{1} of {0}, {2} {9}"));
        assertEquals("2024 of a, {2} {9}", m.format("k", "a", 2024));
        assertEquals("{0}", Messages.fill("{0}"));
    }

}
