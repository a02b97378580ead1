package gongkai.export;

import gongkai.content.Column;
import gongkai.content.ColumnType;
import gongkai.content.ContentPaths;
import gongkai.content.DataTable;
import gongkai.content.DepartmentYear;
import gongkai.content.MoneyUnit;
import gongkai.content.ProcurementLinks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * All department-level tables with one id (units, procurement, …) concatenated into data/&lt;id&gt;.csv:
 * key columns region, department_code, year, then the table's own columns as printed. A money column
 * (unit 元 or 万元) is followed by {@code <key>_yuan}, the exact value in 元.
 */
final class TableKind {
    private static final Pattern ID = Pattern.compile("[a-z0-9_]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    final String id;
    private final String title;
    private final List<Column> columns;
    private final String firstFile;
    private final List<Field> fields = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    TableKind(String id, DataTable first, DepartmentYear firstYear) {
        this.id = id;
        this.title = first.title();
        this.columns = first.columns();
        this.firstFile = fileOf(firstYear);
        if (!ID.matcher(id).matches() || Resource.RESERVED_NAMES.contains(id)) {
            throw new IllegalArgumentException(firstFile + ": table id '" + id
                    + "' cannot name a download (needs lower-case a-z, 0-9, _ and not one of "
                    + Resource.RESERVED_NAMES + ")");
        }
        fields.addAll(Columns.TABLE_KEYS);
        for (Column c : columns) {
            String unit = c.unit() == null ? "" : "，单位：" + c.unit();
            fields.add(new Field(c.key(), fieldType(c.type()),
                    c.unit() == null ? c.title() : c.title() + "（" + c.unit() + "）",
                    "原文列“" + c.title() + "”" + unit + (c.type() == ColumnType.STRING ? "" : "，按原文数字")));
            if (moneyUnit(c) != null) {
                fields.add(Field.number(c.key() + "_yuan", c.title() + "（元）",
                        "原文列“" + c.title() + "”换算为元的精确小数"));
            }
        }
        if (isProcurement()) {
            fields.add(Field.string(PROJECT_ID, "对应项目编号",
                    "采购项目行（row_type 为 item）的“项目名称”与同一单位同一年度某个项目的名称相同时，该项目的编号"
                    + "（projects.csv 的 project_id）；否则为空"));
        }
        Set<String> names = new HashSet<>();
        for (Field f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException(firstFile + ": table '" + id + "' column '" + f.name()
                        + "' clashes with a key column or a derived _yuan column of data/" + id + ".csv");
            }
        }
    }

    void add(DepartmentYear dy, DataTable table) {
        String file = fileOf(dy);
        if (!signature(table.columns()).equals(signature(columns))) {
            throw new IllegalArgumentException("table '" + id + "' has different columns in " + file + " "
                    + signature(table.columns()) + " than in " + firstFile + " " + signature(columns)
                    + "; same-id tables are concatenated into data/" + id + ".csv and must have the same columns"
                    + " (key, type, unit)");
        }
        // procurement rows → the project they name (derived as the project pages do, ProcurementLinks)
        Map<Map<String, String>, String> projectOfRow = new java.util.IdentityHashMap<>();
        if (isProcurement()) {
            ProcurementLinks.forDepartmentYear(dy).forEach((projectId, linked) ->
                    linked.forEach(r -> projectOfRow.put(r, projectId)));
        }
        int rowNumber = 0;
        for (Map<String, String> row : table.rows()) {
            rowNumber++;
            List<Object> cells = new ArrayList<>(List.of(dy.regionSlug(), dy.departmentCode(), dy.year()));
            for (Column c : columns) {
                String printed = row.get(c.key());
                Object value = cell(printed, c, file, rowNumber);
                cells.add(value);
                MoneyUnit unit = moneyUnit(c);
                if (unit != null) {
                    cells.add(value == null ? null : ((BigDecimal) value).multiply(unit.yuanFactor()));
                }
            }
            if (isProcurement()) {
                cells.add(projectOfRow.get(row));
            }
            rows.add(cells);
        }
    }

    private static final String PROJECT_ID = "project_id";

    private boolean isProcurement() {
        return ProcurementLinks.TABLE_ID.equals(id);
    }

    Table table() {
        return new Table(fields, rows);
    }

    Resource resource() {
        return new Resource(id, title,
                "各单位各年度“" + title + "”表合并：每行前加 region、department_code、year 三个键列，其余列按原文。",
                fields, List.of(), List.of(Resource.toDepartmentYears()));
    }

    private Object cell(String printed, Column c, String file, int rowNumber) {
        if (printed == null || printed.isEmpty()) {
            return null;
        }
        switch (c.type()) {
            case STRING:
                return printed;
            case INTEGER:
                if (!INTEGER.matcher(printed).matches()) {
                    throw badCell(printed, c, file, rowNumber, "an integer");
                }
                return new BigDecimal(printed);
            case DECIMAL:
                if (!DECIMAL.matcher(printed).matches()) {
                    throw badCell(printed, c, file, rowNumber, "a decimal number");
                }
                return new BigDecimal(printed);
            default:
                throw new IllegalStateException("unknown column type " + c.type());
        }
    }

    private IllegalArgumentException badCell(String printed, Column c, String file, int row, String expected) {
        return new IllegalArgumentException(file + ": table '" + id + "' row " + row + " column '" + c.key()
                + "': '" + printed + "' is not " + expected);
    }

    private static FieldType fieldType(ColumnType type) {
        return switch (type) {
            case STRING -> FieldType.STRING;
            case INTEGER -> FieldType.INTEGER;
            case DECIMAL -> FieldType.NUMBER;
        };
    }

    /** The money unit of a numeric column printed in 元 or 万元, else null. */
    private static MoneyUnit moneyUnit(Column c) {
        if (c.type() == ColumnType.STRING || c.unit() == null) {
            return null;
        }
        for (MoneyUnit u : MoneyUnit.values()) {
            if (u.label().equals(c.unit())) {
                return u;
            }
        }
        return null;
    }

    private static List<String> signature(List<Column> columns) {
        return columns.stream().map(c -> c.key() + ":" + c.type().yamlName() + (c.unit() == null ? "" : ":" + c.unit()))
                .toList();
    }

    private static String fileOf(DepartmentYear dy) {
        return "content/" + ContentPaths.departmentYear(dy);
    }
}
