package gongkai.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality rules on sites/quality (one project per rule, plus near misses, in the shape of the 001 seed and its
 * source text) and on the committed content/.
 */
class QualityRulesTest {
    private static final Path FIXTURE = Path.of("generator/src/test/resources/sites/quality");

    private static QualityReport check(Path dir) throws Exception {
        LoadResult loaded = ContentLoader.load(dir);
        assertTrue(loaded.ok(), loaded.errors().toString());
        return QualityRules.check(loaded.content(), loaded.positions(), dir);
    }

    /** project id → its codes, acknowledged ones marked with "(已说明)". */
    private static Map<String, List<String>> codesByProject(QualityReport report) {
        return report.issues().stream().collect(Collectors.groupingBy(QualityIssue::projectId, TreeMap::new,
                Collectors.mapping(i -> i.code().name() + (i.isAcknowledged() ? "(已说明)" : ""), Collectors.toList())));
    }

    @Test
    void eachRuleFlagsItsProjectAndNothingElse() throws Exception {
        // 001 holds the near misses: 100%, a 2025 deadline, a heating season 2024.11.15-2025.3.15 ending in 2025,
        // a cost target equal to the budget, 有所提升 on a 效益 indicator; all its figures are in the source
        assertEquals(Map.of(
                "362303-2025-002", List.of("Q001"),
                "362303-2025-003", List.of("Q002"),
                "362303-2025-004", List.of("Q003"),
                "362303-2025-005", List.of("Q004"),
                "362303-2025-006", List.of("Q005"),
                "362303-2025-007", List.of("Q006"),
                "362303-2025-008", List.of("Q007"),
                "362303-2025-009", List.of("Q008"),
                "362303-2025-010", List.of("Q003(已说明)")), codesByProject(check(FIXTURE)));
    }

    @Test
    void issuesArePlacedAtTheirField() throws Exception {
        List<String> shown = check(FIXTURE).open().stream().map(i -> i.toProblem().format()).toList();
        String file = FIXTURE.resolve("tianjin/362303/2025.yaml").toString();
        assertEquals(file + ":47:14: projects[1].budget.total: 警告：Q001 预算数与资金来源合计不符：财政资金 5.00 + "
                + "其他资金 0.50 = 5.50 万元，预算数为 6.00 万元", shown.get(0));
        assertTrue(shown.contains(file + ":98:11: projects[5].name: 警告：Q005 同一年度重复的项目：与项目 "
                + "362303-2025-001“2025年度辐射环境执法安全防护能力提升项目”名称相同"), shown.toString());
        assertTrue(shown.contains(file + ":145:14: projects[8].budget.total: 警告：Q008 预算数与来源文件不符：预算数 7.00 "
                + "万元 在来源文件 tianjin/362303/001_88a8ef7fc06e4953.txt 第 181–200 行中找不到"), shown.toString());
        assertEquals(8, shown.size()); // the acknowledged Q003 is not among the open issues
    }

    @Test
    void acknowledgedIssueKeepsItsReason() throws Exception {
        QualityIssue ack = check(FIXTURE).issues().stream().filter(QualityIssue::isAcknowledged).findFirst().orElseThrow();
        assertEquals("362303-2025-010", ack.projectId());
        assertEquals("原文如此：覆盖率按编制人数计算，含借调人员", ack.acknowledged());
    }

    @Test
    void departmentYearAcknowledgementCoversEveryProjectOfTheFile(@TempDir Path tmp) throws Exception {
        Path dir = copy(FIXTURE, tmp);
        Path year = dir.resolve("tianjin/362303/2025.yaml");
        Files.writeString(year, Files.readString(year, StandardCharsets.UTF_8)
                + "acknowledged:\n  - code: Q001\n    reason: 原文资金来源只列出主要部分\n", StandardCharsets.UTF_8);
        QualityReport report = check(dir);
        assertEquals(List.of("Q001(已说明)"), codesByProject(report).get("362303-2025-002"));
        assertEquals(7, report.open().size());
    }

    @Test
    void acknowledgementNeedsAQualityCode(@TempDir Path tmp) throws Exception {
        Path dir = copy(FIXTURE, tmp);
        Path year = dir.resolve("tianjin/362303/2025.yaml");
        Files.writeString(year, Files.readString(year, StandardCharsets.UTF_8)
                + "acknowledged:\n  - code: 003\n    reason: 说明\n", StandardCharsets.UTF_8);
        LoadResult loaded = ContentLoader.load(dir);
        assertEquals(1, loaded.errors().size(), loaded.errors().toString());
        assertTrue(loaded.errors().get(0).format().contains("acknowledged[0].code: 不是质量检查代码：'003'"),
                loaded.errors().toString());
    }

    @Test
    void committedContentRaisesOnlyTheTrueFinding() throws Exception {
        // 362203-2023-010 (PM2.5环境容量核算…): the 2023 source prints 项目完成时限 2025年底前 (003 seed, line 5585)
        QualityReport report = check(Path.of("content"));
        assertEquals(List.of("362203-2023-010 Q004 projects[9].indicators[2].target"), report.issues().stream()
                .map(i -> i.projectId() + " " + i.code() + " " + i.field()).toList());
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
