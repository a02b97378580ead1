package gongkai.content;

import java.math.BigDecimal;

/**
 * A parsed target's number in a unit that compares across documents: money in 元 (万元 × 10000 exactly, also in
 * a rate such as 万元/人 → 元/人), percentages in %, any other unit as printed. Only numbers and ranges have one;
 * dates and qualitative targets give {@link #NONE}.
 *
 * @param value      the number (the lower bound of a range) in {@code unit}, or null
 * @param upperValue the upper bound of a range in {@code unit}, or null
 * @param unit       the unit of both, or null when the target prints none
 */
public record NormalisedTarget(BigDecimal value, BigDecimal upperValue, String unit) {
    public static final NormalisedTarget NONE = new NormalisedTarget(null, null, null);

    private enum Money {
        YI("亿元", new BigDecimal("100000000")), WAN("万元", BigDecimal.valueOf(10_000)),
        QIAN("千元", BigDecimal.valueOf(1_000)), YUAN("元", BigDecimal.ONE);

        final String word;
        final BigDecimal factor;

        Money(String word, BigDecimal factor) {
            this.word = word;
            this.factor = factor;
        }
    }

    public static NormalisedTarget of(ParsedTarget parsed) {
        if (parsed == null || parsed.value() == null
                || parsed.kind() != TargetKind.NUMBER && parsed.kind() != TargetKind.RANGE) {
            return NONE;
        }
        String unit = parsed.unit();
        if (unit != null) {
            for (Money m : Money.values()) {
                // the whole unit, or the numerator of a rate (万元/人); 元 alone needs no change
                if (unit.equals(m.word) || unit.startsWith(m.word + "/")) {
                    return new NormalisedTarget(times(parsed.value(), m.factor), times(parsed.upperValue(), m.factor),
                            "元" + unit.substring(m.word.length()));
                }
            }
            if (unit.equals("％") || unit.equals("百分比")) {
                unit = "%"; // the parser folds these already; kept for a parse made elsewhere
            }
        }
        return new NormalisedTarget(parsed.value(), parsed.upperValue(), unit);
    }

    private static BigDecimal times(BigDecimal value, BigDecimal factor) {
        return value == null ? null : value.multiply(factor);
    }
}
