package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.load.ContentLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The history's cut of a year file into project items and the retracted block, on the committed seeds and the
 * corrections fixture: the items are the loaded projects, and a version cut from its newer version (only the
 * window where they differ scanned) is the version cut on its own.
 */
class YearFileCutTest {
    static final Path CORRECTIONS = Path.of("generator/src/test/resources/sites/corrections/tianjin/362303/2024.yaml");

    static List<Path> yearFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("content"))) {
            walk.filter(p -> p.getFileName().toString().matches("(19|20)\\d{2}\\.yaml")).sorted().forEach(files::add);
        }
        files.add(CORRECTIONS);
        return files;
    }

    @Test
    void theItemsOfEachCommittedYearFileAreItsProjectsInOrder() throws Exception {
        for (Path file : yearFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            YearFileCut cut = YearFileCut.of(text.getBytes(StandardCharsets.UTF_8), null).cut();
            String[] parts = file.toString().replace('\\', '/').split("/");
            int n = parts.length;
            DepartmentYear dy = ContentLoader.parseYear(text, file.toString(), parts[n - 3], parts[n - 2],
                    Integer.parseInt(parts[n - 1].substring(0, 4)));
            assertNotNull(cut.items(), file + " is laid out as ContentWriter writes it");
            assertEquals(dy.projects().size(), cut.items().size(), file.toString());
            for (int i = 0; i < cut.items().size(); i++) {
                Project p = dy.projects().get(i);
                String item = YearFileCut.utf8(cut.items().get(i));
                assertTrue(item.startsWith("  - id: " + p.id() + "\n"), file + " item " + i);
                // an item parsed alone has the figures it has in its file
                DepartmentYear alone = ContentLoader.parseYear("projects:\n" + item, file.toString(),
                        parts[n - 3], parts[n - 2], dy.year());
                assertEquals(p.budget(), alone.projects().get(0).budget());
                assertEquals(p.indicators(), alone.projects().get(0).indicators());
            }
            assertTrue(text.contains(YearFileCut.utf8(String.join("", cut.items()))), "the items are the projects' text, whole");
        }
    }

    @Test
    void theRetractedBlockRunsFromItsKeyToTheNextTopLevelLine() throws Exception {
        String text = Files.readString(CORRECTIONS, StandardCharsets.UTF_8);
        YearFileCut cut = YearFileCut.of(text.getBytes(StandardCharsets.UTF_8), null).cut();
        String block = YearFileCut.utf8(cut.retracted());
        assertEquals(text.substring(text.indexOf("\nretracted:\n") + 1), block);
        String moved = block + text.substring(0, text.indexOf("\nretracted:\n") + 1);
        assertEquals(block, YearFileCut.utf8(YearFileCut.of(moved.getBytes(StandardCharsets.UTF_8), null).cut().retracted()),
                "a block first in the file ends where the next top-level key begins");
    }

    @Test
    void aFileNotLaidOutInItemsIsKeptWhole() {
        for (String text : List.of("department: '1'\nprojects: []\n", "projects:\n- id: a\n", "\nprojects:\n  - id: a\n")) {
            YearFileCut cut = YearFileCut.of(text.getBytes(StandardCharsets.UTF_8), null).cut();
            assertNull(cut.items(), text);
            assertEquals(text, YearFileCut.utf8(cut.whole()));
        }
    }

    @Test
    void aVersionCutFromItsNewerVersionIsTheVersionCutAlone() throws Exception {
        Random random = new Random(16);
        byte[] pieces = "\n  - id: x\n    name: 项目\nretracted:\n  - id: y\nprojects:\n# c\n 预算数 1.00\n".getBytes(StandardCharsets.UTF_8);
        int checked = 0;
        for (Path file : yearFiles()) {
            byte[] newer = Files.readAllBytes(file);
            YearFileCut.Read newerRead = YearFileCut.of(newer, null);
            for (int round = 0; round < 40; round++) {
                byte[] older = edit(newer, random, pieces);
                YearFileCut.Read alone = YearFileCut.of(older, null);
                YearFileCut.Read derived = YearFileCut.of(older, newerRead);
                assertEquals(alone.cut(), derived.cut(), file + " edit " + round);
                assertArrayEquals(alone.lines().items(), derived.lines().items());
                assertArrayEquals(alone.lines().tops(), derived.lines().tops());
                // and the other way round: the edited version as the newer one
                YearFileCut.Read back = YearFileCut.of(newer, alone);
                assertEquals(newerRead.cut(), back.cut(), file + " edit " + round + " reversed");
                checked++;
            }
        }
        assertTrue(checked > 100);
    }

    @Test
    void anUnchangedItemIsTheNewerVersionsTextAndOnlyTheEditedOneIsNew() throws Exception {
        String text = Files.readString(CORRECTIONS, StandardCharsets.UTF_8);
        YearFileCut.Read newer = YearFileCut.of(text.getBytes(StandardCharsets.UTF_8), null);
        String edited = text.replace("total: 6.00", "total: 60.00");
        assertTrue(!edited.equals(text));
        YearFileCut older = YearFileCut.of(edited.getBytes(StandardCharsets.UTF_8), newer).cut();
        assertEquals(newer.cut().items().size(), older.items().size());
        int changed = 0;
        for (int i = 0; i < older.items().size(); i++) {
            if (older.items().get(i).equals(newer.cut().items().get(i))) {
                assertSame(newer.cut().items().get(i), older.items().get(i), "item " + i + " shared, not decoded");
            } else {
                changed++;
            }
        }
        assertEquals(1, changed);
        assertSame(newer.cut().retracted(), older.retracted());
    }

    /** One to three random cuts, deletions or insertions of pieces that matter to the cut. */
    private static byte[] edit(byte[] bytes, Random random, byte[] pieces) {
        byte[] out = bytes;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(out.length + 1);
            int remove = random.nextInt(4) == 0 ? 0 : Math.min(out.length - at, random.nextInt(200));
            int from = random.nextInt(pieces.length);
            int insert = random.nextInt(3) == 0 ? 0 : Math.min(pieces.length - from, 1 + random.nextInt(30));
            byte[] next = new byte[out.length - remove + insert];
            System.arraycopy(out, 0, next, 0, at);
            System.arraycopy(pieces, from, next, at, insert);
            System.arraycopy(out, at + remove, next, at + insert, out.length - at - remove);
            out = next;
        }
        return out;
    }
}
