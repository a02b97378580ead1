package gongkai.importer.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The text rendering of a document that the importers read and that line citations count in: a paragraph is
 * its line; a table row is one line per cell starting with a TAB (a cell's further paragraphs follow on lines
 * without a TAB) and ends with an empty line. This is the layout of the seeds (text exports of Word files made
 * by Apache Tika), so a .docx and its text export render alike, and {@link #parse} inverts {@link #render}.
 */
public final class TabRendering {
    private TabRendering() {
    }

    public static String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.Paragraph p) {
                out.append(p.text()).append('\n');
            } else if (block instanceof Block.Table t) {
                for (Block.Row row : t.rows()) {
                    for (Block.Cell cell : row.cells()) {
                        out.append('\t').append(cell.paragraphs().get(0));
                        for (String more : cell.paragraphs().subList(1, cell.paragraphs().size())) {
                            // an empty further paragraph would read as the row's end, a TAB as a new cell
                            if (!more.isEmpty()) {
                                out.append('\n').append(more.startsWith("\t") ? " " + more.substring(1) : more);
                            }
                        }
                        out.append('\n');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * The blocks whose rendering is {@code text} (up to a missing final line break): a TAB line starts a cell,
     * non-empty lines after it without a TAB are its further paragraphs, an empty line ends the row, and a
     * line other than a TAB line after a row's end ends the table.
     */
    public static List<Block> parse(String text) {
        List<String> lines = lines(text);
        List<Block> blocks = new ArrayList<>();
        List<Block.Row> rows = null;
        List<Block.Cell> cells = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("\t")) {
                if (rows == null) {
                    rows = new ArrayList<>();
                }
                if (cells == null) {
                    cells = new ArrayList<>();
                }
                List<String> paragraphs = new ArrayList<>(List.of(line.substring(1)));
                i++;
                while (i < lines.size() && !lines.get(i).isEmpty() && !lines.get(i).startsWith("\t")) {
                    paragraphs.add(lines.get(i));
                    i++;
                }
                cells.add(new Block.Cell(paragraphs));
                continue;
            }
            if (cells != null) {
                // an empty line ends the row; anything else after a cell cannot be (it would be a paragraph of it)
                rows.add(new Block.Row(cells));
                cells = null;
                i++;
                continue;
            }
            if (rows != null) {
                blocks.add(new Block.Table(rows));
                rows = null;
            }
            blocks.add(new Block.Paragraph(line));
            i++;
        }
        if (cells != null) {
            rows.add(new Block.Row(cells)); // the text ended inside a row: rendered, it gains the row's empty line
        }
        if (rows != null) {
            blocks.add(new Block.Table(rows));
        }
        return blocks;
    }

    /** Lines split at LF (CRLF and CR too); a final line break does not start another line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }
}
