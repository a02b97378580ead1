package gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Lang;
import gongkai.content.Problem;
import gongkai.testing.EnglishText;
import gongkai.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clerk's mistakes of {@link YamlMistakesTest} and the broken sites of {@link InvalidContentTest}, told in
 * English ({@code --lang en}): the same file, line, column and field, what is wrong and what to type instead —
 * each compared whole. The Chinese of the same problems stays what those tests expect.
 */
class EnglishMessagesTest {
    private static final String FILE = "tianjin/362303/2024.yaml";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(7, "    name：2024年度天津市辐射环境执法安全防护能力提升项目",
                        "7:9: name: a full-width colon \"：\" follows \"name\"; type a half-width colon and a space: "
                                + "\"name: 2024年度天津市辐射环境执法安全防护能力提升项目\""),
                Arguments.of(6, "  - id：362303-2024-001",
                        "6:7: id: a full-width colon \"：\" follows \"id\"; type a half-width colon and a space: \"id: 362303-2024-001\""),
                Arguments.of(3, "title：天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表",
                        "3:6: title: a full-width colon \"：\" follows \"title\"; type a half-width colon and a space: "
                                + "\"title: 天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表\""),
                Arguments.of(22, "        target：4台",
                        "22:15: target: a full-width colon \"：\" follows \"target\"; type a half-width colon and a space: \"target: 4台\""),
                Arguments.of(7, "    name:\u30002024年度项目",
                        "7:10: name: a full-width space (U+3000) follows the colon; type a half-width space: \"name: 2024年度项目\""),
                Arguments.of(7, "\u3000\u3000\u3000\u3000name: 2024年度项目",
                        "7:1: a full-width space (U+3000) in the indentation: type half-width spaces instead (switch the input "
                                + "method to English and press the space bar)"),
                Arguments.of(7, "\tname: 2024年度项目",
                        "7:1: a tab in the indentation: YAML indents with spaces only; replace this tab with spaces, aligned "
                                + "with the lines around it"),
                Arguments.of(22, "      \t  target: 4台",
                        "22:7: a tab in the indentation: YAML indents with spaces only; replace this tab with spaces, aligned "
                                + "with the lines around it"),
                Arguments.of(15, "    purpose: #1 为辐射安全检查配备设备",
                        "15:14: purpose: \"#\" starts the value, so YAML drops it and the text after it as a comment and "
                                + "\"purpose\" is left empty; put the whole value in single quotes: \"purpose: '#1 为辐射安全检查配备设备'\""),
                Arguments.of(16, "    goals: 提高能力 #2 提升效能",
                        "16:17: goals: YAML drops the text after \" #\" as a comment (\"#2 提升效能\" would be lost); put the "
                                + "whole value in single quotes: \"goals: '提高能力 #2 提升效能'\""),
                Arguments.of(27, "        target: >=90%",
                        "27:17: target: the value starts with \">\", which YAML reads as a special sign; put the whole value in "
                                + "single quotes: \"target: '>=90%'\" (or write \"≥\" for greater than or equal)"),
                Arguments.of(27, "        target: |100%|",
                        "27:17: target: the value starts with \"|\", which YAML reads as a special sign; put the whole value in "
                                + "single quotes: \"target: '|100%|'\""),
                Arguments.of(27, "        target: : 100%",
                        "27:17: target: the value starts with \":\", which YAML reads as a special sign; put the whole value in "
                                + "single quotes: \"target: ': 100%'\""),
                Arguments.of(27, "        target: *100%",
                        "27:17: target: the value starts with \"*\", which YAML reads as a special sign; put the whole value in "
                                + "single quotes: \"target: '*100%'\""),
                Arguments.of(7, "    name: [草案]2024年度项目",
                        "7:11: name: the value starts with \"[\", which YAML reads as a special sign; put the whole value in "
                                + "single quotes: \"name: '[草案]2024年度项目'\""),
                Arguments.of(7, "    name: 一期: 2024年度项目",
                        "7:13: name: the value has a colon followed by a space, which YAML reads as a new key; put the whole "
                                + "value in single quotes: \"name: '一期: 2024年度项目'\" (or make this colon a full-width \"：\")"),
                Arguments.of(13, "      total: 1，000.00",
                        "13:14: total: a number cannot contain \"，\", \",\" or \"、\"; remove the separators: \"total: 1000.00\""),
                Arguments.of(13, "      total: 6、00",
                        "13:14: total: a number cannot contain \"，\", \",\" or \"、\"; remove the separators: \"total: 600\""),
                Arguments.of(13, "      total: ６.００",
                        "13:14: total: the number is typed in full-width characters; type half-width digits: \"total: 6.00\""),
                Arguments.of(7, "    name:2024年度项目",
                        "7:10: name: the colon needs a space after it; type \"name: 2024年度项目\""),
                Arguments.of(7, "    name: '2024年度项目",
                        "7:11: name: the quote ' is not closed; add ' at the end of the value too: \"name: '2024年度项目'\""),
                Arguments.of(7, "    name: \"2024年度项目",
                        "7:11: name: the quote \" is not closed; add \" at the end of the value too: name: \"2024年度项目\""),
                Arguments.of(7, "    name: '2024年度'项目",
                        "7:19: name: the quote ends in the middle of the value; put the whole value in quotes: \"name: '2024年度项目'\""),
                Arguments.of(18, "      -level1: 产出指标",
                        "18:7: a list item needs a space after its minus sign; type \"- level1: 产出指标\""),
                Arguments.of(18, "      － level1: 产出指标",
                        "18:7: the list item starts with a full-width \"－\"; type a half-width minus and a space: \"- \""));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aClerksMistakeIsToldInEnglishWhereItIs(int line, String replacement, String expected, @TempDir Path tmp) throws Exception {
        Path file = withLine(tmp, line, replacement);
        List<Problem> errors = ContentLoader.loadYearFile(file.getParent().getParent().getParent(), file).errors();
        assertFalse(errors.isEmpty(), "no error for " + replacement);
        assertEquals(file + ":" + expected, errors.get(0).format(Lang.EN));
    }

    static Stream<Arguments> brokenSites() {
        String year = "tianjin/362303/2024.yaml";
        return Stream.of(
                Arguments.of("syntax-error", List.of(year + ":6:4: YAML syntax error: wrong indentation: keys of the same "
                        + "level line up, and a list item \"- \" is indented two spaces more than the key it belongs to "
                        + "(expected <block end>, but found '<block mapping start>' (while parsing a block collection))")),
                Arguments.of("missing-required-field", List.of(
                        year + ":5:5: projects[0].name: required field missing",
                        year + ":11:9: projects[0].indicators[0].target: required field missing")),
                Arguments.of("empty-required-field", List.of("tianjin/region.yaml:1:6: name: required field is empty")),
                Arguments.of("wrong-type-year", List.of(
                        year + ":2:7: year: expected a whole number (half-width digits 0-9) here, found '二〇二四'")),
                Arguments.of("wrong-kind", List.of(
                        year + ":11:17: projects[0].indicators: expected a list here (lines starting with \"- \"), found '4台'")),
                Arguments.of("unknown-key-suggestion", List.of(
                        year + ":5:5: projects[0].name: required field missing",
                        year + ":6:5: projects[0].nmae: unknown key 'nmae' (did you mean 'name'?)")),
                Arguments.of("unknown-key-no-suggestion", List.of(
                        "tianjin/region.yaml:2:1: colour: unknown key 'colour' (you can write: name, parent)")),
                Arguments.of("duplicate-project-id", List.of(
                        "tianjin/362301/2025.yaml:5:9: projects[0].id: warning: project id '362303-2024-001' is not written "
                                + "362301-2025-nnn (nnn a three-digit number, e.g. 362301-2025-001)",
                        "tianjin/362301/2025.yaml:5:9: projects[0].id: project id '362303-2024-001' is used twice (see also "
                                + "tianjin/362303/2024.yaml:5:9): each project id may be used once in the whole site",
                        year + ":5:9: projects[0].id: project id '362303-2024-001' is used twice (see also "
                                + "tianjin/362301/2025.yaml:5:9): each project id may be used once in the whole site")),
                Arguments.of("duplicate-mapping-key", List.of("tianjin/362303/department.yaml:3:1: name: key 'name' is "
                        + "written twice (first on line 2): write each key once at the same level")),
                Arguments.of("bad-amount", List.of(
                        year + ":9:14: projects[0].budget.total: '1e5' is not an amount: write half-width digits with an "
                                + "optional decimal point, no unit or commas, e.g. 6.00",
                        year + ":10:15: fiscal: a number cannot contain \"，\", \",\" or \"、\"; remove the separators: \"fiscal: 600\"",
                        year + ":10:15: projects[0].budget.fiscal: '6,00' is not an amount: write half-width digits with an "
                                + "optional decimal point, no unit or commas, e.g. 6.00")),
                Arguments.of("unknown-unit", List.of(
                        year + ":8:13: projects[0].budget.unit: unknown money unit '千元': write \"元\" or \"万元\"")),
                Arguments.of("department-path-mismatch", List.of(year + ":1:13: department: department '362304' differs "
                        + "from its folder '362303': write department: '362303'")),
                Arguments.of("year-path-mismatch", List.of(year + ":2:7: year: year 2023 differs from the file name "
                        + "2024.yaml: write year: 2024, or rename the file to 2023.yaml")),
                Arguments.of("unknown-parent-region", List.of("tianjin/region.yaml:2:9: parent: there is no region 'china' "
                        + "(no china/region.yaml): parent names the folder of an existing region")),
                Arguments.of("missing-department-yaml", List.of(year + ":1:1: department: tianjin/362303 has no "
                        + "department.yaml: every department folder needs one (write code: <the budget unit's code> and "
                        + "name: <the unit's name>)")),
                Arguments.of("missing-region-yaml", List.of("tianjin/region.yaml:1:1: file missing: every region folder "
                        + "needs a region.yaml (at least one line: name: <the region's name>)")),
                Arguments.of("missing-site-yaml", List.of("site.yaml:1:1: file missing: the content folder needs a "
                        + "site.yaml (the site's title, publisher and other settings)")),
                Arguments.of("not-utf8", List.of("tianjin/region.yaml:1:1: not UTF-8: save the file again as UTF-8 (in "
                        + "Notepad, \"Save As\" with the encoding UTF-8)")),
                Arguments.of("page-without-title", List.of("pages/about.md:1:1: title: the page has no title line starting "
                        + "with \"# \": write \"# <the page's title>\" on the first line")),
                Arguments.of("unknown-column-type", List.of(year + ":12:15: tables[0].columns[1].type: unknown column type "
                        + "'float': write string (text), integer (whole numbers) or decimal (numbers with a decimal point)")),
                Arguments.of("cell-type-mismatch", List.of(
                        year + ":18:19: tables[0].rows[0].quantity: '——' is not a whole number: column 'quantity' has type integer",
                        year + ":19:16: tables[0].rows[0].value: '11,536.07' is not a plain decimal number (half-width "
                                + "digits, optionally a decimal point): column 'value' has type decimal")),
                Arguments.of("unknown-row-column", List.of(
                        year + ":18:9: tables[0].rows[0].valeu: unknown column 'valeu' (did you mean 'value'?)")),
                Arguments.of("bad-corrections", List.of(
                        year + ":19:15: projects[0].corrections[0].date: '2025-02-30' is not a date: write the date of the "
                                + "correction as year-month-day, e.g. 2025-03-01",
                        year + ":21:14: projects[0].corrections[0].why: why must not be empty: why it was corrected",
                        year + ":24:5: corrections[0].what: the required field what is missing: what was corrected, e.g. "
                                + "\"预算数由 60.00 万元更正为 6.00 万元\"",
                        year + ":24:11: corrections[0].date: '2025/3/1' is not a date: write the date of the correction as "
                                + "year-month-day, e.g. 2025-03-01",
                        year + ":27:9: retracted[0].id: project '362303-2024-001' is still among this file's projects: to "
                                + "withdraw a project, delete it from projects and keep it only under retracted",
                        year + ":31:5: retracted[1].reason: the required field reason is missing: why it was withdrawn",
                        year + ":34:9: retracted[2].id: project '362303-2024-009' is under retracted twice: keep one")),
                Arguments.of("bad-document-facts", List.of(
                        "tianjin/362303/2022.yaml:5:15: document_url: the document's official address is not a valid "
                                + "address (Illegal character in path): \"https://sthj.tj.gov.cn/公开/2022^1.docx\"",
                        "tianjin/362303/2023.yaml:5:15: document_url: the document's official address must not contain "
                                + "spaces, line breaks or control characters: \"https://sthj.tj.gov.cn/公开 2023.docx\"",
                        "tianjin/362303/2023.yaml:6:21: document_published: '2023/02/01' is not a date: write the day the "
                                + "document was published on the official website as year-month-day, e.g. 2025-03-01",
                        year + ":5:15: document_url: the document's official address must start with http:// or https:// "
                                + "(write the file's address on the official website): \"ftp://sthj.tj.gov.cn/2024.docx\"",
                        year + ":6:21: document_published: '2024-02-30' is not a date: write the day the document was "
                                + "published on the official website as year-month-day, e.g. 2025-03-01",
                        year + ":7:1: document_orignal: unknown key 'document_orignal' (did you mean 'document_original'?)",
                        "tianjin/362303/2025.yaml:5:15: document_url: the document's official address must have a host "
                                + "name (e.g. https://sthj.tj.gov.cn/…) and no user name: \"https:///公开/2025.docx\"")),
                Arguments.of("english-page-problems", List.of(
                        "pages/about.en.md:1:1: title: the English page has no title line starting with \"# \": write "
                                + "\"# <the page's English title>\" on the first line, e.g. \"# About this site\"",
                        "pages/about.fr.md:1:1: page file name 'about.fr' becomes part of a URL and a file name: use only "
                                + "lower-case letters a-z, digits and '-'; a page file is named <name>.md (the Chinese page) "
                                + "or <name>.en.md (its English translation)",
                        "pages/guide.en.md:1:1: the English page has no Chinese page pages/guide.md beside it: an English "
                                + "page is the translation of a Chinese one with the same name (guide.md and guide.en.md); "
                                + "add the Chinese page, or correct this file's name")),
                Arguments.of("english-page-bad-link", List.of(
                        "pages/about.en.md:3:60: link points to a file that does not exist: ../data/gongkai-data.zip "
                                + "(site path en/data/gongkai-data.zip) (the English page is at en/about/ and relative links "
                                + "start from there; downloads and source files are shared by both editions, not under en/, "
                                + "e.g. ../../data/gongkai-data.zip)")),
                Arguments.of("region-named-en", List.of(
                        "en/region.yaml:1:1: region folder name 'en' is the folder of the site's English edition (/en/): "
                                + "a region cannot use it",
                        "pages/en.md:1:1: page file name 'en' is the folder of the site's English edition (/en/): a page "
                                + "cannot use it")),
                Arguments.of("bad-document-original", List.of(
                        "tianjin/362303/2023.yaml:5:20: document_original: the cited file is in content/sources/tianjin/362301/, "
                                + "but this file belongs to department tianjin/362303: a department cites only files in its "
                                + "own source folder content/sources/tianjin/362303/ (copy the file there and change "
                                + "document_original: to tianjin/362303/2023.docx)",
                        year + ":7:20: document_original: the cited file does not exist: sources/tianjin/362303/2024.pdf",
                        "tianjin/362303/2025.yaml:5:15: document_url: differs from tianjin/362303/2024.yaml (which has "
                                + "\"https://sthj.tj.gov.cn/2024.docx\"): both years cite the source file "
                                + "\"tianjin/362303/2024.txt\", which has one source page: write the same in both, or in one "
                                + "of them only",
                        "tianjin/362303/2026.yaml:4:11: document: '2026.txt.html' is a web-page file (.html, .htm, .svg, "
                                + ".xml …): a browser would open it as a page of this site, and a source file's page is "
                                + "itself named <file name>.html, which it could take; publish the original (.docx, .pdf, "
                                + ".xlsx) or a .txt text instead",
                        "tianjin/362303/2027.yaml:4:11: document: the text version \"tianjin/362303/2027.docx.txt\" is "
                                + "missing (\"line N\" counts its lines; the import writes it): the cited file does not "
                                + "exist: sources/tianjin/362303/2027.docx.txt",
                        "tianjin/362303/2027.yaml:5:20: document_original: document: is already the original file "
                                + "(\"tianjin/362303/2027.docx\"), so document_original is not needed: it is only for a "
                                + "document: that is the .txt text of an original kept as a file of its own",
                        "tianjin/362303/2028.yaml:5:20: document_original: document_original and document: name the same "
                                + "file: document_original names the original (.docx, .pdf …), not the text",
                        "tianjin/362303/2029.yaml:4:11: document: '2029.txt.p2' ends in .p and digits: a long document's "
                                + "page comes in parts, the second on named <file name>.p2.html, <file name>.p3.html …, "
                                + "which this file's page could take; rename the file (e.g. .p2 to -p2)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSites")
    void eachBrokenSiteReportsItsProblemsInEnglish(String caseName, List<String> expected) throws Exception {
        assertEquals(expected, english(InvalidContentTest.INVALID.resolve(caseName)));
    }

    /**
     * Every problem the fixtures and the clerk's mistakes give has its English, and the English is English: it
     * differs from the Chinese, and has no Chinese word outside what it quotes.
     */
    @Test
    void everyProblemOfEveryFixtureAndMistakeIsInEnglish(@TempDir Path tmp) throws Exception {
        List<Problem> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(InvalidContentTest.INVALID)) {
            for (Path dir : dirs.sorted().toList()) {
                all.addAll(Validation.check(dir).all());
            }
        }
        int n = 0;
        for (Arguments a : YamlMistakesTest.mistakes().toList()) {
            Path file = withLine(tmp.resolve("m" + n++), (Integer) a.get()[0], (String) a.get()[1]);
            all.addAll(ContentLoader.loadYearFile(file.getParent().getParent().getParent(), file).errors());
        }
        assertTrue(all.size() > 60, "problems checked: " + all.size());
        List<String> wrong = new ArrayList<>();
        for (Problem p : all) {
            String zh = p.text().zh();
            String en = p.text().en();
            if (en.equals(zh) || !EnglishText.chinese(en).isEmpty()) {
                wrong.add(p.format(Lang.EN));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The site's problems in English, paths relative to the site folder. */
    private static List<String> english(Path dir) throws Exception {
        String prefix = dir + java.io.File.separator;
        return Validation.check(dir).all().stream().map(p -> p.format(Lang.EN).replace(prefix, "")).toList();
    }

    /** A copy of the committed year file (and what it needs) with one line replaced; its path. */
    private static Path withLine(Path tmp, int line, String replacement) throws Exception {
        Path content = tmp.resolve("content");
        for (String f : List.of("tianjin/region.yaml", "tianjin/362303/department.yaml", FILE,
                "sources/tianjin/362303/001_88a8ef7fc06e4953.txt")) {
            Files.createDirectories(content.resolve(f).getParent());
            Files.copy(Path.of("content").resolve(f), content.resolve(f));
        }
        Path file = content.resolve(FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(line - 1, replacement);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
