package gongkai.importer;

import gongkai.content.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text Word export read as lines, where a line starting with a tab starts a table cell and a
 * non-tab line directly after a cell (no blank line between) continues that cell as a new paragraph.
 * Every line a reader consumes is marked placed, so whatever nobody placed can be reported.
 */
final class TabText {
    /** A table cell: its text (lines stripped, joined by \n; "" when blank) and its 1-based first line. */
    record Cell(String text, int line) {
        boolean blank() {
            return text.isEmpty();
        }
    }

    /** A token of a line range: either a cell or a free text line (paragraph) outside any cell. */
    record Token(Cell cell, String text, int line) {
        boolean isCell() {
            return cell != null;
        }
    }

    final String document;
    final List<String> lines;
    private final boolean[] placed;
    final List<ImportProblem> problems = new ArrayList<>();

    TabText(String document, List<String> lines) {
        this.document = document;
        this.lines = List.copyOf(lines);
        this.placed = new boolean[lines.size()];
    }

    /** 1-based line text. */
    String line(int line) {
        return lines.get(line - 1);
    }

    int lineCount() {
        return lines.size();
    }

    void place(int line) {
        placed[line - 1] = true;
    }

    void problem(int line, Text message) {
        problems.add(new ImportProblem(document, line, message));
    }

    /** A problem at {@code line} about {@code field} (a label of the document, or the importer's word for a part of it). */
    void problem(int line, String field, Text message) {
        problems.add(new ImportProblem(document, line, field, message));
    }

    static boolean isBlank(String s) {
        return s.strip().isEmpty();
    }

    /** Tokens of lines [from, to) (1-based, to exclusive); marks all of them placed. */
    List<Token> tokens(int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            String l = line(i);
            if (l.startsWith("\t")) {
                int start = i;
                StringBuilder text = new StringBuilder(l.substring(1).strip());
                place(i);
                i++;
                // Continuation paragraphs of the same cell: non-tab, non-blank lines right after it.
                while (i < to && !line(i).startsWith("\t") && !isBlank(line(i))) {
                    text.append('\n').append(line(i).strip());
                    place(i);
                    i++;
                }
                out.add(new Token(new Cell(text.toString(), start), null, start));
            } else {
                if (!isBlank(l)) {
                    out.add(new Token(null, l.strip(), i));
                }
                place(i);
                i++;
            }
        }
        return out;
    }

    /** Reports every non-blank line that no reader placed. */
    void reportUnplaced() {
        for (int i = 0; i < placed.length; i++) {
            if (!placed[i] && !isBlank(lines.get(i))) {
                String text = PrintedNumbers.abbreviated(lines.get(i).strip());
                problem(i + 1, "未读入", Text.of("这一行不属于任何章节、表格或项目，没有读入：" + text,
                        "this line belongs to no section, table or project and was not read: " + text));
            }
        }
    }
}
