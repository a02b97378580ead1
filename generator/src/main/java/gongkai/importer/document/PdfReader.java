package gongkai.importer.document;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF with Apache PDFBox as paragraphs and tables: a table cell is a rectangle the page draws
 * ({@code re}), a row is the cells whose tops align, and text belongs to the cell it is printed in; text
 * outside every cell is a paragraph line. Empty lines between paragraphs are counted from the vertical gaps
 * (in the document's line spacing, from the top of the text area that all pages share), so a PDF printed from a
 * text export reads back line for line. A PDF without text (a scan) has no blocks: the caller reports it.
 * Tables drawn as loose line segments rather than cell rectangles are read as text lines.
 */
public final class PdfReader {
    private PdfReader() {
    }

    /** A printed line or a cell box, top-down on its page; y grows upwards (PDF user space). */
    private record Glyph(double x, double y, double width, double size, String text) {
    }

    private record Line(double top, double bottom, double x, String text) {
    }

    public static List<Block> read(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<List<Rectangle2D>> boxes = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                Boxes engine = new Boxes(page);
                engine.processPage(page);
                boxes.add(engine.boxes);
            }
            Glyphs stripper = new Glyphs(pdf.getNumberOfPages());
            stripper.setSortByPosition(false);
            stripper.getText(pdf);
            return layout(stripper.pages, boxes);
        }
    }

    /** Collects every glyph with its page. */
    private static final class Glyphs extends PDFTextStripper {
        final List<List<Glyph>> pages = new ArrayList<>();

        Glyphs(int pageCount) throws IOException {
            for (int i = 0; i < pageCount; i++) {
                pages.add(new ArrayList<>());
            }
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            double x = t.getTextMatrix().getTranslateX();
            double y = t.getTextMatrix().getTranslateY();
            pages.get(getCurrentPageNo() - 1).add(new Glyph(x, y, t.getWidth(), t.getFontSizeInPt(), t.getUnicode()));
        }
    }

    /** Collects the rectangles a page draws (cell borders). */
    private static final class Boxes extends PDFGraphicsStreamEngine {
        final List<Rectangle2D> boxes = new ArrayList<>();
        private final List<Rectangle2D> path = new ArrayList<>();
        private Point2D current = new Point2D.Double();

        Boxes(PDPage page) {
            super(page);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            double minX = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
            double maxX = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
            double minY = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
            double maxY = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
            path.add(new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY));
        }

        private void paint() {
            for (Rectangle2D r : path) {
                if (r.getWidth() > 4 && r.getHeight() > 4 && !boxes.contains(r)) {
                    boxes.add(r);
                }
            }
            path.clear();
        }

        @Override
        public void strokePath() {
            paint();
        }

        @Override
        public void fillPath(int windingRule) {
            path.clear(); // a filled rectangle is shading or a thick rule, not a cell
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            paint();
        }

        @Override
        public void endPath() {
            path.clear();
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            current = new Point2D.Float(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }

    /** A page item in reading order: a paragraph line or a row of cells. */
    private record Item(double top, double bottom, Line line, List<List<Line>> cells, int page) {
    }

    private static List<Block> layout(List<List<Glyph>> glyphPages, List<List<Rectangle2D>> boxPages) {
        List<List<Item>> pages = new ArrayList<>();
        Map<Long, Integer> gaps = new HashMap<>();
        for (int p = 0; p < glyphPages.size(); p++) {
            List<Rectangle2D> boxes = boxPages.get(p);
            Map<Rectangle2D, List<Glyph>> inBox = new HashMap<>();
            List<Glyph> outside = new ArrayList<>();
            for (Glyph g : glyphPages.get(p)) {
                Rectangle2D box = smallestBoxAt(boxes, g.x() + g.width() / 2, g.y() + g.size() * 0.3);
                if (box == null) {
                    outside.add(g);
                } else {
                    inBox.computeIfAbsent(box, b -> new ArrayList<>()).add(g);
                }
            }
            List<Item> items = new ArrayList<>();
            List<Line> outsideLines = lines(outside);
            for (int i = 1; i < outsideLines.size(); i++) {
                gaps.merge(Math.round(outsideLines.get(i - 1).top() - outsideLines.get(i).top()), 1, Integer::sum);
            }
            for (Line l : outsideLines) {
                items.add(new Item(l.top(), l.bottom(), l, null, p));
            }
            // rows: boxes whose tops align (within a point), left to right
            List<Rectangle2D> sorted = new ArrayList<>(boxes);
            sorted.removeIf(b -> boxes.stream().anyMatch(o -> o != b && b.contains(o)));
            sorted.sort(Comparator.comparingDouble((Rectangle2D b) -> -b.getMaxY()).thenComparingDouble(Rectangle2D::getMinX));
            List<Rectangle2D> row = new ArrayList<>();
            for (Rectangle2D b : sorted) {
                if (!row.isEmpty() && Math.abs(row.get(0).getMaxY() - b.getMaxY()) > 1) {
                    items.add(rowItem(row, inBox, p));
                    row = new ArrayList<>();
                }
                row.add(b);
            }
            if (!row.isEmpty()) {
                items.add(rowItem(row, inBox, p));
            }
            // the line spacing also shows inside cells and in the height of one-line rows
            for (Item item : items) {
                if (item.cells() != null) {
                    int most = 0;
                    for (List<Line> cell : item.cells()) {
                        most = Math.max(most, cell.size());
                        for (int i = 1; i < cell.size(); i++) {
                            gaps.merge(Math.round(cell.get(i - 1).top() - cell.get(i).top()), 1, Integer::sum);
                        }
                    }
                    if (most == 1) {
                        gaps.merge(Math.round(item.top() - item.bottom()), 1, Integer::sum);
                    }
                }
            }
            items.sort(Comparator.comparingDouble((Item i) -> -i.top()));
            pages.add(items);
        }
        double leading = gaps.entrySet().stream().filter(e -> e.getKey() > 0)
                .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(14L);
        double textTop = pages.stream().filter(l -> !l.isEmpty()).mapToDouble(l -> l.get(0).top()).max().orElse(0);

        List<Block> blocks = new ArrayList<>();
        List<Block.Row> rows = new ArrayList<>();
        int tables = 0;
        for (List<Item> items : pages) {
            double cursor = textTop;
            for (Item item : items) {
                long blanks = Math.max(0, Math.round((cursor - item.top()) / leading));
                String where = "第 " + (item.page() + 1) + " 页";
                for (long b = 0; b < blanks; b++) {
                    tables = flush(blocks, rows, tables, where);
                    blocks.add(new Block.Paragraph("", where));
                }
                if (item.line() != null) {
                    tables = flush(blocks, rows, tables, where);
                    blocks.add(new Block.Paragraph(item.line().text(), where));
                } else {
                    List<Block.Cell> cells = new ArrayList<>();
                    for (List<Line> cell : item.cells()) {
                        // an empty paragraph prints nothing: count it from where the next line stands
                        List<String> paragraphs = new ArrayList<>();
                        for (Line line : cell) {
                            long slot = Math.round((item.top() - line.top()) / leading);
                            while (paragraphs.size() < slot) {
                                paragraphs.add("");
                            }
                            paragraphs.add(line.text());
                        }
                        cells.add(new Block.Cell(paragraphs));
                    }
                    rows.add(new Block.Row(cells));
                }
                cursor = item.bottom();
            }
        }
        flush(blocks, rows, tables, "");
        return blocks;
    }

    private static int flush(List<Block> blocks, List<Block.Row> rows, int tables, String where) {
        if (rows.isEmpty()) {
            return tables;
        }
        blocks.add(new Block.Table(List.copyOf(rows), "PDF 表格 " + (tables + 1) + "（" + where + "前）"));
        rows.clear();
        return tables + 1;
    }

    private static Item rowItem(List<Rectangle2D> row, Map<Rectangle2D, List<Glyph>> inBox, int page) {
        List<List<Line>> cells = new ArrayList<>();
        double bottom = Double.MAX_VALUE;
        for (Rectangle2D b : row) {
            cells.add(lines(inBox.getOrDefault(b, List.of())));
            bottom = Math.min(bottom, b.getMinY());
        }
        return new Item(row.get(0).getMaxY(), bottom, null, cells, page);
    }

    private static Rectangle2D smallestBoxAt(List<Rectangle2D> boxes, double x, double y) {
        Rectangle2D best = null;
        for (Rectangle2D b : boxes) {
            if (b.contains(x, y) && (best == null || b.getWidth() * b.getHeight() < best.getWidth() * best.getHeight())) {
                best = b;
            }
        }
        return best;
    }

    /** Glyphs grouped into lines by baseline, top-down; each line left to right. */
    private static List<Line> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble((Glyph g) -> -g.y()).thenComparingDouble(Glyph::x));
        List<Line> lines = new ArrayList<>();
        List<Glyph> line = new ArrayList<>();
        for (Glyph g : sorted) {
            if (!line.isEmpty() && Math.abs(line.get(0).y() - g.y()) > line.get(0).size() * 0.4) {
                lines.add(line(line));
                line = new ArrayList<>();
            }
            line.add(g);
        }
        if (!line.isEmpty()) {
            lines.add(line(line));
        }
        return lines;
    }

    private static Line line(List<Glyph> glyphs) {
        StringBuilder text = new StringBuilder();
        double size = 0;
        for (Glyph g : glyphs) {
            text.append(g.text());
            size = Math.max(size, g.size());
        }
        double baseline = glyphs.get(0).y();
        // a line's slot: from one ascent above its baseline to the descent below (the writer's and Word's leading)
        return new Line(baseline + size, baseline - size * 0.4, glyphs.get(0).x(), text.toString());
    }
}
