package gongkai.site;

import gongkai.content.Column;
import gongkai.content.DataTable;
import gongkai.content.DepartmentYear;
import gongkai.content.MoneyUnit;
import gongkai.content.ProcurementLinks;
import gongkai.content.Project;
import gongkai.content.SourceRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Procurement rows (政府采购预算) linked to a project; the project page shows their 预算资金 cited as
 * procurement. {@link #fromProcurementTables()} reads them with {@link ProcurementLinks}.
 */
@FunctionalInterface
public interface ProcurementSource {
    /**
     * A procurement line linked to a project: item name, the line's 政府采购金额 合计 in 元 (null when blank),
     * the project's 预算资金 in 元 (printed again on every line of the project, so it is not summed), and where
     * the table is printed.
     */
    record Match(String item, BigDecimal yuan, BigDecimal projectBudgetYuan, String tableTitle, SourceRef source) {
    }

    List<Match> linksFor(DepartmentYear departmentYear, Project project);

    ProcurementSource NONE = (departmentYear, project) -> List.of();

    /**
     * The department-year's procurement table rows whose 项目名称 is the project's name
     * ({@link ProcurementLinks}), with their 合计 and 预算资金 columns converted from the columns' units to 元.
     * Rows with neither value are left out (nothing to show).
     */
    static ProcurementSource fromProcurementTables() {
        // The assembler asks for each project of a department-year in turn: the links of the last
        // department-year asked for are kept (by identity), so the table is scanned once per department-year.
        record Cached(DepartmentYear year, Map<String, List<Map<String, String>>> links) {
        }
        java.util.concurrent.atomic.AtomicReference<Cached> last = new java.util.concurrent.atomic.AtomicReference<>();
        return (year, project) -> {
            Cached cached = last.get();
            if (cached == null || cached.year() != year) {
                cached = new Cached(year, ProcurementLinks.forDepartmentYear(year));
                last.set(cached);
            }
            List<Map<String, String>> rows = cached.links().get(project.id());
            if (rows == null) {
                return List.of();
            }
            DataTable table = year.tables().stream()
                    .filter(t -> t.id().equals(ProcurementLinks.TABLE_ID)).findFirst().orElseThrow();
            MoneyUnit budgetUnit = MoneyUnit.YUAN;
            MoneyUnit totalUnit = MoneyUnit.YUAN;
            for (Column c : table.columns()) {
                if (c.key().equals("budget") && c.unit() != null) {
                    budgetUnit = MoneyUnit.fromLabel(c.unit());
                }
                if (c.key().equals("total") && c.unit() != null) {
                    totalUnit = MoneyUnit.fromLabel(c.unit());
                }
            }
            SourceRef source = table.source() == null ? new SourceRef(year.document(), table.title(), 0)
                    : new SourceRef(table.source().document() != null ? table.source().document() : year.document(),
                            table.source().heading(), table.source().line());
            List<Match> matches = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String budget = row.get("budget");
                String total = row.get("total");
                if (budget == null && total == null) {
                    continue;
                }
                String item = row.get("item_name") != null ? row.get("item_name") : row.get(ProcurementLinks.PROJECT_NAME);
                matches.add(new Match(item,
                        total == null ? null : new BigDecimal(total).multiply(totalUnit.yuanFactor()),
                        budget == null ? null : new BigDecimal(budget).multiply(budgetUnit.yuanFactor()),
                        table.title(), source));
            }
            return List.copyOf(matches);
        };
    }
}
