package gongkai.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.ParsedTarget;
import gongkai.content.TargetKind;
import gongkai.content.TargetParser;
import gongkai.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No document makes the import take more than linear time. Each case puts one long line (100–500 KB of a
 * repeated unit that used to make a regular expression backtrack or rescan: {@code TC }, an unclosed
 * bookmark, tabs, digits, full-width brackets, spaces …) where the format detector or an importer reads it,
 * and must import — or fail with positioned problems — well within the bound. The bound is a liveness
 * check, not a benchmark: before the fix, a 90 KB line of {@code TC } took 57 s in format detection alone.
 */
@Tag("slow")
class ImportLinearTimeTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** Repeated units: each defeated some pattern (see WordMarkup, TianjinImporter.HEADING, HengshuiTables). */
    private static final List<String> UNITS = List.of(
            "TC ", "[bookmark: ", "\t", "0", "（", " ", "\u3000", "1.", "TC x \\f C \\l ", "（金额单位：", "1万元", "1、",
            "、：", "*", "2020年部门预算\u2028");

    /** Where the line goes: the places the detector and the importers look at with patterns. */
    private static List<Context> contexts() throws IOException {
        List<String> tianjin = seedLines("001");
        List<String> hengshui = seedLines("004");
        int goals = tianjin.indexOf("\t绩效目标");
        int amount = tianjin.indexOf("\t6.00");
        int heading = indexStartingWith(hengshui, "1、2019年大气重污染成因");
        int target = hengshui.indexOf("\t100%");
        int glossary = indexStartingWith(hengshui, "1、一般公共预算拨款收入");
        return List.of(
                new Context("detector", line -> "某市2020年部门预算信息公开情况说明\n" + line + "\n"),
                new Context("hengshui title", line -> with(hengshui, 0, true, "衡水市" + line + "2020年部门预算信息公开情况说明")),
                new Context("tianjin heading", line -> with(tianjin, 0, true, " [bookmark: _Toc1]1." + line + "绩效目标表")),
                new Context("tianjin goals", line -> with(tianjin, goals + 2, false, line)),
                new Context("tianjin amount", line -> with(tianjin, amount, true, "\t" + line)),
                new Context("hengshui prose", line -> with(hengshui, 2, false, "说明：" + line)),
                new Context("hengshui heading", line -> with(hengshui, heading, true,
                        "1、" + line + "绩效目标 TC 1、" + line + "绩效目标 \\f C \\l 1")),
                new Context("hengshui target", line -> with(hengshui, target, true, "\t" + line)),
                new Context("hengshui glossary", line -> with(hengshui, glossary + 1, false, "2、" + line)));
    }

    record Context(String name, Function<String, String> document) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        int[] kilobytes = {100, 250, 500};
        for (int u = 0; u < UNITS.size(); u++) {
            for (Context c : contexts()) {
                cases.add(Arguments.of(UNITS.get(u), kilobytes[u % kilobytes.length], c));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {2}: {1} KB of \"{0}\"")
    @MethodSource("cases")
    void aLongPathologicalLineImportsInLinearTime(String unit, int kilobytes, Context context) {
        String line = repeatedTo(unit, kilobytes * 1000);
        String text = context.document().apply(line);
        assertTimeoutPreemptively(BOUND, () -> {
            String document = "long.txt";
            try {
                ImportedDocument doc = Importer.importText(document, text, null);
                if (!doc.problems().isEmpty()) {
                    assertNull(ImportOutcomes.unpositioned(document, lineCount(text), doc.problems()));
                }
            } catch (ImportException e) {
                assertNull(ImportOutcomes.unpositioned(document, lineCount(text), e.problems()));
            }
        });
    }

    @Test
    void targetParserIsLinearOnLongDigitRunsAndUnclosedBookmarks() {
        assertTimeoutPreemptively(BOUND, () -> {
            for (String unit : List.of("1", "1.1", "1,000", "[bookmark: ", "[bookmark:", "≥1", "2024年1月")) {
                String text = repeatedTo(unit, 500_000);
                assertEquals(TargetKind.QUALITATIVE, TargetParser.parse(text).kind(), unit);
                TargetParser.parse("≥" + text + "%");
            }
        });
        // ordinary targets are read as before
        ParsedTarget p = TargetParser.parse("[bookmark: _GoBack]≥95%");
        assertEquals(TargetKind.NUMBER, p.kind());
        assertEquals("95", p.value().toPlainString());
    }

    @Test
    void wordMarkupIsFoundAsTheRegularExpressionsFoundIt() {
        assertEquals("ab", WordMarkup.withoutBookmarks("[bookmark: _Toc1]a[bookmark: x]b"));
        assertEquals("a[bookmark: b", WordMarkup.withoutBookmarks("a[bookmark: b"));
        assertEquals("ac[bookmark: d", WordMarkup.withoutBookmarks("a[bookmark: [bookmark: b]c[bookmark: d"));
        assertEquals("a[bookmark: y]", WordMarkup.withoutFirstBookmark("[bookmark: x]a[bookmark: y]"));
        assertTrue(WordMarkup.hasTcField("2、项目 TC 2、项目 \\f C \\l 1"));
        assertTrue(WordMarkup.hasTcField("TC \\f C \\l 3"));
        assertTrue(!WordMarkup.hasTcField("TC 2、项目 \\f C \\l x") && !WordMarkup.hasTcField("\\f C \\l 1 TC "));
        WordMarkup.TcField f = WordMarkup.trailingTcField("2、项目绩效目标表 TC  2、“项目”绩效目标表  \\f C \\l 12 ");
        assertEquals("2、“项目”绩效目标表", f.entry());
        assertEquals("2、项目绩效目标表", "2、项目绩效目标表 TC  2、“项目”绩效目标表  \\f C \\l 12 ".substring(0, f.start()));
        assertNull(WordMarkup.trailingTcField("TC x \\f C \\l 1 more"));
        assertNull(WordMarkup.trailingTcField("TCx \\f C \\l 1"));
        assertEquals("", WordMarkup.trailingTcField("TC  \\f C \\l 1").entry());
    }

    private static String repeatedTo(String unit, int bytes) {
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        return unit.repeat(Math.max(1, bytes / unitBytes));
    }

    private static int lineCount(String text) {
        return ImportOutcomes.lineCount(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> seedLines(String prefix) throws IOException {
        return List.of(Files.readString(Seeds.seed(prefix), StandardCharsets.UTF_8).split("\n", -1));
    }

    private static int indexStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("no line starting with " + prefix);
    }

    /** The lines with line {@code at} replaced by (or {@code line} inserted before it), joined. */
    private static String with(List<String> lines, int at, boolean replace, String line) {
        List<String> copy = new ArrayList<>(lines);
        if (replace) {
            copy.set(at, line);
        } else {
            copy.add(at, line);
        }
        return String.join("\n", copy);
    }
}
