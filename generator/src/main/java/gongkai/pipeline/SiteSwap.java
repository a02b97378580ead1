package gongkai.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Staging directory next to the output, and the final swap: the old site is replaced only after every stage
 * succeeded, by two renames within one parent folder; a failed build deletes its staging directory and leaves
 * the old site as it was.
 */
public final class SiteSwap {
    private SiteSwap() {
    }

    /** Creates {@code .site-build-*} beside {@code outDir} (same file system, so the swap is a rename). */
    public static Path createStaging(Path outDir) throws IOException {
        Path parent = outDir.getParent();
        if (parent == null) {
            throw new IOException("output directory has no parent folder: " + outDir);
        }
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, ".site-build-");
    }

    /** Refuses to replace a folder that is not a generated site (protects e.g. {@code --out .}). */
    public static void checkReplaceable(Path outDir, Path... inputs) throws IOException {
        for (Path input : inputs) {
            if (input.startsWith(outDir)) {
                throw new IOException("output directory " + outDir + " contains the input " + input);
            }
            if (outDir.startsWith(input)) {
                throw new IOException("output directory " + outDir + " is inside the input " + input);
            }
        }
        if (!Files.exists(outDir)) {
            return;
        }
        if (!Files.isDirectory(outDir)) {
            throw new IOException("output path exists and is not a directory: " + outDir);
        }
        boolean empty;
        try (var entries = Files.list(outDir)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.isRegularFile(outDir.resolve("index.html")) && !Files.isRegularFile(outDir.resolve("404.html"))) {
            throw new IOException("output directory " + outDir + " is not empty and does not look like a generated site"
                    + " (no index.html); refusing to replace it");
        }
    }

    /** Replaces {@code outDir} with {@code staging}. */
    public static void replace(Path staging, Path outDir) throws IOException {
        Path old = null;
        if (Files.exists(outDir)) {
            old = Files.createTempDirectory(outDir.getParent(), ".site-old-");
            Files.delete(old);
            move(outDir, old);
        }
        try {
            move(staging, outDir);
        } catch (IOException e) {
            if (old != null) {
                move(old, outDir); // put the previous site back
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Deletes a folder tree. A site has hundreds of thousands of files: they are unlinked in parallel, then the
     * folders deepest first (each depth in parallel: a folder is empty once everything deeper is gone).
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        Map<Integer, List<Path>> foldersByDepth = new TreeMap<>(Comparator.reverseOrder());
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                foldersByDepth.computeIfAbsent(dir.getNameCount(), k -> new ArrayList<>()).add(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        deleteAll(files);
        for (List<Path> folders : foldersByDepth.values()) {
            deleteAll(folders);
        }
    }

    private static void deleteAll(List<Path> paths) throws IOException {
        try {
            paths.parallelStream().forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
