package gongkai.site;

import java.util.ArrayList;
import java.util.List;

/**
 * The Word markup a plain-text export leaves in a source document's lines — bookmark markers
 * {@code [bookmark: _Toc…]} and table-of-contents fields {@code TC 3、…绩效目标表 \f C \l 1} — found so the source
 * page can show them apart from the words (the line itself, and its number, stay as in the text file). Found by
 * hand, each character looked at a bounded number of times: patterns such as {@code TC .*\\f C \\l \d} rescan a
 * long line from every {@code TC } (the importer's {@code WordMarkup} explains the quadratic case).
 */
final class WordMarks {
    private static final String BOOKMARK = "[bookmark: ";
    private static final String TC = "TC ";
    /** The switches that end a TC field: entry type C, level N. */
    private static final String TC_SWITCHES = "\\f C \\l ";

    private WordMarks() {
    }

    /** The line cut into words and markup, or null when it has no markup. */
    static List<Views.TextPart> parts(String line) {
        List<int[]> spans = new ArrayList<>();
        for (int at = line.indexOf(BOOKMARK); at >= 0; at = line.indexOf(BOOKMARK, at)) {
            int close = line.indexOf(']', at + BOOKMARK.length());
            if (close < 0) {
                break; // no ']' after this marker, so none after any later one either
            }
            spans.add(new int[] {at, close + 1});
            at = close + 1;
        }
        int from = 0;
        for (int tc = line.indexOf(TC); tc >= 0; tc = line.indexOf(TC, from)) {
            if (tc > 0 && !Character.isWhitespace(line.charAt(tc - 1))) {
                from = tc + 1; // "ETC ": not a field
                continue;
            }
            int end = switchesEnd(line, tc + TC.length());
            if (end < 0) {
                break; // no switches after this TC, so none after a later one either
            }
            spans.add(new int[] {tc, end});
            from = end;
        }
        if (spans.isEmpty()) {
            return null;
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Views.TextPart> parts = new ArrayList<>();
        int done = 0;
        for (int[] span : spans) {
            int start = Math.max(span[0], done);
            if (span[1] <= start) {
                continue; // inside the previous span (a bookmark within a TC field)
            }
            if (start > done) {
                parts.add(new Views.TextPart(line.substring(done, start), false));
            }
            parts.add(new Views.TextPart(line.substring(start, span[1]), true));
            done = span[1];
        }
        if (done < line.length()) {
            parts.add(new Views.TextPart(line.substring(done), false));
        }
        return List.copyOf(parts);
    }

    /** Where the first {@code \f C \l <digits>} at or after {@code from} ends, or -1. */
    private static int switchesEnd(String line, int from) {
        for (int s = line.indexOf(TC_SWITCHES, from); s >= 0; s = line.indexOf(TC_SWITCHES, s + 1)) {
            int end = s + TC_SWITCHES.length();
            while (end < line.length() && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
                end++;
            }
            if (end > s + TC_SWITCHES.length()) {
                return end;
            }
        }
        return -1;
    }
}
