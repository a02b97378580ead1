package gongkai.site;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Chinese disclosure practice: amounts shown in 万元 with two decimals and thousands separators; exact 元 kept. */
public final class MoneyFormat {
    private MoneyFormat() {
    }

    /** 2255000.00 元 → "225.50" (万元, two decimals, half-up, grouped). */
    public static String wan(BigDecimal yuan) {
        // movePointLeft is the exact quotient (divide() searched for the shortest exact scale, dividing repeatedly).
        return group(yuan.movePointLeft(4).setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    /** A change in 万元 as {@link #wan} prints it, with its sign: "+5.00", "-44.00", "0.00" (a change that rounds to 0). */
    public static String signedWan(BigDecimal yuan) {
        String wan = wan(yuan);
        return yuan.movePointLeft(4).setScale(2, RoundingMode.HALF_UP).signum() > 0 ? "+" + wan : wan;
    }

    /** A percentage change, one decimal (half up) with its sign: "+12.5%", "-88.0%", "0.0%". */
    public static String signedPercent(BigDecimal percent) {
        BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_UP);
        return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString() + "%";
    }

    /** The exact amount in 元, grouped, at least two decimals: "2,255,000.00". */
    public static String yuan(BigDecimal yuan) {
        return group(plainYuan(yuan));
    }

    /** The exact amount in 元 without grouping, for machine-readable attributes: "2255000.00". */
    public static String plainYuan(BigDecimal yuan) {
        BigDecimal stripped = yuan.stripTrailingZeros();
        int scale = Math.max(2, stripped.scale());
        return yuan.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * A cell of a document's table as shown: a money column (unit 元 or 万元) gets thousands separators and at
     * least two decimals, like every other amount on the site ("21770.82" → "21,770.82", "6279.8" → "6,279.80");
     * more printed decimals are kept, so the figure stays exactly the printed one. Anything else is unchanged.
     */
    public static String printed(String value, String unit) {
        if (value == null || value.isBlank() || !("万元".equals(unit) || "元".equals(unit))) {
            return value;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return value; // a printed note such as "—" in a money column is shown as printed
        }
        return group(number.setScale(Math.max(2, number.scale()), RoundingMode.UNNECESSARY).toPlainString());
    }

    /** Inserts thousands separators into a plain decimal string ("-1234567.5" → "-1,234,567.5"). */
    static String group(String plain) {
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + 8);
        out.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        out.append(plain, end, plain.length());
        return out.toString();
    }
}
