package gongkai.export;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * A strict RFC 4180 reader written for the tests, independent of the exporter: UTF-8 (malformed bytes
 * rejected), every record ends in CRLF, a bare CR or LF outside quotes is an error, quotes only around
 * whole fields, doubled inside. Rejects a BOM: callers strip it explicitly for the Excel variants.
 */
final class StrictCsvReader {
    private StrictCsvReader() {
    }

    static List<List<String>> read(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw new IllegalArgumentException("unexpected BOM");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = s.length();
        if (n == 0 || !s.endsWith("\r\n")) {
            throw new IllegalArgumentException("file must end with CRLF");
        }
        while (i < n) {
            if (s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field at record " + (records.size() + 1));
                    }
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
            } else {
                while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '"') {
                        throw new IllegalArgumentException("quote inside unquoted field at record " + (records.size() + 1));
                    }
                    field.append(s.charAt(i));
                    i++;
                }
            }
            // After a field: comma or CRLF.
            if (i < n && s.charAt(i) == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
                continue;
            }
            if (i + 1 < n && s.charAt(i) == '\r' && s.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
                continue;
            }
            throw new IllegalArgumentException("expected ',' or CRLF at char " + i + " of record " + (records.size() + 1));
        }
        int width = records.get(0).size();
        for (int r = 0; r < records.size(); r++) {
            if (records.get(r).size() != width) {
                throw new IllegalArgumentException("record " + (r + 1) + " has " + records.get(r).size()
                        + " fields, header has " + width);
            }
        }
        return records;
    }

    /** Rows as maps header → cell (formula guard not undone). */
    static List<Map<String, String>> rows(byte[] bytes) {
        List<List<String>> records = read(bytes);
        List<String> header = records.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
