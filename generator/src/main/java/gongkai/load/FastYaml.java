package gongkai.load;


import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A line-based reader for the block-style YAML subset that {@code ContentWriter} writes (and people editing it
 * keep to): two-space block mappings and sequences, ASCII keys, one-line plain and single-quoted scalars,
 * {@code |} / {@code |-} literal blocks, full-line comments. It builds the same SnakeYAML node tree — same
 * values, tags and start positions — about four times faster than SnakeYAML's character-by-character scanner,
 * which was most of the load stage.
 *
 * <p>Anything outside the subset (tabs, CR, flow collections, anchors, tags, double quotes, multi-line plain or
 * quoted scalars, trailing comments, empty values, odd indentation …) makes {@link #parse} return null, and the
 * caller parses the file with SnakeYAML instead — so every error message, and every file this reader does not
 * fully understand, is still SnakeYAML's. {@code FastYamlTest} compares both trees node by node on the committed
 * content and a synthetic corpus.
 */
final class FastYaml {
    private static final int[] NO_BUFFER = new int[0];
    private static final String PLAIN_START_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    /** Thrown (and caught in {@link #parse}) when the text leaves the subset. */
    private static final class OutsideSubset extends RuntimeException {
        OutsideSubset() {
            super(null, null, false, false);
        }
    }

    private static final OutsideSubset OUTSIDE = new OutsideSubset();

    private final String text;
    /** The text's chars: indexing an array is cheaper than charAt's bounds check per call (C1 keeps it). */
    private final char[] chars;
    private final String name;
    /** lineStart[i] = offset of line i; lineStart[lineCount] = text length + 1 (as if a final newline). */
    private final int[] lineStart;
    private final int lineCount;
    private int line;
    /** Nesting of blocks being read: bounded, so a file of ever-deeper indentation cannot exhaust the stack. */
    private int depth;

    private FastYaml(String text, char[] chars, String name, int[] lineStart, int lineCount) {
        this.text = text;
        this.chars = chars;
        this.name = name;
        this.lineStart = lineStart;
        this.lineCount = lineCount;
    }

    /** The document's root node, or null when the text is outside the subset (parse it with SnakeYAML). */
    static Node parse(String text, String name) {
        char[] chars = text.toCharArray();
        int n = chars.length;
        int lines = 1;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c == '\n') {
                lines++;
            } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                    || c == 0xFFFE || c == 0xFFFF) {
                return null; // tabs, CR, control characters, Unicode line separators, BOM: SnakeYAML decides
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(chars[i + 1])) {
                    return null;
                }
                i++;
            }
        }
        int[] starts = new int[lines + 1];
        int k = 1;
        for (int i = 0; i < n; i++) {
            if (chars[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        starts[lines] = n + 1;
        // a final newline leaves an empty last line: drop it
        int count = n > 0 && chars[n - 1] == '\n' ? lines - 1 : lines;
        FastYaml reader = new FastYaml(text, chars, name, starts, count);
        try {
            return reader.document();
        } catch (OutsideSubset e) {
            return null;
        }
    }

    private Node document() {
        line = skipBlank(0);
        if (line >= lineCount || indentOf(line) != 0) {
            throw OUTSIDE; // empty document or indented root: SnakeYAML's handling applies
        }
        String first = lineText(line);
        if (first.startsWith("---") || first.startsWith("...") || first.startsWith("%")) {
            throw OUTSIDE;
        }
        Node root = block(0);
        if (skipBlank(line) < lineCount) {
            throw OUTSIDE;
        }
        return root;
    }

    /** A block node whose first line is {@link #line}, indented exactly {@code indent}. */
    private Node block(int indent) {
        if (++depth > Limits.MAX_NESTING) {
            throw OUTSIDE; // SnakeYAML reports the nesting limit with its position; no deep recursion here
        }
        Node node = isDash(line, indent) ? sequence(indent) : mapping(indent);
        depth--;
        return node;
    }

    private boolean isDash(int l, int column) {
        int p = lineStart[l] + column;
        int end = lineEnd(l);
        return p < end && chars[p] == '-' && (p + 1 == end || chars[p + 1] == ' ');
    }

    /**
     * A block mapping at {@code indent}; its first key is at ({@link #line}, {@code indent}) — possibly after
     * "- " on a sequence line — and the others on lines indented exactly {@code indent}.
     */
    private Node mapping(int indent) {
        List<NodeTuple> tuples = new ArrayList<>();
        Mark start = null;
        boolean first = true;
        while (true) {
            if (!first) {
                if (!nextLineAt(indent)) {
                    break;
                }
                if (isDash(line, indent)) {
                    throw OUTSIDE;
                }
            }
            first = false;
            int lineOffset = lineStart[line];
            int end = lineEnd(line);
            int p = lineOffset + indent;
            int keyStart = p;
            while (p < end && isKeyChar(chars[p])) {
                p++;
            }
            if (p == keyStart || p >= end || chars[p] != ':' || (p + 1 < end && chars[p + 1] != ' ')) {
                throw OUTSIDE;
            }
            Mark keyMark = mark(line, indent);
            if (start == null) {
                start = keyMark;
            }
            String key = text.substring(keyStart, p);
            ScalarNode keyNode = new ScalarNode(YamlReader.plainScalarTag(key), key, keyMark, keyMark, DumperOptions.ScalarStyle.PLAIN);
            int valueStart = p + 1;
            while (valueStart < end && chars[valueStart] == ' ') {
                valueStart++;
            }
            Node value = value(indent, valueStart, end);
            tuples.add(new NodeTuple(keyNode, value));
        }
        return new MappingNode(Tag.MAP, true, tuples, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    /**
     * Moves {@link #line} to the next non-blank line: true when it continues the block at {@code indent}, false
     * when the block ended (end of text, or a shallower line); a deeper line is outside the subset.
     */
    private boolean nextLineAt(int indent) {
        line = skipBlank(line);
        if (line >= lineCount) {
            return false;
        }
        int ind = indentOf(line);
        if (ind > indent) {
            throw OUTSIDE;
        }
        return ind == indent;
    }

    private Node sequence(int indent) {
        List<Node> items = new ArrayList<>();
        Mark start = null;
        while (true) {
            if (!nextLineAt(indent)) {
                break;
            }
            if (!isDash(line, indent)) {
                throw OUTSIDE;
            }
            Mark dash = mark(line, indent);
            if (start == null) {
                start = dash;
            }
            int end = lineEnd(line);
            int p = lineStart[line] + indent + 1;
            while (p < end && chars[p] == ' ') {
                p++;
            }
            int column = p - lineStart[line];
            if (p < end && startsMappingEntry(p, end)) {
                items.add(mapping(column));
            } else {
                items.add(value(indent, p, end));
            }
        }
        return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    /** "key:" followed by a space or the end of the line. */
    private boolean startsMappingEntry(int p, int end) {
        int q = p;
        while (q < end && isKeyChar(chars[q])) {
            q++;
        }
        return q > p && q < end && chars[q] == ':' && (q + 1 == end || chars[q + 1] == ' ');
    }

    /**
     * The value that starts at offset {@code p} of the current line (ending at {@code end}), belonging to a key
     * or dash at column {@code parentIndent}. Leaves {@link #line} on the first line after the value.
     */
    private Node value(int parentIndent, int p, int end) {
        int valueLine = line;
        if (p >= end) {
            // nothing on the line: a nested block, more indented, must follow (else it is an empty value)
            int next = skipBlank(line + 1);
            if (next >= lineCount || indentOf(next) <= parentIndent) {
                throw OUTSIDE;
            }
            line = next;
            return block(indentOf(next));
        }
        char c = chars[p];
        Mark mark = mark(valueLine, p - lineStart[valueLine]);
        if (c == '|') {
            return literal(parentIndent, p, end, mark);
        }
        String value;
        DumperOptions.ScalarStyle style;
        Tag tag;
        if (c == '\'') {
            StringBuilder sb = new StringBuilder();
            int q = p + 1;
            while (true) {
                if (q >= end) {
                    throw OUTSIDE; // continues on the next line
                }
                char d = chars[q];
                if (d == '\'') {
                    if (q + 1 < end && chars[q + 1] == '\'') {
                        sb.append('\'');
                        q += 2;
                        continue;
                    }
                    q++;
                    break;
                }
                sb.append(d);
                q++;
            }
            while (q < end && chars[q] == ' ') {
                q++;
            }
            if (q < end) {
                throw OUTSIDE; // a comment or more text after the closing quote
            }
            value = sb.toString();
            style = DumperOptions.ScalarStyle.SINGLE_QUOTED;
            tag = Tag.STR;
        } else {
            if (PLAIN_START_INDICATORS.indexOf(c) >= 0) {
                throw OUTSIDE;
            }
            int last = end;
            while (last > p && chars[last - 1] == ' ') {
                last--;
            }
            value = text.substring(p, last);
            if (value.endsWith(":") || value.contains(": ") || value.contains(" #")) {
                throw OUTSIDE;
            }
            style = DumperOptions.ScalarStyle.PLAIN;
            tag = YamlReader.plainScalarTag(value);
        }
        line = valueLine + 1;
        int next = skipBlank(line);
        if (next < lineCount && indentOf(next) > parentIndent) {
            throw OUTSIDE; // a multi-line scalar (or a structure after a scalar)
        }
        return new ScalarNode(tag, value, mark, mark, style);
    }

    /** {@code |} (clip) or {@code |-} (strip) with indentation taken from the first content line. */
    private Node literal(int parentIndent, int p, int end, Mark mark) {
        boolean strip;
        String header = text.substring(p, end).stripTrailing();
        if (header.equals("|")) {
            strip = false;
        } else if (header.equals("|-")) {
            strip = true;
        } else {
            throw OUTSIDE; // |+, explicit indentation, or a comment
        }
        int l = line + 1;
        int firstContent = l;
        while (firstContent < lineCount && isSpaces(firstContent)) {
            firstContent++;
        }
        if (firstContent >= lineCount || indentOf(firstContent) <= parentIndent) {
            throw OUTSIDE; // an empty block
        }
        int blockIndent = indentOf(firstContent);
        for (int b = l; b < firstContent; b++) {
            if (lineLength(b) > blockIndent) {
                throw OUTSIDE; // leading blank line longer than the indentation: an error for SnakeYAML
            }
        }
        StringBuilder sb = new StringBuilder();
        int trailingBreaks = 0;
        boolean any = false;
        for (; l < lineCount; l++) {
            if (isSpaces(l)) {
                if (lineLength(l) > blockIndent) {
                    throw OUTSIDE; // spaces beyond the indentation are content: leave it to SnakeYAML
                }
                trailingBreaks++;
                continue;
            }
            if (indentOf(l) < blockIndent) {
                break;
            }
            if (any) {
                sb.append('\n');
            }
            for (int t = 0; t < trailingBreaks; t++) {
                sb.append('\n');
            }
            trailingBreaks = 0;
            sb.append(text, lineStart[l] + blockIndent, lineEnd(l));
            any = true;
        }
        if (l < lineCount && indentOf(l) > parentIndent) {
            throw OUTSIDE; // dedented, but not back to the parent: invalid for SnakeYAML
        }
        if (!strip) {
            sb.append('\n');
        }
        line = l;
        return new ScalarNode(Tag.STR, sb.toString(), mark, mark, DumperOptions.ScalarStyle.LITERAL);
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private Mark mark(int l, int column) {
        return new Mark(name, lineStart[l] + column, l, column, NO_BUFFER, 0);
    }

    private int lineEnd(int l) {
        return lineStart[l + 1] - 1;
    }

    private int lineLength(int l) {
        return lineEnd(l) - lineStart[l];
    }

    private String lineText(int l) {
        return text.substring(lineStart[l], lineEnd(l));
    }

    private int indentOf(int l) {
        int p = lineStart[l];
        int end = lineEnd(l);
        int i = p;
        while (i < end && chars[i] == ' ') {
            i++;
        }
        return i - p;
    }

    private boolean isSpaces(int l) {
        return indentOf(l) == lineLength(l);
    }

    /** The first line at or after {@code l} that is neither blank nor a full-line comment. */
    private int skipBlank(int l) {
        while (l < lineCount) {
            int ind = indentOf(l);
            if (ind < lineLength(l) && chars[lineStart[l] + ind] != '#') {
                return l;
            }
            l++;
        }
        return l;
    }
}
