package gongkai.export;

/**
 * One column of an exported table: the CSV header, the JSON key and the datapackage.json field.
 *
 * @param name        snake_case ASCII name
 * @param type        value type; only STRING cells get the spreadsheet formula guard
 * @param title       Chinese title
 * @param description meaning and unit, Chinese
 */
public record Field(String name, FieldType type, String title, String description) {
    public static Field string(String name, String title, String description) {
        return new Field(name, FieldType.STRING, title, description);
    }

    public static Field integer(String name, String title, String description) {
        return new Field(name, FieldType.INTEGER, title, description);
    }

    public static Field number(String name, String title, String description) {
        return new Field(name, FieldType.NUMBER, title, description);
    }

    public static Field date(String name, String title, String description) {
        return new Field(name, FieldType.DATE, title, description);
    }
}
