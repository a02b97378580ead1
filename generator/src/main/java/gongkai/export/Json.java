package gongkai.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Deterministic JSON: keys in insertion order, two-space indent, LF, UTF-8 without {@code \}u escapes,
 * a trailing newline. Exact decimals (money, parsed target values) are JSON strings: many JSON readers
 * (JavaScript, Excel Power Query, pandas by default) read numbers as binary doubles and would change them.
 */
final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = writer();

    private Json() {
    }

    private static ObjectWriter writer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return new ObjectMapper().writer(printer);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A generator writing exactly what {@link #bytes} writes for a tree (same pretty printer), for streaming. */
    static com.fasterxml.jackson.core.JsonGenerator generator(java.io.OutputStream out) throws java.io.IOException {
        return WRITER.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Puts a table cell: decimals and dates as strings, integers as numbers, blanks as null. */
    static void put(ObjectNode node, String key, Object value) {
        if (value == null) {
            node.putNull(key);
        } else if (value instanceof String s) {
            node.put(key, s);
        } else if (value instanceof BigDecimal d) {
            node.put(key, d.toPlainString());
        } else if (value instanceof PlainDecimal d) {
            node.put(key, d.text());
        } else if (value instanceof Integer i) {
            node.put(key, i);
        } else if (value instanceof LocalDate date) {
            node.put(key, date.toString());
        } else {
            throw new IllegalArgumentException("key '" + key + "': unsupported value type " + value.getClass());
        }
    }

    /** Writes a table cell as {@link #put} would put it: decimals and dates as strings, integers as numbers. */
    static void field(com.fasterxml.jackson.core.JsonGenerator gen, String key, Object value) throws java.io.IOException {
        gen.writeFieldName(key);
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof BigDecimal d) {
            gen.writeString(d.toPlainString());
        } else if (value instanceof PlainDecimal d) {
            gen.writeString(d.text());
        } else if (value instanceof Integer i) {
            gen.writeNumber(i);
        } else if (value instanceof LocalDate date) {
            gen.writeString(date.toString());
        } else {
            throw new IllegalArgumentException("key '" + key + "': unsupported value type " + value.getClass());
        }
    }

    /** The fields of {@link #row} written straight to a generator (the caller opens and closes the object). */
    static void rowFields(com.fasterxml.jackson.core.JsonGenerator gen, List<Field> fields, List<Object> row)
            throws java.io.IOException {
        for (int i = 0; i < fields.size(); i++) {
            field(gen, fields.get(i).name(), row.get(i));
        }
    }

    /** One JSON object per row, keyed by field name, in field order. */
    static ObjectNode row(List<Field> fields, List<Object> row) {
        ObjectNode node = object();
        for (int i = 0; i < fields.size(); i++) {
            put(node, fields.get(i).name(), row.get(i));
        }
        return node;
    }
}
