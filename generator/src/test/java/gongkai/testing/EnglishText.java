package gongkai.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a message's English text English: outside what it quotes (a value from the file, a label of the
 * document, what to type) there is no Chinese character and no full-width punctuation. Quoted are spans in
 * "…", “…” and '…' (an apostrophe inside a word, as in "site's", is no quote); a money unit after an amount
 * (6.00 万元) is a value too.
 */
public final class EnglishText {
    private static final Pattern AMOUNT_UNIT = Pattern.compile("([0-9X]) ?(亿元|万元|千元|元)");

    private EnglishText() {
    }

    /** The characters of {@code en} outside its quotes that an English reader could not read; empty when none. */
    public static String chinese(String en) {
        String outside = AMOUNT_UNIT.matcher(unquoted(en)).replaceAll("$1");
        StringBuilder found = new StringBuilder();
        outside.codePoints().filter(EnglishText::isChinese).forEach(found::appendCodePoint);
        return found.toString();
    }

    private static boolean isChinese(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || "，。；：（）、“”！？《》【】".indexOf(cp) >= 0;
    }

    /** {@code s} with its quoted spans taken out. */
    public static String unquoted(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = -1;
            if (c == '"') {
                end = s.indexOf('"', i + 1);
            } else if (c == '“') {
                end = s.indexOf('”', i + 1);
            } else if (c == '\'' && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                for (int k = s.indexOf('\'', i + 1); k >= 0; k = s.indexOf('\'', k + 1)) {
                    if (k + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(k + 1))) {
                        end = k;
                        break;
                    }
                }
            }
            if (end > i) {
                out.append(' ');
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The string literals of a Java expression, joined with X for what lies between them (the values). */
    public static String literals(String expression) {
        StringBuilder out = new StringBuilder();
        List<String> parts = new ArrayList<>();
        int i = 0;
        boolean value = false;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '"') {
                StringBuilder lit = new StringBuilder();
                i++;
                while (i < expression.length() && expression.charAt(i) != '"') {
                    char d = expression.charAt(i);
                    if (d == '\\' && i + 1 < expression.length()) {
                        char e = expression.charAt(++i);
                        lit.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                    } else {
                        lit.append(d);
                    }
                    i++;
                }
                i++;
                if (value) {
                    out.append('X');
                    value = false;
                }
                out.append(lit);
                parts.add(lit.toString());
            } else {
                if (!Character.isWhitespace(c) && c != '+') {
                    value = true;
                }
                i++;
            }
        }
        if (value) {
            out.append('X');
        }
        return out.toString();
    }
}
