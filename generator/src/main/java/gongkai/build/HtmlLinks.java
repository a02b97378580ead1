package gongkai.build;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A small scanner for the HTML the theme renders: reports every {@code href} and {@code src} attribute, the
 * {@code action} of forms, and every {@code id}, with character references decoded — what the link check needs,
 * without building a document tree (a full parse of every page cost more than rendering it). Comments are
 * skipped, and so are the contents of script, style and textarea elements, as an HTML parser does.
 */
final class HtmlLinks {
    private HtmlLinks() {
    }

    /**
     * @param link receives (attribute name, value) for href/src on any element and action on form
     * @param id   receives each id attribute value
     */
    static void scan(String html, BiConsumer<String, String> link, Consumer<String> id) {
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                return;
            }
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            char first = html.charAt(lt + 1);
            if (!isLetter(first)) {
                i = lt + 1; // "</x>", "<!DOCTYPE", or a stray "<"
                continue;
            }
            int p = lt + 1;
            while (p < n && isNameChar(html.charAt(p))) {
                p++;
            }
            String tag = html.substring(lt + 1, p).toLowerCase(java.util.Locale.ROOT);
            p = attributes(html, p, tag, link, id);
            i = p;
            if (tag.equals("script") || tag.equals("style") || tag.equals("textarea") || tag.equals("title")) {
                int close = indexOfIgnoreCase(html, "</" + tag, p);
                i = close < 0 ? n : close;
            }
        }
    }

    /** Reads the attributes of one start tag from {@code p}; returns the index after its '>'. */
    private static int attributes(String html, int p, String tag, BiConsumer<String, String> link, Consumer<String> id) {
        int n = html.length();
        while (p < n) {
            char c = html.charAt(p);
            if (c == '>') {
                return p + 1;
            }
            if (c == '/' || Character.isWhitespace(c)) {
                p++;
                continue;
            }
            int nameStart = p;
            while (p < n && !Character.isWhitespace(html.charAt(p)) && "=>/".indexOf(html.charAt(p)) < 0) {
                p++;
            }
            String name = html.substring(nameStart, p).toLowerCase(java.util.Locale.ROOT);
            while (p < n && Character.isWhitespace(html.charAt(p))) {
                p++;
            }
            String value = null;
            if (p < n && html.charAt(p) == '=') {
                p++;
                while (p < n && Character.isWhitespace(html.charAt(p))) {
                    p++;
                }
                if (p < n && (html.charAt(p) == '"' || html.charAt(p) == '\'')) {
                    char quote = html.charAt(p);
                    int end = html.indexOf(quote, p + 1);
                    end = end < 0 ? n : end;
                    value = html.substring(p + 1, end);
                    p = Math.min(n, end + 1);
                } else {
                    int start = p;
                    while (p < n && !Character.isWhitespace(html.charAt(p)) && html.charAt(p) != '>') {
                        p++;
                    }
                    value = html.substring(start, p);
                }
            }
            if (value == null) {
                value = "";
            }
            switch (name) {
                case "href", "src" -> link.accept(name, decode(value));
                case "action" -> {
                    if (tag.equals("form")) {
                        link.accept(name, decode(value));
                    }
                }
                case "id" -> id.accept(decode(value));
                default -> { }
            }
        }
        return n;
    }

    /** Decodes the character references auto-escaping produces (&amp; &lt; &gt; &quot; &apos; and numeric ones). */
    static String decode(String value) {
        int amp = value.indexOf('&');
        if (amp < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (amp >= 0) {
            out.append(value, i, amp);
            int semi = value.indexOf(';', amp);
            String entity = semi < 0 ? null : value.substring(amp + 1, semi);
            String decoded = entity == null ? null : switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> numeric(entity);
            };
            if (decoded == null) {
                out.append('&');
                i = amp + 1;
            } else {
                out.append(decoded);
                i = semi + 1;
            }
            amp = value.indexOf('&', i);
        }
        return out.append(value, i, value.length()).toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null; // not a character reference: kept as written
        }
        return null;
    }

    private static int indexOfIgnoreCase(String html, String needle, int from) {
        int n = html.length() - needle.length();
        for (int i = from; i <= n; i++) {
            if (html.regionMatches(true, i, needle, 0, needle.length())) {
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
