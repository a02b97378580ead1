package gongkai.load;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the loader found the values that checks across files report on (ids, documents, titles, Markdown fields,
 * the first use of each 一级指标 in a file …): a side table keyed by file and field path, so the model records stay
 * plain data (equal content gives equal records, whatever its layout) and only the few values a check may point
 * at are kept — not a position per value, which at 100,000 projects would cost more heap than the model.
 * Content that did not come from files (a model built in a test) has none: {@link #at} then gives line 1, column 1.
 */
public final class Positions {
    /** No positions: every place is the file's first line. */
    public static final Positions NONE = new Positions(Map.of());

    /** A located field: {@code path:line:column} and the field's dotted path. */
    public record Place(String path, int line, int column, String field) {
        public String where() {
            return path + ":" + line + ":" + column;
        }
    }

    /** file path → field path → (line << 32 | column), both 1-based. */
    private final Map<String, Map<String, Long>> byFile;

    private Positions(Map<String, Map<String, Long>> byFile) {
        this.byFile = byFile;
    }

    /** The place of {@code field} in the file {@code path}; line 1, column 1 when it was not recorded. */
    public Place at(String path, String field) {
        Map<String, Long> fields = byFile.get(path);
        Long packed = fields == null ? null : fields.get(field);
        if (packed == null) {
            return new Place(path, 1, 1, field);
        }
        return new Place(path, (int) (packed >>> 32), (int) (long) packed, field);
    }

    /** Whether {@code field} of {@code path} was recorded. */
    public boolean has(String path, String field) {
        Map<String, Long> fields = byFile.get(path);
        return fields != null && fields.containsKey(field);
    }

    /** Collects positions during a load (one per loader, merged in walk order). */
    static final class Builder {
        private final Map<String, Map<String, Long>> byFile = new HashMap<>();

        void put(String path, String field, int line, int column) {
            byFile.computeIfAbsent(path, p -> new HashMap<>()).put(field, ((long) line << 32) | column);
        }

        void addAll(Builder other) {
            other.byFile.forEach((path, fields) -> byFile.computeIfAbsent(path, p -> new HashMap<>()).putAll(fields));
        }

        Positions build() {
            Map<String, Map<String, Long>> copy = new HashMap<>();
            byFile.forEach((path, fields) -> copy.put(path, Map.copyOf(fields)));
            return new Positions(Map.copyOf(copy));
        }
    }
}
