package gongkai.load;

import java.util.HashMap;
import java.util.List;
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

    /** An issue an agency has explained ({@code acknowledged: [{code: Q003, reason: …}]}). */
    public record Acknowledgement(String code, String reason) {
    }

    /** file path → field path → (line << 32 | column), both 1-based. */
    private final Map<String, Map<String, Long>> byFile;
    /** file path → owner field path ("" for the department-year, {@code projects[2]}) → its acknowledgements. */
    private final Map<String, Map<String, List<Acknowledgement>>> acknowledged;

    private Positions(Map<String, Map<String, Long>> byFile) {
        this(byFile, Map.of());
    }

    private Positions(Map<String, Map<String, Long>> byFile, Map<String, Map<String, List<Acknowledgement>>> acknowledged) {
        this.byFile = byFile;
        this.acknowledged = acknowledged;
    }

    /** What the file {@code path} acknowledges on {@code owner} ("" for the whole department-year). */
    public List<Acknowledgement> acknowledged(String path, String owner) {
        return acknowledged.getOrDefault(path, Map.of()).getOrDefault(owner, List.of());
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

    /**
     * These positions with those of the re-read {@code files} taken from {@code reread} instead (an incremental
     * rebuild re-reads the edited year files only; an acknowledgement removed from such a file is gone).
     */
    public Positions with(Positions reread, java.util.Collection<String> files) {
        Map<String, Map<String, Long>> positions = new HashMap<>(byFile);
        Map<String, Map<String, List<Acknowledgement>>> acks = new HashMap<>(acknowledged);
        for (String file : files) {
            positions.remove(file);
            acks.remove(file);
            if (reread.byFile.containsKey(file)) {
                positions.put(file, reread.byFile.get(file));
            }
            if (reread.acknowledged.containsKey(file)) {
                acks.put(file, reread.acknowledged.get(file));
            }
        }
        return new Positions(Map.copyOf(positions), Map.copyOf(acks));
    }

    /** Collects positions during a load (one per loader, merged in walk order). */
    static final class Builder {
        private final Map<String, Map<String, Long>> byFile = new HashMap<>();
        private final Map<String, Map<String, List<Acknowledgement>>> acknowledged = new HashMap<>();

        void acknowledge(String path, String owner, List<Acknowledgement> list) {
            if (!list.isEmpty()) {
                acknowledged.computeIfAbsent(path, p -> new HashMap<>()).put(owner, List.copyOf(list));
            }
        }

        void put(String path, String field, int line, int column) {
            byFile.computeIfAbsent(path, p -> new HashMap<>()).put(field, ((long) line << 32) | column);
        }

        void addAll(Builder other) {
            other.byFile.forEach((path, fields) -> byFile.computeIfAbsent(path, p -> new HashMap<>()).putAll(fields));
            other.acknowledged.forEach((path, owners) ->
                    acknowledged.computeIfAbsent(path, p -> new HashMap<>()).putAll(owners));
        }

        Positions build() {
            Map<String, Map<String, Long>> copy = new HashMap<>();
            byFile.forEach((path, fields) -> copy.put(path, Map.copyOf(fields)));
            Map<String, Map<String, List<Acknowledgement>>> acks = new HashMap<>();
            acknowledged.forEach((path, owners) -> acks.put(path, Map.copyOf(owners)));
            return new Positions(Map.copyOf(copy), Map.copyOf(acks));
        }
    }
}
