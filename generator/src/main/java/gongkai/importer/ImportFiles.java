package gongkai.importer;

import gongkai.content.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The documents an import is given: each named file, and for a named folder every importable file in it and its
 * sub-folders, in the order of their paths (so the same folder always imports, and reports, the same way). What a
 * folder holds that is not to be imported is listed with the reason: other file types, Word's lock files
 * ({@code ~$…}), the text rendering the import itself keeps beside a Word/Excel/PDF file ({@code 2024.docx.txt}),
 * and a second copy of a document already listed (the same name and bytes, as a document covering several
 * departments lies in each of their source folders). Hidden files and folders ({@code .git}) are passed over.
 */
public final class ImportFiles {
    /** The file types the importer reads (as {@code importer.document.SourceDocument} does). */
    public static final List<String> EXTENSIONS = List.of("docx", "doc", "xlsx", "xls", "pdf", "txt");

    private ImportFiles() {
    }

    /**
     * One file: to import ({@code skipped} null) or passed over with the reason.
     *
     * @param label how reports name it: the file name of a named file, the folder as given and the path in it
     *              otherwise (two sub-folders may hold files of the same name)
     */
    public record Entry(Path file, String label, Text skipped) {
    }

    public static List<Entry> expand(List<Path> arguments) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                entries.addAll(folder(argument));
            } else {
                entries.add(new Entry(argument, String.valueOf(argument.getFileName()), null));
            }
        }
        return entries;
    }

    private static List<Entry> folder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            // '/'-separated relative paths compared as text: the same order on every machine
            files = walk.filter(p -> !p.equals(folder) && !hidden(folder, p) && Files.isRegularFile(p))
                    .sorted((a, b) -> relative(folder, a).compareTo(relative(folder, b))).toList();
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, List<Path>> byName = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String label = folder.resolve(relative(folder, file)).toString();
            String extension = extension(name);
            Text skipped = null;
            if (name.startsWith("~$")) {
                skipped = Text.of("Word 或 Excel 打开文件时生成的临时文件", "a temporary file Word or Excel makes while a file is open");
            } else if (!EXTENSIONS.contains(extension)) {
                skipped = Text.of("不是可导入的文件类型（可导入 ." + String.join(" .", EXTENSIONS) + "）",
                        "not a file type that imports (these do: ." + String.join(" .", EXTENSIONS) + ")");
            } else if (extension.equals("txt") && isRenderingOf(file)) {
                String original = name.substring(0, name.length() - 4);
                skipped = Text.of("是 " + original + " 的文字版（导入时生成），原文件已导入",
                        "the text rendering of " + original + " (made by an import); the original file is imported");
            } else {
                for (Path earlier : byName.getOrDefault(name, List.of())) {
                    if (Arrays.equals(Files.readAllBytes(earlier), Files.readAllBytes(file))) {
                        Path same = folder.resolve(relative(folder, earlier));
                        skipped = Text.of("与 " + same + " 内容相同，只导入一次", "the same as " + same + ", imported once");
                        break;
                    }
                }
            }
            if (skipped == null) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(file);
            }
            entries.add(new Entry(file, label, skipped));
        }
        return entries;
    }

    /** {@code 2024.docx.txt} beside {@code 2024.docx}: the rendering an import keeps, not a document of its own. */
    private static boolean isRenderingOf(Path txt) {
        String name = txt.getFileName().toString();
        String original = name.substring(0, name.length() - ".txt".length());
        String extension = extension(original);
        return !extension.equals("txt") && EXTENSIONS.contains(extension) && Files.isRegularFile(txt.resolveSibling(original));
    }

    private static boolean hidden(Path folder, Path p) {
        for (Path part : folder.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path folder, Path p) {
        return folder.relativize(p).toString().replace('\\', '/');
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
