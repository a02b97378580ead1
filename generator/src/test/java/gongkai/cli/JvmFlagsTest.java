package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmFlagsTest {
    /** The committed content (the fixture test-site cites source documents that only its own tests copy in). */
    private static final String TEST_SITE = "content";

    @Test
    void theScriptStartsJavaWithTheSmallSiteFlagsAndTheAutoMarker() throws Exception {
        String script = Files.readString(Path.of("gongkai"), StandardCharsets.UTF_8);
        String exec = script.lines().filter(l -> l.startsWith("exec java ")).findFirst().orElseThrow();
        List<String> words = List.of(exec.split("\\s+"));
        assertTrue(words.containsAll(JvmFlags.SMALL), exec);
        assertTrue(words.contains(JvmFlags.AUTO), exec);
        // user options come after ours, so GONGKAI_JAVA_OPTS can override them
        assertTrue(words.indexOf("${GONGKAI_JAVA_OPTS:-}") > words.indexOf(JvmFlags.AUTO), exec);
    }

    /** The script asks for huge pages exactly when JvmFlags does: a real run of its check on this machine. */
    @Test
    void theScriptAndJvmFlagsAgreeOnHugePages() throws Exception {
        String script = Files.readString(Path.of("gongkai"), StandardCharsets.UTF_8);
        String check = script.lines().filter(l -> l.startsWith("if grep ") && l.contains("transparent_hugepage"))
                .findFirst().orElseThrow();
        assertTrue(check.contains(JvmFlags.HUGE_PAGES_SETTING.toString()), check);
        assertTrue(script.contains("huge_pages=\"" + JvmFlags.HUGE_PAGES + "\""), script);
        String condition = check.substring("if ".length(), check.lastIndexOf("; then"));
        Process p = new ProcessBuilder("bash", "-c", condition).start();
        boolean scriptSaysYes = p.waitFor() == 0;
        assertEquals(JvmFlags.hugePagesOffered(), scriptSaysYes, condition);
        assertEquals(scriptSaysYes, JvmFlags.forContentBytes(0).contains(JvmFlags.HUGE_PAGES));
        assertEquals(scriptSaysYes, JvmFlags.forContentBytes(JvmFlags.LARGE_CONTENT_BYTES).contains(JvmFlags.HUGE_PAGES));
    }

    /** The script writes and passes the class-data archive that JvmFlags passes to the JVMs it starts. */
    @Test
    void theScriptAndJvmFlagsUseTheSameClassArchive() throws Exception {
        String script = Files.readString(Path.of("gongkai"), StandardCharsets.UTF_8);
        assertTrue(script.contains("archive=\"$here/target/" + JvmFlags.CLASS_ARCHIVE_NAME + "\""), script);
        String flags = script.lines().filter(l -> l.strip().startsWith("class_archive=\"-XX:SharedArchiveFile="))
                .findFirst().orElseThrow();
        for (String quiet : JvmFlags.QUIET_CLASS_ARCHIVE) {
            assertTrue(flags.contains(quiet), flags);
        }
        String exec = script.lines().filter(l -> l.startsWith("exec java ")).findFirst().orElseThrow();
        assertTrue(exec.contains("${class_archive}"), exec);
    }

    @Test
    void theClassArchiveIsUsedOnlyWhenItIsAtLeastAsNewAsTheJar(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("gongkai.jar"), "jar");
        assertEquals(List.of(), JvmFlags.classArchive(jar));
        assertEquals(List.of(), JvmFlags.classArchive(null));
        Path archive = Files.writeString(tmp.resolve(JvmFlags.CLASS_ARCHIVE_NAME), "archive");
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(jar, t);
        Files.setLastModifiedTime(archive, t);
        List<String> expected = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        expected.addAll(JvmFlags.QUIET_CLASS_ARCHIVE);
        assertEquals(expected, JvmFlags.classArchive(jar));
        // a jar rebuilt after the archive was written: the archive no longer matches it
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_700_000_001_000L));
        assertEquals(List.of(), JvmFlags.classArchive(jar));
    }

    @Test
    void c1AloneBelowTheThresholdC2FromIt() {
        assertTrue(JvmFlags.forContentBytes(0).contains(JvmFlags.C1_ONLY));
        assertTrue(JvmFlags.forContentBytes(JvmFlags.LARGE_CONTENT_BYTES - 1).contains(JvmFlags.C1_ONLY));
        assertFalse(JvmFlags.forContentBytes(JvmFlags.LARGE_CONTENT_BYTES).contains(JvmFlags.C1_ONLY));
        assertTrue(JvmFlags.forContentBytes(JvmFlags.LARGE_CONTENT_BYTES - 1).contains(JvmFlags.SERIAL_GC));
        assertTrue(JvmFlags.forContentBytes(JvmFlags.LARGE_CONTENT_BYTES).contains(JvmFlags.PARALLEL_GC));
        for (long bytes : new long[] {0, JvmFlags.LARGE_CONTENT_BYTES}) {
            long collectors = JvmFlags.forContentBytes(bytes).stream().filter(f -> f.matches("-XX:\\+Use\\w+GC")).count();
            assertEquals(1, collectors, "one collector: the JVM refuses to start with two");
        }
    }

    @Test
    void contentBytesCountsTheYamlFiles(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("site.yaml"), "title: x\n");
        Files.createDirectories(tmp.resolve("r/d"));
        Files.writeString(tmp.resolve("r/d/2024.yaml"), "year: 2024\n");
        Files.writeString(tmp.resolve("r/d/notes.txt"), "not content that the build grows with");
        assertEquals(9 + 11, JvmFlags.contentBytes(tmp));
        assertEquals(0, JvmFlags.contentBytes(tmp.resolve("missing")));
    }

    /** A real relaunch: a JVM started as the script starts it, on content over a (lowered) threshold. */
    @Tag("slow")
    @Test
    void aLargeBuildRunsInAChildJvmWithC2AndKeepsTheExitCodeAndOtherFlags(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        List<String> command = new ArrayList<>(List.of(JvmFlags.javaBinary()));
        command.addAll(JvmFlags.SMALL);
        command.addAll(List.of(JvmFlags.AUTO, "-Dgongkai.jit.largeBytes=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "gongkai.cli.Main",
                "build", "--content", TEST_SITE, "--theme", "themes/default", "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertTrue(output.contains("改在启用 C2 编译器的 JVM 中构建（"
                + String.join(" ", JvmFlags.forContentBytes(JvmFlags.LARGE_CONTENT_BYTES)) + "）"), output);
        assertTrue(Files.isRegularFile(out.resolve("index.html")), output);

        // the same without the lowered threshold: no relaunch
        Path out2 = tmp.resolve("site2");
        command.remove("-Dgongkai.jit.largeBytes=1");
        command.set(command.size() - 1, out2.toString());
        Process q = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output2 = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, q.waitFor(), output2);
        assertFalse(output2.contains("C2 编译器"), output2);

        // a failing build's exit code comes through the relaunch
        command.add(command.indexOf("-Xmx512m"), "-Dgongkai.jit.largeBytes=1");
        int contentArg = command.indexOf("--content") + 1;
        command.set(contentArg, "generator/src/test/resources/sites/invalid/duplicate-project-id");
        Process r = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output3 = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, r.waitFor(), output3);
        assertTrue(output3.contains("构建失败（validate 阶段）"), output3);
    }
}
