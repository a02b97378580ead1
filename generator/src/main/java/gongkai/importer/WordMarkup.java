package gongkai.importer;

/**
 * The Word markup a plain-text export leaves in the text — bookmark markers {@code [bookmark: _Toc…]} and
 * table-of-contents field codes {@code TC 3、…绩效目标表 \f C \l 1} — found by hand rather than by regular
 * expressions: an unclosed {@code [bookmark: } or a {@code TC } without its switches, repeated along a long
 * line, made the patterns ({@code \[bookmark: [^\]]*\]}, {@code TC .*\\f C \\l \d}) rescan the rest of the line
 * from every occurrence (quadratic; a 90 KB line of {@code TC } took a minute). Every method here looks at each
 * character a bounded number of times.
 */
final class WordMarkup {
    static final String BOOKMARK_START = "[bookmark: ";
    /** The switches that end a TC field: entry type C, level N. */
    private static final String TC_SWITCHES = "\\f C \\l ";

    private WordMarkup() {
    }

    /**
     * The text without its bookmark markers: each {@code [bookmark: } up to the next {@code ]} (as
     * {@code \[bookmark: [^\]]*\]} replaced everywhere). An unclosed marker stays.
     */
    static String withoutBookmarks(String s) {
        return removeBookmarks(s, Integer.MAX_VALUE);
    }

    /** The text without its first complete bookmark marker. */
    static String withoutFirstBookmark(String s) {
        return removeBookmarks(s, 1);
    }

    private static String removeBookmarks(String s, int max) {
        int at = s.indexOf(BOOKMARK_START);
        if (at < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        int removed = 0;
        while (at >= 0 && removed < max) {
            int close = s.indexOf(']', at + BOOKMARK_START.length());
            if (close < 0) {
                break; // no ']' after this marker, so none after any later one either
            }
            out.append(s, from, at);
            from = close + 1;
            removed++;
            at = s.indexOf(BOOKMARK_START, from);
        }
        return out.append(s, from, s.length()).toString();
    }

    /** Whether the line holds a TC field: {@code TC } and, later on the line, {@code \f C \l } and a digit. */
    static boolean hasTcField(String line) {
        int tc = line.indexOf("TC ");
        if (tc < 0) {
            return false;
        }
        // The first TC leaves the most room after it: checking it alone decides the line.
        for (int s = line.indexOf(TC_SWITCHES, tc + 3); s >= 0; s = line.indexOf(TC_SWITCHES, s + 1)) {
            int digit = s + TC_SWITCHES.length();
            if (digit < line.length() && isAsciiDigit(line.charAt(digit))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A TC field that ends a line: {@code TC}, white space, the entry text, {@code \f C \l } and the level digits,
     * then only white space — as {@code \s*TC\s+(.*?)\s*\\f C \\l \d+\s*$}.
     *
     * @param start where the field (with the white space before it) starts in the line
     * @param entry the entry text, still with Word's escapes ({@code \“})
     */
    record TcField(int start, String entry) {
    }

    /** The TC field at the end of {@code line}, or null. */
    static TcField trailingTcField(String line) {
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        int digits = end;
        while (digits > 0 && isAsciiDigit(line.charAt(digits - 1))) {
            digits--;
        }
        if (digits == end || !line.startsWith(TC_SWITCHES, digits - TC_SWITCHES.length())) {
            return null;
        }
        int switches = digits - TC_SWITCHES.length();
        // the first "TC" followed by white space that ends before the switches
        for (int tc = line.indexOf("TC"); tc >= 0 && tc + 3 <= switches; tc = line.indexOf("TC", tc + 1)) {
            if (!isSpace(line.charAt(tc + 2))) {
                continue;
            }
            int entryStart = tc + 3;
            while (entryStart < switches && isSpace(line.charAt(entryStart))) {
                entryStart++;
            }
            int entryEnd = switches;
            while (entryEnd > entryStart && isSpace(line.charAt(entryEnd - 1))) {
                entryEnd--;
            }
            int start = tc;
            while (start > 0 && isSpace(line.charAt(start - 1))) {
                start--;
            }
            return new TcField(start, line.substring(entryStart, entryEnd));
        }
        return null;
    }

    /** Regex {@code \s}: ASCII white space only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
