package gongkai.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gongkai.content.Amount;
import gongkai.content.Budget;
import gongkai.content.DepartmentYear;
import gongkai.content.MoneyUnit;
import gongkai.content.Project;
import gongkai.site.YearOverYear.Change;
import gongkai.site.YearOverYear.Status;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pairing behind every year-over-year view and data/project_changes.csv. */
class YearOverYearTest {
    private static Project p(String id, String name, String wan) {
        Budget b = wan == null ? null : new Budget(MoneyUnit.WAN_YUAN, Amount.of(wan, MoneyUnit.WAN_YUAN), null, null);
        return new Project(id, name, b, null, null, List.of(), null);
    }

    private static DepartmentYear year(int year, Project... projects) {
        return new DepartmentYear("tianjin", "362303", year, "t", "d.txt", List.of(), List.of(), List.of(projects));
    }

    private static List<String> pairs(YearOverYear yoy, DepartmentYear dy) {
        return yoy.pairs(dy).stream().map(pair -> pair.status().label() + " "
                + (pair.previous() == null ? "-" : pair.previous().id()) + " → "
                + (pair.current() == null ? "-" : pair.current().id())).toList();
    }

    @Test
    void pairsByNormalisedNameWithTheYearBeforeNewThenDropped() {
        DepartmentYear y2021 = year(2021, p("1-2021-001", "2021年物业费项目", "1"), p("1-2021-002", "旧项目", "2"));
        DepartmentYear y2023 = year(2023, p("1-2023-001", "**2023年度 物业费项目", "3"), p("1-2023-002", "新项目", "4"),
                p("1-2023-003", "旧项目（续）", "5"));
        // given out of order: the years are sorted; 2022 is not published, so 2021 is the year before 2023
        YearOverYear yoy = YearOverYear.of(List.of(y2023, y2021));
        assertEquals(List.of(2021, 2023), yoy.years().stream().map(DepartmentYear::year).toList());
        assertNull(yoy.previous(y2021));
        assertEquals(List.of(), yoy.pairs(y2021));
        assertEquals(List.of("延续 1-2021-001 → 1-2023-001", "新增 - → 1-2023-002", "新增 - → 1-2023-003",
                "本年无 1-2021-002 → -"), pairs(yoy, y2023));
        // rows: the latest year's projects by id, then the one last seen in 2021
        assertEquals(List.of("1-2023-001", "1-2023-002", "1-2023-003", "1-2021-002"),
                yoy.rows().stream().map(r -> r.latest().id()).toList());
        assertEquals(List.of(2021, 2023), List.copyOf(yoy.rowOf(y2021.projects().get(0)).byYear().keySet()));
    }

    @Test
    void namesakesPairNthWithNthAndANameOfOnlyPunctuationMatchesNothing() {
        DepartmentYear y2023 = year(2023, p("1-2023-002", "培训项目", "1"), p("1-2023-001", "培训项目", "2"),
                p("1-2023-003", "——", "3"));
        DepartmentYear y2024 = year(2024, p("1-2024-001", "培训项目", "4"), p("1-2024-002", "——", "5"));
        YearOverYear yoy = YearOverYear.of(List.of(y2023, y2024));
        assertEquals(List.of("延续 1-2023-001 → 1-2024-001", "新增 - → 1-2024-002", "本年无 1-2023-002 → -",
                "本年无 1-2023-003 → -"), pairs(yoy, y2024));
        assertEquals(Status.NEW, yoy.pairs(y2024).get(1).status());
    }

    @Test
    void aChangeIsExactAndHasNoPercentageOfZeroOrANegativeAmount() {
        Change c = Change.of(new BigDecimal("1170000.00"), new BigDecimal("1220000.00"));
        assertEquals(new BigDecimal("50000.00"), c.difference());
        assertEquals(new BigDecimal("4.3"), c.percent()); // 4.27…
        assertEquals(new BigDecimal("-88.0"), Change.of(new BigDecimal("500000"), new BigDecimal("60000")).percent());
        assertEquals(new BigDecimal("0.1"), Change.of(new BigDecimal("2000"), new BigDecimal("2001")).percent()); // 0.05 up
        Change fromZero = Change.of(new BigDecimal("0.00"), new BigDecimal("236000.00"));
        assertEquals(new BigDecimal("236000.00"), fromZero.difference());
        assertNull(fromZero.percent());
        assertNull(Change.of(new BigDecimal("-10"), new BigDecimal("10")).percent());
        assertNull(Change.of(null, BigDecimal.ONE));
        assertNull(Change.of(BigDecimal.ONE, null));
    }

    @Test
    void changesPrintSignedThroughTheOneAmountFormatter() {
        assertEquals("+1,130.56", MoneyFormat.signedWan(new BigDecimal("11305600.00")));
        assertEquals("-44.00", MoneyFormat.signedWan(new BigDecimal("-440000")));
        assertEquals("0.00", MoneyFormat.signedWan(new BigDecimal("0.00")));
        assertEquals("0.00", MoneyFormat.signedWan(new BigDecimal("0.4"))); // rounds to nothing: no sign
        assertEquals("+4.3%", MoneyFormat.signedPercent(new BigDecimal("4.3")));
        assertEquals("-88.0%", MoneyFormat.signedPercent(new BigDecimal("-88.0")));
        assertEquals("0.0%", MoneyFormat.signedPercent(new BigDecimal("0.0")));
    }
}
