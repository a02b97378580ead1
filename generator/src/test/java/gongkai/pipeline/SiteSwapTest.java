package gongkai.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build folder and the swap on real files. A build killed part-way through the swap is simulated by running
 * the first k of the swap's own renames and abandoning the folder; the next build (another process id) must
 * leave the new site and index published, and nothing else beside them.
 */
class SiteSwapTest {
    private static final long DEAD = 1_000_001;
    private static final long NEXT = 1_000_002;
    private final List<String> log = new ArrayList<>();

    /** A build by a process that has since died. */
    private SiteSwap deadBuild(Path out) throws IOException {
        return SiteSwap.begin(out, log::add, DEAD, pid -> false);
    }

    /** The next build: process {@link #NEXT}; only it is running. */
    private SiteSwap nextBuild(Path out) throws IOException {
        return SiteSwap.begin(out, log::add, NEXT, pid -> pid == NEXT);
    }

    private static void publishedPair(Path out, String version) throws IOException {
        write(out.resolve("index.html"), version);
        write(out.resolveSibling("site.index").resolve("segments_1"), version);
    }

    private static void stagePair(SiteSwap swap, String version) throws IOException {
        write(swap.siteDir().resolve("index.html"), version);
        write(swap.stageBeside(".index").resolve("segments_1"), version);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : null;
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishReplacesSiteAndIndexTogetherAndLeavesNothingElse(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        publishedPair(out, "old");
        try (SiteSwap swap = SiteSwap.begin(out, log::add)) {
            assertTrue(swap.buildDir().getFileName().toString()
                    .startsWith(".site-build-" + ProcessHandle.current().pid() + "-"), swap.buildDir().toString());
            stagePair(swap, "new");
            swap.publish();
        }
        assertEquals("new", read(out.resolve("index.html")));
        assertEquals("new", read(tmp.resolve("site.index/segments_1")));
        assertEquals(List.of("site", "site.index"), entries(tmp));
    }

    @Test
    void anUnpublishedBuildLeavesThePublishedPairAndNoFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        publishedPair(out, "old");
        try (SiteSwap swap = SiteSwap.begin(out, log::add)) {
            stagePair(swap, "new");
        }
        assertEquals("old", read(out.resolve("index.html")));
        assertEquals("old", read(tmp.resolve("site.index/segments_1")));
        assertEquals(List.of("site", "site.index"), entries(tmp));
    }

    /** Every point between two renames of the swap, with and without a previously published pair. */
    @Test
    void aSwapStoppedBetweenAnyTwoRenamesIsFinishedByTheNextBuild(@TempDir Path tmp) throws IOException {
        for (boolean firstBuild : new boolean[] {false, true}) {
            int renames;
            try (SiteSwap probe = deadBuildIn(tmp.resolve("probe" + firstBuild), firstBuild)) {
                probe.writeMarker();
                renames = probe.moves().size();
            }
            assertEquals(firstBuild ? 2 : 4, renames);
            for (int k = 0; k <= renames; k++) {
                Path root = Files.createDirectories(tmp.resolve(firstBuild + "-" + k));
                Path out = root.resolve("site");
                SiteSwap killed = deadBuildIn(root, firstBuild);
                killed.writeMarker();
                List<SiteSwap.Move> moves = killed.moves();
                for (SiteSwap.Move move : moves.subList(0, k)) {
                    move.run();
                }
                // Stopped here. Whatever is published now is a consistent pair, or there is no site.
                String site = read(out.resolve("index.html"));
                String index = read(root.resolve("site.index/segments_1"));
                assertTrue(site == null || site.equals(index), k + " renames: site " + site + ", index " + index);

                try (SiteSwap next = nextBuild(out)) {
                    assertEquals("new", read(out.resolve("index.html")), firstBuild + ", " + k + " renames");
                    assertEquals("new", read(root.resolve("site.index/segments_1")), firstBuild + ", " + k + " renames");
                    assertEquals(List.of(next.buildDir().getFileName().toString(), "site", "site.index"), entries(root));
                }
                assertEquals(List.of("site", "site.index"), entries(root));
            }
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("build: finished the swap of a build that was stopped")), log.toString());
    }

    private SiteSwap deadBuildIn(Path root, boolean firstBuild) throws IOException {
        Path out = root.resolve("site");
        if (!firstBuild) {
            publishedPair(out, "old");
        }
        SiteSwap swap = deadBuild(out);
        stagePair(swap, "new");
        return swap;
    }

    @Test
    void aBuildKilledBeforeTheSwapIsRemovedAndThePublishedPairKept(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        publishedPair(out, "old");
        SiteSwap killed = deadBuild(out);
        stagePair(killed, "half");
        Files.createDirectories(killed.buildDir().resolve("site.index.parts/0")); // the index writers' slices
        // one from a build before process ids were in the name
        write(tmp.resolve(".site-build-123/site/index.html"), "half");
        write(tmp.resolve(".site-build-123/site.index/segments_1"), "half");

        nextBuild(out).close();
        assertEquals("old", read(out.resolve("index.html")));
        assertEquals("old", read(tmp.resolve("site.index/segments_1")));
        assertEquals(List.of("site", "site.index"), entries(tmp));
        assertEquals(2, log.stream().filter(l -> l.startsWith("build: removed the folder of a build that was stopped")).count(), log.toString());
    }

    @Test
    void runningBuildsAndOtherOutputsAreLeftAlone(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        try (SiteSwap running = SiteSwap.begin(out, log::add, 7, pid -> pid == 7 || pid == NEXT)) {
            stagePair(running, "running");
            SiteSwap other = SiteSwap.begin(tmp.resolve("other"), log::add, DEAD, pid -> false);
            write(other.siteDir().resolve("index.html"), "other");
            Files.createDirectories(tmp.resolve(".site-build-notes")); // not a build folder's name

            try (SiteSwap next = SiteSwap.begin(out, log::add, NEXT, pid -> pid == 7 || pid == NEXT)) {
                assertEquals("running", read(running.siteDir().resolve("index.html")));
                assertEquals("other", read(other.siteDir().resolve("index.html")));
                assertTrue(Files.isDirectory(tmp.resolve(".site-build-notes")));
                assertFalse(next.buildDir().equals(running.buildDir()));
            }
            assertEquals(List.of(), log);
        }
    }
}
