package gongkai.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One build's folder beside the output, and the swap that publishes it. For {@code --out P/site} the build writes
 * into {@code P/.site-build-<pid>-<n>/}: the site into {@code site/}, and each folder published beside the site
 * (the search index: {@code site.index/}) under its final name. Only the write stage, after every other stage
 * succeeded, moves them to {@code P/}; otherwise the build folder is deleted, so a failed build changes nothing.
 *
 * <p>The swap, each step a rename within {@code P}'s file system:
 * <ol>
 * <li>write {@code swap} into the build folder (the names to publish; written to a temporary name and renamed,
 * so it is whole or absent): from here on the build is complete and a later build finishes the swap;</li>
 * <li>move the published folders into {@code old/}: the site first, then the index;</li>
 * <li>move the new ones in: the index first, the site last;</li>
 * <li>delete the build folder (the old site with it).</li>
 * </ol>
 * A crash (kill -9, power loss aside: nothing is fsynced) can stop it between any two renames. Whatever the step,
 * while {@code site/} exists its {@code site.index/} is the one built with it (or absent): the site leaves first
 * and comes back last, so every mixed state has no site at all. The next build repairs it before doing anything
 * else: a build folder whose owner is not running (its process id is in the name; the pid can only make a folder
 * look alive for longer, never a live one dead) is claimed by renaming it to the new build's pid, so two builds
 * never repair the same one; with {@code swap} the swap is rolled forward (a name still in the build folder was
 * not published yet: its published namesake, if any, is the old one and moves to {@code old/}, then the new one
 * moves in), without it the folder is a build that never finished, and is deleted. Folders of this process are
 * left alone (they may be live builds of this JVM), as are other outputs' folders ({@code .<out>-build-*} is
 * named after its output).
 */
public final class SiteSwap implements AutoCloseable {
    private static final String MARKER = "swap";
    private static final String OLD = "old";

    private final Path outDir;
    private final Path buildDir;
    private final Consumer<String> log;
    /** Suffixes of the folders published beside the site, e.g. ".index"; sorted, so the marker is deterministic. */
    private final TreeSet<String> besides = new TreeSet<>();
    private boolean published;
    /** Set when a failed swap could not be undone: the build folder is kept for the next build to finish. */
    private boolean keptForRepair;

    private SiteSwap(Path outDir, Path buildDir, Consumer<String> log) {
        this.outDir = outDir;
        this.buildDir = buildDir;
        this.log = log;
    }

