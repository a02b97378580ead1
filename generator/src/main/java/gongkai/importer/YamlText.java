package gongkai.importer;

import java.util.regex.Pattern;

/**
 * Builds YAML text in the one style the content format prescribes (two-space indentation, sequences
 * indented under their key, plain scalars where safe). Hand-written rather than a library emitter so
 * that every byte is under our control: the same model must always give the same file.
 */
final class YamlText {
    private static final String INDICATOR_CHARS = "-?:,[]{}#&*!|>'\"%@`";

    /**
     * Plain scalars that YAML 1.1 (SnakeYAML, PyYAML) or YAML 1.2 (core schema) would not read as a
     * string: null, booleans (incl. 1.1 yes/no/on/off/y/n), ints (incl. octal, hex, binary, sexagesimal,
     * underscores), floats, timestamps, merge and value keys. Case-insensitive: over-quoting is harmless.
     */
    private static final Pattern NON_STRING = Pattern.compile(
            "~|null|y|n|yes|no|true|false|on|off|<<|="
                    + "|[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-f_]+"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                    + "|[-+]?([0-9][0-9_]*)?\\.[0-9._]*([e][-+]?[0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?[e][-+]?[0-9]+"
                    + "|[-+]?\\.inf|\\.nan"
                    + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([t ].*)?",
            Pattern.CASE_INSENSITIVE);

    private final StringBuilder out = new StringBuilder();

    String text() {
        return out.toString();
    }

    /** Appends raw text (already formatted lines). */
    void raw(String text) {
        out.append(text);
    }

    void indent(int indent) {
        out.append(" ".repeat(indent));
    }

    /** {@code key: value} for a string value; nothing when value is null. */
    void string(int indent, String key, String value) {
        if (value == null) {
            return;
        }
        indent(indent);
        out.append(key(key)).append(':');
        if (value.indexOf('\n') >= 0 && canBeLiteralBlock(value)) {
            literalBlock(indent, value);
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    /** {@code key: value} for a value that is already safe YAML text (numbers, amounts). */
    void verbatim(int indent, String key, String yamlText) {
        if (yamlText == null) {
            return;
        }
        indent(indent);
        out.append(key(key)).append(": ").append(yamlText).append('\n');
    }

    /** {@code key:} opening a nested mapping or sequence. */
    void open(int indent, String key) {
        indent(indent);
        out.append(key(key)).append(":\n");
    }

    static String key(String key) {
        return inline(key);
    }

    /** A scalar on one line: plain when YAML reads it back as this exact string, else quoted. */
    static String inline(String s) {
        if (!allPrintable(s) || s.indexOf('\n') >= 0) {
            return doubleQuoted(s);
        }
        if (needsQuotes(s)) {
            return "'" + s.replace("'", "''") + "'";
        }
        return s;
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        return INDICATOR_CHARS.indexOf(first) >= 0
                || first == ' ' || last == ' ' || last == ':'
                || s.indexOf('\t') >= 0
                || s.contains(": ") || s.contains(" #")
                || NON_STRING.matcher(s).matches();
    }

    /**
     * A literal block reproduces the string exactly when every character is printable and not a line
     * break other than LF, and the text is more than line breaks and spaces (an all-blank block is
     * read back as empty). Whitespace-only lines are ambiguous with the block's indentation, so those
     * strings are double-quoted too.
     */
    static boolean canBeLiteralBlock(String s) {
        if (!allPrintable(s)) {
            return false;
        }
        String body = stripTrailingNewlines(s);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
        }
        return !body.isBlank();
    }

    private void literalBlock(int indent, String value) {
        String body = stripTrailingNewlines(value);
        int trailing = value.length() - body.length();
        out.append(" |");
        // An explicit indentation indicator when the first line would otherwise set the indentation wrong.
        if (body.startsWith(" ") || body.startsWith("\n")) {
            out.append('2');
        }
        out.append(trailing == 0 ? "-" : trailing == 1 ? "" : "+").append('\n');
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                indent(indent + 2);
                out.append(line);
            }
            out.append('\n');
        }
        for (int i = 1; i < trailing; i++) {
            out.append('\n');
        }
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    /** YAML 1.1 printable set (what SnakeYAML accepts in a stream), minus the non-LF line breaks. */
    static boolean allPrintable(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!isPrintable(c) || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == '\r') {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean isPrintable(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0 -> b.append("\\0");
                case 0x85 -> b.append("\\N");
                case 0x2028 -> b.append("\\L");
                case 0x2029 -> b.append("\\P");
                default -> {
                    if (!isPrintable(c) || c == 0xFEFF) {
                        b.append(c <= 0xFF ? String.format("\\x%02X", c) : String.format("\\u%04X", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
