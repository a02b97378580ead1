package gongkai.site;

import gongkai.content.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * How a source document's page is cut into consecutive parts: a document longer than {@link #MAX_LINES} lines
 * (6,860 list items are more than a phone lays out quickly) is shown in parts of about equal length, each its own
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
     * Lines a part may have. Lighthouse 12.8.2 (mobile, simulated throttling) on the seeds, measured for #17: the
     * 6,860-line page scored 82–90; parts of about 1,150 lines score ≥ 95.
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
     * lines, else as many as it takes to keep each at about that, each cut at the allowed line (a passage's first
     * line, any line between passages) nearest to equal shares. A passage longer than a part stays whole.
     */
    static SourceParts of(String document, int lineCount, List<Run> runs) {
        return of(document, lineCount, runs, MAX_LINES);
    }

    static SourceParts of(String document, int lineCount, List<Run> runs, int maxLines) {
        List<Integer> starts = new ArrayList<>(List.of(1));
        if (lineCount > maxLines) {
            boolean[] allowed = new boolean[lineCount + 1];
            for (Run r : runs) {
                for (int l = r.first(); l <= (r.passage() ? r.first() : r.last()); l++) {
                    allowed[l] = true;
                }
            }
            int parts = Math.floorDiv(lineCount + maxLines - 1, maxLines);
            for (int i = 1; i < parts; i++) {
                int ideal = 1 + (int) Math.round((double) i * lineCount / parts);
                int cut = nearest(allowed, starts.get(starts.size() - 1) + 1, ideal);
                if (cut > 0 && cut > starts.get(starts.size() - 1)) {
                    starts.add(cut);
                }
            }
        }
        return new SourceParts(document, starts, lineCount);
    }

    /** The allowed line at or after {@code from} nearest to {@code ideal} (the earlier of two as near), or 0. */
    private static int nearest(boolean[] allowed, int from, int ideal) {
        int n = allowed.length - 1;
        int target = Math.max(from, Math.min(ideal, n));
        for (int d = 0; target - d >= from || target + d <= n; d++) {
            if (target - d >= from && target - d <= n && allowed[target - d]) {
                return target - d;
            }
            if (target + d <= n && target + d >= from && allowed[target + d]) {
                return target + d;
            }
        }
        return 0;
    }

    /** A document shown whole, on one page (no page of its own is known: the link goes to the page's address). */
    static SourceParts whole(String document, int lineCount) {
        return new SourceParts(document, List.of(1), lineCount);
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
