package gongkai.content;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of money as printed in the source (value in its source unit), never a double.
 * {@link #yuan()} is the same amount normalised to 元.
 */
public record Amount(BigDecimal value, MoneyUnit unit) {
    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    public static Amount of(String printed, MoneyUnit unit) {
        return new Amount(new BigDecimal(printed), unit);
    }

    /** Exact value in 元 (scale kept, e.g. 6.00 万元 → 60000.00 元). */
    public BigDecimal yuan() {
        return value.multiply(unit.yuanFactor());
    }
}
