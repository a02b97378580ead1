package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The publishing recipes of docs/publishing.md, run as an agency's CI runs them: a content repository with five
 * dated commits, cloned in full and shallow (CI's default), each checked and built by scripts/publish/check.sh;
 * the built site deployed by scripts/publish/deploy-dir.sh and (dry run) deploy-bucket.sh; the CI files in
 * docs/recipes/ call the same script and fetch the whole history.
 */
@Tag("slow")
class PublishingRecipeTest {
    @TempDir
    static Path tmp;
    static Path origin;
    static final List<String> DATES = List.of("2025-01-03", "2025-02-11", "2025-03-20", "2025-04-08", "2025-05-30");

    record Run(int exit, String output) {
    }

    static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    static void git(Path dir, String date, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=测试单位", "-c", "user.email=t@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        String when = (date == null ? DATES.get(0) : date) + "T10:00:00+08:00";
        Run r = run(dir, Map.of("GIT_AUTHOR_DATE", when, "GIT_COMMITTER_DATE", when), command.toArray(String[]::new));
        assertEquals(0, r.exit(), String.join(" ", command) + "\n" + r.output());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** An agency's repository: content/, the theme and the publishing scripts; one commit per date. */
    @BeforeAll
    static void repository() throws Exception {
        origin = tmp.resolve("origin");
        copyTree(TestSites.TEST_SITE, origin.resolve("content"));
        copyTree(TestSites.defaultTheme(), origin.resolve("themes/default"));
        copyTree(Path.of("scripts/publish"), origin.resolve("scripts/publish"));
        git(origin, null, "init", "-q", "-b", "main");
        git(origin, DATES.get(0), "add", "-A");
        git(origin, DATES.get(0), "commit", "-q", "-m", "首次发布");
        // each later commit changes a different file, so each page has its own date
        List<Path> yearFiles;
        try (Stream<Path> walk = Files.walk(origin.resolve("content"))) {
            yearFiles = walk.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("site.yaml"))
                    .sorted().toList();
        }
        assertTrue(yearFiles.size() >= 4, yearFiles.toString());
        for (int i = 1; i < DATES.size(); i++) {
            Path f = yearFiles.get(i - 1);
            Files.writeString(f, Files.readString(f) + "# 第 " + i + " 次修改\n");
            git(origin, DATES.get(i), "commit", "-q", "-am", "更新 " + origin.relativize(f));
        }
    }

    /** GONGKAI for the scripts: this JVM with the test class path (the product's classes, built by Maven). */
    static Map<String, String> gongkaiEnv() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Map.of("GONGKAI", java + " -cp " + System.getProperty("java.class.path") + " gongkai.cli.Main");
    }

    static Set<String> sitemapDates(Path site) throws IOException {
        Set<String> dates = new TreeSet<>();
        Matcher m = Pattern.compile("<lastmod>([^<]+)</lastmod>").matcher(Files.readString(site.resolve("sitemap.xml")));
        while (m.find()) {
            dates.add(m.group(1));
        }
        return dates;
    }

    @Test
    void aFullCloneIsCheckedBuiltAndDatedByItsHistory() throws Exception {
        Path clone = tmp.resolve("full");
        git(tmp, null, "clone", "-q", origin.toUri().toString(), clone.toString());
        Run r = run(clone, gongkaiEnv(), "bash", "scripts/publish/check.sh", "site");
        assertEquals(0, r.exit(), r.output());
        assertTrue(!r.output().contains("浅克隆"), r.output());
        assertEquals(new TreeSet<>(DATES), sitemapDates(clone.resolve("site")), "every commit's date on its pages");
        assertTrue(Files.readString(clone.resolve("site/feed.xml")).contains(DATES.get(DATES.size() - 1)));
    }

    @Test
    void aShallowCloneIsReportedWithTheFix() throws Exception {
        Path clone = tmp.resolve("shallow");
        git(tmp, null, "clone", "-q", "--depth", "1", origin.toUri().toString(), clone.toString());
        Run r = run(clone, gongkaiEnv(), "bash", "scripts/publish/check.sh", "site");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("浅克隆") && r.output().contains("fetch-depth: 0")
                && r.output().contains("git fetch --unshallow"), r.output());
        assertEquals(Set.of(DATES.get(DATES.size() - 1)), sitemapDates(clone.resolve("site")),
                "a shallow clone dates everything by its one commit — hence the warning");
    }

    @Test
    void aBrokenEditFailsTheCheckAndWritesNoSite() throws Exception {
        Path clone = tmp.resolve("broken");
        git(tmp, null, "clone", "-q", origin.toUri().toString(), clone.toString());
        Path year;
        try (Stream<Path> walk = Files.walk(clone.resolve("content"))) {
            year = walk.filter(p -> p.getFileName().toString().matches("\\d{4}\\.yaml")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(year, Files.readString(year).replaceFirst("(?m)^year: .*$", "year: 二〇二四"));
        Run r = run(clone, gongkaiEnv(), "bash", "scripts/publish/check.sh", "site");
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains(clone.relativize(year).toString().replace("content/", "")) && r.output().contains("year"),
                r.output());
        assertTrue(!Files.exists(clone.resolve("site")), "validate stopped the check before a build");
    }

    @Test
    void theCiRecipesRunTheCheckScriptOnTheWholeHistory() throws Exception {
        Yaml yaml = new Yaml();
        String github = Files.readString(Path.of("docs/recipes/github-actions.yml"));
        String gitlab = Files.readString(Path.of("docs/recipes/gitlab-ci.yml"));
        String gitee = Files.readString(Path.of("docs/recipes/gitee-go.yml"));
        for (String recipe : List.of(github, gitlab, gitee)) {
            assertTrue(yaml.load(recipe) instanceof Map, "valid YAML");
            assertTrue(recipe.contains("scripts/publish/check.sh"), recipe);
        }
        Map<String, Object> gh = yaml.load(github);
        String steps = String.valueOf(((Map<?, ?>) ((Map<?, ?>) gh.get("jobs")).get("site")).get("steps"));
        assertTrue(steps.contains("fetch-depth=0"), steps);
        Map<String, Object> gl = yaml.load(gitlab);
        assertEquals(0, ((Map<?, ?>) gl.get("variables")).get("GIT_DEPTH"));
        assertTrue(gitee.contains("git fetch --unshallow"));
    }

    @Test
    void deployToAFolderSwitchesTheServedSiteInOneStep() throws Exception {
        Path clone = tmp.resolve("deploy");
        git(tmp, null, "clone", "-q", origin.toUri().toString(), clone.toString());
        assertEquals(0, run(clone, gongkaiEnv(), "bash", "scripts/publish/check.sh", "site").exit());
        Path served = tmp.resolve("www/gongkai");
        Files.createDirectories(served.getParent());
        Run first = run(clone, Map.of(), "bash", "scripts/publish/deploy-dir.sh", "site", served.toString());
        assertEquals(0, first.exit(), first.output());
        assertTrue(Files.isSymbolicLink(served));
        assertEquals(files(clone.resolve("site")), files(served.toRealPath()));
        Path firstRelease = Files.readSymbolicLink(served);
        Thread.sleep(1100); // release folders are named by the second
        Run second = run(clone, Map.of(), "bash", "scripts/publish/deploy-dir.sh", "site", served.toString());
        assertEquals(0, second.exit(), second.output());
        assertTrue(!Files.readSymbolicLink(served).equals(firstRelease), "the link moved to the new release");
        assertTrue(Files.isDirectory(firstRelease), "the previous release is kept for a rollback");
        // a real folder at the served path is never overwritten
        Path realFolder = tmp.resolve("www/real");
        Files.createDirectories(realFolder);
        Run refused = run(clone, Map.of(), "bash", "scripts/publish/deploy-dir.sh", "site", realFolder.toString());
        assertEquals(1, refused.exit(), refused.output());
    }

    @Test
    void deployToABucketTypesEveryFileOnceAndRefusesUnknownKinds() throws Exception {
        Path clone = tmp.resolve("bucket");
        git(tmp, null, "clone", "-q", origin.toUri().toString(), clone.toString());
        assertEquals(0, run(clone, gongkaiEnv(), "bash", "scripts/publish/check.sh", "site").exit());
        Run dry = run(clone, Map.of("DRY_RUN", "1"), "bash", "scripts/publish/deploy-bucket.sh", "site", "s3://bucket/gongkai");
        assertEquals(0, dry.exit(), dry.output());
        // every file of the built site matches exactly one upload's pattern (none is uploaded twice with two types)
        List<String> patterns = new ArrayList<>();
        Matcher m = Pattern.compile("--include \\\\?(\\S+) --content-type (\\S+)").matcher(dry.output());
        while (m.find()) {
            patterns.add(m.group(1).replace("\\", ""));
        }
        assertTrue(patterns.contains("*.html") && patterns.contains("*.bin") && patterns.contains("feed*.xml"), patterns.toString());
        for (String f : files(clone.resolve("site"))) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            long hits = patterns.stream().filter(p -> name.matches(p.replace(".", "\\.").replace("*", ".*"))).count();
            assertEquals(1, hits, f + " matches " + hits + " upload patterns");
        }
        assertTrue(dry.output().contains("--content-type text/html\\;\\ charset=utf-8 --cache-control no-cache"), dry.output());
        Files.writeString(clone.resolve("site/unknown.exe"), "x");
        Run refused = run(clone, Map.of("DRY_RUN", "1"), "bash", "scripts/publish/deploy-bucket.sh", "site", "oss://bucket");
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().contains("./unknown.exe"), refused.output());
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
