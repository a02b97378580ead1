package gongkai.site;

import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.Retraction;
import gongkai.load.ContentLoader;
import gongkai.pipeline.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reading the content's history in two steps. {@link #read} needs only the repository, so the build starts it
 * beside the load: one first-parent walk, oldest → newest, one tree diff per commit (only the paths a commit
 * changed; unchanged subtrees skipped by object id), then each distinct year-file blob read once and cut into its
 * project items ({@link YearFileCut}). {@link #dates} then takes the figures of each distinct item text once — from
 * the content the build loaded while the work tree still has that text, else by parsing the item alone — and
 * derives each project's versions: added, figures changed old → new, withdrawn.
 *
 * <p>Blobs are read file by file, newest version first, one reader per core: git stores the newest version whole
 * and the older ones as deltas against newer ones, so in that order each delta's base is in the reader's cache
 * (commit by commit, JGit resolved the delta chains again and again: 2,515 versions of the 10k sample read in 5–7 s
 * of CPU on one thread, 1.2–1.4 s newest first).
 */
final class GitScan {
    private static final Pattern YEAR_FILE = Pattern.compile("[^/.][^/]*/[^/.][^/]*/((?:19|20)\\d{2})\\.yaml");
    private static final int SHORT_COMMIT = 10;

    /** A changed file of one commit: its path under the content folder and its new blob (null when deleted). */
    private record Touched(String path, ObjectId blob) {
    }

    private record Step(String date, String commit, String message, List<Touched> files) {
    }

    private final List<Step> steps;
    /** Every year-file version of the history, cut. */
    private final Map<ObjectId, YearFileCut> versions;
    /** The year files whose work-tree bytes are HEAD's: their items' figures are the loaded projects'. */
    private final Map<String, YearFileCut> clean;
    /** The figures of every other part of the versions (items, retracted blocks, whole files), by identity. */
    private final Map<String, Figures> parsed;

    private GitScan(List<Step> steps, Map<ObjectId, YearFileCut> versions, Map<String, YearFileCut> clean,
                    Map<String, Figures> parsed) {
        this.steps = steps;
        this.versions = versions;
        this.clean = clean;
        this.parsed = parsed;
    }

    private static GitScan none() {
        return new GitScan(List.of(), Map.of(), Map.of(), new IdentityHashMap<>());
    }

    /** The history of the files under {@code contentDir}; empty outside a git work tree. */
    static GitScan read(Path contentDir, Consumer<String> log) {
        if (!Files.isDirectory(contentDir)) {
            return none();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(contentDir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return none(); // not in a git work tree (e.g. a fresh copy of the content): no dates, by design
        }
        try (Repository repo = builder.build()) {
            if (repo.isBare() || repo.getWorkTree() == null) {
                return none();
            }
            String prefix = repo.getWorkTree().toPath().toRealPath().relativize(contentDir.toRealPath()).toString()
                    .replace('\\', '/');
            ObjectId headCommit = repo.resolve(Constants.HEAD);
            if (headCommit == null) {
                return none(); // no commit yet
            }
            if (!repo.getObjectDatabase().getShallowCommits().isEmpty()) {
                // a shallow clone (CI's default) has one commit: every file would be dated that commit's day
                log.accept("警告：内容仓库是浅克隆（shallow clone），只有最近的提交，页面的更新日期、sitemap 和订阅的日期会不准。"
                        + "修复：在 CI 里取完整历史（GitHub Actions：actions/checkout 加 fetch-depth: 0；GitLab CI：GIT_DEPTH: 0；"
                        + "其他：git fetch --unshallow）。");
            }
            List<Step> steps = walk(repo, headCommit, prefix);
            Map<String, List<ObjectId>> byFile = new LinkedHashMap<>(); // year file → its versions, oldest first
            Map<String, ObjectId> head = new HashMap<>(); // year file → its blob at HEAD (absent: deleted)
            for (Step s : steps) {
                for (Touched t : s.files()) {
                    if (YEAR_FILE.matcher(t.path()).matches()) {
                        if (t.blob() != null) {
                            byFile.computeIfAbsent(t.path(), k -> new ArrayList<>()).add(t.blob());
                        }
                        head.put(t.path(), t.blob()); // oldest → newest: the last is HEAD's
                    }
                }
            }
            Map<ObjectId, YearFileCut> versions = new ConcurrentHashMap<>();
            Map<String, YearFileCut> clean = new ConcurrentHashMap<>();
            cut(repo, byFile, head, contentDir, versions, clean);
            return new GitScan(steps, versions, clean, parseAllBut(steps, versions, clean));
        } catch (IOException e) {
            log.accept("lastmod: could not read the git history (" + e.getMessage() + "); dates and 修改记录 omitted");
            return none();
        }
    }

    private static List<Step> walk(Repository repo, ObjectId head, String prefix) throws IOException {
        List<Step> steps = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            rw.setFirstParent(true);
            rw.markStart(rw.parseCommit(head));
            List<RevCommit> commits = new ArrayList<>();
            for (RevCommit c : rw) {
                commits.add(c);
            }
            Collections.reverse(commits); // oldest first
            TreeFilter filter = prefix.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(prefix), TreeFilter.ANY_DIFF);
            int cut = prefix.isEmpty() ? 0 : prefix.length() + 1;
            for (RevCommit c : commits) {
                List<Touched> files = new ArrayList<>();
                try (TreeWalk tw = new TreeWalk(repo, reader)) {
                    tw.setRecursive(true);
                    tw.setFilter(filter);
                    if (c.getParentCount() > 0) {
                        tw.addTree(rw.parseCommit(c.getParent(0)).getTree());
                    } else {
                        tw.addTree(new EmptyTreeIterator());
                    }
                    tw.addTree(c.getTree());
                    while (tw.next()) {
                        ObjectId blob = tw.getObjectId(1);
                        files.add(new Touched(tw.getPathString().substring(cut),
                                blob.equals(ObjectId.zeroId()) ? null : blob));
                    }
                }
                if (!files.isEmpty()) {
                    steps.add(new Step(date(c.getCommitterIdent()), c.name().substring(0, SHORT_COMMIT),
                            c.getShortMessage(), List.copyOf(files)));
                }
            }
        }
        return steps;
    }

    /**
     * Each distinct version of each year file, read newest first per file (see the class comment) and cut, into
     * {@code versions}; a file whose HEAD version has the work tree's bytes also into {@code clean}.
     */
    private static void cut(Repository repo, Map<String, List<ObjectId>> byFile, Map<String, ObjectId> head,
                            Path contentDir, Map<ObjectId, YearFileCut> versions, Map<String, YearFileCut> clean)
            throws IOException {
        ConcurrentLinkedQueue<String> files = new ConcurrentLinkedQueue<>(byFile.keySet());
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byFile.size()));
        List<Workers.Task> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> {
                // a reader per thread (not thread-safe), and with it its own cache of delta bases
                byte[] buffer = new byte[1 << 16];
                try (ObjectReader reader = repo.newObjectReader()) {
                    for (String path = files.poll(); path != null; path = files.poll()) {
                        List<ObjectId> file = byFile.get(path);
                        YearFileCut.Read newer = null;
                        for (int v = file.size() - 1; v >= 0; v--) {
                            ObjectId blob = file.get(v);
                            if (newer != null && blob.equals(file.get(v + 1))) {
                                continue;
                            }
                            // the loader's own array, not a copy: it is only read (the versions are 190 MB of
                            // garbage at 2,000 commits, and every young collection it causes also scans the model)
                            newer = YearFileCut.of(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(), newer);
                            versions.putIfAbsent(blob, newer.cut());
                            if (v == file.size() - 1 && blob.equals(head.get(path))
                                    && sameInWorkTree(contentDir.resolve(path), newer.lines().bytes(), buffer)) {
                                clean.put(path, newer.cut());
                            }
                        }
                    }
                }
            });
        }
        Workers.runAll("gongkai-history", tasks);
    }

    /**
     * Whether the work tree's file has these bytes (what the load reads, unless it is edited meanwhile), read a
     * buffer at a time.
     */
    private static boolean sameInWorkTree(Path file, byte[] committed, byte[] buffer) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != committed.length) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            int at = 0;
            for (int n = in.readNBytes(buffer, 0, buffer.length); n > 0; n = in.readNBytes(buffer, 0, buffer.length)) {
                if (at + n > committed.length || !Arrays.equals(buffer, 0, n, committed, at, at + n)) {
                    return false;
                }
                at += n;
            }
            return at == committed.length;
        }
    }

    /** The committer's own calendar day (what {@code git log --format=%cs} prints). */
    private static String date(PersonIdent who) {
        return LocalDate.ofInstant(who.getWhenAsInstant(), who.getZoneId()).toString();
    }

    // ---------------------------------------------------------------- figures and changes

    /** What one version holds: each project's figures by id (file order), and the ids it lists as retracted. */
    private record Figures(Map<String, Map<String, String>> projects, Set<String> retracted) {
        static final Figures EMPTY = new Figures(Map.of(), Set.of());
    }

    /** A part of a version to parse: its bytes, its year file (for the parse's messages), a project item? */
    private record Part(String text, String path, boolean item) {
        Figures parse() {
            return GitScan.parse(path, item ? "projects:\n" + YearFileCut.utf8(text) : YearFileCut.utf8(text));
        }
    }

    /**
     * The figures of the versions' parts, except the items of the clean files (the loaded content has those), by
     * identity: a version shares the texts of the items it did not change with the next (YearFileCut), so looking
     * them up by identity spares comparing every version's text (hundreds of MB). Each distinct text is parsed once,
     * in parallel.
     */
    private static Map<String, Figures> parseAllBut(List<Step> steps, Map<ObjectId, YearFileCut> versions,
                                                    Map<String, YearFileCut> clean) {
        Map<String, Boolean> fromLoad = new IdentityHashMap<>();
        clean.values().forEach(v -> {
            if (v.items() != null) {
                v.items().forEach(item -> fromLoad.put(item, true));
            }
        });
        List<Part> parts = new ArrayList<>();
        Map<String, Boolean> seen = new IdentityHashMap<>();
        for (Step s : steps) {
            for (Touched t : s.files()) {
                YearFileCut v = version(versions, t);
                if (v == null) {
                    continue;
                }
                if (v.items() == null) {
                    parts.add(new Part(v.whole(), t.path(), false));
                    continue;
                }
                for (String item : v.items()) {
                    if (!fromLoad.containsKey(item) && seen.put(item, true) == null) {
                        parts.add(new Part(item, t.path(), true));
                    }
                }
                if (v.retracted() != null && seen.put(v.retracted(), true) == null) {
                    parts.add(new Part(v.retracted(), t.path(), false));
                }
            }
        }
        return parse(parts);
    }

    /** Each part's figures by identity, each distinct text parsed once (in parallel: they are independent). */
    private static Map<String, Figures> parse(List<Part> parts) {
        Map<String, Part> distinct = new LinkedHashMap<>();
        parts.forEach(p -> distinct.putIfAbsent(p.text(), p));
        Map<String, Figures> byText = new ConcurrentHashMap<>();
        distinct.values().parallelStream().forEach(p -> byText.put(p.text(), p.parse()));
        Map<String, Figures> out = new IdentityHashMap<>();
        parts.forEach(p -> out.put(p.text(), byText.get(p.text())));
        return out;
    }

    /**
     * The dates and each project's versions; the figures of the clean files' items are {@code loaded}'s projects
     * (the content the build loaded from the work tree; null: they are parsed too).
     */
    GitDates dates(Content loaded) {
        Map<String, Figures> known = new IdentityHashMap<>(parsed);
        if (loaded != null) {
            for (DepartmentYear dy : loaded.departmentYears()) {
                YearFileCut v = clean.get(ContentPaths.departmentYear(dy));
                if (v == null || v.items() == null || v.items().size() != dy.projects().size()) {
                    continue;
                }
                for (int i = 0; i < v.items().size(); i++) {
                    Project p = dy.projects().get(i);
                    String item = v.items().get(i);
                    if (p != null && p.id() != null && item.startsWith("  - id: " + p.id() + "\n")) {
                        known.put(item, new Figures(Map.of(p.id(), figures(p)), Set.of()));
                    }
                }
            }
        }
        // a clean file's items the load did not give (a project it could not read, or no content loaded)
        List<Part> rest = new ArrayList<>();
        clean.forEach((path, v) -> {
            if (v.items() != null) {
                v.items().stream().filter(item -> !known.containsKey(item))
                        .forEach(item -> rest.add(new Part(item, path, true)));
            }
        });
        known.putAll(parse(rest));
        return changes(known);
    }

    /** A year-file version of a commit, or null (deleted, or not a year file). */
    private static YearFileCut version(Map<ObjectId, YearFileCut> versions, Touched t) {
        return t.blob() == null || !YEAR_FILE.matcher(t.path()).matches() ? null : versions.get(t.blob());
    }

    /** The figures of a year file's text (a whole version, or one of its parts alone: an item, the retracted block). */
    private static Figures parse(String path, String text) {
        Matcher m = YEAR_FILE.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a year file: " + path); // version() passes only year files
        }
        String[] parts = path.split("/");
        DepartmentYear dy = ContentLoader.parseYear(text, path, parts[0], parts[1], Integer.parseInt(m.group(1)));
        if (dy == null) {
            return Figures.EMPTY;
        }
        Map<String, Map<String, String>> projects = new LinkedHashMap<>();
        for (Project p : dy.projects()) {
            if (p != null && p.id() != null) {
                projects.putIfAbsent(p.id(), figures(p));
            }
        }
        Set<String> retracted = new LinkedHashSet<>();
        for (Retraction r : dy.retracted()) {
            retracted.add(r.id());
        }
        return new Figures(projects, retracted);
    }

    /** A version's figures: its items' in file order (the first of an id counts) and its retracted ids. */
    private static Figures of(YearFileCut v, Map<String, Figures> parsed) {
        if (v.items() == null) {
            return parsed.get(v.whole());
        }
        Map<String, Map<String, String>> projects = new LinkedHashMap<>();
        for (String item : v.items()) {
            parsed.get(item).projects().forEach(projects::putIfAbsent);
        }
        return new Figures(projects, v.retracted() == null ? Set.of() : parsed.get(v.retracted()).retracted());
    }

    private GitDates changes(Map<String, Figures> parsed) {
        Map<String, String> dates = new HashMap<>();
        Map<String, List<GitDates.Change>> byProject = new HashMap<>();
        Map<String, List<GitDates.Change>> byFile = new HashMap<>();
        Map<String, Figures> current = new HashMap<>(); // year file → its last version
        Map<ObjectId, Figures> figuresOf = new HashMap<>();
        for (Step s : steps) {
            for (Touched t : s.files()) {
                dates.put(t.path(), s.date()); // oldest → newest: the last put is the last commit
                YearFileCut v = version(versions, t);
                if (v == null) {
                    continue;
                }
                Figures before = current.get(t.path());
                Figures after = figuresOf.computeIfAbsent(t.blob(), b -> of(v, parsed));
                List<GitDates.Change> made = new ArrayList<>();
                for (Map.Entry<String, Map<String, String>> p : after.projects().entrySet()) {
                    Map<String, String> old = before == null ? null : before.projects().get(p.getKey());
                    if (old == null) {
                        made.add(new GitDates.Change(p.getKey(), t.path(), s.date(), s.commit(), s.message(),
                                GitDates.Kind.ADDED, before == null, List.of()));
                    } else {
                        List<GitDates.FigureChange> figures = diff(old, p.getValue());
                        if (!figures.isEmpty()) {
                            made.add(new GitDates.Change(p.getKey(), t.path(), s.date(), s.commit(), s.message(),
                                    GitDates.Kind.CHANGED, false, figures));
                        }
                    }
                }
                // withdrawn: newly listed under retracted: and no longer a project of the file
                for (String id : after.retracted()) {
                    if (!after.projects().containsKey(id) && (before == null || !before.retracted().contains(id)
                            || before.projects().containsKey(id))) {
                        made.add(new GitDates.Change(id, t.path(), s.date(), s.commit(), s.message(),
                                GitDates.Kind.RETRACTED, before == null, List.of()));
                    }
                }
                for (GitDates.Change c : made) {
                    byProject.computeIfAbsent(c.projectId(), k -> new ArrayList<>()).add(c);
                    byFile.computeIfAbsent(t.path(), k -> new ArrayList<>()).add(c);
                }
                current.put(t.path(), after);
            }
        }
        byProject.replaceAll((k, list) -> List.copyOf(list));
        byFile.replaceAll((k, list) -> List.copyOf(list));
        return new GitDates(dates, byProject, byFile);
    }

    private static List<GitDates.FigureChange> diff(Map<String, String> old, Map<String, String> now) {
        if (old == now) {
            return List.of(); // the same item in both versions (most of them): its one parse, the same figures
        }
        List<GitDates.FigureChange> out = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!java.util.Objects.equals(old.get(e.getKey()), e.getValue())) {
                out.add(new GitDates.FigureChange(e.getKey(), old.get(e.getKey()), e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.add(new GitDates.FigureChange(e.getKey(), e.getValue(), null));
            }
        }
        return out;
    }

    /** The figures a reader follows, in a fixed order: 名称, budget, each indicator target. */
    private static Map<String, String> figures(Project p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("项目名称", p.name());
        if (p.budget() != null) {
            put(f, "预算数", p.budget().total(), p.budget());
            put(f, "财政资金", p.budget().fiscal(), p.budget());
            put(f, "其他资金", p.budget().other(), p.budget());
        }
        for (gongkai.content.Indicator i : p.indicators()) {
            // the same three-level name twice keeps both (the second gets a number)
            String key = "指标值（" + i.level1() + " / " + i.level2() + " / " + i.level3() + "）";
            String k = key;
            for (int n = 2; f.containsKey(k); n++) {
                k = key + " " + n;
            }
            f.put(k, i.target());
        }
        return f;
    }

    private static void put(Map<String, String> f, String field, gongkai.content.Amount a,
                            gongkai.content.Budget b) {
        if (a != null) {
            f.put(field, a.value().toPlainString() + " " + (b.unit() == null ? a.unit().label() : b.unit().label()));
        }
    }
}
