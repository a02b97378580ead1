package gongkai.site;

import gongkai.content.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * How a source document's page is cut into consecutive parts: a document longer than {@link #MAX_LINES} lines
 * (6,791 numbered lines are more than a phone lays out quickly) is shown in parts of about equal length, each its own
 * page ({@link Urls#sourcePage(String, int)}: part 1 keeps the page's address, then {@code …txt.p2.html} …). The
 * lines keep their numbers; a cut falls only where no cited passage is running (at a passage's first line, or
 * between passages), so a passage is always shown whole, on one page.
 *
 * <p>{@link #urlPathOf} is where every link to a line of the document comes from: the citations on every page
 * ({@link PageKit#sourceHref}), the list of cited passages and the pager on the document's own pages.
 *
 * @param document  the cited document (its path under sources/)
 * @param starts    each part's first line, ascending, the first 1
 * @param lineCount the document's lines (the last part ends there)
 */
record SourceParts(String document, List<Integer> starts, int lineCount) {
    /**
     * Lines a part may have. Lighthouse 12.8.2 mobile on this project's shared 2-core host (#17, load 2–8), whole
     * page → first part: 监测中心's copy of 003 (4,713 lines before its first passage) 68–75 → 96–100, 财务处's
     * 95–97 → 98–100, 衡水's 92–96 → 82–100 (project pages scored 93–97 alongside; in Chromium the part's main
     * thread does a quarter less than the whole page, less than a project page). Parts of 1,500 lines scored
     * 82–93; 1,000 did no better than 1,200.
     */
    static final int MAX_LINES = 1200;

    SourceParts {
        starts = List.copyOf(starts);
        if (starts.isEmpty() || starts.get(0) != 1) {
            throw new IllegalArgumentException("the first part starts at line 1: " + starts);
        }
    }

    /** A run of consecutive lines of the page: a cited passage (its first line cited), or lines between passages. */
    record Run(int first, int last, boolean passage) {
    }

    /**
     * The lines in runs: each cited line starts a passage up to the line before the next bound (a line cited here
     * or in another copy of the document) or the end; the lines between passages are plain runs.
     *
     * @param cited  the lines the document's own citations name (within 1..{@code lineCount})
     * @param bounds the lines that end a passage (the line before them): {@code cited} and the copies' cited lines
     */
    static List<Run> runs(int lineCount, NavigableSet<Integer> cited, NavigableSet<Integer> bounds) {
        List<Run> runs = new ArrayList<>();
        int line = 1;
        while (line <= lineCount) {
            int end;
            boolean passage = cited.contains(line);
            if (passage) {
                Integer next = higher(bounds, cited, line);
                end = next == null || next > lineCount ? lineCount : next - 1;
            } else {
                Integer next = cited.higher(line); // plain lines up to the next passage
                end = next == null || next > lineCount ? lineCount : next - 1;
            }
            runs.add(new Run(line, end, passage));
            line = end + 1;
        }
        return runs;
    }

    private static Integer higher(NavigableSet<Integer> bounds, NavigableSet<Integer> cited, int line) {
        Integer a = bounds.higher(line);
        Integer b = cited.higher(line);
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.min(a, b);
    }

    /**
     * The parts of a document of {@code lineCount} lines in {@code runs}: one when it has at most {@link #MAX_LINES}
     * lines; else the fewest parts of at most that many lines each (a passage longer than that is a part of its
     * own, whole), made as even as that number allows: each part ends at the last line it may end at (before a
     * passage's first line, or on a line between passages) within the shortest length that still needs no more
     * parts.
     */
    static SourceParts of(String document, int lineCount, List<Run> runs) {
        if (lineCount <= MAX_LINES) {
            return new SourceParts(document, List.of(1), lineCount);
        }
        // a part may start at a passage's first line or on any line between passages (line n + 1: the end)
        boolean[] allowed = new boolean[lineCount + 2];
        for (Run r : runs) {
            for (int l = r.first(); l <= (r.passage() ? r.first() : r.last()); l++) {
                allowed[l] = true;
            }
        }
        allowed[lineCount + 1] = true;
        int[] before = new int[lineCount + 2]; // the last allowed start at or before each line (0: none after line 1)
        for (int l = 2; l <= lineCount + 1; l++) {
            before[l] = allowed[l] ? l : before[l - 1];
        }
        int[] after = new int[lineCount + 3]; // the first allowed start at or after each line
        after[lineCount + 2] = lineCount + 1;
        for (int l = lineCount + 1; l >= 1; l--) {
            after[l] = allowed[l] && l >= 2 ? l : after[l + 1];
        }
        List<Integer> fewest = starts(lineCount, MAX_LINES, before, after);
        int low = Math.min(Math.floorDiv(lineCount + fewest.size() - 1, fewest.size()), MAX_LINES);
        int high = MAX_LINES;
        while (low < high) { // the shortest length that still needs no more parts
            int mid = (low + high) >>> 1;
            if (starts(lineCount, mid, before, after).size() <= fewest.size()) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return new SourceParts(document, starts(lineCount, low, before, after), lineCount);
    }

    /** Parts of at most {@code length} lines, each as long as it may be, a longer passage alone. */
    private static List<Integer> starts(int lineCount, int length, int[] before, int[] after) {
        List<Integer> starts = new ArrayList<>(List.of(1));
        int start = 1;
        while (lineCount - start + 1 > length) {
            int next = before[start + length];
            if (next <= start) {
                next = after[start + 1]; // a passage longer than a part: the part is that passage
            }
            if (next > lineCount) {
                break;
            }
            starts.add(next);
            start = next;
        }
        return starts;
    }

    int count() {
        return starts.size();
    }

    /** The part (1…) holding {@code line}; the first for a line before the text, the last for one past it. */
    int partOf(int line) {
        int part = 1;
        while (part < starts.size() && starts.get(part) <= line) {
            part++;
        }
        return part;
    }

    int first(int part) {
        return starts.get(part - 1);
    }

    int last(int part) {
        return part < starts.size() ? starts.get(part) - 1 : lineCount;
    }

    /** The site path of part {@code part}'s page. */
    String urlPath(int part) {
        return Urls.sourcePage(document, part);
    }

    /** The site path of the page showing {@code line}: what "第 N 行" links, with {@code #L<N>} after it. */
    String urlPathOf(int line) {
        return urlPath(partOf(line));
    }
}
