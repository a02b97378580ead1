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
 * department's tables. A document longer than {@link SourceParts#MAX_LINES} lines is shown in parts, one page each
 * ({@link SourceParts}: cut between passages, the lines keeping their numbers), each with the facts, the list of
 * cited passages (linked on the part showing them) and a pager.
 */
final class SourcePage {
    static final String TEMPLATE = "source.ftlh";

    private SourcePage() {
    }

    /** What is cited in the document and what bounds its passages. */
    record Cited(String document, DepartmentKey owner, List<DepartmentYear> years, NavigableSet<Integer> bounds) {
    }

    /** The number of lines of the document's text (read as its page reads it). */
    static int lineCount(Path contentDir, Cited cited) {
        return read(contentDir, cited).read().lines().size();
    }

    private record TextFile(DocumentText.Read read, long bytes, String document) {
    }

    private static TextFile read(Path contentDir, Cited cited) {
        String textDocument = ContentPaths.textRendering(cited.document());
        Path textFile = confined(contentDir, cited.owner(), textDocument);
        try {
            byte[] bytes = Files.readAllBytes(textFile);
            return new TextFile(DocumentText.read(bytes), bytes.length, textDocument);
        } catch (IOException e) {
            throw new UncheckedIOException("来源文件读不出（source document unreadable）: " + textDocument, e);
        }
    }

    /** Part {@code part} (1…) of the document's page, cut as {@code parts} says. */
    static SiteModel.PageJob of(PageKit kit, Path contentDir, Department d, Cited cited, SourceParts parts, int part) {
        String document = cited.document();
        DepartmentYear first = cited.years().get(0);
        DocumentFacts facts = facts(cited.years());
        TextFile read = read(contentDir, cited);
        DocumentText.Read text = read.read();
        // the original: the document itself when it is not the text, else document_original when given
        String originalDocument = !read.document().equals(document) ? document : facts.original();
        Views.SourceFile original = originalDocument == null ? null
                : file(kit, originalDocument, size(confined(contentDir, cited.owner(), originalDocument)));
        Views.SourceFile textView = file(kit, read.document(), read.bytes());

        List<String> lines = text.lines();
        NavigableMap<Integer, List<Views.SourceCitation>> byLine = citations(kit, cited.years(), lines.size(), parts, part);
        List<Views.SourceCitation> all = new ArrayList<>();
        byLine.values().forEach(all::addAll);
        List<SourceParts.Run> runs = SourceParts.runs(lines.size(), byLine.navigableKeySet(), cited.bounds());
        int from = parts.first(part);
        int to = Math.min(parts.last(part), lines.size());
        List<Views.SourceBlock> blocks = blocks(lines, byLine, runs, from, to);

        Messages msg = kit.msg();
        boolean parted = parts.count() > 1;
        List<Link> years = cited.years().stream().map(dy -> kit.departmentYearLink(dy, kit.yearText(dy.year()))).toList();
        Views.SourcePageView view = new Views.SourcePageView(kit.departmentLink(d), years, facts.url(),
                facts.published() == null ? null : kit.dateText(facts.published()),
                facts.published() == null ? null : facts.published().toString(), original, textView,
                number(lines.size()), text.charset(), all, blocks,
                String.valueOf(Math.max(1, lines.size())).length(),
                parted ? msg.format("source_text_heading_part", part, number(from), number(to))
                        : msg.get("source_text_heading"),
                parted ? pager(kit, parts, part, lines.size()) : null,
                parted ? partsScript(parts, part) : null);

        String urlPath = parts.urlPath(part);
        String fileName = ContentPaths.documentFileName(document);
        List<Link> trail = new ArrayList<>(kit.regionTrail(d.regionSlug()));
        trail.add(kit.departmentLink(d));
        if (cited.years().size() == 1) {
            trail.add(kit.departmentYearLink(first, kit.yearText(first.year())));
        }
        String name = first.title() != null ? first.title() : fileName;
        String h1 = parted ? msg.format("source_page_h1_part", name, part) : msg.format("source_page_h1", name);
        String description = parted
                ? msg.format("source_page_description_part", d.name(), fileName, part, number(from), number(to),
                        number(lines.size()))
                : msg.format("source_page_description", d.name(), fileName, lines.size());
        PageMeta meta = new PageMeta(kit.title(h1), h1, description, kit.pageUrl(urlPath),
                PageKit.withCurrent(trail, parted ? msg.format("source_page_trail_part", part)
                        : msg.get("source_page_trail")), null);
        return kit.job(urlPath, TEMPLATE, meta, view, lastmod(kit.index(), cited, facts), true);
    }

