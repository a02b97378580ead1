package gongkai.render;

import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown → HTML (CommonMark + GFM tables). Raw HTML in the source is escaped, never passed through, and
 * link URLs are sanitised (no javascript:), because content is edited by many hands in a web editor.
 * Thread-safe: parser and renderer are immutable.
 */
public final class Markdown {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public Markdown() {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                // Header cells of GFM tables are column headers: say so for screen readers.
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof TableCell cell && cell.isHeader()) {
                        attributes.put("scope", "col");
                    }
                })
                .build();
    }

    /**
     * Renders Markdown so that its headings start at {@code topLevel} (e.g. 2 inside a page whose h1 is the
     * page title): every heading is shifted down by {@code topLevel - 1}, capped at h6.
     */
    public String render(String markdown, int topLevel) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        shiftHeadings(document, topLevel - 1);
        return renderer.render(document);
    }

    /** Renders a page body: drops the first level-1 heading (it is the page's title, shown as the h1). */
    public String renderPageBody(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        Node first = document.getFirstChild();
        while (first != null) {
            if (first instanceof Heading heading && heading.getLevel() == 1) {
                first.unlink();
                break;
            }
            first = first.getNext();
        }
        shiftHeadings(document, 1);
        return renderer.render(document);
    }

    private static void shiftHeadings(Node document, int shift) {
        if (shift <= 0) {
            return;
        }
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + shift));
                visitChildren(heading);
            }
        });
    }
}
