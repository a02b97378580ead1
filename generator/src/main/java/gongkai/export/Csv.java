package gongkai.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * RFC 4180 CSV: UTF-8, CRLF after every record (the header too), fields quoted only when they contain a
 * comma, a double quote, CR or LF, quotes doubled. The canonical file has no BOM; the Excel variant is the
 * same bytes behind a UTF-8 BOM, which is what makes Excel read the file as UTF-8.
 */
public final class Csv {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {
    }

    public static byte[] canonical(Table table) {
        return encode(table).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] excel(byte[] canonical) {
        byte[] out = new byte[BOM.length + canonical.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(canonical, 0, out, BOM.length, canonical.length);
        return out;
    }

    /** Receives the encoded records of a table one by one (header first), each ending in CRLF. */
    @FunctionalInterface
    interface RecordSink {
        void accept(String record) throws java.io.IOException;
    }

    /** The same text as {@link #canonical}, record by record, so a big table never becomes one string. */
    static void stream(Table table, RecordSink sink) throws java.io.IOException {
        List<Field> fields = table.fields();
        StringBuilder sb = new StringBuilder();
        appendRecord(sb, fields.stream().map(Field::name).toList());
        sink.accept(sb.toString());
        for (List<Object> row : table.rows()) {
            String[] cells = new String[fields.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cellText(fields.get(i), row.get(i));
            }
            sb.setLength(0);
            appendRecord(sb, List.of(cells));
            sink.accept(sb.toString());
        }
    }

    static String encode(Table table) {
        StringBuilder sb = new StringBuilder();
        List<Field> fields = table.fields();
        appendRecord(sb, fields.stream().map(Field::name).toList());
        for (List<Object> row : table.rows()) {
            String[] cells = new String[fields.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cellText(fields.get(i), row.get(i));
            }
            appendRecord(sb, List.of(cells));
        }
        return sb.toString();
    }

    private static void appendRecord(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendField(sb, cells.get(i));
        }
        sb.append("\r\n");
    }

    private static void appendField(StringBuilder sb, String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** The text of one cell; text columns are formula-guarded, numbers are written exactly. */
    static String cellText(Field field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof String s) {
            return field.type() == FieldType.STRING ? FormulaGuard.guard(s) : s;
        }
        throw new IllegalArgumentException("column '" + field.name() + "': unsupported cell type " + value.getClass());
    }
}
