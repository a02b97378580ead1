package gongkai.validate;

import gongkai.content.ContentPaths;

import gongkai.content.Content;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentYear;
import gongkai.content.Page;
import gongkai.content.Problem;
import gongkai.content.SafeUrls;
import gongkai.content.SiteCatalogue;
import gongkai.content.Section;
import gongkai.content.Text;
import gongkai.content.Urls;
import gongkai.load.Positions;
import gongkai.pipeline.SitePaths;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Every link and image in content Markdown (pages, department descriptions, sections, table notes) as the build
 * will see it: read with the renderer's parser, each destination must be http(s)/mailto (the schemes the renderer
 * keeps and the link check counts as external), or resolve — from the page the Markdown is shown on, as the link
 * check resolves it — to a page or file the site publishes, or name an element of that page. What passes here
 * passes the build's link check; {@code javascript:}, {@code data:}, {@code vbscript:} and the rest are refused
 * however they are cased or split by tabs and line breaks.
 */
final class MarkdownLinks {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** What the build publishes: made only once a relative link needs it (at 100,000 projects it is half a million
     * paths, and most content has no relative link at all). */
    private SiteCatalogue published;
    private final String basePath;
    private final Positions positions;
    private final Path contentDir;
    private final List<Problem> problems;
    private final Content content;

    private MarkdownLinks(Content content, String basePath, Positions positions, Path contentDir, List<Problem> problems) {
        this.content = content;
        this.basePath = basePath;
        this.positions = positions;
        this.contentDir = contentDir;
        this.problems = problems;
    }

    static void check(Content content, Positions positions, Path contentDir, List<Problem> problems) {
        MarkdownLinks links = new MarkdownLinks(content, basePath(content.site().baseUrl()), positions, contentDir, problems);
        for (Page page : content.pages()) {
            links.check(page.markdown(), Urls.page(page.slug()), Set.of(),
                    contentDir.resolve(ContentPaths.page(page.slug())).toString(), null);
            if (page.english() != null) {
                // the English twin is shown at en/<slug>/: its links are read from there, as written
                String at = Urls.ENGLISH_EDITION + Urls.page(page.slug());
                links.check(page.english().markdown(), at, Set.of(),
                        contentDir.resolve(ContentPaths.englishPage(page.slug())).toString(), null,
                        Text.of("（英文页面在 " + at + "，相对链接从那里算起；下载文件和来源文件由中英文两版共用，不在 "
                                + Urls.ENGLISH_EDITION + " 之下，如 ../../data/gongkai-data.zip）", " (the English page is at "
                                + at + " and relative links start from there; downloads and source files are shared by "
                                + "both editions, not under " + Urls.ENGLISH_EDITION + ", e.g. ../../data/gongkai-data.zip)"));
            }
        }
        for (Department d : content.departments()) {
            links.check(d.description(), Urls.department(d.regionSlug(), d.code()), Set.of(),
                    contentDir.resolve(ContentPaths.department(d.key())).toString(), "description");
        }
        for (DepartmentYear dy : content.departmentYears()) {
            String file = contentDir.resolve(ContentPaths.departmentYear(dy)).toString();
            String page = Urls.departmentYear(dy.regionSlug(), dy.departmentCode(), dy.year());
            Set<String> ids = new HashSet<>();
            dy.sections().forEach(s -> ids.add("section-" + s.id()));
            dy.tables().forEach(t -> ids.add("table-" + t.id()));
            for (int i = 0; i < dy.sections().size(); i++) {
                Section s = dy.sections().get(i);
                links.check(s.markdown(), page, ids, file, "sections[" + i + "].markdown");
            }
            for (int i = 0; i < dy.tables().size(); i++) {
                DataTable t = dy.tables().get(i);
                links.check(t.note(), page, ids, file, "tables[" + i + "].note");
            }
        }
    }

    /** The path every root-relative link must start with ("/" or "/sub/"), as the site assembler derives it. */
    private static String basePath(String baseUrl) {
        try {
            String path = URI.create(baseUrl).getPath();
            return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
        } catch (IllegalArgumentException e) {
            return "/"; // the loader reported base_url
        }
    }

    /**
     * Checks the links of {@code markdown}, shown on the page at site folder {@code page} whose element ids
     * include {@code ids}; problems at the link (a page file) or at the field's value (a YAML field).
     */
    private void check(String markdown, String page, Set<String> ids, String file, String field) {
        check(markdown, page, ids, file, field, Text.EMPTY);
    }

    /** As above; {@code hint} follows the problem of a relative link that leads nowhere. */
    private void check(String markdown, String page, Set<String> ids, String file, String field, Text hint) {
        if (markdown == null || markdown.isBlank() || markdown.indexOf('[') < 0 && markdown.indexOf('<') < 0) {
            return; // no link or autolink can be written without '[' or '<'
        }
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destination(link, link.getDestination(), Text.of("链接", "link"));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destination(image, image.getDestination(), Text.of("图片", "image"));
                visitChildren(image);
            }

