package gongkai.bench;

import gongkai.cli.SitePipelines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gongkai.pipeline.BuildPipeline;
import gongkai.tools.ToolsMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench runs end to end on a small size and records a well-formed row; times are not asserted (not a timed test). */
@Tag("slow")
class BenchmarkTest {
    @Test
    void benchBuildsASampleInAChildJvmAndAppendsARow(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("results");
        assertEquals(0, ToolsMain.execute("bench", "--sizes", "200", "--out", out.toString()));
        assertEquals(0, ToolsMain.execute("bench", "--sizes", "200", "--out", out.toString(), "--xmx", "512m"));
        List<String> lines = Files.readAllLines(out.resolve("bench.csv"), StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), "one header, then one row per run: " + lines);
        assertEquals(Benchmark.CSV_HEADER, lines.get(0));
        String[] header = lines.get(0).split(",");
        for (String stage : SitePipelines.STAGE_ORDER) {
            assertTrue(List.of(header).contains(stage + "_ms"), stage);
        }
        for (String row : lines.subList(1, 3)) {
            String[] cells = row.split(",");
            assertEquals(header.length, cells.length, row);
            assertEquals("200", cells[List.of(header).indexOf("projects")]);
            assertEquals("0", cells[List.of(header).indexOf("exit")], "the child build succeeded");
            long pages = Long.parseLong(cells[List.of(header).indexOf("pages")]);
            assertTrue(pages > 200, "a page per project and more: " + pages);
            assertTrue(Long.parseLong(cells[List.of(header).indexOf("out_files")]) > pages, row);
            assertTrue(Long.parseLong(cells[List.of(header).indexOf("peak_heap_mb")]) > 0, row);
        }
        assertTrue(lines.get(2).contains(",512m,"), lines.get(2));
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("gongkai-bench-200-")),
                    "work folders are deleted without --keep");
        }
    }

    /**
     * The builds bench measures run the product jar alone, and it holds no tool: checked on the jar that
     * {@code mvn verify} packaged before these tests (from compiled classes, as in {@code mvn test}, there is none).
     */
    @Test
    void childBuildsRunTheProductJarWhichHoldsNoTools() throws Exception {
        Path jar = Benchmark.productJar();
        assumeTrue(jar != null, "the product's classes come from a folder, not a jar");
        assertEquals("gongkai.jar", jar.getFileName().toString());
        try (JarFile product = new JarFile(jar.toFile())) {
            assertNotNull(product.getEntry("gongkai/cli/Main.class"));
            assertEquals(List.of(), product.stream().map(JarEntry::getName)
                    .filter(n -> n.matches("gongkai/(tools|sample|bench)/.*|.*node-driver\\.js")).toList());
        }
    }
}
