package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Lang;
import gongkai.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --lang zh|en} and the environment's choice, run in-process with a given environment (never the JVM's):
 * Chinese unless asked for English; validate, build and import then say the same things in English.
 */
class LanguageTest {
    private static final String SITES = "generator/src/test/resources/sites/";
    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of(env(), Lang.ZH),
                Arguments.of(env("LANG", "C.UTF-8"), Lang.ZH),
                Arguments.of(env("LANG", "C"), Lang.ZH),
                Arguments.of(env("LANG", "POSIX"), Lang.ZH),
                Arguments.of(env("LANG", "zh_CN.UTF-8"), Lang.ZH),
                Arguments.of(env("LANG", "de_DE.UTF-8"), Lang.ZH),
                Arguments.of(env("LANG", "en_US.UTF-8"), Lang.EN),
                Arguments.of(env("LANG", "en"), Lang.EN),
                Arguments.of(env("LC_MESSAGES", "en_GB.UTF-8", "LANG", "C.UTF-8"), Lang.EN),
                Arguments.of(env("LC_ALL", "en_US.UTF-8", "LANG", "zh_CN.UTF-8"), Lang.EN),
                // the first locale variable set decides, as for every program
                Arguments.of(env("LC_ALL", "C.UTF-8", "LANG", "en_US.UTF-8"), Lang.ZH),
                Arguments.of(env("LC_ALL", "", "LANG", "en_US.UTF-8"), Lang.EN),
                Arguments.of(env("GONGKAI_LANG", "en", "LANG", "C.UTF-8"), Lang.EN),
                Arguments.of(env("GONGKAI_LANG", "EN"), Lang.EN),
                Arguments.of(env("GONGKAI_LANG", "zh", "LANG", "en_US.UTF-8"), Lang.ZH),
                Arguments.of(env("GONGKAI_LANG", "fr", "LANG", "en_US.UTF-8"), Lang.EN),
                Arguments.of(env("GONGKAI_LANG", "fr"), Lang.ZH));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void chineseUnlessTheEnvironmentAsksForEnglish(Map<String, String> environment, Lang expected) {
        assertEquals(expected, LanguageOption.fromEnvironment(environment), environment.toString());
    }

    @Test
    void validateWithLangEnOnAnInvalidSitePrintsEnglishAndExitsOne() {
        String dir = SITES + "invalid/several-errors-in-several-files";
        CliRun r = CliRun.run(env(), "validate", "--lang", "en", dir);
        assertEquals(1, r.status());
        assertEquals(String.join("\n",
                dir + "/site.yaml:4:11: base_url: the site's address must end with / (page links start from it), e.g. https://example.org/",
                dir + "/tianjin/362301/department.yaml:1:1: name: required field missing",
                dir + "/tianjin/362303/2024.yaml:2:7: year: year 2023 differs from the file name 2024.yaml: write year: 2024, "
                        + "or rename the file to 2023.yaml",
                dir + "/tianjin/362303/2024.yaml:8:13: projects[0].budget.unit: unknown money unit '美元': write \"元\" or \"万元\"",
                dir + "/tianjin/362303/2024.yaml:9:14: projects[0].budget.total: '六元' is not an amount: write half-width digits "
                        + "with an optional decimal point, no unit or commas, e.g. 6.00",
                dir + "/tianjin/region.yaml:2:1: parnet: unknown key 'parnet' (did you mean 'parent'?)") + "\n", r.err());
        assertEquals("validate: 1 department-year, 1 project: 6 errors, 0 warnings\n", r.out());
    }

    @Test
    void anEnglishLocaleGivesEnglishAndTheOptionOverridesIt() {
        String dir = SITES + "invalid/warnings-only";
        String english = dir + "/tianjin/362303/2024.yaml:5:9: projects[0].id: warning: project id '362303-2024-1' is not "
                + "written 362303-2024-nnn (nnn a three-digit number, e.g. 362303-2024-001)\n"
                + dir + "/tianjin/362303/2024.yaml:9:14: projects[0].budget.total: warning: Q001 budget total differs from the "
                + "sum of its funding sources: fiscal funds 5.00 + other funds 0.50 = 5.50 万元, but the budget total is 6.00 万元\n";
        String chinese = dir + "/tianjin/362303/2024.yaml:5:9: projects[0].id: 警告：项目编号 '362303-2024-1' 不是 362303-2024-nnn "
                + "的写法（nnn 是三位序号，如 362303-2024-001）\n"
                + dir + "/tianjin/362303/2024.yaml:9:14: projects[0].budget.total: 警告：Q001 预算数与资金来源合计不符："
                + "财政资金 5.00 + 其他资金 0.50 = 5.50 万元，预算数为 6.00 万元\n";
        CliRun r = CliRun.run(env("LANG", "en_US.UTF-8"), "validate", dir);
        assertEquals(0, r.status());
        assertEquals(english, r.err());
        assertEquals("validate: 1 department-year, 1 project: 0 errors, 2 warnings\n", r.out());
        r = CliRun.run(env("LANG", "en_US.UTF-8"), "validate", "--lang", "zh", dir);
        assertEquals(0, r.status());
        assertEquals(chinese, r.err());
        assertEquals("validate：1 个部门年度，1 个项目：0 个错误，2 个警告\n", r.out());
        r = CliRun.run(env("LANG", "C.UTF-8"), "validate", dir);
        assertEquals(0, r.status());
        assertEquals(chinese, r.err(), "a CI machine's C locale stays Chinese");
        r = CliRun.run(env("GONGKAI_LANG", "en"), "validate", dir);
        assertEquals(0, r.status());
        assertEquals(english, r.err());
    }

    @Test
    void everyCommandShowsTheOptionInItsHelp() {
        for (String command : List.of("validate", "build", "serve", "import", "search")) {
            CliRun r = CliRun.run(env(), command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().contains("--lang=zh|en"), command + ": " + r.out());
            assertTrue(r.out().contains("GONGKAI_LANG=en"), command + ": " + r.out());
        }
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        CliRun r = CliRun.run(env(), "validate", "--lang", "fr", SITES + "test-site");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("Invalid value for option '--lang': --lang 只能是 zh 或 en (--lang must be zh or en): 'fr'"),
                r.err());
    }

    @Test
    void aFailedBuildIsToldInEnglish(@TempDir Path tmp) {
        String dir = SITES + "invalid/year-path-mismatch";
        Path site = tmp.resolve("site");
        CliRun r = CliRun.run(env(), "build", "--lang", "en", "--content", dir, "--out", site.toString());
        assertEquals(1, r.status());
        assertEquals("build failed (validate stage): 1 content error:\n"
                + "  " + dir + "/tianjin/362303/2024.yaml:2:7: year: year 2023 differs from the file name 2024.yaml: "
                + "write year: 2024, or rename the file to 2023.yaml\n"
                + "(the previous site " + site + " and search index " + site + ".index are unchanged)\n", r.err());
        assertTrue(Files.notExists(site));
    }

    @Test
    void importProblemsAreToldInEnglish(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Path note = tmp.resolve("note.txt");
        Files.writeString(note, "随便一段文字\n");
        CliRun unknown = CliRun.run(env(), "import", "--lang", "en", "--content", content.toString(), note.toString());
        assertEquals(1, unknown.status());
        assertEquals(List.of("import failed: note.txt:1: file format: neither a Tianjin project performance target table "
                        + "(a heading \"1.…绩效目标表\" or \"1、…\" \"（一）…\", the line below it \"<6-digit budget unit code><unit "
                        + "name>\") nor a Hengshui department budget disclosure (with \"部门预算信息公开\" and indicator tables); "
                        + "below is what was recognised and what not",
                "import failed: note.txt:1: table: the file has no tables: both project performance target tables and "
                        + "department budget disclosures are made of tables (a PDF must have its text; a scan cannot be imported)"),
                unknown.err().lines().toList());

        Path seed = Seeds.seed("001");
        CliRun year = CliRun.run(env(), "import", "--lang", "en", "--year", "24", "--content", content.toString(), seed.toString());
        assertEquals(1, year.status());
        assertEquals("import failed: " + seed.getFileName() + ":1: --year: 24 is not a four-digit year (1000–9999); "
                + "e.g. --year 2024\n", year.err());

        CliRun region = CliRun.run(env(), "import", "--lang", "en", "--region", "Tianjin", "--content", content.toString(),
                seed.toString());
        assertEquals("import failed: " + seed.getFileName() + ":1: --region: 'Tianjin' cannot be a region code: use lower-case "
                + "letters, digits and - (starting with a letter or digit), and not pages or sources; e.g. --region tianjin\n",
                region.err());

        Path bj = tmp.resolve("bj.txt");
        Files.writeString(bj, Files.readString(seed, StandardCharsets.UTF_8).replace("362303天津市", "362303北京市"));
        CliRun unit = CliRun.run(env(), "import", "--lang", "en", "--content", content.toString(), bj.toString());
        assertEquals(1, unit.status());
        assertEquals("import failed: bj.txt:2: region: cannot tell which region the unit \"北京市生态环境保护综合行政执法总队\" "
                + "belongs to (the region table has tianjin (\"天津市\"), binhai (\"天津市滨海新区\"), hengshui (\"衡水市\")): "
                + "import again with --region and a region code (lower-case letters, digits and -); a new region code gets a "
                + "region.yaml, whose name you then fill in in Chinese\n", unit.err());

        List<String> lines = new ArrayList<>(List.of(Files.readString(Seeds.seed("004"), StandardCharsets.UTF_8).split("\n", -1)));
        int line = lines.indexOf("\t118.50") + 1;
        lines.set(line - 1, "\t1e5");
        Path amount = tmp.resolve("004.txt");
        Files.writeString(amount, String.join("\n", lines));
        CliRun bad = CliRun.run(env(), "import", "--lang", "en", "--content", content.toString(), amount.toString());
        assertEquals(1, bad.status());
        List<String> err = bad.err().lines().toList();
        assertEquals(2, err.size(), bad.err());
        assertTrue(err.get(0).matches("import failed: 004\\.txt:" + line + ": [^:]+: '1e5' is not a plain decimal number "
                + "\\(only half-width digits 0-9, optionally a decimal point, a - before a negative number; no scientific "
                + "notation, full-width or other scripts' digits, or thousands separators; e\\.g\\. 6\\.00\\)"), err.get(0));
        assertEquals("import failed: 004.txt: 1 problem, no file written", err.get(1));
        assertTrue(Files.notExists(content));
    }

    @Test
    void theDryRunReportIsInEnglish(@TempDir Path tmp) {
        CliRun r = CliRun.run(env("LANG", "en_US.UTF-8"), "import", "--dry-run", "--content", tmp.resolve("content").toString(),
                Seeds.seed("000").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("import " + Seeds.seed("000").getFileName() + ": 1 department-year, 6 projects, 53 indicators",
                "  year 2025: the latest year in the project headings (line 2 \"1.**2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）"
                        + "绩效目标表\"); other headings name 2024 (names of continuing projects). If that is wrong, give --year",
                "  binhai/362301/2025.yaml  天津市滨海新区生态环境保护综合行政执法支队2025年项目支出绩效目标表 (new file)",
                "  --dry-run: no file written"), r.out().lines().toList());
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