    /** 1,201: line numbers as the page shows them. */
    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 第 2 部分（第 1,201–2,400 行）. */
    private static String partText(Messages msg, SourceParts parts, int part) {
        return msg.format("source_part", part, number(parts.first(part)), number(parts.last(part)));
    }

    /** Every part (the current one marked), the previous and the next. */
    private static Views.SourcePager pager(PageKit kit, SourceParts parts, int part, int lineCount) {
        Messages msg = kit.msg();
        List<Views.SourcePartLink> links = new ArrayList<>();
        for (int p = 1; p <= parts.count(); p++) {
            links.add(new Views.SourcePartLink(kit.href(parts.urlPath(p)), partText(msg, parts, p), p == part));
        }
        Views.SourcePartLink previous = part > 1 ? new Views.SourcePartLink(kit.href(parts.urlPath(part - 1)),
                msg.format("source_part_previous", partText(msg, parts, part - 1)), false) : null;
        Views.SourcePartLink next = part < parts.count() ? new Views.SourcePartLink(kit.href(parts.urlPath(part + 1)),
                msg.format("source_part_next", partText(msg, parts, part + 1)), false) : null;
        return new Views.SourcePager(msg.format("source_parts_lead", number(lineCount), parts.count(), part),
                links, previous, next);
    }

    /**
     * The script that takes a link to a line another part shows there ({@code …txt.html#L5000}, as every link was
     * before documents were cut, or one whose part has since moved): each part's first line and file name, inline
     * so it runs before the page's lines are laid out. Names are document names (letters, digits, '.', '_', '-');
     * the script has no '<', so no HTML scanner (the link check's included) can take any of it for a tag.
     */
    static String partsScript(SourceParts parts, int part) {
        StringBuilder starts = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int p = 1; p <= parts.count(); p++) {
            String path = parts.urlPath(p);
            String name = path.substring(path.lastIndexOf('/') + 1)
                    .replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
            starts.append(p > 1 ? "," : "").append(parts.first(p));
            names.append(p > 1 ? "," : "").append('"').append(name).append('"');
        }
        return "(function(){var s=[" + starts + "],u=[" + names + "],c=" + (part - 1) + ",n=" + parts.lineCount()
                + ";function go(){var m=/^#L([0-9]+)$/.exec(location.hash),i=0;if(!m||+m[1]>n)return;"
                + "while(s.length>i+1&&+m[1]>=s[i+1])i++;if(i!==c)location.replace(u[i]+location.hash)}"
                + "go();addEventListener(\"hashchange\",go)})();";
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

