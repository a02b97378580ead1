package gongkai.content;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A department's own budget summary, read from its budget tables (Hengshui's 部门预算收支总体情况 and
 * 财政拨款“三公”经费预算): 收入 / 支出 / 基本支出 / 项目支出 / 三公, in 元. Any figure may be null when the document
 * does not print it; {@link #of} is null when the department-year has no such table. The pages show these figures
 * ({@code site.DepartmentBudget}); what a site publishes ({@link SiteCatalogue}: whether a chart has a bar for the
 * year) counts the 项目支出 of a year whose projects list no amount.
 *
 * @param tableId    the id of the table the figures come from
 * @param tableTitle its title
 */
public record BudgetSummary(BigDecimal income, BigDecimal expenditure, BigDecimal basic, BigDecimal project,
                            BigDecimal threePublic, String tableId, String tableTitle) {
    public static final String TOTALS_TABLE = "budget_totals";
    public static final String THREE_PUBLIC_TABLE = "three_public";

    public static BudgetSummary of(DepartmentYear dy) {
        DataTable totals = table(dy.tables(), TOTALS_TABLE);
        if (totals == null) {
            return null;
        }
        DataTable three = table(dy.tables(), THREE_PUBLIC_TABLE);
        // Top-level rows (no 所属) of each 说明 group are the totals; 基本支出/项目支出 hang under the 支出 total.
        BigDecimal income = amount(totals, row -> "收入说明".equals(row.get("group")) && row.get("parent") == null);
        Map<String, String> spending = first(totals, row -> "支出说明".equals(row.get("group")) && row.get("parent") == null);
        BigDecimal expenditure = spending == null ? null : yuan(totals, spending);
        String spendingItem = spending == null ? null : spending.get("item");
        BigDecimal basic = amount(totals, row -> "基本支出".equals(row.get("item")) && spendingItem != null
                && spendingItem.equals(row.get("parent")));
        BigDecimal project = amount(totals, row -> "项目支出".equals(row.get("item")) && spendingItem != null
                && spendingItem.equals(row.get("parent")));
        BigDecimal threePublic = three == null ? null : amount(three, row -> row.get("parent") == null
                && row.get("item") != null && row.get("item").contains("三公"));
        return new BudgetSummary(income, expenditure, basic, project, threePublic, totals.id(), totals.title());
    }

    /** The department-year's 项目支出 in 元 (null when it prints none). */
    public static BigDecimal projectExpenditure(DepartmentYear dy) {
        BudgetSummary summary = of(dy);
        return summary == null ? null : summary.project();
    }

    private static DataTable table(List<DataTable> tables, String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    private static Map<String, String> first(DataTable t, Predicate<Map<String, String>> test) {
        return t.rows().stream().filter(test).findFirst().orElse(null);
    }

    private static BigDecimal amount(DataTable t, Predicate<Map<String, String>> test) {
        Map<String, String> row = first(t, test);
        return row == null ? null : yuan(t, row);
    }

    /** The row's amount converted to 元 with the amount column's unit (元 or 万元); null when blank. */
    private static BigDecimal yuan(DataTable t, Map<String, String> row) {
        String printed = row.get("amount");
        if (printed == null) {
            return null;
        }
        String unit = t.columns().stream().filter(c -> c.key().equals("amount")).findFirst()
                .map(Column::unit).orElse(null);
        BigDecimal factor = "元".equals(unit) ? BigDecimal.ONE : "万元".equals(unit) ? BigDecimal.valueOf(10_000) : null;
        if (factor == null) {
            return null; // an amount without a money unit cannot be compared with 万元 totals
        }
        return new BigDecimal(printed).multiply(factor);
    }
}
