package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    private static final String SITES = "generator/src/test/resources/sites/";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
    }

    @Test
    void contentErrorsFailTheBuildNamingFileLineAndFieldAndWriteNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        String dir = SITES + "invalid/duplicate-project-id";
        assertEquals(1, Main.execute("build", "--content", dir, "--theme", "themes/default", "--out", out.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        // validate's warnings come first, as gongkai validate prints them; then the errors that failed the build
        assertTrue(message.startsWith(dir + "/tianjin/362301/2025.yaml:5:9: projects[0].id: 警告：项目编号 '362303-2024-001' 不是"
                + " 362301-2025-nnn 的写法（nnn 是三位序号，如 362301-2025-001）\n构建失败（validate 阶段）："), message);
        assertTrue(message.matches("(?s).*" + dir + "/tianjin/362303/20\\d\\d\\.yaml:\\d+:\\d+: projects\\[\\d+\\]\\.id: .*"), message);
        assertFalse(Files.exists(out));
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "no staging directory left behind");
        }
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAGeneratedSite(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("precious"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        assertEquals(1, Main.execute("build", "--content", SITES + "test-site", "--theme", "themes/default",
                "--out", out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("不像生成的网站（没有 index.html）"));
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
    }
}
