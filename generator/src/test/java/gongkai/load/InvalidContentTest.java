package gongkai.load;

import gongkai.content.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One small broken site per check under sites/invalid/&lt;case&gt;/. Each expected line is
 * path:line:column: field: message, with the path relative to the case folder; positions were counted
 * by hand in the fixture files.
 */
class InvalidContentTest {
    static final Path INVALID = Path.of("generator/src/test/resources/sites/invalid");

    static Stream<Arguments> cases() {
        String year = "tianjin/362303/2024.yaml";
        return Stream.of(
                Arguments.of("syntax-error", List.of(year + ":6:4: YAML 格式错误：缩进不对：同一级的键要对齐，列表项“- ”要比它所属的键"
                        + "多缩进两个空格（YAML syntax error: expected <block end>, but found "
                        + "'<block mapping start>' (while parsing a block collection)）")),
                Arguments.of("missing-required-field", List.of(
                        year + ":5:5: projects[0].name: required field missing",
                        year + ":11:9: projects[0].indicators[0].target: required field missing")),
                Arguments.of("site-missing-fields", List.of(
                        "site.yaml:1:1: base_url: required field missing",
                        "site.yaml:1:1: publisher: required field missing")),
                Arguments.of("empty-required-field", List.of("tianjin/region.yaml:1:6: name: required field is empty")),
                Arguments.of("wrong-type-year", List.of(year + ":2:7: year: expected an integer, found '二〇二四'")),
                Arguments.of("wrong-type-line", List.of(
                        year + ":13:13: projects[0].source.line: expected an integer, found '第一行'")),
                Arguments.of("wrong-kind", List.of(
                        year + ":11:17: projects[0].indicators: expected a list (lines starting with '- '), found '4台'")),
                Arguments.of("unknown-key-suggestion", List.of(
                        year + ":5:5: projects[0].name: required field missing",
                        year + ":6:5: projects[0].nmae: unknown key 'nmae' (did you mean 'name'?)")),
                Arguments.of("unknown-key-no-suggestion", List.of(
                        "tianjin/region.yaml:2:1: colour: unknown key 'colour' (expected one of: name, parent)")),
                Arguments.of("duplicate-project-id", List.of(
                        "tianjin/362301/2025.yaml:5:9: projects[0].id: duplicate project id '362303-2024-001' "
                                + "(also at tianjin/362303/2024.yaml:5:9)",
                        "tianjin/362301/2025.yaml:5:9: projects[0].id: warning: id '362303-2024-001' does not follow "
                                + "the pattern 362301-2025-nnn",
                        year + ":5:9: projects[0].id: duplicate project id '362303-2024-001' "
                                + "(also at tianjin/362301/2025.yaml:5:9)")),
                Arguments.of("duplicate-mapping-key", List.of(
                        "tianjin/362303/department.yaml:3:1: name: duplicate key 'name' (first at line 2)")),
                Arguments.of("bad-amount", List.of(
                        year + ":9:14: projects[0].budget.total: '1e5' is not a plain decimal amount "
                                + "(digits with an optional decimal point, e.g. 6.00)",
                        year + ":10:15: fiscal: 数字里不能有“，”“,”或“、”：请去掉分隔符，写成“fiscal: 600”",
                        year + ":10:15: projects[0].budget.fiscal: '6,00' is not a plain decimal amount "
                                + "(digits with an optional decimal point, e.g. 6.00)")),
                Arguments.of("unknown-unit", List.of(
                        year + ":8:13: projects[0].budget.unit: unknown money unit '千元' (expected 元 or 万元)")),
                Arguments.of("missing-unit", List.of(year + ":8:7: projects[0].budget.unit: required field missing")),
                Arguments.of("department-path-mismatch", List.of(
                        year + ":1:13: department: department '362304' does not match its folder '362303'")),
                Arguments.of("year-path-mismatch", List.of(
                        year + ":2:7: year: year 2023 does not match the file name 2024.yaml")),
                Arguments.of("department-code-mismatch", List.of(
                        "tianjin/362303/department.yaml:1:7: code: code '362301' does not match its folder '362303'")),
                Arguments.of("unknown-parent-region", List.of(
                        "tianjin/region.yaml:2:9: parent: unknown region 'china' (no folder china/region.yaml)")),
                Arguments.of("missing-department-yaml", List.of(
                        year + ":1:1: department: no department.yaml in tianjin/362303 "
                                + "(each department folder describes its unit in department.yaml)")),
                Arguments.of("missing-region-yaml", List.of(
                        "tianjin/region.yaml:1:1: file missing: every region folder needs a region.yaml (with at least name)")),
                Arguments.of("missing-site-yaml", List.of(
                        "site.yaml:1:1: file missing: the content directory needs a site.yaml")),
                Arguments.of("not-utf8", List.of(
                        "tianjin/region.yaml:1:1: not valid UTF-8 (save the file as UTF-8)")),
                Arguments.of("page-without-title", List.of(
                        "pages/about.md:1:1: title: no '# ' heading; the first one is the page title")),
                Arguments.of("unknown-column-type", List.of(
                        year + ":12:15: tables[0].columns[1].type: unknown column type 'float' (expected string, integer or decimal)")),
                Arguments.of("cell-type-mismatch", List.of(
                        year + ":18:19: tables[0].rows[0].quantity: '——' is not an integer (column 'quantity' has type integer)",
                        year + ":19:16: tables[0].rows[0].value: '11,536.07' is not a plain decimal number "
                                + "(column 'value' has type decimal)")),
                Arguments.of("unknown-row-column", List.of(
                        year + ":18:9: tables[0].rows[0].valeu: unknown column 'valeu' (did you mean 'value'?)")),
                // corrections and retractions: every part required, dates 年-月-日, a retracted id not a project
                Arguments.of("bad-corrections", List.of(
                        year + ":19:15: projects[0].corrections[0].date: '2025-02-30' 不是日期：更正的日期应写成 年-月-日，"
                                + "如 2025-03-01（not a date）",
                        year + ":21:14: projects[0].corrections[0].why: why 不能为空：更正的原因（required field is empty）",
                        year + ":24:5: corrections[0].what: 缺少 what：更正了什么，如“预算数由 60.00 万元更正为 6.00 万元”"
                                + "（required field missing）",
                        year + ":24:11: corrections[0].date: '2025/3/1' 不是日期：更正的日期应写成 年-月-日，如 2025-03-01"
                                + "（not a date）",
                        year + ":27:9: retracted[0].id: 项目 '362303-2024-001' 仍在本文件的 projects 中：撤回一个项目时，"
                                + "把它从 projects 中删去，只在 retracted 中保留",
                        year + ":31:5: retracted[1].reason: 缺少 reason：撤回的原因（required field missing）",
                        year + ":34:9: retracted[2].id: 项目 '362303-2024-009' 在 retracted 中出现了两次")),
                Arguments.of("retracted-id-taken", List.of(
                        "tianjin/362301/2025.yaml:20:9: retracted[0].id: duplicate project id '362303-2024-001' "
                                + "(also at tianjin/362303/2024.yaml:5:9)",
                        year + ":5:9: projects[0].id: duplicate project id '362303-2024-001' "
                                + "(also at tianjin/362301/2025.yaml:20:9)")),
                Arguments.of("several-errors-in-several-files", List.of(
                        "site.yaml:4:11: base_url: must end with '/' (page links are resolved against it)",
                        "tianjin/362301/department.yaml:1:1: name: required field missing",
                        year + ":2:7: year: year 2023 does not match the file name 2024.yaml",
                        year + ":8:13: projects[0].budget.unit: unknown money unit '美元' (expected 元 or 万元)",
                        year + ":9:14: projects[0].budget.total: '六元' is not a plain decimal amount "
                                + "(digits with an optional decimal point, e.g. 6.00)",
                        "tianjin/region.yaml:2:1: parnet: unknown key 'parnet' (did you mean 'parent'?)")));
    }

