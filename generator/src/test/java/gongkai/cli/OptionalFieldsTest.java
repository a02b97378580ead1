package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field docs/content-format.md calls optional really is: the fixture site with all of them left out
 * validates and builds (render, link check and all), and the pages still show what is there.
 */
class OptionalFieldsTest {
    /** Lines that hold only optional fields (and the lines of their block values). */
    private static final Pattern OPTIONAL = Pattern.compile(
            " *(short_name|heading|fiscal|purpose|goals|description|basis|note|parent|markdown):.*"
                    + "|        unit:.*"); // a column's unit (a budget's, at 6 spaces, is required)

    @Test
    void theSiteBuildsWithEveryOptionalFieldLeftOut(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        try (Stream<Path> walk = Files.walk(TestSites.TEST_SITE)) {
            for (Path p : walk.sorted().toList()) {
                Path target = content.resolve(TestSites.TEST_SITE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (p.getFileName().toString().equals("site.yaml")) {
                    // the site's description is required; its licence link and report address are not
                    Files.writeString(target, Files.readString(p).replaceAll("(?m)^(licence_url|report_url):.*\n", ""));
                } else if (p.toString().endsWith(".yaml")) {
                    Files.writeString(target, withoutOptionalFields(Files.readString(p)));
                } else {
                    Files.copy(p, target);
                }
            }
        }
        String year = Files.readString(content.resolve("tianjin/362303/2024.yaml"));
        assertFalse(year.contains("purpose") || year.contains("heading") || year.contains("fiscal"), year);
        String hengshui = Files.readString(content.resolve("hengshui/467/2020.yaml"));
        assertFalse(hengshui.contains("markdown") || hengshui.contains("note:") || hengshui.contains("basis"), hengshui);

        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int validate;
        int build;
        try {
            validate = Main.execute("validate", content.toString());
            build = Main.execute("build", "--content", content.toString(), "--theme", "themes/default",
                    "--out", tmp.resolve("site").toString());
        } finally {
            System.setErr(savedErr);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, validate, log);
        assertEquals(0, build, log);
        String project = Files.readString(tmp.resolve("site/projects/362303-2024-001/index.html"));
        assertTrue(project.contains("2024年度天津市辐射环境执法安全防护能力提升项目"), project);
        assertTrue(Files.isRegularFile(tmp.resolve("site/hengshui/467/2020/index.html")));
    }

    /** Drops each optional key with its block value (the more-indented lines after it). */
    private static String withoutOptionalFields(String yaml) {
        StringBuilder out = new StringBuilder();
        int droppedIndent = -1;
        List<String> lines = yaml.lines().toList();
        for (String line : lines) {
            int indent = line.length() - line.stripLeading().length();
            if (droppedIndent >= 0 && (line.isBlank() || indent > droppedIndent)) {
                continue;
            }
            droppedIndent = -1;
            if (OPTIONAL.matcher(line).matches()) {
                droppedIndent = indent;
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
