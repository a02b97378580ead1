package gongkai.export;

/** Column types of the exported tables, named as in Frictionless Table Schema. */
public enum FieldType {
    STRING("string"), INTEGER("integer"), NUMBER("number"), DATE("date");

    private final String tableSchemaName;

    FieldType(String tableSchemaName) {
        this.tableSchemaName = tableSchemaName;
    }

    public String tableSchemaName() {
        return tableSchemaName;
    }
}
