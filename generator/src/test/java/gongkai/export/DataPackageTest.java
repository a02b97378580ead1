package gongkai.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data/datapackage.json against the official Frictionless profile, and against the files it describes. */
class DataPackageTest {
    @TempDir
    static Path site;
    static JsonNode descriptor;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void export() throws IOException {
        new DatasetExporter().export(ExportFixture.content(), site);
        descriptor = MAPPER.readTree(site.resolve("data/datapackage.json").toFile());
    }

    static JsonSchema profile() throws IOException {
        try (InputStream in = DataPackageTest.class.getResourceAsStream("/frictionless/tabular-data-package.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static Set<ValidationMessage> validate(JsonNode node) throws IOException {
        return profile().validate(node);
    }

    @Test
    void validatesAgainstTheTabularDataPackageProfile() throws IOException {
        assertEquals(Set.of(), validate(descriptor));
        assertEquals("tabular-data-package", descriptor.get("profile").asText());
        for (JsonNode r : descriptor.get("resources")) {
            assertEquals("tabular-data-resource", r.get("profile").asText());
            assertEquals("\r\n", r.get("dialect").get("lineTerminator").asText());
            assertTrue(r.get("name").asText().matches("[a-z0-9._-]+"));
            assertTrue(r.get("title").asText().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), "Chinese title");
        }
    }

    @Test
    void theProfileCatchesBrokenDescriptors() throws IOException {
        // Guards the validation above: the vendored profile and the validator do reject bad input.
        ObjectNode badName = descriptor.deepCopy();
        ((ObjectNode) badName.get("resources").get(0)).put("name", "Projects CSV");
        assertFalse(validate(badName).isEmpty());
        ObjectNode badField = descriptor.deepCopy();
        ((ObjectNode) badField.get("resources").get(0).get("schema").get("fields").get(0)).put("type", "money");
        assertFalse(validate(badField).isEmpty());
        ObjectNode noProfile = descriptor.deepCopy();
        noProfile.remove("profile");
        assertFalse(validate(noProfile).isEmpty());
    }

    @Test
    void describesEveryCanonicalCsvUnderDataWithItsExactBytesAndHash() throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode r : descriptor.get("resources")) {
            names.add(r.get("name").asText());
            byte[] bytes = Files.readAllBytes(site.resolve("data").resolve(r.get("path").asText()));
            assertEquals(bytes.length, r.get("bytes").asLong(), r.get("path").asText());
            assertEquals("sha256:" + DatasetExporterTest.sha256(bytes), r.get("hash").asText());
        }
        assertEquals(List.of("projects", "indicators", "departments", "department_years", "project_changes", "procurement", "units",
                        "corrections", "retracted", "changes", "quality"),
                names);
        assertTrue(descriptor.get("description").asText().contains("-excel.csv"));
        JsonNode licence = descriptor.get("licenses").get(0);
        assertEquals("CC-BY-4.0", licence.get("name").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/deed.zh-hans", licence.get("path").asText());
        assertEquals(4, descriptor.get("sources").size());
        assertEquals("https://gongkai.example.org/", descriptor.get("homepage").asText());
    }