    /** Errors and warnings in output order, with the case folder prefix removed from every path. */
    static List<String> problems(String caseName) throws Exception {
        Path dir = INVALID.resolve(caseName);
        List<Problem> all = gongkai.validate.Validation.check(dir).all();
        String prefix = dir + java.io.File.separator;
        return all.stream().map(p -> p.format().replace(prefix, "")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBrokenSiteReportsExactlyItsProblems(String caseName, List<String> expected) throws Exception {
        assertEquals(expected, problems(caseName));
        assertTrue(!gongkai.validate.Validation.check(INVALID.resolve(caseName)).ok(), "errors fail validation");
    }

    @Test
    void everyInvalidFixtureHasExpectations() throws Exception {
        try (Stream<Path> dirs = Files.list(INVALID)) {
            List<String> onDisk = dirs.map(p -> p.getFileName().toString()).filter(n -> !n.equals("warnings-only"))
                    .sorted().toList();
            List<String> tested = cases().map(a -> (String) a.get()[0]).sorted().toList();
            assertEquals(onDisk, tested);
            assertTrue(tested.size() >= 18);
        }
    }

    @Test
    void warningsAloneDoNotFailValidation() throws Exception {
        LoadResult result = ContentLoader.load(INVALID.resolve("warnings-only"));
        assertTrue(result.ok());
        assertEquals(List.of(
                "tianjin/362303/2024.yaml:5:9: projects[0].id: warning: id '362303-2024-1' does not follow the pattern "
                        + "362303-2024-nnn"), problems("warnings-only"));
        // fiscal + other ≠ total is the quality rule Q001 now (QualityRulesTest, ValidateCommandTest)
    }
}
