package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gongkai.content.Indicator;
import gongkai.site.IndicatorMatching.How;
import gongkai.site.IndicatorMatching.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which indicators of a project are the same in two years: same names, then the two documented fallbacks. */
class IndicatorMatchingTest {
    private static Indicator ind(String l1, String l2, String l3) {
        return new Indicator(l1, l2, l3, null, "1", null, null);
    }

    @Test
    void theDocumentedSimilaritiesAreTheCoefficientsComputed() {
        assertEquals(4.0 / 7, IndicatorMatching.dice("总投资额", "项目总投资"), 1e-9);
        assertEquals(10.0 / 12, IndicatorMatching.dice("服务对象满意度", "服务对象满意率"), 1e-9);
        assertEquals(0.4, IndicatorMatching.dice("项目完成合格率", "验收合格率"), 1e-9);
        assertEquals(0, IndicatorMatching.dice("", "验收合格率"));
        assertEquals(1, IndicatorMatching.dice("率", "率"));
    }

    /** The 2023 and 2024 辐射 project of content/tianjin/362303: what the project page pairs, checked by hand. */
    @Test
    void realTablesPairSameNamesAndARenamedCostIndicatorOnly() {
        List<Indicator> y2023 = List.of(
                ind("产出指标", "数量指标", "辐射防护监测设备"),
                ind("产出指标", "数量指标", "设备检定台数"),
                ind("产出指标", "数量指标", "个人剂量检测人数"),
                ind("产出指标", "质量指标", "项目完成合格率"),
                ind("产出指标", "时效指标", "项目完成时间"),
                ind("产出指标", "成本指标", "总投资额"),
                ind("效益指标", "社会效益指标", "提高辐射风险辨识能力、降低辐射伤害风险"),
                ind("满意度指标", "服务对象满意度指标", "设备使用人满意度"));
        List<Indicator> y2024 = List.of(
                ind("产出指标", "数量指标", "购置设备数量"),
                ind("产出指标", "质量指标", "验收合格率"),
                ind("产出指标", "时效指标", "项目完成时间"),
                ind("产出指标", "成本指标", "项目总投资"),
                ind("效益指标", "可持续影响指标", "保障执法人员年度受辐射量"),
                ind("满意度指标", "服务对象满意度指标", "设备使用人满意度"));
        assertEquals(List.of(new Match(4, 2, How.SAME_NAMES), new Match(5, 3, How.LEVEL3_ALIKE),
                new Match(7, 5, How.SAME_NAMES)), IndicatorMatching.match(y2023, y2024));
    }

    @Test
    void aRenamedLevel2KeepsTheIndicatorButNotAcrossLevel1() {
        List<Indicator> before = List.of(ind("效益指标", "社会效益指标", "办公环境改善"),
                ind("产出指标", "数量指标", "培训人次"));
        List<Indicator> after = List.of(ind("满意度指标", "服务对象满意度指标", "培训人次"),
                ind("效益指标", "可持续影响指标", "办公环境改善"));
        assertEquals(List.of(new Match(0, 1, How.LEVEL2_RENAMED)), IndicatorMatching.match(before, after));
    }

    @Test
    void widthAndPunctuationDoNotMatterAndNamesakesPairInOrder() {
        List<Indicator> before = List.of(ind("产出指标", "数量指标", "设备（台）"), ind("产出指标", "数量指标", "设备(台)"));
        List<Indicator> after = List.of(ind("产出指标 ", "数量指标", "设备 (台)"), ind("产出指标", "数量指标", "设备（台）"),
                ind("产出指标", "数量指标", "设备（台）"));
        assertEquals(List.of(new Match(0, 0, How.SAME_NAMES), new Match(1, 1, How.SAME_NAMES)),
                IndicatorMatching.match(before, after));
    }

    @Test
    void theMostAlikeNamePairsFirstAndAContainedLevel2Counts() {
        List<Indicator> before = List.of(ind("效益指标", "社会效益", "执法效率提升"));
        List<Indicator> after = List.of(ind("效益指标", "社会效益指标", "执法效率"),
                ind("效益指标", "社会效益指标", "执法效率提升率"));
        // 执法效率提升 / 执法效率提升率 0.91 beats 执法效率 / 执法效率提升 0.75
        assertEquals(List.of(new Match(0, 1, How.LEVEL3_ALIKE)), IndicatorMatching.match(before, after));
    }
}
