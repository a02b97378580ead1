package gongkai.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParserTest {

    /** Real targets from the seeds; expectations written by reading each value, see seed-targets.tsv. */
    static Stream<Arguments> seedTargets() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = TargetParserTest.class.getResourceAsStream("/targets/seed-targets.tsv")) {
            String tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int line = 0;
            for (String row : tsv.split("\n", -1)) {
                line++;
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] cells = row.split("\t", -1);
                if (cells.length != 9) {
                    throw new IllegalStateException("seed-targets.tsv line " + line + ": expected 9 cells, got "
                            + cells.length);
                }
                rows.add(Arguments.of((Object[]) cells));
            }
        }
        assertTrue(rows.size() >= 60, "at least 60 real targets");
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedTargets")
    void readsRealSeedTargets(String printed, String kind, String comparator, String value, String upper,
            String unit, String date, String endDate, String remark) {
        assertParse(printed, kind, comparator, value, upper, unit, date, endDate, remark);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # printed                 | kind        | cmp   | value  | upper | unit     | date       | endDate    | remark
            100百分比                  | NUMBER      | EQ    | 100    |       | %        |            |            |
            ≥90百分比                  | NUMBER      | GE    | 90     |       | %        |            |            |
            ≤45万元                    | NUMBER      | LE    | 45     |       | 万元      |            |            |
            5.5万/人/年                | NUMBER      | EQ    | 5.5    |       | 万/人/年   |            |            |
            ≥4辆                      | NUMBER      | GE    | 4      |       | 辆        |            |            |
            <20mSv                    | NUMBER      | LT    | 20     |       | mSv      |            |            |
            2025年12月31日前           | DATE        | LE    |        |       |          | 2025-12-31 |            |
            2025.1.1-2025.12.31       | DATE_RANGE  | RANGE |        |       |          | 2025-01-01 | 2025-12-31 |
            ≤12个月                    | NUMBER      | LE    | 12     |       | 个月      |            |            |
            41人                      | NUMBER      | EQ    | 41     |       | 人        |            |            |
            1项                       | NUMBER      | EQ    | 1      |       | 项        |            |            |
            ≥100按文件要求执行           | NUMBER      | GE    | 100    |       |          |            |            | 按文件要求执行
            '≤48 '                    | NUMBER      | LE    | 48     |       |          |            |            |
            ＞＝９０％                   | NUMBER      | GE    | 90     |       | %        |            |            |
            ≥９５．５％                  | NUMBER      | GE    | 95.5   |       | %        |            |            |
            １２３人                    | NUMBER      | EQ    | 123    |       | 人        |            |            |
            >=3个                     | NUMBER      | GE    | 3      |       | 个        |            |            |
            ＜５天                      | NUMBER      | LT    | 5      |       | 天        |            |            |
            ＝１００％                   | NUMBER      | EQ    | 100    |       | %        |            |            |
            不低于95%                  | NUMBER      | GE    | 95     |       | %        |            |            |
            不少于3次                   | NUMBER      | GE    | 3      |       | 次        |            |            |
            大于等于80分                 | NUMBER      | GE    | 80     |       | 分        |            |            |
            不高于10万元                 | NUMBER      | LE    | 10     |       | 万元      |            |            |
            小于等于2小时                | NUMBER      | LE    | 2      |       | 小时      |            |            |
            90%以上                    | NUMBER      | GE    | 90     |       | %        |            |            |
            5个以下                     | NUMBER      | LE    | 5      |       | 个        |            |            |
            3个工作日以内                 | NUMBER      | LE    | 3      |       | 个工作日   |            |            |
            '1,800,630元'              | NUMBER      | EQ    | 1800630 |      | 元        |            |            |
            '≤1，200万元'               | NUMBER      | LE    | 1200   |       | 万元      |            |            |
            90%-95%                   | RANGE       | RANGE | 90     | 95    | %        |            |            |
            5~10万元                   | RANGE       | RANGE | 5      | 10    | 万元      |            |            |
            2025年8月底前               | DATE        | LE    |        |       |          | 2025-08-31 |            |
            2024年2月底前               | DATE        | LE    |        |       |          | 2024-02-29 |            |
            2025年12月前                | DATE        | LE    |        |       |          | 2025-12-31 |            |
            2025.12.31之前              | DATE        | LE    |        |       |          | 2025-12-31 |            |
            截至2025年6月30日            | DATE        | LE    |        |       |          | 2025-06-30 |            |
            2025年6月30日               | DATE        | EQ    |        |       |          | 2025-06-30 |            |
            2025-06-30                | DATE        | EQ    |        |       |          | 2025-06-30 |            |
            2025年6月                   | DATE_RANGE  | RANGE |        |       |          | 2025-06-01 | 2025-06-30 |
            2025.6-2025.9             | DATE_RANGE  | RANGE |        |       |          | 2025-06-01 | 2025-09-30 |
            2025年1月1日至2025年12月31日  | DATE_RANGE  | RANGE |        |       |          | 2025-01-01 | 2025-12-31 |
            2024.11.15-2025.3.15      | DATE_RANGE  | RANGE |        |       |          | 2024-11-15 | 2025-03-15 |
            2025.2.30前                | QUALITATIVE |       |        |       |          |            |            |
            2018-2019年               | QUALITATIVE |       |        |       |          |            |            |
            ≥90%以下                   | QUALITATIVE |       |        |       |          |            |            |
            """)
    void readsEdgeCases(String printed, String kind, String comparator, String value, String upper, String unit,
            String date, String endDate, String remark) {
        assertParse(printed, kind, comparator, value, upper, unit, date, endDate, remark);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000", "有所提升", "保障正常运转", "是、否", "通过", "[bookmark: _GoBack]", "一百人",
        "-", "%", "≥", "年月日", "9999999999999999999999年13月", "2025年13月底前", "1.2.3.4", "3+N"})
    void isQualitativeWithoutAReadableNumber(String printed) {
        assertEquals(ParsedTarget.qualitative(), TargetParser.parse(printed));
    }

    @Test
    void leavesThePrintedTextAlone() {
        String printed = "≥９０百分比按要求执行";
        ParsedTarget parsed = TargetParser.parse(printed);
        assertEquals("≥９０百分比按要求执行", printed);
        assertEquals(new BigDecimal("90"), parsed.value());
        assertEquals("%", parsed.unit());
        assertEquals("按要求执行", parsed.remark());
    }

    @Test
    void keepsFullWidthPunctuationInRemarkAndUnitAsPrinted() {
        ParsedTarget parsed = TargetParser.parse("６台（套），按合同");
        assertEquals(new BigDecimal("6"), parsed.value());
        assertEquals("台（套）", parsed.unit());
        assertEquals("按合同", parsed.remark());
    }

    private static void assertParse(String printed, String kind, String comparator, String value, String upper,
            String unit, String date, String endDate, String remark) {
        ParsedTarget expected = new ParsedTarget(
                TargetKind.valueOf(kind),
                blank(comparator) ? null : TargetComparator.valueOf(comparator),
                blank(value) ? null : new BigDecimal(value),
                blank(upper) ? null : new BigDecimal(upper),
                blank(unit) ? null : unit,
                blank(date) ? null : LocalDate.parse(date),
                blank(endDate) ? null : LocalDate.parse(endDate),
                blank(remark) ? null : remark);
        // Record equality compares BigDecimal with its scale, so 30.0 must come back as 30.0.
        assertEquals(expected, TargetParser.parse(printed), () -> "parse of [" + printed + "]");
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
