package gongkai.check;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jsoup.parser.Parser;

/**
 * A small scanner for the HTML the theme renders: reports every {@code href} and {@code src} attribute, the
 * {@code action} of forms, and every {@code id}, with character references decoded (by jsoup) — what the link
 * check needs, without building a document tree. Comments are skipped, and so are the contents of script, style,
 * title and textarea elements, as an HTML parser does.
 *
 * <p>Measured (10k sample): a jsoup parse of each page instead took the build from 41–44 s to 52–55 s of CPU.
 * Re-measure: java -cp target/gongkai.jar scripts/measure/PageScan.java SITE 5 (docs/performance.md)
 */
final class HtmlLinks {
    private HtmlLinks() {
    }

    /**
     * @param link receives (attribute name, value) for href/src on any element and action on form
     * @param id   receives each id attribute value
     */
    static void scan(String html, BiConsumer<String, String> link, Consumer<String> id) {
        scan(html.toCharArray(), html.length(), link, id);
    }

    /** As {@link #scan(String, BiConsumer, Consumer)} over the first {@code n} chars of {@code html}. */
    static void scan(char[] html, int n, BiConsumer<String, String> link, Consumer<String> id) {
        int i = 0;
        while (i < n) {
            int lt = indexOf(html, n, '<', i);
            if (lt < 0 || lt + 1 >= n) {
                return;
            }
            if (startsWith(html, n, lt, "<!--")) {
                int end = indexOf(html, n, "-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            char first = html[lt + 1];
            if (!isLetter(first)) {
                i = lt + 1; // "</x>", "<!DOCTYPE", or a stray "<"
                continue;
            }
            int p = lt + 1;
            while (p < n && isNameChar(html[p])) {
                p++;
            }
            // Tag and attribute names are compared in place: only values that are reported become strings.
            int tagStart = lt + 1;
            int tagLength = p - tagStart;
            boolean form = nameIs(html, tagStart, tagLength, "form");
            p = attributes(html, n, p, form, link, id);
            i = p;
            String rawText = nameIs(html, tagStart, tagLength, "script") ? "</script"
                    : nameIs(html, tagStart, tagLength, "style") ? "</style"
                    : nameIs(html, tagStart, tagLength, "textarea") ? "</textarea"
                    : nameIs(html, tagStart, tagLength, "title") ? "</title" : null;
            if (rawText != null) {
                int close = indexOfIgnoreCase(html, n, rawText, p);
                i = close < 0 ? n : close;
            }
        }
    }

    /** Reads the attributes of one start tag from {@code p}; returns the index after its '>'. */
    private static int attributes(char[] html, int n, int p, boolean form, BiConsumer<String, String> link,
                                  Consumer<String> id) {
        while (p < n) {
            char c = html[p];
            if (c == '>') {
                return p + 1;
            }
            if (c == '/' || Character.isWhitespace(c)) {
                p++;
                continue;
            }
            int nameStart = p;
            while (p < n && !Character.isWhitespace(html[p]) && html[p] != '=' && html[p] != '>' && html[p] != '/') {
                p++;
            }
            int nameLength = p - nameStart;
            while (p < n && Character.isWhitespace(html[p])) {
                p++;
            }
            int valueStart = p;
            int valueEnd = p;
            if (p < n && html[p] == '=') {
                p++;
                while (p < n && Character.isWhitespace(html[p])) {
                    p++;
                }
                if (p < n && (html[p] == '"' || html[p] == '\'')) {
                    char quote = html[p];
                    int end = indexOf(html, n, quote, p + 1);
                    end = end < 0 ? n : end;
                    valueStart = p + 1;
                    valueEnd = end;
                    p = Math.min(n, end + 1);
                } else {
                    valueStart = p;
                    while (p < n && !Character.isWhitespace(html[p]) && html[p] != '>') {
                        p++;
                    }
                    valueEnd = p;
                }
            }
            if (nameIs(html, nameStart, nameLength, "href")) {
                link.accept("href", decode(new String(html, valueStart, valueEnd - valueStart)));
            } else if (nameIs(html, nameStart, nameLength, "src")) {
                link.accept("src", decode(new String(html, valueStart, valueEnd - valueStart)));
            } else if (form && nameIs(html, nameStart, nameLength, "action")) {
                link.accept("action", decode(new String(html, valueStart, valueEnd - valueStart)));
            } else if (nameIs(html, nameStart, nameLength, "id")) {
                id.accept(decode(new String(html, valueStart, valueEnd - valueStart)));
            }
        }
        return n;
    }

    /** Whether {@code html[start, start+length)} is {@code name} (lower-case ASCII), ignoring ASCII case. */
    private static boolean nameIs(char[] html, int start, int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            char c = html[start + k];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] html, int n, char c, int from) {
        for (int i = from; i < n; i++) {
            if (html[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(char[] html, int n, String needle, int from) {
        for (int i = from; i <= n - needle.length(); i++) {
            if (startsWith(html, n, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(char[] html, int n, int at, String prefix) {
        if (at + prefix.length() > n) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (html[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The attribute value with its character references decoded, as jsoup's parser decodes attribute values. */
    private static String decode(String value) {
        return value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, true);
    }

    /** Index of {@code needle} (lower-case ASCII) in {@code html} from {@code from}, ignoring ASCII case. */
    private static int indexOfIgnoreCase(char[] html, int n, String needle, int from) {
        for (int i = from; i <= n - needle.length(); i++) {
            if (html[i] == '<' && nameIs(html, i, needle.length(), needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '-';
    }
}
