package gongkai.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

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
    /** For a page's English twin: as {@link #pageRenderer}, with the Chinese it quotes marked as Chinese. */
    private final HtmlRenderer englishPageRenderer;

    public Markdown() {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = renderer(extensions);
        List<org.commonmark.Extension> pageExtensions = List.of(TablesExtension.create(),
                // prefixed so no heading text can take an id of the layout (main, downloads-heading …)
                HeadingAnchorExtension.builder().idPrefix("h-").build());
        this.pageRenderer = renderer(pageExtensions);
        this.englishPageRenderer = builder(pageExtensions).nodeRendererFactory(ChineseMarks::new).build();
    }

    private static HtmlRenderer renderer(List<org.commonmark.Extension> extensions) {
        return builder(extensions).build();
    }

    private static HtmlRenderer.Builder builder(List<org.commonmark.Extension> extensions) {
        return HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                // Header cells of GFM tables are column headers: say so for screen readers.
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof TableCell cell && cell.isHeader()) {
                        attributes.put("scope", "col");
                    }
                });
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
        return renderPageBody(markdown, false);
    }

    /**
     * {@link #renderPageBody(String)} of a page written in English (a page's English twin): its Chinese words —
     * quoted column titles, units, data values — are marked {@code lang="zh-CN"} (a run of text in a span, a code
     * span on its element), as the English pages mark all the Chinese they show; raw HTML stays escaped, so the
     * author cannot mark them.
     */
    public String renderPageBody(String markdown, boolean english) {
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
        return (english ? englishPageRenderer : pageRenderer).render(document);
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

    /** Han, CJK punctuation and full-width forms: what Chinese is written in (the templates' test, layout.ftlh). */
    private static final Pattern CJK = Pattern.compile("[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F]");
    /** A run of Chinese in English text: from its first to its last Chinese character, with the figures before it. */
    private static final Pattern CJK_RUN = Pattern.compile("[0-9]*" + CJK.pattern() + "(?:[^\\sA-Za-z]*" + CJK.pattern() + ")?");

    /** Renders text and code spans of an English page with the Chinese in them marked {@code lang="zh-CN"}. */
    private static final class ChineseMarks implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ChineseMarks(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Text.class, Code.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Code code) {
                Map<String, String> attributes = new LinkedHashMap<>();
                if (CJK.matcher(code.getLiteral()).find()) {
                    attributes.put("lang", "zh-CN"); // a quoted value: `元`, `项目编号`
                }
                html.tag("code", context.extendAttributes(code, "code", attributes));
                html.text(code.getLiteral());
                html.tag("/code");
                return;
            }
            String literal = ((Text) node).getLiteral();
            Matcher m = CJK_RUN.matcher(literal);
            int at = 0;
            while (m.find()) {
                html.text(literal.substring(at, m.start()));
                html.tag("span", Map.of("lang", "zh-CN"));
                html.text(m.group());
                html.tag("/span");
                at = m.end();
            }
            html.text(literal.substring(at));
        }
    }
}