            private void destination(Node node, String url, Text what) {
                Text problem = problem(url, page, ids);
                if (problem == null) {
                    return;
                }
                if (SafeUrls.scheme(url) == null && !url.startsWith("/") && !url.startsWith("#")) {
                    problem = problem.plus(hint);
                }
                Positions.Place at;
                if (field == null) {
                    List<SourceSpan> spans = node.getSourceSpans();
                    SourceSpan span = spans.isEmpty() ? null : spans.get(0);
                    at = new Positions.Place(file, span == null ? 1 : span.getLineIndex() + 1,
                            span == null ? 1 : span.getColumnIndex() + 1, "");
                } else {
                    at = positions.at(file, field);
                }
                problems.add(new Problem(at.path(), at.line(), at.column(), at.field(), what.plus(problem),
                        Problem.Severity.ERROR));
            }
        });
    }

    /**
     * Null when the link works from the page at {@code page}, else why not (as the link check would see it), to
     * follow "链接" / "link".
     */
    private Text problem(String url, String page, Set<String> ids) {
        Text schemeProblem = SafeUrls.linkProblem(url);
        if (schemeProblem != null) {
            return schemeProblem;
        }
        if (!url.equals(url.strip()) || url.indexOf('\t') >= 0 || url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
            return Text.of("地址不能含制表符、换行或首尾空白：" + url.strip(),
                    " address must not contain tabs or line breaks, nor begin or end with spaces: " + url.strip());
        }
        if (SafeUrls.scheme(url) != null || url.startsWith("//")) {
            return null; // external
        }
        if (url.startsWith("#")) {
            String id = url.substring(1);
            List<String> sorted = ids.stream().sorted().toList();
            return id.isEmpty() || ids.contains(id) ? null : Text.of("指向本页不存在的位置 " + url
                    + (ids.isEmpty() ? "" : "（本页可链接：#" + String.join("、#", sorted) + "）"), " points to " + url
                    + ", which is not on this page" + (ids.isEmpty() ? "" : " (this page has #" + String.join(", #", sorted) + ")"));
        }
        String path = url;
        int cut = path.length();
        for (char c : new char[] {'?', '#'}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        path = path.substring(0, cut);
        if (path.indexOf('%') >= 0) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Text.of("地址的 % 转义不合法：" + url, " address has an invalid % escape: " + url);
            }
        }
        String sitePath;
        if (path.startsWith("/")) {
            if (!path.startsWith(basePath)) {
                return Text.of("以 / 开头的站内地址必须在网站地址的路径 " + basePath + " 之下：" + url,
                        " starting with / must stay under the path " + basePath + " of the site's address: " + url);
            }
            sitePath = path.substring(basePath.length());
        } else {
            sitePath = page + path;
        }
        String key = SitePaths.normalise(sitePath);
        if (key == null) {
            return Text.of("指向网站之外：" + url, " points outside the site: " + url);
        }
        if (published == null) {
            published = SiteCatalogue.of(content, SiteCatalogue.editions());
        }
        String folderKey = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        if (published.hasFolder(folderKey)) {
            return published.hasFile(folderKey + "index.html") ? null : Text.of("指向的页面不存在：" + url + "（站内路径 " + key + "）",
                    " points to a page that does not exist: " + url + " (site path " + key + ")");
        }
        if (key.endsWith("/")) {
            return Text.of("指向的文件夹不存在：" + url + "（站内路径 " + key + "）",
                    " points to a folder that does not exist: " + url + " (site path " + key + ")");
        }
        if (published.hasFile(key)) {
            return null;
        }
        java.util.regex.Matcher part = PART_PAGE.matcher(key);
        if (part.matches() && published.hasFile(part.group(1) + ".html")) {
            // where a long document's page is cut follows its citations: its page's address with the line stays right
            String address = url.replaceFirst("\\.p[0-9]+\\.html", ".html");
            String line = url.contains("#") ? "" : "#L";
            return Text.of("指向长文件页面的一个部分（" + url + "）：各部分从哪一行起会随引用变化；请链接文件页面的地址加行号，"
                    + "如 " + address + line + (line.isEmpty() ? "" : "<行号>") + "，本站会把它链到显示该行的部分",
                    " points to a part of a long document's page (" + url + "): where its parts start changes with "
                    + "its citations; link the page's address with the line instead, e.g. " + address + line
                    + (line.isEmpty() ? "" : "<line>") + ", which this site links to the part showing the line");
        }
        return Text.of("指向的文件不存在：" + url + "（站内路径 " + key + "）",
                " points to a file that does not exist: " + url + " (site path " + key + ")");
    }

    /** A later part of a source page (site path): the page's path without .html. */
    private static final java.util.regex.Pattern PART_PAGE = java.util.regex.Pattern.compile("(sources/.+)\\.p[0-9]+\\.html");
}
