package gongkai.importer;

import gongkai.importer.document.SourceDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the imported document in {@code content/sources/}, where every year file's {@code document:} points and
 * from where the site publishes it: the original file as it was imported (.docx, .xlsx, .pdf, .txt), and for a
 * file that is not plain text, its text rendering beside it ({@code <name>.txt}), in whose lines the source
 * references count. A different file of the same name already there is refused, never replaced.
 */
public final class SourceStore {
    private SourceStore() {
    }

    /** The files this import adds to content/sources/ (none when they are already there). */
    public static List<Path> store(Path contentDir, Path file) throws IOException, ImportException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        SourceDocument read = SourceText.read(name, bytes);
        Path sources = contentDir.resolve("sources");
        Path original = sources.resolve(name);
        boolean copyOriginal = check(name, original, bytes);
        Path rendering = null;
        byte[] text = null;
        if (read.kind() != SourceDocument.Kind.TEXT) {
            rendering = sources.resolve(name + ".txt");
            text = read.text().getBytes(StandardCharsets.UTF_8);
            if (!check(name, rendering, text)) {
                rendering = null;
            }
        }
        java.util.ArrayList<Path> added = new java.util.ArrayList<>();
        if (copyOriginal) {
            Files.createDirectories(sources);
            Path tmp = Files.createTempFile(sources, "." + name, ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, original);
            } finally {
                Files.deleteIfExists(tmp);
            }
            added.add(original);
        }
        if (rendering != null) {
            ContentWriter.writeAtomically(rendering, new String(text, StandardCharsets.UTF_8));
            added.add(rendering);
        }
        return added;
    }

    /** True when {@code target} is missing; false when it holds these bytes; an error when it holds others. */
    private static boolean check(String document, Path target, byte[] bytes) throws IOException, ImportException {
        if (!Files.exists(target)) {
            return true;
        }
        if (Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        throw new ImportException(new ImportProblem(document, 1, "文件名", "content/sources/ 里已有另一个同名文件 "
                + target.getFileName() + "，内容不同：请把要导入的文件改名（例如加上地区和年度：tianjin-362101-2024.docx）后再导入"));
    }
}
