package gongkai.content;

import java.util.List;
import java.util.Map;

/**
 * A department-level table from the source (units, budget totals, 三公经费, procurement, assets,
 * glossary …). Cells are kept as printed (strings, null when blank); columns declare their types.
 *
 * @param id      stable machine name within the department-year, e.g. {@code procurement}
 * @param title   Chinese title
 * @param columns the columns in source order
 * @param rows    each row maps column key → printed value (null for a blank cell)
 * @param note    free text printed with the table (Markdown), or null
 * @param source  where the table is in the source document
 */
public record DataTable(
        String id,
        String title,
        List<Column> columns,
        List<Map<String, String>> rows,
        String note,
        SourceRef source) {

    public DataTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(DataTable::unmodifiableRow).toList();
    }

    private static Map<String, String> unmodifiableRow(Map<String, String> row) {
        // LinkedHashMap copy keeps source column order; null values are allowed (blank cells).
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(row));
    }
}
