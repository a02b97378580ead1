package gongkai.importer.document;

import java.util.List;

/**
 * What a Word, Excel or PDF file holds, as far as the importers read it: paragraphs and tables in document
 * order. {@link TabRendering} turns blocks into the tab-separated text the Tianjin and Hengshui importers read
 * (the layout of the seeds' text exports), so every file format ends in the same, tested parser.
 */
public sealed interface Block permits Block.Paragraph, Block.Table {
    /** A paragraph outside any table; {@code where} says where it was found (page, sheet), for reports. */
    record Paragraph(String text, String where) implements Block {
        public Paragraph(String text) {
            this(text, "");
        }
    }

    /** A table: rows of cells as printed; a vertically merged cell's continuation is an empty cell. */
    record Table(List<Row> rows, String where) implements Block {
        public Table {
            rows = List.copyOf(rows);
        }

        public Table(List<Row> rows) {
            this(rows, "");
        }
    }

    record Row(List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A cell's paragraphs (at least one; an empty cell has one empty paragraph). */
    record Cell(List<String> paragraphs) {
        public Cell {
            paragraphs = paragraphs.isEmpty() ? List.of("") : List.copyOf(paragraphs);
        }

        public static Cell of(String text) {
            return new Cell(List.of(text.split("\r\n|\r|\n", -1)));
        }

        public String text() {
            return String.join("\n", paragraphs);
        }
    }
}
