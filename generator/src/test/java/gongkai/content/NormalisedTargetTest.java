package gongkai.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Printed targets from the seed documents, parsed by TargetParser, then put in comparable units. */
class NormalisedTargetTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // money → 元, exactly (the printed scale is kept: 30.0 万元 → 300000.0)
            "≤90.8万元 | 908000.0 | - | 元",
            "不超过6104万元 | 61040000 | - | 元",
            "≤30.0万元 | 300000.0 | - | 元",
            "≤424741元 | 424741 | - | 元",
            "[bookmark: _GoBack]≤50000元 | 50000 | - | 元",
            // a rate in 万元 keeps its denominator
            "≤6.5万元/人/年 | 65000.0 | - | 元/人/年",
            "≤0.6万元/个 | 6000.0 | - | 元/个",
            "≤5.7元/个·小时 | 5.7 | - | 元/个·小时",
            // percentages in %, however printed
            "≥90百分比 | 90 | - | %",
            "审减率3.5%以上 | 3.5 | - | %",
            "90-95% | 90 | 95 | %",
            // other units as printed; a magnitude word that is not money stays
            "≥180万条 | 180 | - | 万条",
            "41人 | 41 | - | 人",
            "≥7行业类别 | 7 | - | 行业类别",
            "100 | 100 | - | -",
            // not numbers: nothing
            "2025年12月31日前 | - | - | -",
            "2025.1.1-2025.12.31 | - | - | -",
            "有所提升 | - | - | -",
    })
    void normalises(String printed, String value, String upper, String unit) {
        NormalisedTarget n = NormalisedTarget.of(TargetParser.parse(printed));
        assertEquals(Arrays.asList(value, upper, unit), Arrays.asList(
                n.value() == null ? null : n.value().toPlainString(),
                n.upperValue() == null ? null : n.upperValue().toPlainString(), n.unit()), printed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"≤1.5亿元 | 150000000.0", "≤20千元 | 20000"})
    void largerAndSmallerMoneyUnitsToo(String printed, String yuan) {
        NormalisedTarget n = NormalisedTarget.of(TargetParser.parse(printed));
        assertEquals(List.of(yuan, "元"), List.of(n.value().toPlainString(), n.unit()), printed);
    }
}
