package gongkai.content;

/** The type of a department-level table column; values are kept as printed strings and checked against it. */
public enum ColumnType {
    STRING, INTEGER, DECIMAL;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
