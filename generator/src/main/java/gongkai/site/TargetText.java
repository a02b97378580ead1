package gongkai.site;

import gongkai.content.TargetComparator;
import gongkai.content.ParsedTarget;
import java.math.BigDecimal;

/** The human-readable form of a parsed target shown beside the printed 指标值: "≥ 90 %", "截止 2025-12-31", "定性". */
public final class TargetText {
    private TargetText() {
    }

    public static String describe(ParsedTarget parsed) {
        if (parsed == null || parsed.kind() == null) {
            return "定性";
        }
        String text = switch (parsed.kind()) {
            case NUMBER -> join(symbol(parsed.comparator()), number(parsed.value()), parsed.unit());
            case RANGE -> join(number(parsed.value()), "~", number(parsed.upperValue()), parsed.unit());
            case DATE -> parsed.comparator() == TargetComparator.LE || parsed.comparator() == TargetComparator.LT
                    ? join("截止", String.valueOf(parsed.date()))
                    : join(parsed.comparator() == null ? null : parsed.comparator().symbol(), String.valueOf(parsed.date()));
            case DATE_RANGE -> join(String.valueOf(parsed.date()), "~", String.valueOf(parsed.endDate()));
            case QUALITATIVE -> "定性";
        };
        if (parsed.remark() != null && !parsed.remark().isBlank()) {
            text = text + "（" + parsed.remark() + "）";
        }
        return text;
    }

    private static String symbol(TargetComparator comparator) {
        // A bare number ("41人") is an equality target; print no "=" for it, as the source does not.
        return comparator == null || comparator == TargetComparator.EQ ? null : comparator.symbol();
    }

    private static String number(BigDecimal value) {
        return value == null ? "?" : value.toPlainString();
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(part);
        }
        return out.toString();
    }
}
