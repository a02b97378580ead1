package gongkai.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One version of a year file, as the history reads it: the text of each project item and of the
 * {@code retracted:} block, cut where {@code ContentWriter} lays them out — an item from its {@code "  - "} line
 * under the top-level {@code projects:} line to the next such line, the projects ending at the next top-level line
 * (not indented, not a comment); the block from its top-level {@code retracted:} line to the next top-level line. A
 * project's figures depend only on its own item, so the history parses each distinct item text on its own, once;
 * the rest of the file (sections, tables) is never parsed. A file laid out otherwise is kept whole and parsed whole.
 *
 * <p>The cut works on the blob's bytes (the markers are ASCII, which UTF-8 never uses inside a character) and an
 * older version is cut from the newer one: the two differ only between their common start and common end
 * ({@link Arrays#mismatch}), so only that window is scanned for lines, and an item outside it is the newer
 * version's (the same string: the history tells items apart by identity). Of a 2,000-commit history's 190 MB of
 * versions only the newest version of each file is scanned whole and only the edited items are copied.
 *
 * <p>The parts are kept as their bytes ({@link #bytes}), decoded by {@link #utf8} when parsed. This is not a YAML
 * parser: a part is what the loader parses; the cut only decides which bytes are parsed together.
 *
 * @param items     the project items, in file order; null when the file is not laid out that way
 * @param retracted the {@code retracted:} block, or null when there is none (or {@code items} is null)
 * @param whole     the whole file when {@code items} is null, else null
 */
record YearFileCut(List<String> items, String retracted, String whole) {
    private static final byte[] PROJECTS = "projects:\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEM = "  - ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RETRACTED = "retracted:".getBytes(StandardCharsets.US_ASCII);
    /** How far past a line's start its kind is decided (the longest marker): bytes beyond are not looked at. */
    private static final int REACH = PROJECTS.length + 1;

    /**
     * The lines of a version that the cut looks at, by the offset where they start: those beginning
     * {@code "  - "} and the top-level ones (beginning with a byte other than ' ', '\n', '#'); and how many bytes it
     * has in common with the newer version it was cut from, at the start and at the end (0 without one).
     */
    record Lines(byte[] bytes, int[] items, int[] tops, int head, int tail) {
    }

    /**
     * A version, cut, with its lines and where its parts are ({@code itemStarts}/{@code itemEnds} of
     * {@code cut.items()}, the retracted block's {@code [blockStart, blockEnd)}, -1 without): the next older
     * version is cut from them.
     */
    record Read(YearFileCut cut, Lines lines, int[] itemStarts, int[] itemEnds, int blockStart, int blockEnd) {
    }

    /** Cuts {@code bytes}; {@code newer}, the newer version of the same file (or null), is what it differs from. */
    static Read of(byte[] bytes, Read newer) {
        Lines lines = newer == null ? lines(bytes, 0, bytes.length) : linesFrom(bytes, newer.lines());
        int projects = -1;
        int retracted = -1;
        for (int top : lines.tops()) {
            if (projects < 0 && startsWith(bytes, top, PROJECTS)) {
                projects = top;
            }
            if (retracted < 0 && startsWith(bytes, top, RETRACTED)) {
                retracted = top;
            }
        }
        // "\nprojects:" as the file's first line counts as at 0 (as the String search this replaces did): no items
        int start = projects == 1 ? PROJECTS.length : projects + PROJECTS.length;
        if (projects < 0 || !startsWith(bytes, start, ITEM)) {
            return new Read(new YearFileCut(null, null, bytes(bytes, 0, bytes.length)), lines, null,
                    null, -1, -1);
        }
        int stop = nextTop(lines, start, bytes.length);
        int[] itemLines = lines.items();
        int first = Arrays.binarySearch(itemLines, start); // the line at start is an item line
        int last = first;
        while (last < itemLines.length && itemLines[last] < stop) {
            last++;
        }
        int[] starts = Arrays.copyOfRange(itemLines, first, last);
        int[] ends = new int[starts.length];
        List<String> items = new ArrayList<>(starts.length);
        for (int k = 0; k < starts.length; k++) {
            ends[k] = k + 1 < starts.length ? starts[k + 1] : stop;
            items.add(itemText(lines, starts[k], ends[k], newer));
        }
        String block = null;
        int blockEnd = -1;
        if (retracted >= 0) {
            blockEnd = nextTop(lines, retracted, bytes.length);
            block = newer != null && newer.blockStart() >= 0 && Arrays.equals(bytes, retracted, blockEnd,
                    newer.lines().bytes(), newer.blockStart(), newer.blockEnd()) ? newer.cut().retracted()
                    : bytes(bytes, retracted, blockEnd);
        }
        return new Read(new YearFileCut(List.copyOf(items), block, null), lines, starts, ends, retracted, blockEnd);
    }

    /** The first top-level line after {@code at}, or {@code end}. */
    private static int nextTop(Lines lines, int at, int end) {
        int k = Arrays.binarySearch(lines.tops(), at + 1);
        k = k < 0 ? -k - 1 : k;
        return k < lines.tops().length ? lines.tops()[k] : end;
    }

    /**
     * The item at {@code b[from, to)}: the newer version's item when it lies where the two versions are the same
     * bytes — before the edit, at the same offset, or after it, moved by the change in length — else its bytes.
     */
    private static String itemText(Lines lines, int from, int to, Read newer) {
        byte[] b = lines.bytes();
        if (newer != null && newer.itemStarts() != null) {
            boolean before = to <= lines.head(); // in the common start: at the same offset
            boolean after = from >= b.length - lines.tail(); // in the common end: moved by the change in length
            if (before || after) {
                int shift = before ? 0 : newer.lines().bytes().length - b.length;
                int k = Arrays.binarySearch(newer.itemStarts(), from + shift);
                if (k >= 0 && newer.itemEnds()[k] == to + shift) {
                    return newer.cut().items().get(k);
                }
            }
        }
        return bytes(b, from, to);
    }

    /**
     * {@code b[from, to)} as a string of its bytes, one char each (ISO-8859-1): equal bytes, equal strings, made by
     * a copy. Only the texts the history parses are decoded ({@link #utf8}); the others (most of the newest versions'
     * items, whose figures the build has loaded) serve only to tell versions apart.
     */
    private static String bytes(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A part's text: its bytes decoded as the UTF-8 they are. */
    static String utf8(String part) {
        return new String(part.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The lines of {@code b} starting in {@code [from, to)}. */
    private static Lines lines(byte[] b, int from, int to) {
        IntList items = new IntList();
        IntList tops = new IntList();
        scan(b, from, to, items, tops);
        return new Lines(b, items.toArray(), tops.toArray(), 0, 0);
    }

    private static void scan(byte[] b, int from, int to, IntList items, IntList tops) {
        for (int at = from; at < to; at++) {
            if (at != 0 && b[at - 1] != '\n') {
                continue;
            }
            byte c = b[at];
            if (c == ' ') {
                // ITEM, compared in place: this runs for every indented line of the newest versions
                if (at + 3 < b.length && b[at + 1] == ' ' && b[at + 2] == '-' && b[at + 3] == ' ') {
                    items.add(at);
                }
            } else if (c != '\n' && c != '#') {
                tops.add(at);
            }
        }
    }

    /**
     * The lines of {@code b} from those of the newer version {@code n}: equal outside the window where the two
     * differ (a line's kind depends on its first {@link #REACH} bytes and the one before), so only that is scanned.
     */
    private static Lines linesFrom(byte[] b, Lines n) {
        byte[] nb = n.bytes();
        int common = Math.min(b.length, nb.length);
        int head = Arrays.mismatch(b, nb);
        head = head < 0 ? common : Math.min(head, common);
        int tail = 0; // common end, not overlapping the common start
        int step = 256;
        while (step > 0) {
            while (head + tail + step <= common && Arrays.equals(b, b.length - tail - step, b.length - tail,
                    nb, nb.length - tail - step, nb.length - tail)) {
                tail += step;
            }
            step /= 16;
        }
        int shift = nb.length - b.length;
        int lo = Math.max(0, head - REACH);
        int hi = Math.min(b.length, b.length - tail + REACH);
        IntList items = new IntList();
        IntList tops = new IntList();
        copy(n.items(), Integer.MIN_VALUE, lo, 0, items);
        copy(n.tops(), Integer.MIN_VALUE, lo, 0, tops);
        scan(b, lo, hi, items, tops);
        copy(n.items(), hi + shift, Integer.MAX_VALUE, -shift, items);
        copy(n.tops(), hi + shift, Integer.MAX_VALUE, -shift, tops);
        return new Lines(b, items.toArray(), tops.toArray(), head, tail);
    }

    /** Appends {@code offsets} in {@code [from, to)}, each moved by {@code by}. */
    private static void copy(int[] offsets, int from, int to, int by, IntList out) {
        for (int o : offsets) {
            if (o >= from && o < to) {
                out.add(o + by);
            }
        }
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        return at >= 0 && at + prefix.length <= b.length
                && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** A growing int array (the offsets of a version's lines). */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
