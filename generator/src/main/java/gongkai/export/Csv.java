package gongkai.export;

import gongkai.pipeline.Utf8Bytes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * RFC 4180 CSV: UTF-8, CRLF after every record (the header too), fields quoted only when they contain a
 * comma, a double quote, CR or LF, quotes doubled. The canonical file has no BOM and English snake_case
 * names in its header; the Excel variant starts with a UTF-8 BOM (which makes Excel read the file as UTF-8) and
 * the columns' Chinese titles, then has the same records byte for byte.
 *
 * <p>Measured (10k sample): Jackson's CsvGenerator, same bytes, +22–39% export CPU: it re-encodes the cells copied here.
 * Re-measure: java scripts/measure/StageAB.java SAMPLE export 12 /dev/shm A.jar B.jar (docs/performance.md)
 */
public final class Csv {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** A number as the exporter writes one: a string in a numeric column that is one needs no guard. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Csv() {
    }

    /**
     * Appends the header record (field names, CRLF). Names are formula-guarded like text cells: a department
     * table's column keys come from the content YAML, so a key such as {@code =HYPERLINK(…)} is user text.
     */
    static void header(Utf8Bytes out, List<Field> fields) {
        headerOf(out, fields.stream().map(Field::name).toList());
    }

    /**
     * Appends the Excel twin's header record: the fields' Chinese titles (as in datapackage.json), guarded like
     * the names. A title that two columns share (a table's 金额（元） beside its derived 元 column) is followed by
     * the column's name, so every header stays unique.
     */
    static void excelHeader(Utf8Bytes out, List<Field> fields) {
        headerOf(out, excelTitles(fields));
    }

    static List<String> excelTitles(List<Field> fields) {
        java.util.Map<String, Integer> uses = new java.util.HashMap<>();
        fields.forEach(f -> uses.merge(f.title(), 1, Integer::sum));
        return fields.stream().map(f -> uses.get(f.title()) > 1 ? f.title() + "（" + f.name() + "）" : f.title()).toList();
    }

    private static void headerOf(Utf8Bytes out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            appendField(out, FormulaGuard.guard(cells.get(i)));
        }
        out.ascii('\r');
        out.ascii('\n');
    }

    /** Appends one record (CRLF-terminated) with one cell per field. */
    static void record(Utf8Bytes out, List<Field> fields, List<Object> row) {
        cells(out, fields, 0, row);
        out.ascii('\r');
        out.ascii('\n');
    }

    /**
     * Appends {@code values} as the cells of {@code fields} from index {@code first} on, each preceded by a comma
     * except the record's first cell; the caller ends the record.
     */
    static void cells(Utf8Bytes out, List<Field> fields, int first, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (first + i > 0) {
                out.ascii(',');
            }
            appendField(out, cellText(fields.get(first + i), values.get(i)));
        }
    }

    static void crlf(Utf8Bytes out) {
        out.ascii('\r');
        out.ascii('\n');
    }

    private static void appendField(Utf8Bytes out, String value) {
        int n = value.length();
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            out.append(value, 0, n);
            return;
        }
        out.ascii('"');
        int from = 0;
        for (int q = value.indexOf('"'); q >= 0; q = value.indexOf('"', q + 1)) {
            out.append(value, from, q + 1);
            out.ascii('"');
            from = q + 1;
        }
        out.append(value, from, n);
        out.ascii('"');
    }

    /**
     * The text of one cell: numbers are written exactly; every string is formula-guarded — in a text column
     * always, in a numeric column unless it is a plain number (a string there is printed text, not a value
     * the exporter computed).
     */
    static String cellText(Field field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof PlainDecimal d) {
            return d.text();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof String s) {
            return field.type() == FieldType.STRING || !PLAIN_NUMBER.matcher(s).matches() ? FormulaGuard.guard(s) : s;
        }
        throw new IllegalArgumentException("column '" + field.name() + "': unsupported cell type " + value.getClass());
    }
}
