package gongkai.serve;

import gongkai.cli.SitePipelines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildPipeline;
import gongkai.load.ContentSource;
import gongkai.site.ProcurementSource;
import gongkai.export.ExportStage;
import gongkai.search.SearchIndexStage;
import gongkai.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server's incremental rebuild, with the real server, watcher and a real file edit: afterwards the
 * served folder must equal, file for file and byte for byte, a full build of the edited content.
 */
@Tag("slow")
class IncrementalRebuildTest {
    private static BuildPipeline pipeline(BuildOptions options) {
        return SitePipelines.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables())
                .index(new SearchIndexStage())
                .export(new ExportStage())
                .build();
    }

    @Test
    void editingOneYearFileUpdatesTheServedSiteToExactlyWhatAFullBuildGives(@TempDir Path tmp) throws Exception {
        // The committed content: 362303 has two years of five and six projects.
        Path content = TestSites.copyWithSources(Path.of("content"), tmp);
        Path theme = Path.of("themes/default");
        Path served = tmp.resolve("site");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BuildOptions options = BuildOptions.of(content, theme, served, lines::add);
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> pipeline(options), lines::add);

        // A department with several years: renaming a project there changes the other years' project pages too.
        Path yearFile = departmentWithSeveralYears(content);
        String yaml = Files.readString(yearFile, StandardCharsets.UTF_8);
        int nameAt = yaml.indexOf("\n    name: ");
        int nameEnd = yaml.indexOf('\n', nameAt + 1);
        int totalAt = yaml.indexOf("\n      total: ");
        int totalEnd = yaml.indexOf('\n', totalAt + 1);
        assertTrue(nameAt > 0 && totalAt > nameEnd, "the year file has a project with a name and a total");
        String edited = yaml.substring(0, nameAt) + "\n    name: 改名后的测试项目" + yaml.substring(nameEnd, totalAt)
                + "\n      total: 12345.67" + yaml.substring(totalEnd);

        try (PreviewSession session = new PreviewSession(builder, served, List.of(content, theme), 0, lines::add)) {
            session.start();
            Map<String, byte[]> before = tree(served);
            lines.clear();
            // While the edit is applied, the files it rewrites are read over and over: always whole, never a 404.
            List<String> badReads = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread reader = new Thread(() -> readWhole(session.server().port(), reading, badReads), "reader");
            reader.start();
            Files.writeString(yearFile, edited, StandardCharsets.UTF_8);
            // The page update is printed first; the global files follow from a background thread.
            List<String> seen;
            try {
                seen = awaitAll(lines, List.of("serve: 已重新构建 ", "serve: 整体数据下载"));
            } finally {
                reading.set(false);
                reader.join(30_000);
            }
            assertEquals(List.of(), badReads, "reads during the incremental rebuild");
            String rebuilt = seen.get(0);
            String global = seen.get(1);
            System.out.println(rebuilt + "\n" + global);
            assertTrue(rebuilt.contains(content.relativize(yearFile).toString().replace('\\', '/')), rebuilt);
            // only the edited project's own downloads are rewritten, not every project's of the year
            int projectsInYear = yaml.split("\n  - id: ", -1).length - 1;
            java.util.regex.Matcher counts = java.util.regex.Pattern.compile("：(\\d+) 个页面，(\\d+) 个文件").matcher(rebuilt);
            assertTrue(counts.find(), rebuilt);
            // (files counts pages too, and the CSVs of the four charts a total reaches: home, region, department,
            // year; writing every project's three downloads would alone exceed this)
            assertTrue(projectsInYear > 3 && Integer.parseInt(counts.group(2))
                    < Integer.parseInt(counts.group(1)) + 4 + 3 * projectsInYear, projectsInYear + " projects in the year: " + rebuilt);
            Map<String, byte[]> after = tree(served);
            assertTrue(changedFiles(before, after) > 0, "the edit changed the served site");
        }

        Map<String, byte[]> actual = servedEqualsAFullBuild(tmp, content, theme, served);
        String renamedPage = new String(actual.get(projectPageOf(yaml, nameAt)), StandardCharsets.UTF_8);
        assertTrue(renamedPage.contains("改名后的测试项目"), "the project page shows the new name");
    }

    @Test
    void anEditThatChangesTheQualityReportUpdatesRowsQualityPageAndDownloadsAsAFullBuildWould(@TempDir Path tmp)
            throws Exception {
        // sites/quality: 9 issues in one year file, one of them acknowledged (362303-2025-010's Q003)
        Path content = TestSites.copyWithSources(Path.of("generator/src/test/resources/sites/quality"), tmp);
        Path theme = Path.of("themes/default");
        Path served = tmp.resolve("site");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BuildOptions options = BuildOptions.of(content, theme, served, lines::add);
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> pipeline(options), lines::add);
        builder.build();
        String qualityBefore = Files.readString(served.resolve("quality/index.html"), StandardCharsets.UTF_8);
        assertTrue(qualityBefore.contains("预算数与资金来源合计不符"), "362303-2025-002's Q001 is listed before the edit");

        // fix 362303-2025-002's sum (5.00 + 0.50 ≠ 6.00) and take back 362303-2025-010's acknowledgement
        Path yearFile = content.resolve("tianjin/362303/2025.yaml");
        String yaml = Files.readString(yearFile, StandardCharsets.UTF_8);
        String edited = yaml.replace("      fiscal: 5.00\n      other: 0.50\n", "      fiscal: 5.00\n      other: 1.00\n")
                .replace("    acknowledged:\n      - code: Q003\n        reason: 原文如此：覆盖率按编制人数计算，含借调人员\n", "");
        assertTrue(edited.length() < yaml.length() && !edited.contains("acknowledged:") && edited.contains("other: 1.00"));
        Files.writeString(yearFile, edited, StandardCharsets.UTF_8);
        lines.clear();
        String rebuilt = builder.update(java.util.Set.of(yearFile), System.nanoTime());
        assertNotNull(rebuilt, "a year-file edit is incremental");
        awaitAll(lines, List.of("serve: 整体数据下载"));

        Map<String, byte[]> actual = servedEqualsAFullBuild(tmp, content, theme, served);

        String quality = new String(actual.get("quality/index.html"), StandardCharsets.UTF_8);
        assertTrue(!quality.contains("预算数与资金来源合计不符（") && !quality.contains("已说明："), quality);
        String year = new String(actual.get("tianjin/362303/2025/index.html"), StandardCharsets.UTF_8);
        assertTrue(year.contains("<span class=\"quality-note\">比率超过100%</span>"), "010's notice is open now");
        assertTrue(!year.contains("预算数与资金来源合计不符"), "002's row has no notice any more");
        String csv = new String(actual.get("data/quality.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 8, csv.split("\r\n").length, csv);
        assertTrue(csv.contains("Q003,比率超过100%,提示,“体检覆盖率”的指标值“≥120%”超过 100%,tianjin/362303/2025.yaml,")
                && csv.contains(",projects[9].indicators[0].target,否,\r\n") && !csv.contains(",Q001,"), csv);
    }

    @Test
    void withdrawingAProjectLeavesATombstoneAtItsUrlAsAFullBuildWould(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(Path.of("generator/src/test/resources/sites/corrections"), tmp);
        Path theme = Path.of("themes/default");
        Path served = tmp.resolve("site");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BuildOptions options = BuildOptions.of(content, theme, served, lines::add);
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> pipeline(options), lines::add);
        builder.build();
        assertTrue(Files.exists(served.resolve("projects/362303-2024-002.csv")));

        // 362303-2024-002 leaves projects for retracted; 362303-2024-001 gets one more correction
        Path yearFile = content.resolve("tianjin/362303/2024.yaml");
        String yaml = Files.readString(yearFile, StandardCharsets.UTF_8);
        int from = yaml.indexOf("  - id: 362303-2024-002\n");
        int to = yaml.indexOf("\ncorrections:\n") + 1;
        assertTrue(from > 0 && to > from, "the fixture has project 002 before the year's corrections");
        String edited = (yaml.substring(0, from) + yaml.substring(to))
                .replace("        why: 录入时漏了一个 0\n", "        why: 录入时漏了一个 0\n      - date: 2025-05-06\n"
                        + "        what: 补充资金用途\n        why: 原文件有，录入时遗漏\n")
                + "  - id: 362303-2024-002\n    name: 2024年度天津市生态环境移动执法能力提升与服务项目\n"
                + "    date: 2025-05-06\n    reason: 并入其他项目\n";
        Files.writeString(yearFile, edited, StandardCharsets.UTF_8);
        lines.clear();
        assertNotNull(builder.update(java.util.Set.of(yearFile), System.nanoTime()), "a year-file edit is incremental");
        awaitAll(lines, List.of("serve: 整体数据下载"));

        Map<String, byte[]> actual = servedEqualsAFullBuild(tmp, content, theme, served);
        String tomb = new String(actual.get("projects/362303-2024-002/index.html"), StandardCharsets.UTF_8);
        assertTrue(tomb.contains("<h2 id=\"retracted-h\">已撤回</h2>") && tomb.contains("撤回原因：并入其他项目"), tomb);
        assertTrue(!actual.containsKey("projects/362303-2024-002.csv"), "a withdrawn project's own downloads go");
        assertTrue(new String(actual.get("feed.xml"), StandardCharsets.UTF_8)
                .contains("<id>https://example.org/projects/362303-2024-001/#correction-2025-05-06</id>"));
        assertTrue(new String(actual.get("data/retracted.csv"), StandardCharsets.UTF_8).contains(",362303-2024-002,"));
    }

    /**
     * A year file that cites another document from now on, with its address and date: that document's page (now
     * cited by two years) shows them, and the page and file of the document no year cites any more are gone. Then a
     * department stops citing the document kept in four folders: the copy before it in the file loses the passage
     * end its citations gave, as in a full build.
     */
    @Test
    void citingAnotherDocumentMovesItsSourcePageAsAFullBuildWould(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(Path.of("content"), tmp);
        Files.copy(content.resolve("sources/tianjin/362303/001_88a8ef7fc06e4953.txt"),
                content.resolve("sources/tianjin/362207/001_88a8ef7fc06e4953.txt")); // not cited yet
        Path theme = Path.of("themes/default");
        Path served = tmp.resolve("site");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BuildOptions options = BuildOptions.of(content, theme, served, lines::add);
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> pipeline(options), lines::add);
        builder.build();
        String before = "sources/tianjin/362303/001_88a8ef7fc06e4953.txt";
        String now = "sources/tianjin/362303/003_048537671a369fc1.txt";
        assertTrue(Files.exists(served.resolve(before + ".html")) && Files.exists(served.resolve(before)));

        Path yearFile = content.resolve("tianjin/362303/2024.yaml");
        String yaml = Files.readString(yearFile, StandardCharsets.UTF_8);
        String edited = yaml.replace("document: tianjin/362303/001_88a8ef7fc06e4953.txt\n",
                "document: tianjin/362303/003_048537671a369fc1.txt\ndocument_url: https://example.org/2024.docx\n"
                        + "document_published: 2024-02-05\n");
        assertTrue(!edited.equals(yaml), "the year file cites 001");
        Files.writeString(yearFile, edited, StandardCharsets.UTF_8);
        lines.clear();
        assertNotNull(builder.update(java.util.Set.of(yearFile), System.nanoTime()), "a year-file edit is incremental");
        awaitAll(lines, List.of("serve: 整体数据下载"));

        Map<String, byte[]> actual = servedEqualsAFullBuild(tmp, content, theme, served);
        assertTrue(!actual.containsKey(before + ".html") && !actual.containsKey(before), "001 is no longer published");
        String page = new String(actual.get(now + ".html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<a href=\"https://example.org/2024.docx\" rel=\"external\">")
                && page.contains("<time datetime=\"2024-02-05\">2024年2月5日</time>")
                && page.contains("<a href=\"/tianjin/362303/2023/\">2023年</a>、<a href=\"/tianjin/362303/2024/\">2024年</a>"),
                "the page of 003 shows both years and the facts");

        String lastPassageBefore = lastPassage(served.resolve("sources/tianjin/362203/003_048537671a369fc1.txt.html"));
        Path jiance = content.resolve("tianjin/362207/2023.yaml");
        Files.writeString(jiance, Files.readString(jiance, StandardCharsets.UTF_8).replace(
                "document: tianjin/362207/003_048537671a369fc1.txt\n", "document: tianjin/362207/001_88a8ef7fc06e4953.txt\n"),
                StandardCharsets.UTF_8);
        lines.clear();
        assertNotNull(builder.update(java.util.Set.of(jiance), System.nanoTime()), "a year-file edit is incremental");
        awaitAll(lines, List.of("serve: 整体数据下载"));
        actual = servedEqualsAFullBuild(tmp, content, theme, served);
        assertTrue(!actual.containsKey("sources/tianjin/362207/003_048537671a369fc1.txt.html"), "362207 cites 001 now");
        assertTrue(!lastPassageBefore.equals(lastPassage(served.resolve("sources/tianjin/362203/003_048537671a369fc1.txt.html"))),
                "362203's last passage ran up to 362207's first and now runs on");
    }

    /**
     * 监测中心 (362203) stops citing the document 财务处 (362101) keeps a copy of: 财务处's last passage now runs from
     * line 4,632 over the lines 监测中心 cited, past 1,200 lines, so its page is cut elsewhere — and 财务处's pages, which
     * the edit did not touch, link their lines on other parts, as in a full build.
     */
    @Test
    void aCopysCitationsMovingWhereAPageIsCutRelinkTheOtherDepartmentsPagesAsAFullBuildWould(@TempDir Path tmp)
            throws Exception {
        Path content = TestSites.copyWithSources(Path.of("content"), tmp);
        Files.copy(content.resolve("sources/tianjin/362303/001_88a8ef7fc06e4953.txt"),
                content.resolve("sources/tianjin/362203/001_88a8ef7fc06e4953.txt"));
        Path theme = Path.of("themes/default");
        Path served = tmp.resolve("site");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BuildOptions options = BuildOptions.of(content, theme, served, lines::add);
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> pipeline(options), lines::add);
        builder.build();
        Path caiwu = served.resolve("sources/tianjin/362101/003_048537671a369fc1.txt.html");
        String partsBefore = partsTable(caiwu);
        Map<String, byte[]> before = tree(served);

        Path jiance = content.resolve("tianjin/362203/2023.yaml");
        String yaml = Files.readString(jiance, StandardCharsets.UTF_8);
        String edited = yaml.replace("document: tianjin/362203/003_048537671a369fc1.txt\n",
                "document: tianjin/362203/001_88a8ef7fc06e4953.txt\n");
        assertTrue(!edited.equals(yaml), "362203 cites 003");
        Files.writeString(jiance, edited, StandardCharsets.UTF_8);
        lines.clear();
        assertNotNull(builder.update(java.util.Set.of(jiance), System.nanoTime()), "a year-file edit is incremental");
        awaitAll(lines, List.of("serve: 整体数据下载"));

        servedEqualsAFullBuild(tmp, content, theme, served);
        assertTrue(!partsBefore.equals(partsTable(caiwu)), "362101's copy is cut elsewhere: " + partsBefore + " → "
                + partsTable(caiwu));
        Map<String, byte[]> after = tree(served);
        List<String> relinked = before.keySet().stream().filter(f -> f.startsWith("projects/362101-2023-"))
                .filter(f -> !java.util.Arrays.equals(before.get(f), after.get(f))).toList();
        assertTrue(!relinked.isEmpty(), "362101's projects link their lines on other parts");
    }

    /** The table of a source page's parts (their first lines) its head carries, or "" when it is one page. */
    private static String partsTable(Path page) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("var s=\\[([0-9,]*)\\]")
                .matcher(Files.readString(page, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "";
    }

    /** The last cited passage of a source page (its last part, when it is shown in parts), as written. */
    private static String lastPassage(Path page) throws IOException {
        Path last = page;
        String name = page.getFileName().toString();
        for (int k = 2; Files.exists(page.resolveSibling(name.replaceFirst("\\.html$", ".p" + k + ".html"))); k++) {
            last = page.resolveSibling(name.replaceFirst("\\.html$", ".p" + k + ".html"));
        }
        String html = Files.readString(last, StandardCharsets.UTF_8);
        int at = html.lastIndexOf("<div class=\"passage\"");
        return html.substring(at, html.indexOf("</div>", at));
    }

    /** sites/charts: 乙局 2024's two projects list amounts; once one does not, the year has no chart and no chart.csv. */
    @Test
    void anEditThatLeavesAYearWithNothingToChartRemovesItsChartCsvAsAFullBuildWould(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(Path.of("generator/src/test/resources/sites/charts"), tmp);
        Path theme = Path.of("themes/default");
        Path served = tmp.resolve("site");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BuildOptions options = BuildOptions.of(content, theme, served, lines::add);
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> pipeline(options), lines::add);
        builder.build();
        assertTrue(Files.exists(served.resolve("shi/102/2024/chart.csv")));

        Path yearFile = content.resolve("shi/102/2024.yaml");
        String yaml = Files.readString(yearFile, StandardCharsets.UTF_8);
        String edited = yaml.replace("    budget:\n      unit: 万元\n      total: 25.50\n", "");
        assertTrue(edited.length() < yaml.length(), "the fixture's 小额项目 lists 25.50 万元");
        Files.writeString(yearFile, edited, StandardCharsets.UTF_8);
        lines.clear();
        assertNotNull(builder.update(java.util.Set.of(yearFile), System.nanoTime()), "a year-file edit is incremental");
        awaitAll(lines, List.of("serve: 整体数据下载"));

        Map<String, byte[]> actual = servedEqualsAFullBuild(tmp, content, theme, served);
        assertTrue(!actual.containsKey("shi/102/2024/chart.csv"), "the year's chart CSV goes with its chart");
        assertTrue(new String(actual.get("chart.csv"), StandardCharsets.UTF_8).contains("\r\n示例市乙局,800.00,8000000.00,\r\n"),
                "home's chart has 乙局's new total");
    }

    @Test
    void aBadEditFailsInTheValidateStageAtItsLineAndLeavesTheServedSiteAsItWas(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyWithSources(Path.of("content"), tmp);
        Path served = tmp.resolve("site");
        BuildOptions options = BuildOptions.of(content, Path.of("themes/default"), served, line -> { });
        IncrementalRebuild builder = new IncrementalRebuild(options, () -> pipeline(options), line -> { });
        builder.build();
        Map<String, byte[]> before = tree(served);
        List<Path> beside = list(tmp);

        Path yearFile = departmentWithSeveralYears(content);
        String yaml = Files.readString(yearFile, StandardCharsets.UTF_8);
        int totalAt = yaml.indexOf("\n      total: ");
        long line = yaml.substring(0, totalAt + 1).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(yearFile, yaml.substring(0, totalAt) + "\n      total: 很多"
                + yaml.substring(yaml.indexOf('\n', totalAt + 1)), StandardCharsets.UTF_8);
        BuildException e = assertThrows(BuildException.class,
                () -> builder.update(java.util.Set.of(yearFile), System.nanoTime()));

        // the full build's validate stage reports it, naming the file, line and field
        assertEquals("validate", e.stage(), e.getMessage());
        String where = content.relativize(yearFile).toString().replace('\\', '/') + ":" + line + ":";
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains("total"), where + " in " + e.getMessage());
        assertEquals(0, changedFiles(before, tree(served)), "files changed by a failed update");
        assertEquals(before.keySet(), tree(served).keySet(), "files added or removed by a failed update");
        assertEquals(beside, list(tmp), "folders left beside the site (a staging folder?)");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Reads the files an edit rewrites until {@code reading} ends; what was not a whole JSON object. */
    private static void readWhole(int port, java.util.concurrent.atomic.AtomicBoolean reading, List<String> bad) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<String> files = List.of("search/data/meta.json", "data/all.json", "data/datapackage.json");
        for (int i = 0; reading.get(); i++) {
            String file = files.get(i % files.size());
            try {
                java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/" + file)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String body = r.body().strip();
                if (r.statusCode() != 200 || !body.startsWith("{") || !body.endsWith("}")) {
                    bad.add(file + ": HTTP " + r.statusCode() + ", " + body.length() + " chars");
                }
                Thread.sleep(5);
            } catch (IOException e) {
                bad.add(file + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String projectPageOf(String yaml, int nameAt) {
        int idAt = yaml.lastIndexOf("  - id: ", nameAt);
        String id = yaml.substring(idAt + "  - id: ".length(), yaml.indexOf('\n', idAt)).strip();
        return "projects/" + id + "/index.html";
    }

    private static Path departmentWithSeveralYears(Path content) throws IOException {
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("20[0-9]{2}\\.yaml")).sorted().toList()) {
                try (Stream<Path> siblings = Files.list(file.getParent())) {
                    if (siblings.filter(f -> f.getFileName().toString().matches("20[0-9]{2}\\.yaml")).count() >= 2) {
                        return file;
                    }
                }
            }
        }
        throw new AssertionError("the content has no department with two years");
    }

    /** The first line starting with each prefix, in the prefixes' order, whatever order they come in. */
    private static List<String> awaitAll(LinkedBlockingQueue<String> lines, List<String> prefixes) throws InterruptedException {
        String[] found = new String[prefixes.size()];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && Arrays.stream(found).anyMatch(f -> f == null)) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("serve: 重新构建失败") || line.contains("失败：")) {
                throw new AssertionError(line);
            }
            for (int i = 0; i < found.length; i++) {
                if (found[i] == null && line.startsWith(prefixes.get(i))) {
                    found[i] = line;
                }
            }
        }
        for (int i = 0; i < found.length; i++) {
            assertNotNull(found[i], "no line starting with '" + prefixes.get(i) + "' within 180 s");
        }
        return List.of(found);
    }

    private static long changedFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return b.entrySet().stream().filter(e -> !Arrays.equals(e.getValue(), a.get(e.getKey()))).count();
    }

    /**
     * The served folder holds exactly the files a full build of the same content writes, byte for byte, but for the
     * data version the pages' citations quote (an update keeps the last full build's, IncrementalRebuild says why):
     * every page quotes one version, the last full build's or — the downloads page, listing the regenerated
     * datapackage.json — the new one; → the served files.
     */
    private static Map<String, byte[]> servedEqualsAFullBuild(Path tmp, Path content, Path theme, Path served)
            throws Exception {
        Path full = tmp.resolve("full").resolve("site");
        pipeline(BuildOptions.of(content, theme, full, line -> { })).run();
        Map<String, byte[]> expected = tree(full);
        Map<String, byte[]> actual = tree(served);
        assertEquals(expected.keySet(), actual.keySet(), "same files as a full build");
        String version = dataVersion(expected.get("data/datapackage.json"));
        assertEquals(version, dataVersion(actual.get("data/datapackage.json")), "the served data package");
        List<String> different = new ArrayList<>();
        Set<String> quoted = new java.util.TreeSet<>();
        expected.forEach((path, bytes) -> {
            byte[] got = actual.get(path);
            if (path.endsWith(".html")) {
                java.util.regex.Matcher m = QUOTED_VERSION.matcher(new String(got, StandardCharsets.UTF_8));
                while (m.find()) {
                    quoted.add(path.endsWith("data/index.html") ? "downloads page: " + m.group(1) : m.group(1));
                }
                bytes = withoutVersion(bytes);
                got = withoutVersion(got);
            }
            if (!Arrays.equals(bytes, got)) {
                different.add(path);
            }
        });
        assertEquals(List.of(), different, "files whose bytes differ from a full build");
        assertTrue(quoted.contains("downloads page: " + version), "the downloads page quotes the new version: " + quoted);
        assertTrue(quoted.stream().filter(q -> !q.startsWith("downloads page: ")).count() == 1,
                "the other pages quote one version: " + quoted);
        return actual;
    }

    private static final java.util.regex.Pattern QUOTED_VERSION =
            java.util.regex.Pattern.compile("<span class=\"data-version\">([^<]+)</span>");

    private static byte[] withoutVersion(byte[] page) {
        return QUOTED_VERSION.matcher(new String(page, StandardCharsets.UTF_8)).replaceAll("<span class=\"data-version\">…</span>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String dataVersion(byte[] dataPackage) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(dataPackage).get("version").asText();
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
