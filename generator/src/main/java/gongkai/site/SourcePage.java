package gongkai.site;

import gongkai.content.ContentPaths;
import gongkai.content.DataTable;
import gongkai.content.Department;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.DocumentFacts;
import gongkai.content.DocumentText;
import gongkai.content.Project;
import gongkai.content.SafePaths;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import gongkai.content.Urls;
import gongkai.site.Views.Link;
import gongkai.site.Views.PageMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A source document's page ({@link Urls#sourcePage}): the document's facts (official address, publication date,
 * the original file and the text file, each published beside the page), then its text with every line numbered
 * and anchored ({@code #L270}), so "第 270 行" on any page links to the line itself. The lines are exactly the text
 * file's ({@link DocumentText}: the importer numbered them so); Word's markup stays in its line, shown apart.
 *
 * <p>A citation names one line, the first of what it cites (a project's table, a section); the page marks the
 * passage from there to the line before the next line any page cites in the document (or its end) and gives the
 * passage that line's anchor, so following a citation highlights the whole passage ({@code :target}), the cited
 * line first. A document kept in several departments' folders (one document covering them all) is one text: its
 * copies' citations all bound the passages, so one department's last project does not run on through the next
 * department's tables.
 */
final class SourcePage {
    static final String TEMPLATE = "source.ftlh";

    private SourcePage() {
    }

    static String urlPath(String document) {
        return Urls.sourcePage(document);
    }

    /** What is cited in the document and what bounds its passages. */
    record Cited(String document, DepartmentKey owner, List<DepartmentYear> years, NavigableSet<Integer> bounds) {
    }

    static SiteModel.PageJob of(PageKit kit, Path contentDir, Department d, Cited cited) {
        String document = cited.document();
        DepartmentYear first = cited.years().get(0);
        DocumentFacts facts = facts(cited.years());
        String textDocument = ContentPaths.textRendering(document);
        Path textFile = confined(contentDir, cited.owner(), textDocument);
        DocumentText.Read text;
        long textBytes;
        try {
            byte[] bytes = Files.readAllBytes(textFile);
            textBytes = bytes.length;
            text = DocumentText.read(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("来源文件读不出（source document unreadable）: " + textDocument, e);
        }
        // the original: the document itself when it is not the text, else document_original when given
        String originalDocument = !textDocument.equals(document) ? document : facts.original();
        Views.SourceFile original = originalDocument == null ? null
                : file(kit, originalDocument, size(confined(contentDir, cited.owner(), originalDocument)));
        Views.SourceFile textView = file(kit, textDocument, textBytes);

        List<String> lines = text.lines();
        NavigableMap<Integer, List<Views.SourceCitation>> byLine = citations(kit, cited.years(), lines.size());
        List<Views.SourceCitation> all = new ArrayList<>();
        byLine.values().forEach(all::addAll);
        List<Views.SourceBlock> blocks = blocks(lines, byLine, cited.bounds());

        Messages msg = kit.msg();
        List<Link> years = cited.years().stream().map(dy -> kit.departmentYearLink(dy, kit.yearText(dy.year()))).toList();
        Views.SourcePageView view = new Views.SourcePageView(kit.departmentLink(d), years, facts.url(),
                facts.published() == null ? null : kit.dateText(facts.published()),
                facts.published() == null ? null : facts.published().toString(), original, textView,
                String.format(Locale.ROOT, "%,d", lines.size()), text.charset(), all, blocks,
                String.valueOf(Math.max(1, lines.size())).length());

        String urlPath = urlPath(document);
        String fileName = ContentPaths.documentFileName(document);
        List<Link> trail = new ArrayList<>(kit.regionTrail(d.regionSlug()));
        trail.add(kit.departmentLink(d));
        if (cited.years().size() == 1) {
            trail.add(kit.departmentYearLink(first, kit.yearText(first.year())));
        }
        String h1 = msg.format("source_page_h1", first.title() != null ? first.title() : fileName);
        PageMeta meta = new PageMeta(kit.title(h1), h1,
                msg.format("source_page_description", d.name(), fileName, lines.size()),
                kit.pageUrl(urlPath), PageKit.withCurrent(trail, msg.get("source_page_trail")), null);
        return kit.job(urlPath, TEMPLATE, meta, view, lastmod(kit.index(), cited, facts), true);
    }

    /** The page's date: the last change of the text, the original, or a citing year file (the facts, the title). */
    static String lastmod(SiteIndex index, Cited cited, DocumentFacts facts) {
        GitDates dates = index.dates();
        String latest = dates.date(ContentPaths.source(cited.document()));
        latest = GitDates.max(latest, dates.date(ContentPaths.source(ContentPaths.textRendering(cited.document()))));
        if (facts.original() != null) {
            latest = GitDates.max(latest, dates.date(ContentPaths.source(facts.original())));
        }
        for (DepartmentYear dy : cited.years()) {
            latest = GitDates.max(latest, index.lastmod(dy));
        }
        return latest;
    }

    /** The facts the citing year files give (validate has made sure they do not disagree). */
    static DocumentFacts facts(List<DepartmentYear> years) {
        String url = null;
        java.time.LocalDate published = null;
        String original = null;
        for (DepartmentYear dy : years) {
            DocumentFacts f = dy.documentFacts();
            url = url != null ? url : f.url();
            published = published != null ? published : f.published();
            original = original != null ? original : f.original();
        }
        return new DocumentFacts(url, published, original);
    }

    /** Every line the year files cite in the document (within it), with what cites it, by line. */
    private static NavigableMap<Integer, List<Views.SourceCitation>> citations(PageKit kit, List<DepartmentYear> years,
                                                                               int lineCount) {
        NavigableMap<Integer, List<Views.SourceCitation>> byLine = new TreeMap<>();
        boolean several = years.size() > 1;
        for (DepartmentYear dy : years) {
            String yearPage = Urls.departmentYear(dy);
            // "章节", or "2024年章节" when the document serves several years
            java.util.function.Function<String, String> what = key -> several
                    ? kit.msg().format("source_what_in_year", dy.year(), kit.msg().get(key)) : kit.msg().get(key);
            for (Section s : dy.sections()) {
                add(byLine, s.source(), lineCount, new Link(kit.href(yearPage) + "#section-" + s.id(), s.title()),
                        what.apply("source_what_section"));
            }
            for (DataTable t : dy.tables()) {
                add(byLine, t.source(), lineCount, new Link(kit.href(yearPage) + "#table-" + t.id(), t.title()),
                        what.apply("source_what_table"));
            }
            for (Project p : dy.projects()) {
                add(byLine, p.source(), lineCount, new Link(kit.href(Urls.project(p.id())), p.name()),
                        what.apply("source_what_project"));
            }
        }
        return byLine;
    }

    private static void add(Map<Integer, List<Views.SourceCitation>> byLine, SourceRef ref, int lineCount, Link link,
                            String what) {
        if (ref != null && ref.line() >= 1 && ref.line() <= lineCount) {
            byLine.computeIfAbsent(ref.line(), k -> new ArrayList<>())
                    .add(new Views.SourceCitation(ref.line(), Urls.lineAnchor(ref.line()), link, what));
        }
    }

    /**
     * The lines in runs: each cited line starts a passage up to the line before the next bound (a line cited here or
     * in another copy of the document) or the end; the lines between passages are plain runs.
     */
    private static List<Views.SourceBlock> blocks(List<String> lines,
                                                  NavigableMap<Integer, List<Views.SourceCitation>> byLine,
                                                  NavigableSet<Integer> otherBounds) {
        TreeSet<Integer> bounds = new TreeSet<>(otherBounds);
        bounds.addAll(byLine.keySet());
        List<Views.SourceBlock> blocks = new ArrayList<>();
        int n = lines.size();
        int line = 1;
        while (line <= n) {
            List<Views.SourceCitation> citedBy = byLine.get(line);
            Integer next = bounds.higher(line);
            int end = next == null || next > n ? n : next - 1;
            if (citedBy == null) {
                Integer passage = byLine.higherKey(line); // plain lines up to the next passage
                end = passage == null ? n : passage - 1;
            }
            List<Views.SourceLine> run = new ArrayList<>(end - line + 1);
            for (int i = line; i <= end; i++) {
                String text = lines.get(i - 1);
                List<Views.TextPart> parts = WordMarks.parts(text);
                String anchor = citedBy == null || i != line ? Urls.lineAnchor(i) : null;
                run.add(new Views.SourceLine(i, anchor, parts == null ? text : null, parts));
            }
            blocks.add(new Views.SourceBlock(line, citedBy == null ? null : Urls.lineAnchor(line),
                    citedBy == null ? List.of() : List.copyOf(citedBy), List.copyOf(run)));
            line = end + 1;
        }
        return blocks;
    }

    private static Views.SourceFile file(PageKit kit, String document, long bytes) {
        String name = ContentPaths.documentFileName(document);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = switch (extension) {
            case "txt" -> "text/plain";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "doc" -> "application/msword";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "xls" -> "application/vnd.ms-excel";
            case "pdf" -> "application/pdf";
            case "ofd" -> "application/ofd";
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
        Messages msg = kit.msg();
        String kind = switch (extension) {
            case "txt", "docx", "doc", "xlsx", "xls", "et", "wps", "pdf", "ofd", "zip" -> msg.get("source_kind_" + extension);
            case "" -> msg.get("source_kind_unknown");
            default -> msg.format("source_kind_other", extension.toUpperCase(Locale.ROOT));
        };
        // the file itself is one for every edition (sources/…), only its page is the edition's
        return new Views.SourceFile(kit.fileHref(Urls.source(document)), name, kind, DataPage.size(kit, bytes), type);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("来源文件读不出（source document unreadable）: " + file, e);
        }
    }

    /** A file of the department's folder, through the confinement rule (validate checked it; this reads it). */
    private static Path confined(Path contentDir, DepartmentKey owner, String document) {
        try {
            return SafePaths.sourceDocument(contentDir, owner, document);
        } catch (SafePaths.Unsafe e) {
            throw new IllegalStateException("document: " + e.getMessage(), e);
        }
    }
}
