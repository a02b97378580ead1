package gongkai.content;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The machine-readable reading of a printed target (指标值). It sits beside the printed text and never
 * replaces it. Fields that do not apply are null.
 *
 * @param kind       what the target is
 * @param comparator ≥ ≤ > < = or RANGE; null when qualitative
 * @param value      the number, or the lower bound of a range
 * @param upperValue the upper bound of a range
 * @param unit       the unit as printed after the number, normalised (百分比 → %); null when none
 * @param date       the date or deadline, or the start of a date range
 * @param endDate    the end of a date range
 * @param remark     printed text that is not part of the number (≥100按文件要求执行 → 按文件要求执行)
 */
public record ParsedTarget(
        TargetKind kind,
        TargetComparator comparator,
        BigDecimal value,
        BigDecimal upperValue,
        String unit,
        LocalDate date,
        LocalDate endDate,
        String remark) {

    public static ParsedTarget qualitative() {
        return new ParsedTarget(TargetKind.QUALITATIVE, null, null, null, null, null, null, null);
    }
}
