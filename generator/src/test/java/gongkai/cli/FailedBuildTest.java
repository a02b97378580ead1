package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.check.CheckStage;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.load.LoadStage;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildPipeline;
import gongkai.pipeline.BuildStage;
import gongkai.render.RenderStage;
import gongkai.search.SearchIndexStage;
import gongkai.site.AssembleStage;
import gongkai.site.ProcurementSource;
import gongkai.testing.TestSites;
import gongkai.testing.Trees;
import gongkai.validate.ValidateStage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A failed build leaves nothing: after a build of changed content fails in render, index, export or check,
 * site/ and site.index/ are byte for byte what the last good build published, {@code gongkai search} answers as
 * before (the failed content's words find nothing), and no build folder is left beside them.
 */
class FailedBuildTest {
    /** A word only the failing builds' content has: a leaked index or page would contain it. */
    private static final String LEAK = "zzleakzz";
    private static final String PROJECT = "2024年度天津市辐射环境执法安全防护能力提升项目";
    private static final List<String> QUERIES = List.of("辐射", "执法 能力", LEAK, "衡水");

    @TempDir
    static Path tmp;
    static Path content;
    static Path theme;
    static Path out;
    static Path index;
    static Map<String, String> siteBefore;
    static Map<String, String> indexBefore;
    static Map<String, String> searchBefore;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeAll
    static void publishAGoodSite() throws Exception {
        content = TestSites.copyWithSources(TestSites.TEST_SITE, tmp);
        theme = TestSites.copyOfDefaultTheme(tmp.resolve("theme"));
        out = tmp.resolve("site");
        index = tmp.resolve("site.index");
        assertEquals(0, Main.execute("build", "--content", content.toString(), "--theme", theme.toString(), "--out", out.toString()));
        siteBefore = Trees.hashes(out);
        indexBefore = Trees.hashes(index);
        searchBefore = searches();
        assertTrue(searchBefore.get("辐射").contains(PROJECT), searchBefore.get("辐射"));
        assertTrue(searchBefore.get(LEAK).startsWith("0 results"), searchBefore.get(LEAK));
    }

    @BeforeEach
    void captureErr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(savedErr);
    }

    /** {@code gongkai search QUERY --index site.index} for each query, in-process through picocli. */
    private static Map<String, String> searches() {
        Map<String, String> results = new LinkedHashMap<>();
        for (String query : QUERIES) {
            StringWriter text = new StringWriter();
            int exit = new CommandLine(new Main()).setOut(new PrintWriter(text))
                    .execute("search", query, "--index", index.toString(), "--limit", "50");
            assertEquals(0, exit, query);
            results.put(query, text.toString());
        }
        return results;
    }

    /** The published site's content with one project renamed (the renamed word is {@link #LEAK}). */
    private static Path changedContent(Path dir) throws IOException {
        Path copy = TestSites.copyWithSources(content, dir);
        Path year = copy.resolve("tianjin/362303/2024.yaml");
        String yaml = Files.readString(year);
        assertTrue(yaml.contains("name: " + PROJECT));
        Files.writeString(year, yaml.replace("name: " + PROJECT, "name: " + PROJECT + " " + LEAK));
        return copy;
    }

    private int build(Path contentDir, Path themeDir) {
        return Main.execute("build", "--content", contentDir.toString(), "--theme", themeDir.toString(), "--out", out.toString());
    }

    private void assertFailedIn(String stage, int exit) {
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, message);
        assertTrue(message.contains("构建失败（" + stage + " 阶段）："), message);
        assertTrue(message.contains(" 保持不变）"), message);
    }

    /** The published pair and what search answers are those of the good build; nothing else is left. */
    private static void assertNothingChanged() throws IOException {
        assertEquals(siteBefore, Trees.hashes(out));
        assertEquals(indexBefore, Trees.hashes(index));
        assertEquals(searchBefore, searches());
        assertEquals(List.of(), Trees.hidden(tmp), "build folders left beside the site");
    }

    private static Path brokenTemplateTheme(Path dir) throws IOException {
        Path broken = TestSites.copyOfDefaultTheme(dir.resolve("theme"));
        TestSites.write(broken.resolve("templates/project.ftlh"),
                "<#import \"layout.ftlh\" as l><@l.page>${page.noSuchField}</@l.page>");
        return broken;
    }

    @Test
    void aRenderFailureLeavesSiteIndexAndSearchAsTheyWere(@TempDir Path dir) throws Exception {
        assertFailedIn("render", build(changedContent(dir), brokenTemplateTheme(dir)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("project.ftlh"));
        assertNothingChanged();
    }

    @Test
    void anExportFailureLeavesSiteIndexAndSearchAsTheyWere(@TempDir Path dir) throws Exception {
        BuildStage failingExport = new BuildStage() {
            @Override
            public String name() {
                return "export";
            }

            @Override
            public void run(BuildContext context) throws Exception {
                new ExportStage().run(context); // every download is written into the build folder, then:
                throw new IOException("injected failure after the downloads were written");
            }
        };
        BuildOptions options = BuildOptions.of(changedContent(dir), theme, out, line -> { });
        BuildException e = assertThrows(BuildException.class, () -> SitePipelines.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables()).index(new SearchIndexStage()).export(failingExport)
                .build().run());
        assertEquals("export", e.stage());
        assertNothingChanged();
    }

    /** A cited document that is missing is a content error: validate refuses it before anything is written. */
    @Test
    void aMissingSourceFailsInValidateAndLeavesSiteIndexAndSearchAsTheyWere(@TempDir Path dir) throws Exception {
        Path changed = changedContent(dir);
        try (var sources = Files.walk(changed.resolve("sources"))) {
            Files.delete(sources.filter(Files::isRegularFile).sorted().findFirst().orElseThrow());
        }
        assertFailedIn("validate", build(changed, theme));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("document: "), err.toString(StandardCharsets.UTF_8));
        assertNothingChanged();
    }

    @Test
    void aCheckFailureLeavesSiteIndexAndSearchAsTheyWere(@TempDir Path dir) throws Exception {
        Path linking = TestSites.copyOfDefaultTheme(dir.resolve("theme"));
        Path page = linking.resolve("templates/page.ftlh");
        Files.writeString(page, Files.readString(page).replace("<div class=\"prose\">",
                "<p><a href=\"${site.base}assets/missing.css\">x</a></p><div class=\"prose\">"));
        assertFailedIn("check", build(changedContent(dir), linking));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("assets/missing.css\" → no such"));
        assertNothingChanged();
    }

    @Test
    void aFailureInTheIndexStageLeavesSiteIndexAndSearchAsTheyWere(@TempDir Path dir) throws Exception {
        BuildStage failingIndex = new BuildStage() {
            @Override
            public String name() {
                return "index";
            }

            @Override
            public void run(BuildContext context) throws Exception {
                new SearchIndexStage().run(context); // the whole staged index is written, then:
                throw new IOException("injected failure after the index was written");
            }
        };
        BuildOptions options = BuildOptions.of(changedContent(dir), theme, out, line -> { });
        BuildException e = assertThrows(BuildException.class, () -> SitePipelines.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables()).index(failingIndex).export(new ExportStage())
                .build().run());
        assertEquals("index", e.stage());
        assertNothingChanged();
    }

    /**
     * Render fails while the index stage (in the background) still writes into the build folder: the build waits
     * for it to end before deleting the folder, and reports the render failure.
     */
    @Test
    void aRenderFailureWaitsForTheIndexStageStillWritingAndLeavesNothing(@TempDir Path dir) throws Exception {
        CountDownLatch renderFailed = new CountDownLatch(1);
        AtomicBoolean indexEnded = new AtomicBoolean();
        BuildStage render = new BuildStage() {
            @Override
            public String name() {
                return "render";
            }

            @Override
            public void run(BuildContext context) throws Exception {
                try {
                    new RenderStage().run(context);
                } finally {
                    renderFailed.countDown();
                }
            }
        };
        BuildStage slowIndex = new BuildStage() {
            @Override
            public String name() {
                return "index";
            }

            @Override
            public void run(BuildContext context) throws Exception {
                new SearchIndexStage().run(context);
                assertTrue(renderFailed.await(5, TimeUnit.MINUTES));
                for (int i = 0; i < 200; i++) {
                    context.writeString("search/late/" + i + ".txt", "written after render failed");
                }
                Files.writeString(context.besideOutput(SearchIndexStage.SUFFIX).resolve("late.txt"), "late");
                indexEnded.set(true);
            }
        };
        BuildOptions options = BuildOptions.of(changedContent(dir), brokenTemplateTheme(dir), out, line -> { });
        BuildPipeline pipeline = BuildPipeline.builder(options)
                .then(new LoadStage(ContentSource.yaml()))
                .then(new ValidateStage())
                .then(new AssembleStage(ProcurementSource.fromProcurementTables()))
                .then(render)
                .alongside(slowIndex, "validate")
                .then(new ExportStage())
                .then(new CheckStage())
                .build();
        BuildException e = assertThrows(BuildException.class, pipeline::run);
        assertEquals("render", e.stage());
        assertTrue(indexEnded.get(), "the build returned before its background stage ended");
        assertNothingChanged();
    }

    /**
     * What a killed build leaves (kill -9 skips every cleanup) is removed by the next build, which publishes. In a
     * folder of its own: a successful build writes a new Lucene index (a commit has a random id), which would
     * change the pair the other tests compare with.
     */
    @Test
    void theNextBuildRemovesTheFoldersOfKilledBuilds(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, gone.waitFor());
        long deadPid = gone.pid();
        for (String folder : List.of(".site-build-123", ".site-build-" + deadPid + "-77")) {
            Path stale = dir.resolve(folder);
            TestSites.write(stale.resolve("site/index.html"), "half a site");
            TestSites.write(stale.resolve("site.index/segments_1"), "half an index");
            Files.createDirectories(stale.resolve("site.index.parts/0"));
        }
        assertEquals(List.of(".site-build-" + deadPid + "-77", ".site-build-123").stream().sorted().toList(), Trees.hidden(dir));

        Path site = dir.resolve("site");
        assertEquals(0, Main.execute("build", "--content", content.toString(), "--theme", theme.toString(),
                "--out", site.toString()), err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), Trees.hidden(dir));
        try (var entries = Files.list(dir)) {
            assertEquals(List.of("site", "site.index"), entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(siteBefore, Trees.hashes(site)); // the same content gives the same bytes
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("build: removed the folder of a build that was stopped (.site-build-123)"), log);
        assertTrue(log.contains("build: removed the folder of a build that was stopped (.site-build-" + deadPid + "-77)"), log);
    }
}
