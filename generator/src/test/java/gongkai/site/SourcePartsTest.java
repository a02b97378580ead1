package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Content;
import gongkai.content.DepartmentYear;
import gongkai.content.DocumentText;
import gongkai.content.Urls;
import gongkai.load.ContentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the committed seeds' pages are cut, with their real citations: the 373-line one whole, the 6,305- and
 * 6,791-line ones in the fewest parts of at most {@link SourceParts#MAX_LINES} lines, never inside a passage, and
 * a passage longer than that a part of its own.
 */
class SourcePartsTest {
    static final String HENGSHUI = "hengshui/467/004_78c252e0298264e9.txt";
    static final String CAIWU = "tianjin/362101/003_048537671a369fc1.txt";
    static final String ZONGDUI = "tianjin/362303/001_88a8ef7fc06e4953.txt";

    static Content content;

    @BeforeAll
    static void load() throws Exception {
        content = ContentLoader.load(Path.of("content")).content();
    }

    static int lineCount(String document) throws Exception {
        return DocumentText.read(Files.readAllBytes(Path.of("content", "sources", document))).lines().size();
    }

    static List<DepartmentYear> citing(String document) {
        return content.departmentYears().stream().filter(dy -> document.equals(dy.document())).toList();
    }

    /** The lines of the years citing any of {@code documents}: where their passages end. */
    static NavigableSet<Integer> bounds(List<String> documents) {
        NavigableSet<Integer> out = new TreeSet<>();
        for (String d : documents) {
            out.addAll(SourceDocuments.citedLines(citing(d), Integer.MAX_VALUE));
        }
        return out;
    }

    static SourceParts parts(String document, NavigableSet<Integer> bounds) throws Exception {
        int n = lineCount(document);
        return SourceParts.of(document, n, SourceParts.runs(n, SourceDocuments.citedLines(citing(document), n), bounds));
    }

    /** Every line in exactly one part, parts in order; no part starts inside a passage (after its first line). */
    static void assertCutBetweenPassages(SourceParts parts, List<SourceParts.Run> runs) {
        assertEquals(1, parts.first(1));
        for (int k = 2; k <= parts.count(); k++) {
            assertEquals(parts.last(k - 1) + 1, parts.first(k));
            int start = parts.first(k);
            for (SourceParts.Run r : runs) {
                assertFalse(r.passage() && start > r.first() && start <= r.last(),
                        "part " + k + " starts at " + start + " inside the passage " + r.first() + "–" + r.last());
            }
        }
        assertEquals(parts.lineCount(), parts.last(parts.count()));
        for (int line = 1; line <= parts.lineCount(); line++) {
            int k = parts.partOf(line);
            assertTrue(parts.first(k) <= line && line <= parts.last(k), "line " + line + " in part " + k);
        }
    }

    @Test
    void aDocumentOfAtMostAPartsLinesIsOnePageAtItsAddress() throws Exception {
        SourceParts parts = parts(ZONGDUI, bounds(List.of(ZONGDUI)));
        assertEquals(373, parts.lineCount());
        assertEquals(List.of(1), parts.starts());
        assertEquals(Urls.sourcePage(ZONGDUI), parts.urlPathOf(373));
    }

    @Test
    void theLongSeedsAreCutIntoTheFewestEvenPartsAndNeverInsideAPassage() throws Exception {
        List<String> copies = List.of(CAIWU, "tianjin/362203/003_048537671a369fc1.txt",
                "tianjin/362207/003_048537671a369fc1.txt", "tianjin/362303/003_048537671a369fc1.txt");
        for (String document : List.of(HENGSHUI, CAIWU)) {
            NavigableSet<Integer> bounds = bounds(document.equals(CAIWU) ? copies : List.of(document));
            SourceParts parts = parts(document, bounds);
            int n = parts.lineCount();
            List<SourceParts.Run> runs = SourceParts.runs(n, SourceDocuments.citedLines(citing(document), n), bounds);
            assertCutBetweenPassages(parts, runs);
            int longest = 0;
            int shortest = n;
            for (int k = 1; k <= parts.count(); k++) {
                longest = Math.max(longest, parts.last(k) - parts.first(k) + 1);
                shortest = Math.min(shortest, parts.last(k) - parts.first(k) + 1);
            }
            assertTrue(longest <= SourceParts.MAX_LINES, document + ": a part of " + longest + " lines");
            // few parts: at most one more than lines / 1,200 (a cut may have to wait for a passage's end)
            int fewest = Math.floorDiv(n + SourceParts.MAX_LINES - 1, SourceParts.MAX_LINES);
            assertTrue(parts.count() >= fewest && parts.count() <= fewest + 1, document + ": " + parts.count() + " parts");
            // as even as the passages allow (the seeds' passages are 60–340 lines)
            assertTrue(longest - shortest <= 400, document + ": parts of " + shortest + "–" + longest + " lines");
            assertEquals(Urls.sourcePage(document), parts.urlPathOf(1));
            assertEquals("sources/" + document + ".p3.html", parts.urlPathOf(parts.first(3)));
            assertEquals("sources/" + document + ".p" + parts.count() + ".html", parts.urlPathOf(n));
        }
    }

    /**
     * 财务处's copy without the other departments' citations (as if they cited another document): its last passage
     * runs from line 4,632 to the end, 2,160 lines: a part of its own, whole; the lines before it still in parts of
     * at most 1,200.
     */
    @Test
    void aPassageLongerThanAPartIsAPartOfItsOwn() throws Exception {
        NavigableSet<Integer> bounds = bounds(List.of(CAIWU));
        SourceParts parts = parts(CAIWU, bounds);
        int n = parts.lineCount();
        assertEquals(4632, (int) bounds.last());
        assertEquals(4632, parts.first(parts.count()));
        assertEquals(n, parts.last(parts.count()));
        assertTrue(n - 4632 + 1 > SourceParts.MAX_LINES);
        for (int k = 1; k < parts.count(); k++) {
            assertTrue(parts.last(k) - parts.first(k) + 1 <= SourceParts.MAX_LINES, "part " + k);
        }
        assertCutBetweenPassages(parts, SourceParts.runs(n, SourceDocuments.citedLines(citing(CAIWU), n), bounds));
    }

    /**
     * The test site's 衡水 2020 cites five lines of the 6,305, one passage running 5,169 lines (452–5,620): it is a
     * part of its own, and the other parts still have at most 1,200 lines (so few parts do not make them longer).
     */
    @Test
    void partsBesideALongPassageKeepToTheLimit() throws Exception {
        int n = lineCount(HENGSHUI);
        NavigableSet<Integer> cited = SourceDocuments.citedLines(List.of(gongkai.testing.TestSites.hengshui2020()), n);
        List<SourceParts.Run> runs = SourceParts.runs(n, cited, cited);
        SourceParts parts = SourceParts.of(HENGSHUI, n, runs);
        assertCutBetweenPassages(parts, runs);
        int longPassage = 0;
        for (int k = 1; k <= parts.count(); k++) {
            int length = parts.last(k) - parts.first(k) + 1;
            if (length > SourceParts.MAX_LINES) {
                assertEquals(452, parts.first(k), "the only longer part is the passage");
                assertEquals(5620, parts.last(k));
                longPassage++;
            }
        }
        assertEquals(1, longPassage, parts.starts().toString());
    }
}
