package gongkai.serve;

import gongkai.pipeline.SiteSwap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the dev server's incremental rebuild brings new files into the folder it serves without a request ever
 * seeing a half-written file or a missing one: everything is first written into a staging folder beside the
 * site ({@code .site-serve-*}, same file system), then
 * <ul>
 * <li>{@link #moveFiles}: each file replaces its served twin with one atomic rename (pages, a year's downloads,
 * sitemaps, feed: files among others in shared folders);</li>
 * <li>{@link #replaceFolders}: a folder the stage owns whole (data/, search/data/) replaces its served twin
 * with two renames, run through the server's {@link Gate} so no request looks a file up in between; stale
 * files of the old folder (a table kind that no longer exists, a shorter index) go with it, as in a full
 * build.</li>
 * </ul>
 */
final class SiteInstall {
    /** Runs renames while no request of the server looks a file up ({@link DevServer#exclusive}). */
    @FunctionalInterface
    interface Gate {
        Gate NONE = ServedSite.FolderAction::run;

        void exclusive(ServedSite.FolderAction renames) throws IOException;
    }

    private SiteInstall() {
    }

    /** A new empty staging folder beside {@code siteDir}. */
    static Path createStaging(Path siteDir) throws IOException {
        Path parent = siteDir.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new IOException("站点目录没有上级目录 (the site folder has no parent folder): " + siteDir);
        }
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, ".site-serve-");
    }

    /** Deletes a staging folder (and the replaced folders moved into it). */
    static void delete(Path staging) throws IOException {
        SiteSwap.deleteTree(staging);
    }

    /**
     * Moves every file under {@code staging} to the same path under {@code siteDir}, replacing what is there,
     * one atomic rename each; HTML pages last, so a page never links to a download that is not there yet.
     * Returns how many files were moved.
     */
    static int moveFiles(Path staging, Path siteDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staging)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
        files.sort(Comparator.comparing((Path f) -> f.getFileName().toString().endsWith(".html"))
                .thenComparing(Comparator.naturalOrder()));
        Set<Path> folders = new HashSet<>();
        for (Path file : files) {
            Path target = siteDir.resolve(staging.relativize(file).toString());
            if (folders.add(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return files.size();
    }

    /**
     * Replaces, under {@code siteDir}, each top-most folder of {@code staging} that directly holds a file by its
     * staged copy (files directly in {@code staging} are moved one by one). The renames run inside
     * {@code gate}; if putting a staged folder in place fails, the served one is put back.
     */
    static void replaceFolders(Path staging, Path siteDir, Gate gate) throws IOException {
        List<Path> folders = new ArrayList<>();
        List<Path> rootFiles = new ArrayList<>();
        try (Stream<Path> entries = Files.list(staging)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    collectFolders(entry, folders);
                } else {
                    rootFiles.add(entry);
                }
            }
        }
        for (Path file : rootFiles) {
            Files.move(file, siteDir.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        }
        List<Path> targets = new ArrayList<>();
        for (Path folder : folders) {
            Path target = siteDir.resolve(staging.relativize(folder).toString());
            Files.createDirectories(target.getParent());
            targets.add(target);
        }
        Path aside = Files.createDirectory(staging.resolve(".replaced"));
        gate.exclusive(() -> {
            for (int i = 0; i < folders.size(); i++) {
                Path target = targets.get(i);
                Path old = aside.resolve(Integer.toString(i));
                boolean existed = Files.exists(target);
                if (existed) {
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                }
                try {
                    Files.move(folders.get(i), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (existed) {
                        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                    throw e;
                }
            }
        });
    }

    private static void collectFolders(Path folder, List<Path> out) throws IOException {
        List<Path> subfolders = new ArrayList<>();
        boolean holdsFile = false;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    subfolders.add(entry);
                } else {
                    holdsFile = true;
                }
            }
        }
        if (holdsFile) {
            out.add(folder);
            return;
        }
        for (Path sub : subfolders) {
            collectFolders(sub, out);
        }
    }
}
