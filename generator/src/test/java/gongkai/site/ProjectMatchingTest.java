package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ProjectMatchingTest {
    @Test
    void leadingYearsAndPunctuationAreIgnored() {
        // Names as printed in seeds 003 (2023) and 000 (2025).
        assertEquals("物业费项目", ProjectMatching.normalisedName("2023年物业费项目"));
        assertEquals(ProjectMatching.normalisedName("2023年物业费项目"), ProjectMatching.normalisedName("2024年度物业费项目"));
        assertEquals("编制外长聘人员机关事业单位辅助人员环境执法支队",
                ProjectMatching.normalisedName("**2025年编制外长聘人员-机关事业单位辅助人员（环境执法支队）"));
        assertEquals("天津市双城中间绿色生态屏障区生态环境质量状况调查评估",
                ProjectMatching.normalisedName("2023-2025年天津市双城中间绿色生态屏障区生态环境质量状况调查评估"));
        assertEquals("办案经费鉴定评估项目", ProjectMatching.normalisedName("**办案经费（鉴定评估）项目"));
    }

    @Test
    void yearsInsideTheNameAreKept() {
        assertNotEquals(ProjectMatching.normalisedName("天津市2023年度监测"), ProjectMatching.normalisedName("天津市2024年度监测"));
    }
}
