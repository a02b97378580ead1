package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gongkai.content.Project;
import gongkai.load.ContentLoader;
import gongkai.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-importing a revised document keeps the ids of the projects that survive (they are in published URLs),
 * gives inserted projects new ids, reports removed ones, and {@code --dry-run} lists exactly what changes.
 */
class ReimportTest {
    /** Seed 001 with a project inserted after the first, the fourth removed, the fifth's amounts changed. */
    private static String revised(String seed) {
        List<String> lines = List.of(seed.split("\n", -1));
        List<Integer> headings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(" ?\\[bookmark: _Toc\\d+]\\d\\..*")) {
                headings.add(i);
            }
        }
        headings.add(lines.size());
        List<String> chunks = new ArrayList<>();
        for (int k = 0; k + 1 < headings.size(); k++) {
            chunks.add(String.join("\n", lines.subList(headings.get(k), headings.get(k + 1))) + "\n");
        }
        String inserted = chunks.get(0).replace("2024年度天津市辐射环境执法安全防护能力提升项目", "2024年度新增噪声监测项目");
        List<String> order = List.of(chunks.get(0), inserted, chunks.get(1), chunks.get(2),
                chunks.get(4).replace("\t117.00\n", "\t120.50\n"));
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < order.size(); n++) {
            out.append(order.get(n).replaceFirst("](\\d)\\.", "]" + (n + 1) + "."));
        }
        return out.toString();
    }

    @Test
    void aRevisedDocumentKeepsEverySurvivingIdAndDryRunListsExactlyTheChanges(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Path seed = Files.createDirectories(tmp.resolve("in")).resolve("tj-362303-2024.txt");
        Files.copy(Seeds.seed("001"), seed);
        assertEquals(0, CliRun.run("import", "--content", content.toString(), seed.toString()).status());
        Path year = content.resolve("tianjin/362303/2024.yaml");
        List<Project> before = ContentLoader.loadYearFile(content, year).year().projects();
        assertEquals(5, before.size());
        assertTrue(Files.exists(content.resolve("sources/tianjin/362303/tj-362303-2024.txt")), "the document is kept beside the content");

        Path revision = tmp.resolve("in/tj-362303-2024-r2.txt");
        Files.writeString(revision, revised(Files.readString(seed, StandardCharsets.UTF_8)));
        byte[] unchanged = Files.readAllBytes(year);
        CliRun dry = CliRun.run("import", "--dry-run", "--content", content.toString(), revision.toString());
        assertEquals(0, dry.status(), dry.err());
        assertEquals(String.join("\n",
                "导入 tj-362303-2024-r2.txt：1 个部门年度，5 个项目，32 条指标",
                "  tianjin/362303/2024.yaml  天津市生态环境保护综合行政执法总队2024年项目支出绩效目标表（有改动）",
                "    新增项目（1）：",
                "      362303-2024-006 2024年度新增噪声监测项目",
                "    删除项目（1）：",
                "      362303-2024-004 2024年度移动污染源第三方辅助执法项目",
                "    修改（2）：",
                "      362303-2024-005 预算数：117.00 万元 → 120.50 万元",
                "      362303-2024-005 其中：财政资金：117.00 万元 → 120.50 万元",
                "  --dry-run：未写入任何文件", ""), dry.out());
        assertArrayEquals(unchanged, Files.readAllBytes(year), "--dry-run writes nothing");

        // the year file is what its cited document gives, so the import replaces it without --force
        CliRun real = CliRun.run("import", "--content", content.toString(), revision.toString());
        assertEquals(0, real.status(), real.err());
        List<Project> after = ContentLoader.loadYearFile(content, year).year().projects();
        assertEquals(List.of("362303-2024-001", "362303-2024-006", "362303-2024-002", "362303-2024-003", "362303-2024-005"),
                after.stream().map(Project::id).toList());
        for (Project p : after) {
            before.stream().filter(b -> b.id().equals(p.id())).findFirst()
                    .ifPresent(b -> assertEquals(b.name(), p.name(), "a surviving id names the same project"));
        }

        // edited by hand: an import shows what it would change and writes nothing without --force
        String edited = Files.readString(year).replace("target: ≥90%", "target: ≥95%");
        Files.writeString(year, edited);
        CliRun refused = CliRun.run("import", "--content", content.toString(), revision.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("2024.yaml: 文件已被手工修改过"), refused.err());
        assertTrue(refused.err().contains("指标 设备使用人满意度：“≥95%” → “≥90%”"), refused.err());
        assertEquals(edited, Files.readString(year));
        assertEquals(0, CliRun.run("import", "--force", "--content", content.toString(), revision.toString()).status());
        assertTrue(Files.readString(year).contains("target: ≥90%"));
    }
}
