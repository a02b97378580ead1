package gongkai.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links projects to the lines of the department's 政府采购预算 table that name them, so a project page
 * can show the 预算资金 the procurement table gives for it (the Hengshui project tables print no
 * amounts). Derived on demand; nothing of it is stored in YAML.
 *
 * <p>Relies on the table with id {@value #TABLE_ID} and its column keys {@value #ROW_TYPE}
 * (only rows whose value is {@value #ITEM} are linked; 小计/合计 rows never are) and
 * {@value #PROJECT_NAME} (项目名称, compared for exact equality with {@link Project#name()}).
 * The rows are returned whole; {@code budget} (预算资金) and {@code total} (合计) are the amounts.
 */
public final class ProcurementLinks {
    public static final String TABLE_ID = "procurement";
    public static final String ROW_TYPE = "row_type";
    public static final String ITEM = "item";
    public static final String PROJECT_NAME = "project_name";

    private ProcurementLinks() {
    }

    /** Project id → its procurement rows in table order; projects without rows are absent. Ordered by project. */
    public static Map<String, List<Map<String, String>>> forDepartmentYear(DepartmentYear year) {
        DataTable table = year.tables().stream().filter(t -> t.id().equals(TABLE_ID)).findFirst().orElse(null);
        Map<String, List<Map<String, String>>> links = new LinkedHashMap<>();
        if (table == null) {
            return links;
        }
        for (Project project : year.projects()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> row : table.rows()) {
                if (ITEM.equals(row.get(ROW_TYPE)) && project.name().equals(row.get(PROJECT_NAME))) {
                    rows.add(row);
                }
            }
            if (!rows.isEmpty()) {
                links.put(project.id(), List.copyOf(rows));
            }
        }
        return links;
    }
}