    /**
     * Every line the year files cite in the document (within it), with what cites it, by line; each linked on the
     * part of the page that shows it ({@code #L270} on this one).
     */
    private static NavigableMap<Integer, List<Views.SourceCitation>> citations(PageKit kit, List<DepartmentYear> years,
                                                                               int lineCount, SourceParts parts,
                                                                               int part) {
        NavigableMap<Integer, List<Views.SourceCitation>> byLine = new TreeMap<>();
        boolean several = years.size() > 1;
        java.util.function.IntFunction<String> href = line -> (parts.partOf(line) == part ? ""
                : kit.href(parts.urlPathOf(line))) + "#" + Urls.lineAnchor(line);
        for (DepartmentYear dy : years) {
            String yearPage = Urls.departmentYear(dy);
            // "章节", or "2024年章节" when the document serves several years
            java.util.function.Function<String, String> what = key -> several
                    ? kit.msg().format("source_what_in_year", dy.year(), kit.msg().get(key)) : kit.msg().get(key);
            for (Section s : dy.sections()) {
                add(byLine, s.source(), lineCount, href, new Link(kit.href(yearPage) + "#section-" + s.id(), s.title()),
                        what.apply("source_what_section"));
            }
            for (DataTable t : dy.tables()) {
                add(byLine, t.source(), lineCount, href, new Link(kit.href(yearPage) + "#table-" + t.id(), t.title()),
                        what.apply("source_what_table"));
            }
            for (Project p : dy.projects()) {
                add(byLine, p.source(), lineCount, href, new Link(kit.href(Urls.project(p.id())), p.name()),
                        what.apply("source_what_project"));
            }
        }
        return byLine;
    }

    private static void add(Map<Integer, List<Views.SourceCitation>> byLine, SourceRef ref, int lineCount,
                            java.util.function.IntFunction<String> href, Link link, String what) {
        if (ref != null && ref.line() >= 1 && ref.line() <= lineCount) {
            byLine.computeIfAbsent(ref.line(), k -> new ArrayList<>())
                    .add(new Views.SourceCitation(ref.line(), href.apply(ref.line()), link, what));
        }
    }

    /**
     * The lines {@code from}…{@code to} (one part of the page) in their runs ({@link SourceParts#runs}): a passage
     * whole (the parts are cut between passages), the lines between passages as far as they are in the part.
     */
    private static List<Views.SourceBlock> blocks(List<String> lines,
                                                  NavigableMap<Integer, List<Views.SourceCitation>> byLine,
                                                  List<SourceParts.Run> runs, int from, int to) {
        List<Views.SourceBlock> blocks = new ArrayList<>();
        for (SourceParts.Run r : runs) {
            int start = Math.max(r.first(), from);
            int end = Math.min(r.last(), to);
            if (start > end) {
                continue;
            }
            List<Views.SourceCitation> citedBy = r.passage() ? byLine.get(r.first()) : null;
            if (citedBy != null && (start != r.first() || end != r.last())) {
                throw new IllegalStateException("passage L" + r.first() + " cut between parts at " + from + "–" + to);
            }
            if (citedBy != null) {
                blocks.add(new Views.SourceBlock(start, Urls.lineAnchor(start), List.copyOf(citedBy),
                        lines(lines, start, end, false)));
                continue;
            }
            // lines between passages in lists of at most PLAIN_LIST lines: each is laid out only once on screen
            // (content-visibility), where one list of a thousand would be laid out whole
            for (int at = start; at <= end; ) {
                int last = Math.min(end, (at + PLAIN_LIST - 1) / PLAIN_LIST * PLAIN_LIST);
                blocks.add(new Views.SourceBlock(at, null, List.of(), lines(lines, at, last, true)));
                at = last + 1;
            }
        }
        return blocks;
    }

    /** Lines between passages shown in one list at most (ending at a multiple of it, so the lists stay put). */
    private static final int PLAIN_LIST = 100;

    /** Lines {@code from}…{@code to}, each anchored but a passage's first (its passage carries the anchor). */
    private static List<Views.SourceLine> lines(List<String> lines, int from, int to, boolean plain) {
        List<Views.SourceLine> run = new ArrayList<>(to - from + 1);
        for (int i = from; i <= to; i++) {
            String text = lines.get(i - 1);
            List<Views.TextPart> parts = WordMarks.parts(text);
            String anchor = plain || i != from ? Urls.lineAnchor(i) : null;
            run.add(new Views.SourceLine(i, anchor, parts == null ? text : null, parts));
        }
        return List.copyOf(run);
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
