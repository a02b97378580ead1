package gongkai.site;

import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
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
    /** For whole pages: headings get ids (from their text), so a page can list its sections and be linked into. */
    private final HtmlRenderer pageRenderer;

    public Markdown() {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = renderer(extensions);
        this.pageRenderer = renderer(List.of(TablesExtension.create(),
                // prefixed so no heading text can take an id of the layout (main, downloads-heading …)
                HeadingAnchorExtension.builder().idPrefix("h-").build()));
    }

    private static HtmlRenderer renderer(List<org.commonmark.Extension> extensions) {
        return HtmlRenderer.builder()
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
     * Renders Markdown placed under a heading of level {@code topLevel - 1}: headings are shifted so the
     * document's highest heading becomes {@code topLevel} (capped at h6), keeping their relative levels.
     */
    public String render(String markdown, int topLevel) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        int[] highest = {7};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                highest[0] = Math.min(highest[0], heading.getLevel());
            }
        });
        if (highest[0] <= 6) {
            shiftHeadings(document, topLevel - highest[0]);
        }
        return renderer.render(document);
    }

    /**
     * Renders a page body: drops the first level-1 heading (it is the page's title, shown as the h1) and turns
     * any other level-1 heading into level 2, so the page keeps one h1 and skips no heading level.
     */
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
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.max(2, heading.getLevel()));
                visitChildren(heading);
            }
        });
        return pageRenderer.render(document);
    }

    private static void shiftHeadings(Node document, int shift) {
        if (shift == 0) {
            return;
        }
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.max(1, Math.min(6, heading.getLevel() + shift)));
                visitChildren(heading);
            }
        });
    }
}
