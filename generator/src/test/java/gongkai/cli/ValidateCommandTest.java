package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValidateCommandTest {
    private static final String SITES = "generator/src/test/resources/sites/";
    @Test
    void validSiteExitsZeroWithSummaryOnStdout() {
        CliRun r = CliRun.run("validate", SITES + "test-site");
        assertEquals(0, r.status());
        assertEquals("validate：2 个部门年度，3 个项目：0 个错误，0 个警告\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void warningsAreReportedButExitZero() {
        String dir = SITES + "invalid/warnings-only";
        CliRun r = CliRun.run("validate", dir);
        assertEquals(0, r.status());
        assertEquals(dir + "/tianjin/362303/2024.yaml:5:9: projects[0].id: 警告：项目编号 '362303-2024-1' 不是 362303-2024-nnn 的写法（nnn 是三位序号，如 362303-2024-001）\n"
                + dir + "/tianjin/362303/2024.yaml:9:14: projects[0].budget.total: 警告：Q001 预算数与资金来源合计不符："
                + "财政资金 5.00 + 其他资金 0.50 = 5.50 万元，预算数为 6.00 万元\n", r.err());
        assertEquals("validate：1 个部门年度，1 个项目：0 个错误，2 个警告\n", r.out());
    }

    @Test
    void theCommittedContentHasOneQualityFindingTrueOfItsSource() {
        // content/sources/tianjin/362203/003_048537671a369fc1.txt:5586 prints 项目完成时限 “2025年底” for a 2023 budget project
        CliRun r = CliRun.run("validate", "content");
        assertEquals(0, r.status());
        assertEquals("content/tianjin/362203/2023.yaml:555:11: projects[9].indicators[2].target: 警告：Q004 "
                + "完成时限不在预算年度内：“项目完成时限”的指标值“2025年底”不在 2023 年内\n", r.err());
        assertEquals("validate：8 个部门年度，175 个项目：0 个错误，1 个警告\n", r.out());
    }

    @Test
    void errorsFromSeveralFilesAreAllPrintedSortedAndExitOne() {
        String dir = SITES + "invalid/several-errors-in-several-files";
        CliRun r = CliRun.run("validate", dir);
        assertEquals(1, r.status());
        String[] lines = r.err().split("\n");
        assertEquals(6, lines.length);
        assertEquals(dir + "/site.yaml:4:11: base_url: 网站地址要以 / 结尾（页面链接以它为起点），例如 https://example.org/", lines[0]);
        assertEquals(dir + "/tianjin/region.yaml:2:1: parnet: 不认识的键 'parnet'（是不是想写 'parent'？）", lines[5]);
        assertEquals("validate：1 个部门年度，1 个项目：6 个错误，0 个警告\n", r.out());
    }

    @Test
    void missingDirectoryIsAnIoProblemExitTwo() {
        CliRun r = CliRun.run("validate", SITES + "no-such-site");
        assertEquals(2, r.status());
        assertEquals("validate：" + SITES + "no-such-site 不是文件夹（内容文件夹不存在？）\n", r.err());
    }

    @Test
    void tooManyArgumentsIsAUsageErrorExitTwo() {
        CliRun r = CliRun.run("validate", "a", "b");
        assertEquals(2, r.status());
    }
}
