package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {
    @Test
    void amountsInWanYuanAreGroupedWithTwoDecimals() {
        assertEquals("225.50", MoneyFormat.wan(new BigDecimal("2255000.00")));
        assertEquals("30,171.60", MoneyFormat.wan(new BigDecimal("301716000")));
        assertEquals("2,255,000.00", MoneyFormat.yuan(new BigDecimal("2255000")));
    }

    /** The Hengshui budget tables print "21770.82" and "6279.8": shown like every other amount, exactly. */
    @Test
    void documentTableCellsInMoneyUnitsAreFormattedTheSameWay() {
        assertEquals("21,770.82", MoneyFormat.printed("21770.82", "万元"));
        assertEquals("6,279.80", MoneyFormat.printed("6279.8", "万元"));
        assertEquals("1,000.00", MoneyFormat.printed("1000", "元"));
        assertEquals("-1,234.5678", MoneyFormat.printed("-1234.5678", "万元"));
        assertEquals("12", MoneyFormat.printed("12", "台"));
        assertEquals("1234.5", MoneyFormat.printed("1234.5", null));
        assertEquals("—", MoneyFormat.printed("—", "万元"));
    }
}
