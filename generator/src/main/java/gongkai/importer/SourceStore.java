package gongkai.importer;

import gongkai.content.ContentPaths;
import gongkai.content.DepartmentKey;
import gongkai.content.DepartmentYear;
import gongkai.content.Text;
import gongkai.importer.document.SourceDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the imported document in each cited department's own folder {@code content/sources/<region>/<code>/},
 * where its year file's {@code document:} points and from where the site publishes it: the original file as it
 * was imported (.docx, .xlsx, .pdf, .txt), and for a file that is not plain text, its text rendering beside it
 * ({@code <name>.txt}), in whose lines the source references count. A document naming several departments is
 * kept once per department, so every department's folder holds everything its pages cite. A different file of
 * the same name already there is refused, never replaced.
 */
public final class SourceStore {
    private SourceStore() {
    }

    /** One file to put into a department's source folder. */
    private record Copy(Path target, byte[] bytes) {
    }

    /**
     * What an import adds to content/sources/, decided before anything is written: per department, the files
     * that are not there yet (none when they already are, byte for byte).
     */
    public static final class Plan {
        private final Map<DepartmentKey, List<Copy>> copies;

        private Plan(Map<DepartmentKey, List<Copy>> copies) {
            this.copies = copies;
        }

        /** Every file the plan would add, in order. */
        public List<Path> targets() {
            return copies.values().stream().flatMap(List::stream).map(Copy::target).toList();
        }

        /** Writes the department's files (each through a temporary file and a move); returns them. */
        public List<Path> write(DepartmentKey department) throws IOException {
            List<Path> written = new ArrayList<>();
            for (Copy c : copies.getOrDefault(department, List.of())) {
                ContentWriter.writeAtomically(c.target(), c.bytes());
                written.add(c.target());
            }
            return written;
        }
    }

    /**
     * Plans the copies of the document {@code fileName} (read as {@code read} from {@code bytes}) for every
     * department-year of {@code doc}.
     *
     * @throws ImportException when a department's folder already holds a different file of that name
     */
    public static Plan plan(Path contentDir, String fileName, byte[] bytes, SourceDocument read, ImportedDocument doc)
            throws IOException, ImportException {
        byte[] text = read.kind() == SourceDocument.Kind.TEXT ? null : read.text().getBytes(StandardCharsets.UTF_8);
        Map<DepartmentKey, List<Copy>> copies = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (DepartmentYear dy : doc.departmentYears()) {
            DepartmentKey key = dy.departmentKey();
            if (copies.containsKey(key)) {
                continue;
            }
            Path folder = contentDir.resolve(ContentPaths.SOURCES_DIR).resolve(ContentPaths.sourceDir(key));
            List<Copy> needed = new ArrayList<>();
            needed(fileName, folder.resolve(fileName), bytes, needed, problems);
            if (text != null) {
                needed(fileName, folder.resolve(ContentPaths.textRendering(fileName)), text, needed, problems);
            }
            copies.put(key, needed);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return new Plan(copies);
    }

    /** Adds a copy when {@code target} is missing; nothing when it holds these bytes; a problem when it holds others. */
    private static void needed(String document, Path target, byte[] bytes, List<Copy> needed, List<ImportProblem> problems)
            throws IOException {
        if (!Files.exists(target)) {
            needed.add(new Copy(target, bytes));
        } else if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
            problems.add(new ImportProblem(document, 1, "文件名", Text.of(target + " 已有另一个同名文件，内容不同："
                    + "请把要导入的文件改名（例如加上年度和版本：2024-2.docx）后再导入", target + " already exists with other "
                    + "content: rename the file to import (e.g. add the year and a version: 2024-2.docx) and import it again")));
        }
    }
}
