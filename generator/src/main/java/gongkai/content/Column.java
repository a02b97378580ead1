package gongkai.content;

/**
 * A column of a department-level table.
 *
 * @param key   stable machine name (snake_case ASCII), the CSV header
 * @param title Chinese title as printed in the source
 * @param type  value type; DECIMAL values are exact decimals as printed
 * @param unit  unit of the values (e.g. 万元) or null
 */
public record Column(String key, String title, ColumnType type, String unit) {
}
