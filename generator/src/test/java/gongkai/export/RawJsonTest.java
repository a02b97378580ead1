package gongkai.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A value encoded on its own and placed with RawJson gives the bytes of one tree written whole. */
class RawJsonTest {
    private static ObjectNode project(String id) {
        ObjectNode p = Json.object();
        p.put("project_id", id);
        p.put("purpose", "第一行\n第二行 \"引号\" \\ 反斜杠");
        p.putNull("budget_other_printed");
        p.putArray("empty");
        p.putObject("nothing");
        ArrayNode indicators = p.putArray("indicators");
        for (int i = 0; i < 2; i++) {
            ObjectNode ind = indicators.addObject();
            ind.put("level1", "产出指标");
            ind.put("target", "≥9" + i + "%");
            ind.putArray("numbers").add(i).add(i + 1);
        }
        return p;
    }

    @Test
    void nestedValuesGiveTheBytesOfTheWholeTree() throws Exception {
        ObjectNode whole = Json.object();
        whole.put("title", "部门");
        ArrayNode projects = whole.putArray("projects");
        projects.add(project("a"));
        projects.add(project("b"));
        ObjectNode outer = Json.object();
        outer.putArray("department_years").add(whole);

        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        try (JsonGenerator gen = Json.generator(nested)) {
            gen.writeStartObject();
            gen.writeFieldName("department_years");
            gen.writeStartArray();
            // the department-year, itself made of its projects' own encodings
            ByteArrayOutputStream year = new ByteArrayOutputStream();
            try (JsonGenerator y = Json.generator(year)) {
                y.writeStartObject();
                y.writeStringField("title", "部门");
                y.writeArrayFieldStart("projects");
                for (String id : new String[] {"a", "b"}) {
                    byte[] p = (Json.bytes(project(id)));
                    y.writeRawValue(RawJson.nested(p, p.length - 1, 2)); // without Json.bytes' final newline
                }
                y.writeEndArray();
                y.writeEndObject();
            }
            byte[] y = year.toByteArray();
            gen.writeRawValue(RawJson.nested(y, y.length, 2));
            gen.writeEndArray();
            gen.writeEndObject();
        }
        String expected = new String(Json.bytes(outer), StandardCharsets.UTF_8);
        assertEquals(expected, nested.toString(StandardCharsets.UTF_8) + "\n");
    }
}
