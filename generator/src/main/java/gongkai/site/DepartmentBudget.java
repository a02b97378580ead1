package gongkai.site;

import gongkai.content.BudgetSummary;
import gongkai.content.DepartmentYear;
import gongkai.site.Views.Money;
import java.math.BigDecimal;

/**
 * A department's own budget summary as its pages show it: the figures {@link BudgetSummary} reads from its budget
 * tables (收入 / 支出 / 基本支出 / 项目支出 / 三公), as amounts. {@link #of} is null when the department-year has no
 * such table.
 *
 * @param tableId the id of the table the figures come from, for the page's link to it
 */
public record DepartmentBudget(Money income, Money expenditure, Money basic, Money project, Money threePublic,
                               String tableId, String tableTitle) {
    /** The project expenditure in 元, or null. */
    BigDecimal projectYuan() {
        return project == null ? null : new BigDecimal(project.plainYuan());
    }

    static DepartmentBudget of(DepartmentYear dy) {
        BudgetSummary s = BudgetSummary.of(dy);
        if (s == null) {
            return null;
        }
        return new DepartmentBudget(Money.ofYuan(s.income()), Money.ofYuan(s.expenditure()), Money.ofYuan(s.basic()),
                Money.ofYuan(s.project()), Money.ofYuan(s.threePublic()), "table-" + s.tableId(), s.tableTitle());
    }
}
