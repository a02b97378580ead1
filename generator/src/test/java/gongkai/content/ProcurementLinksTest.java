package gongkai.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcurementLinksTest {
    private static Map<String, String> row(String type, String name, String budget) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("row_type", type);
        r.put("project_name", name);
        r.put("budget", budget);
        return r;
    }

    private static Project project(String id, String name) {
        return new Project(id, name, null, null, null, List.of(), new SourceRef("x.txt", name, 1));
    }

    @Test
    void linksItemRowsByExactProjectName() {
        DataTable procurement = new DataTable("procurement", "政府采购预算",
                List.of(new Column("row_type", "行类型", ColumnType.STRING, null),
                        new Column("project_name", "项目名称", ColumnType.STRING, null),
                        new Column("budget", "预算资金", ColumnType.DECIMAL, "万元")),
                List.of(row("total", "合　计", null), row("subtotal", "甲小计", null),
                        row("item", "办公设备购置", "30.00"), row("item", "办公设备购置", "30.00"),
                        row("item", "深州市分局办公设备购置", "20.00"), row("item", "无此项目", "1.00"),
                        // a 小计 row is never a project's line, even if its text were a project name
                        row("subtotal", "办公设备购置", null)),
                null, new SourceRef("x.txt", "六、政府采购预算情况", 1));
        DepartmentYear year = new DepartmentYear("r", "1", 2020, "t", "x.txt", List.of(), List.of(procurement),
                List.of(project("1-2020-001", "办公设备购置"), project("1-2020-002", "没有采购"),
                        project("1-2020-003", "深州市分局办公设备购置")));
        Map<String, List<Map<String, String>>> links = ProcurementLinks.forDepartmentYear(year);
        assertEquals(List.of("1-2020-001", "1-2020-003"), List.copyOf(links.keySet()));
        assertEquals(2, links.get("1-2020-001").size());
        assertEquals("20.00", links.get("1-2020-003").get(0).get("budget"));
    }

    @Test
    void noProcurementTableMeansNoLinks() {
        DepartmentYear year = new DepartmentYear("r", "1", 2020, "t", "x.txt", List.of(), List.of(),
                List.of(project("1-2020-001", "办公设备购置")));
        assertEquals(Map.of(), ProcurementLinks.forDepartmentYear(year));
    }
}
