package gongkai.site;

import gongkai.content.ContentPaths;
import gongkai.content.DataTable;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.SafePaths;
import gongkai.content.Section;
import gongkai.content.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cited source documents, one page each ({@link SourcePage}): by document path, the department-years citing it
 * (oldest first) and the lines that end its passages. A document the importer kept in several departments' folders
 * (the same file name, the same text) is one text cut into projects by all their citations; two files that only
 * share a name are not (their text is compared, only when the name is shared).
 */
final class SourceDocuments {
    private final Map<String, SourcePage.Cited> byDocument = new TreeMap<>();
    /** Document → the documents holding the same text in other departments' folders (itself included). */
    private final Map<String, List<String>> copies = new HashMap<>();
    private final Path contentDir;
    /** Document → how its page is cut into parts: its text is read (for its length) when first asked for. */
    private final Map<String, SourceParts> parts = new java.util.concurrent.ConcurrentHashMap<>();

    SourceDocuments(SiteIndex index, Path contentDir) {
        this.contentDir = contentDir;
        Map<String, List<DepartmentYear>> years = new TreeMap<>();
        Map<String, DepartmentKey> owners = new HashMap<>();
        for (var department : index.sortedDepartments()) {
            for (DepartmentYear dy : index.yearsOf(department)) {
                if (dy.document() != null) {
                    years.computeIfAbsent(dy.document(), k -> new ArrayList<>()).add(dy);
                    owners.put(dy.document(), dy.departmentKey());
                }
            }
        }
        Map<String, List<String>> byName = new TreeMap<>();
        years.keySet().forEach(d -> byName.computeIfAbsent(ContentPaths.documentFileName(d), k -> new ArrayList<>()).add(d));
        for (List<String> sameName : byName.values()) {
            if (sameName.size() == 1) {
                copies.put(sameName.get(0), sameName);
                continue;
            }
            Map<String, List<String>> byText = new TreeMap<>();
            for (String d : sameName) {
                byText.computeIfAbsent(digest(contentDir, owners.get(d), d), k -> new ArrayList<>()).add(d);
            }
            byText.values().forEach(group -> group.forEach(d -> copies.put(d, List.copyOf(group))));
        }
        for (Map.Entry<String, List<DepartmentYear>> e : years.entrySet()) {
            NavigableSet<Integer> bounds = new TreeSet<>();
            for (String copy : copies.get(e.getKey())) {
                years.get(copy).forEach(dy -> lines(dy, bounds));
            }
            byDocument.put(e.getKey(), new SourcePage.Cited(e.getKey(), owners.get(e.getKey()), List.copyOf(e.getValue()),
                    Collections.unmodifiableNavigableSet(bounds)));
        }
    }

    /** Every cited document, by path. */
    List<SourcePage.Cited> all() {
        return List.copyOf(byDocument.values());
    }

    /**
     * The documents whose pages an edit of {@code department}'s year files can change: its own, and the other copies
     * of those (their passages end where its citations start).
     */
    List<SourcePage.Cited> reachedFrom(DepartmentKey department) {
        Set<String> documents = new TreeSet<>();
        for (SourcePage.Cited c : byDocument.values()) {
            if (c.owner().equals(department)) {
                documents.addAll(copies.get(c.document()));
            }
        }
        return documents.stream().map(byDocument::get).toList();
    }

    /**
     * How the page of {@code document} is cut into parts ({@link SourceParts}); null when no year cites it as its
     * document (it has no page).
     */
    SourceParts parts(String document) {
        SourcePage.Cited cited = byDocument.get(document);
        return cited == null ? null : parts.computeIfAbsent(document, d -> {
            int lineCount = SourcePage.lineCount(contentDir, cited);
            return SourceParts.of(d, lineCount, SourceParts.runs(lineCount, citedLines(cited.years(), lineCount),
                    cited.bounds()));
        });
    }

    /** The lines {@code years} cite within the document's {@code lineCount} lines: where its passages start. */
    static java.util.NavigableSet<Integer> citedLines(List<DepartmentYear> years, int lineCount) {
        TreeSet<Integer> all = new TreeSet<>();
        years.forEach(dy -> lines(dy, all));
        return all.subSet(1, true, lineCount, true);
    }

    /** The documents of this file name, in any department's folder (copies of a document a year cited before an edit). */
    List<SourcePage.Cited> named(String fileName) {
        return byDocument.values().stream()
                .filter(c -> ContentPaths.documentFileName(c.document()).equals(fileName)).toList();
    }

    private static void lines(DepartmentYear dy, Set<Integer> out) {
        for (Section s : dy.sections()) {
            line(s.source(), out);
        }
        for (DataTable t : dy.tables()) {
            line(t.source(), out);
        }
        for (Project p : dy.projects()) {
            line(p.source(), out);
        }
    }

    private static void line(SourceRef ref, Set<Integer> out) {
        if (ref != null && ref.line() >= 1) {
            out.add(ref.line());
        }
    }

    /** The SHA-256 of the document's text, read through the confinement rule. */
    private static String digest(Path contentDir, DepartmentKey owner, String document) {
        try {
            Path file = SafePaths.sourceDocument(contentDir, owner, ContentPaths.textRendering(document));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (SafePaths.Unsafe e) {
            throw new IllegalStateException("document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("来源文件读不出（source document unreadable）: " + document, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
