package gongkai.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows under a fixed list of fields. Cells are {@code String}, {@code BigDecimal}, {@code Integer},
 * {@code LocalDate} or null (blank); each row has exactly one cell per field.
 */
public record Table(List<Field> fields, List<List<Object>> rows) {
    public Table {
        fields = List.copyOf(fields);
        Set<String> names = new HashSet<>();
        for (Field f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("duplicate column '" + f.name() + "'");
            }
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != fields.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + fields.size());
            }
            // Collections.unmodifiableList, not List.copyOf: blank cells are nulls.
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
