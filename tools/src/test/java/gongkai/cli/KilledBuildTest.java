package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.testing.TestSites;
import gongkai.testing.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real build in a child JVM, killed with SIGKILL while it renders: the published site and index stay as they
 * were, and the next build publishes the new site and removes what the killed one left.
 */
@Tag("slow")
class KilledBuildTest {
    @Test
    void aBuildKilledWhileRenderingChangesNothingAndTheNextBuildCleansUp(@TempDir Path dir) throws Exception {
        Path small = TestSites.copyWithSources(TestSites.TEST_SITE, dir);
        Path big = dir.resolve("big");
        // big enough that rendering takes a while after its first project page is written
        assertEquals(0, gongkai.tools.ToolsMain.execute("sample", "--projects", "2000", "--seed", "2", "--out", big.toString()));
        Path out = dir.resolve("site");
        Path index = dir.resolve("site.index");
        String theme = TestSites.defaultTheme().toString();
        assertEquals(0, quietly("build", "--content", small.toString(), "--theme", theme, "--out", out.toString()));
        Map<String, String> siteBefore = Trees.hashes(out);
        Map<String, String> indexBefore = Trees.hashes(index);
        String searchBefore = search(index);

        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "build", "--content", big.toString(), "--theme", theme, "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path buildFolder;
        try {
            buildFolder = awaitRendering(dir, child, log);
        } finally {
            child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs in the child
            assertTrue(child.waitFor(1, TimeUnit.MINUTES));
        }
        assertNotEquals(0, child.exitValue());
        assertTrue(Files.isDirectory(buildFolder), "killed before it could publish (or clean up)");
        assertEquals(siteBefore, Trees.hashes(out));
        assertEquals(indexBefore, Trees.hashes(index));
        assertEquals(searchBefore, search(index));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, quietly(err, "build", "--content", big.toString(), "--theme", theme, "--out", out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("build: removed the folder of a build that was stopped ("
                + buildFolder.getFileName() + ")"), err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), Trees.hidden(dir));
        try (Stream<Path> projects = Files.list(out.resolve("projects"))) {
            assertEquals(2000, projects.filter(Files::isDirectory).count(), "the new site is published");
        }
        String searchAfter = search(index);
        assertNotEquals(searchBefore, searchAfter, "the new index is published with it");
    }

    /**
     * Waits until the child's build folder holds rendered project pages, and returns that folder. Polls: the
     * render stage runs for seconds at 2,000 projects, far longer than a poll.
     */
    private static Path awaitRendering(Path dir, Process child, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        String prefix = ".site-build-" + child.pid() + "-";
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the build ended before it was killed:\n" + Files.readString(log));
            }
            Optional<Path> folder;
            try (Stream<Path> entries = Files.list(dir)) {
                folder = entries.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
            }
            if (folder.isPresent()) {
                Path projects = folder.get().resolve("site/projects");
                if (Files.isDirectory(projects)) {
                    try (Stream<Path> pages = Files.list(projects)) {
                        if (pages.findAny().isPresent()) {
                            return folder.get();
                        }
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no project page rendered within 5 minutes:\n" + Files.readString(log));
    }

    private static String search(Path index) {
        StringWriter text = new StringWriter();
        assertEquals(0, new CommandLine(new Main()).setOut(new PrintWriter(text))
                .execute("search", "项目", "--index", index.toString(), "--limit", "20"));
        return text.toString();
    }

    private static int quietly(String... args) {
        return quietly(new ByteArrayOutputStream(), args);
    }

    /** Runs the CLI with its stdout and stderr captured into {@code into}. */
    private static int quietly(ByteArrayOutputStream into, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        PrintStream capture = new PrintStream(into, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return Main.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
