package gongkai.content;

import java.math.BigDecimal;

/** The unit an amount was printed in. Amounts are kept as printed and converted to 元 exactly. */
public enum MoneyUnit {
    YUAN("元", BigDecimal.ONE),
    WAN_YUAN("万元", BigDecimal.valueOf(10_000));

    private final String label;
    private final BigDecimal yuanFactor;

    MoneyUnit(String label, BigDecimal yuanFactor) {
        this.label = label;
        this.yuanFactor = yuanFactor;
    }

    /** The Chinese label as printed in the source and written in YAML: 元 or 万元. */
    public String label() {
        return label;
    }

    public BigDecimal yuanFactor() {
        return yuanFactor;
    }

    public static MoneyUnit fromLabel(String label) {
        for (MoneyUnit u : values()) {
            if (u.label.equals(label)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown money unit '" + label + "' (expected 元 or 万元)");
    }
}
