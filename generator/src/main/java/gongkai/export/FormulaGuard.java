package gongkai.export;

/**
 * Guards text cells against spreadsheet formula injection (a cell like {@code =HYPERLINK(…)} or
 * {@code -5%} would be evaluated by Excel): a text cell that starts with = + - @ TAB or CR — after any
 * run of leading single quotes — gets one extra leading {@code '}. Including the quote run makes the
 * rule exactly reversible: {@link #unguard} strips one leading quote under the same condition, so a
 * text that itself began with {@code '=} survives a round trip. Numeric columns are never guarded.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    public static String guard(String text) {
        return needsQuote(text, 0) ? "'" + text : text;
    }

    /** Undoes {@link #guard}: what a CSV reader should apply to text columns. */
    public static String unguard(String cell) {
        return cell.startsWith("'") && needsQuote(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean needsQuote(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
