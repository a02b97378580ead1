package gongkai.build;

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
    /** A procurement row linked to a project: item name, 预算资金 in 元, and where it is printed. */
    record Match(String item, BigDecimal yuan, String tableTitle, SourceRef source) {
    }

    List<Match> linksFor(DepartmentYear departmentYear, Project project);

    ProcurementSource NONE = (departmentYear, project) -> List.of();

    /**
     * The department-year's procurement table rows whose 项目名称 is the project's name
     * ({@link ProcurementLinks}), with their 预算资金 column converted from the column's unit to 元.
     * Rows without a 预算资金 value are left out (nothing to show).
     */
    static ProcurementSource fromProcurementTables() {
        return (year, project) -> {
            List<Map<String, String>> rows = ProcurementLinks.forDepartmentYear(year).get(project.id());
            if (rows == null) {
                return List.of();
            }
            DataTable table = year.tables().stream()
                    .filter(t -> t.id().equals(ProcurementLinks.TABLE_ID)).findFirst().orElseThrow();
            MoneyUnit unit = MoneyUnit.YUAN;
            for (Column c : table.columns()) {
                if (c.key().equals("budget") && c.unit() != null) {
                    unit = MoneyUnit.fromLabel(c.unit());
                }
            }
            SourceRef source = table.source() == null ? new SourceRef(year.document(), table.title(), 0)
                    : new SourceRef(table.source().document() != null ? table.source().document() : year.document(),
                            table.source().heading(), table.source().line());
            List<Match> matches = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String budget = row.get("budget");
                if (budget == null) {
                    continue;
                }
                String item = row.get("item_name") != null ? row.get("item_name") : row.get(ProcurementLinks.PROJECT_NAME);
                matches.add(new Match(item, new BigDecimal(budget).multiply(unit.yuanFactor()), table.title(), source));
            }
            return List.copyOf(matches);
        };
    }
}