    /**
     * A citable version: the content's day and a fingerprint of every described file (recomputed here from the
     * files on disk), so any changed figure changes it; created is that day as an RFC 3339 date-time, and absent
     * when the content is undated (no git).
     */
    @Test
    void carriesADataVersionFromTheFilesAndTheContentsDay(@TempDir Path dated) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (JsonNode r : descriptor.get("resources")) {
            byte[] bytes = Files.readAllBytes(site.resolve("data").resolve(r.get("path").asText()));
            lines.append("data/").append(r.get("path").asText()).append(' ').append(DatasetExporterTest.sha256(bytes)).append('\n');
        }
        String fingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 4);
        assertEquals("undated." + fingerprint, descriptor.get("version").asText());
        assertFalse(descriptor.has("created"), "no date without git");

        new DatasetExporter("2026-12-06").export(ExportFixture.content(), dated);
        JsonNode withDate = MAPPER.readTree(dated.resolve("data/datapackage.json").toFile());
        assertEquals("2026-12-06T00:00:00Z", withDate.get("created").asText());
        assertEquals("2026-12-06." + fingerprint, withDate.get("version").asText(), "the same files, the same fingerprint");
        assertEquals(Set.of(), validate(withDate));
        ObjectNode badCreated = withDate.deepCopy();
        badCreated.put("created", "2026年12月6日");
        assertFalse(validate(badCreated).isEmpty(), "the profile checks created's format");
    }

    @Test
    void filesConformToTheirSchemas() throws IOException {
        int checked = assertFilesConform(site);
        assertTrue(checked > 20, "foreign keys were exercised: " + checked);
    }

    /**
     * Reads every resource of site/data/datapackage.json as its schema says: header = fields, typed
     * cells parse, primary keys unique and present, foreign keys resolve, bytes and hash match.
     *
     * @return how many foreign-key references were checked
     */
    static int assertFilesConform(Path site) throws IOException {
        JsonNode descriptor = MAPPER.readTree(site.resolve("data/datapackage.json").toFile());
        assertEquals(Set.of(), validate(descriptor));
        Map<String, List<Map<String, String>>> data = new java.util.HashMap<>();
        for (JsonNode r : descriptor.get("resources")) {
            byte[] bytes = Files.readAllBytes(site.resolve("data").resolve(r.get("path").asText()));
            assertEquals(bytes.length, r.get("bytes").asLong(), r.get("path").asText());
            assertEquals("sha256:" + DatasetExporterTest.sha256(bytes), r.get("hash").asText());
            List<List<String>> records = StrictCsvReader.read(bytes);
            List<String> fieldNames = new ArrayList<>();
            r.get("schema").get("fields").forEach(f -> fieldNames.add(f.get("name").asText()));
            assertEquals(fieldNames, records.get(0), r.get("name").asText());
            List<Map<String, String>> rows = StrictCsvReader.rows(bytes);
            data.put(r.get("name").asText(), rows);
            for (JsonNode f : r.get("schema").get("fields")) {
                for (Map<String, String> row : rows) {
                    String v = row.get(f.get("name").asText());
                    if (v.isEmpty()) {
                        continue;
                    }
                    switch (f.get("type").asText()) {
                        case "integer" -> assertTrue(v.matches("-?\\d+"), f + " " + v);
                        case "number" -> new BigDecimal(v);
                        case "date" -> LocalDate.parse(v);
                        case "string" -> { }
                        default -> throw new AssertionError("unexpected type " + f);
                    }
                }
            }
            JsonNode pk = r.get("schema").get("primaryKey");
            if (pk != null) {
                Set<List<String>> seen = new HashSet<>();
                for (Map<String, String> row : rows) {
                    List<String> key = new ArrayList<>();
                    pk.forEach(k -> key.add(row.get(k.asText())));
                    assertFalse(key.contains(""), r.get("name") + " key " + key);
                    assertTrue(seen.add(key), r.get("name") + " duplicate key " + key);
                }
            }
        }
        int checked = 0;
        for (JsonNode r : descriptor.get("resources")) {
            JsonNode fks = r.get("schema").get("foreignKeys");
            if (fks == null) {
                continue;
            }
            for (JsonNode fk : fks) {
                Set<List<String>> targets = new HashSet<>();
                for (Map<String, String> row : data.get(fk.get("reference").get("resource").asText())) {
                    List<String> key = new ArrayList<>();
                    fk.get("reference").get("fields").forEach(k -> key.add(row.get(k.asText())));
                    targets.add(key);
                }
                for (Map<String, String> row : data.get(r.get("name").asText())) {
                    List<String> key = new ArrayList<>();
                    fk.get("fields").forEach(k -> key.add(row.get(k.asText())));
                    assertTrue(targets.contains(key), r.get("name") + " → " + fk + ": " + key);
                    checked++;
                }
            }
        }
        return checked;
    }
}