    /**
     * Repairs what interrupted builds of {@code outDir} left, then creates this build's folder and its empty
     * {@code site/} staging folder.
     */
    public static SiteSwap begin(Path outDir, Consumer<String> log) throws IOException {
        long self = ProcessHandle.current().pid();
        return begin(outDir, log, self, pid -> pid == self || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** {@link #begin(Path, Consumer)} with the process id and liveness test given (tests simulate dead builds). */
    static SiteSwap begin(Path outDir, Consumer<String> log, long selfPid, LongPredicate running) throws IOException {
        Path out = outDir.toAbsolutePath().normalize();
        Path parent = out.getParent();
        if (parent == null) {
            throw new IOException("output directory has no parent folder: " + out);
        }
        Files.createDirectories(parent);
        repair(out, selfPid, running, log);
        Path buildDir = Files.createTempDirectory(parent, prefix(out) + selfPid + "-");
        Files.createDirectory(buildDir.resolve(out.getFileName().toString()));
        return new SiteSwap(out, buildDir, log);
    }

    /** {@code .site-build-} for {@code site}. */
    private static String prefix(Path out) {
        return "." + out.getFileName() + "-build-";
    }

    /** The folder this build writes; the site once published. */
    public Path buildDir() {
        return buildDir;
    }

    /** Where the site is staged. */
    public Path siteDir() {
        return buildDir.resolve(outDir.getFileName().toString());
    }

    /** The published folder {@code <out><suffix>} beside the site. */
    public static Path besideOutput(Path outDir, String suffix) {
        checkSuffix(suffix);
        return outDir.resolveSibling(outDir.getFileName() + suffix);
    }

    /** The staging folder for {@code <out><suffix>} (created), published with the site. */
    public synchronized Path stageBeside(String suffix) throws IOException {
        checkSuffix(suffix);
        if (published) {
            throw new IllegalStateException("already published");
        }
        Path dir = buildDir.resolve(outDir.getFileName() + suffix);
        Files.createDirectories(dir);
        besides.add(suffix);
        return dir;
    }

    private static void checkSuffix(String suffix) {
        if (!suffix.matches("\\.[a-z]+")) {
            throw new IllegalArgumentException("suffix must be '.' and lower-case letters: " + suffix);
        }
    }

    /** The names to publish, in the order they move in: the folders beside the site, then the site. */
    synchronized List<String> names() {
        List<String> names = new ArrayList<>();
        for (String suffix : besides) {
            names.add(outDir.getFileName() + suffix);
        }
        names.add(outDir.getFileName().toString());
        return names;
    }

    /** Step 1 of the swap: the marker that makes a later build finish it (and the folder the old site goes to). */
    void writeMarker() throws IOException {
        Files.createDirectories(buildDir.resolve(OLD));
        Path tmp = buildDir.resolve(MARKER + ".tmp");
        Files.writeString(tmp, String.join("\n", names()) + "\n", StandardCharsets.UTF_8);
        move(tmp, buildDir.resolve(MARKER));
    }

    /** One rename of the swap. */
    record Move(Path from, Path to) {
        void run() throws IOException {
            move(from, to);
        }
    }

    /** Steps 2 and 3 of the swap: the renames, in order (for the published folders that exist now). */
    List<Move> moves() {
        List<String> names = names();
        Path parent = outDir.getParent();
        List<Move> moves = new ArrayList<>();
        for (String name : reversed(names)) {
            if (Files.exists(parent.resolve(name))) {
                moves.add(new Move(parent.resolve(name), buildDir.resolve(OLD).resolve(name)));
            }
        }
        for (String name : names) {
            moves.add(new Move(buildDir.resolve(name), parent.resolve(name)));
        }
        return moves;
    }

    /** Publishes the site and the folders beside it (the write stage). */
    public synchronized void publish() throws IOException {
        writeMarker();
        List<Move> done = new ArrayList<>();
        try {
            for (Move m : moves()) {
                m.run();
                done.add(m);
            }
        } catch (IOException e) {
            undo(done, e);
            throw e;
        }
        published = true;
        try {
            Files.delete(buildDir.resolve(MARKER)); // nothing to finish any more
            deleteTree(buildDir);
        } catch (IOException e) {
            // The new site is published; what is left is the old one, which the next build removes.
            log.accept("build: could not delete the previous site in " + buildDir + ": " + e.getMessage());
        }
    }

    /** Puts the previous site back after a failed rename; if that fails too, the next build finishes the swap. */
    private void undo(List<Move> done, IOException cause) {
        try {
            for (Move m : reversed(done)) {
                move(m.to(), m.from());
            }
            Files.delete(buildDir.resolve(MARKER));
        } catch (IOException e) {
            cause.addSuppressed(e);
            keptForRepair = true;
            log.accept("build: the swap failed half-way and could not be undone; the next build finishes it from " + buildDir);
        }
    }

    /** Deletes the build folder unless it was published or must be kept to finish a failed swap. */
    @Override
    public synchronized void close() throws IOException {
        if (!published && !keptForRepair) {
            deleteTree(buildDir);
        }
    }

    private static final Pattern OWNED = Pattern.compile("(\\d{1,18})-(\\d+)");

    /** Finishes or deletes the build folders of {@code out} whose builds are no longer running. */
    private static void repair(Path out, long selfPid, LongPredicate running, Consumer<String> log) throws IOException {
        Path parent = out.getParent();
        String prefix = prefix(out);
        List<Path> candidates = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(parent, entry -> entry.getFileName().toString().startsWith(prefix))) {
            entries.forEach(candidates::add);
        }
        candidates.sort(Comparator.naturalOrder());
        for (Path folder : candidates) {
            String rest = folder.getFileName().toString().substring(prefix.length());
            Matcher owned = OWNED.matcher(rest);
            String serial;
            if (owned.matches()) {
                if (running.test(Long.parseLong(owned.group(1)))) {
                    continue;
                }
                serial = owned.group(2);
            } else if (rest.matches("\\d+")) {
                serial = rest; // made by a build before process ids were in the name
            } else {
                continue; // not a build folder
            }
            if (!Files.isDirectory(folder)) {
                continue;
            }
            Path claimed = parent.resolve(prefix + selfPid + "-" + serial);
            try {
                Files.move(folder, claimed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException takenByAnotherBuild) {
                continue;
            }
            Path marker = claimed.resolve(MARKER);
            if (Files.isRegularFile(marker)) {
                List<String> names = Files.readAllLines(marker, StandardCharsets.UTF_8).stream()
                        .filter(n -> !n.isEmpty()).toList();
                rollForward(claimed, parent, names);
                log.accept("build: finished the swap of a build that was stopped during it (" + folder.getFileName() + ")");
            } else {
                log.accept("build: removed the folder of a build that was stopped (" + folder.getFileName() + ")");
            }
            deleteTree(claimed);
        }
    }

    private static void rollForward(Path buildDir, Path parent, List<String> names) throws IOException {
        Files.createDirectories(buildDir.resolve(OLD));
        for (String name : reversed(names)) {
            Path published = parent.resolve(checkName(name));
            if (Files.exists(buildDir.resolve(name)) && Files.exists(published)) {
                move(published, buildDir.resolve(OLD).resolve(name)); // not yet moved out: it is the old one
            }
        }
        for (String name : names) {
            if (Files.exists(buildDir.resolve(name))) {
                move(buildDir.resolve(name), parent.resolve(name));
            }
        }
    }

    private static String checkName(String name) throws IOException {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\") || name.equals(OLD)) {
            throw new IOException("unexpected name in a build's swap file: " + name);
        }
        return name;
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
            throw new gongkai.content.TextIOException(gongkai.content.Text.of(
                    "输出位置 " + outDir + " 已有同名文件，不是文件夹：请换一个 --out",
                    "the output " + outDir + " is a file, not a folder: give another --out"));
        }
        boolean empty;
        try (var entries = Files.list(outDir)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.isRegularFile(outDir.resolve("index.html")) && !Files.isRegularFile(outDir.resolve("404.html"))) {
            throw new gongkai.content.TextIOException(gongkai.content.Text.of(
                    "输出文件夹 " + outDir + " 不是空的，也不像生成的网站（没有 index.html）：为免删掉别的文件，"
                    + "不会替换它；请换一个 --out 或先清空它", "the output folder " + outDir + " is not empty and does not "
                    + "look like a built site (no index.html): it is not replaced, so that no other file is deleted; give "
                    + "another --out or empty it first"));
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
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
