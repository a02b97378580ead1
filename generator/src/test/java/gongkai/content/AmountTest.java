package gongkai.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountTest {
    @Test
    void wanYuanConvertsToYuanExactlyKeepingFen() {
        assertEquals(new BigDecimal("60000.00"), Amount.of("6.00", MoneyUnit.WAN_YUAN).yuan());
        assertEquals(new BigDecimal("619605.20"), Amount.of("619605.20", MoneyUnit.YUAN).yuan());
        assertEquals(new BigDecimal("1234567.89"), Amount.of("123.456789", MoneyUnit.WAN_YUAN).yuan().stripTrailingZeros().setScale(2));
    }

    @Test
    void unknownUnitIsRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MoneyUnit.fromLabel("千元"));
    }
}
