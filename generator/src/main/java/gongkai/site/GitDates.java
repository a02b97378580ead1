package gongkai.site;

import gongkai.content.Content;
import gongkai.content.ContentPaths;
import gongkai.content.DepartmentYear;
import gongkai.content.Indicator;
import gongkai.content.Project;
import gongkai.load.ContentLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
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
 * The content's history from git, read with JGit: the last-commit date of each content file (sitemap lastmod,
 * feed, "最后更新") and, per project, the list of versions with each changed figure old → new (修改记录). Dates are
 * commit dates, never the wall clock. Files never committed, or content outside a git work tree, have no date
 * and no history.
 *
 * <p>The walk is first-parent, oldest → newest, one tree diff per commit (unchanged subtrees are skipped by
 * object id), and each year-file version is parsed once per blob id: linear in commits × changed files.
 */
public final class GitDates {
    private static final Pattern YEAR_FILE = Pattern.compile("[^/.][^/]*/[^/.][^/]*/((?:19|20)\\d{2})\\.yaml");
    private static final int SHORT_COMMIT = 10;

    /** One figure of a project that changed between two versions; {@code before}/{@code after} null when absent. */
    public record FigureChange(String field, String before, String after) {
    }

    /**
     * One version of a project: the commit that made it.
     *
     * @param first   the project's first published version (no figures changed)
     * @param withFile whether the first version came with its year file (a whole year published at once)
     */
    public record Change(String projectId, String yearFile, String date, String commit, String message,
                         boolean first, boolean withFile, List<FigureChange> figures) {
        public Change {
            figures = List.copyOf(figures);
        }
    }

    private final Map<String, String> dateByPath;
    private final Map<String, List<Change>> historyByProject;
    private final Map<String, List<Change>> changesByYearFile;

    /** Latest date under each folder prefix ("", "tianjin/", "tianjin/362303/"), computed once. */
    private final Map<String, String> latestByFolder = new HashMap<>();

    private GitDates(Map<String, String> dateByPath, Map<String, List<Change>> historyByProject,
                     Map<String, List<Change>> changesByYearFile) {
        this.dateByPath = Map.copyOf(dateByPath);
        this.historyByProject = Map.copyOf(historyByProject);
        this.changesByYearFile = Map.copyOf(changesByYearFile);
        for (Map.Entry<String, String> e : this.dateByPath.entrySet()) {
            String path = e.getKey();
            latestByFolder.merge("", e.getValue(), GitDates::max);
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                latestByFolder.merge(path.substring(0, slash + 1), e.getValue(), GitDates::max);
            }
        }
    }

    public static GitDates none() {
        return new GitDates(Map.of(), Map.of(), Map.of());
    }

    /** @return dates keyed by path relative to {@code contentDir} with "/" separators */
    public static GitDates read(Path contentDir, Consumer<String> log) throws InterruptedException {
        return read(contentDir, null, log);
    }

    /**
     * As {@link #read(Path, Consumer)}; {@code loaded} (the content the build loaded, or null) spares parsing the
     * project items whose text is still the same in the work tree.
     */
    public static GitDates read(Path contentDir, Content loaded, Consumer<String> log) throws InterruptedException {
        if (!Files.isDirectory(contentDir)) {
            return none();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(contentDir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return none(); // not in a git work tree (e.g. a fresh copy of the content): no dates, by design
        }
        try (Repository repo = builder.build()) {
            if (repo.isBare() || repo.getWorkTree() == null) {
                return none();
            }
            String prefix = repo.getWorkTree().toPath().toRealPath().relativize(contentDir.toRealPath()).toString()
                    .replace('\\', '/');
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return none(); // no commit yet
            }
            if (!repo.getObjectDatabase().getShallowCommits().isEmpty()) {
                // a shallow clone (CI's default) has one commit: every file would be dated that commit's day
                log.accept("警告：内容仓库是浅克隆（shallow clone），只有最近的提交，页面的更新日期、sitemap 和订阅的日期会不准。"
                        + "修复：在 CI 里取完整历史（GitHub Actions：actions/checkout 加 fetch-depth: 0；GitLab CI：GIT_DEPTH: 0；"
                        + "其他：git fetch --unshallow）。");
            }
            return walk(repo, head, prefix, seed(contentDir, loaded));
        } catch (IOException e) {
            log.accept("lastmod: could not read the git history (" + e.getMessage() + "); dates and 修改记录 omitted");
            return none();
        }
    }

    /** A changed file of one commit: its path under the content folder and its new blob (null when deleted). */
    private record Touched(String path, ObjectId blob) {
    }

    private record Step(String date, String commit, String message, List<Touched> files) {
    }

    private static GitDates walk(Repository repo, ObjectId head, String prefix,
                                 Map<String, Map<String, Map<String, String>>> seed) throws IOException {
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
                            c.getShortMessage(), files));
                }
            }
            Map<ObjectId, Map<String, Map<String, String>>> parsed = parseBlobs(repo, steps, seed);
            return changes(steps, parsed);
        }
    }

    /**
     * A year file's text cut at its project items, as ContentWriter lays it out: everything up to and including
     * the {@code projects:} line, then one string per item (from its "  - " line to the next). An item's figures
     * depend only on its own text, so each distinct item text is parsed once in the whole history — a commit that
     * edits one figure costs one item's parse, not the file's.
     */
    private record Items(String header, List<String> items) {
    }

    private static final Pattern TOP_LEVEL_LINE = Pattern.compile("\n[^ \n#]");

    /** Null when the text is not laid out that way (then the whole file is parsed). */
    static Items items(String text) {
        int at = text.startsWith("projects:\n") ? 0 : text.indexOf("\nprojects:\n");
        if (at < 0) {
            return null;
        }
        int start = at == 0 ? "projects:\n".length() : at + "\nprojects:\n".length();
        if (!text.startsWith("  - ", start)) {
            return null;
        }
        Matcher end = TOP_LEVEL_LINE.matcher(text);
        int stop = end.find(start - 1) ? end.start() + 1 : text.length();
        List<String> items = new ArrayList<>();
        int i = start;
        while (i < stop) {
            int next = text.indexOf("\n  - ", i);
            int to = next < 0 || next + 1 >= stop ? stop : next + 1;
            items.add(text.substring(i, to));
            i = to;
        }
        return new Items(text.substring(0, start), items);
    }

    /** Figures of the work tree's items, taken from the loaded content (same text → same figures, no parse). */
    private static Map<String, Map<String, Map<String, String>>> seed(Path contentDir, Content loaded)
            throws IOException {
        Map<String, Map<String, Map<String, String>>> seed = new HashMap<>();
        if (loaded == null) {
            return seed;
        }
        for (DepartmentYear dy : loaded.departmentYears()) {
            Path file = contentDir.resolve(ContentPaths.departmentYear(dy));
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Items items = items(Files.readString(file, StandardCharsets.UTF_8));
            if (items == null || items.items().size() != dy.projects().size()) {
                continue;
            }
            for (int i = 0; i < items.items().size(); i++) {
                Project p = dy.projects().get(i);
                String item = items.items().get(i);
                if (p != null && p.id() != null && item.startsWith("  - id: " + p.id() + "\n")) {
                    Map<String, Map<String, String>> one = new LinkedHashMap<>();
                    one.put(p.id(), figures(p));
                    seed.put(item, one);
                }
            }
        }
        return seed;
    }

    /** Every distinct year-file version of the history: its items parsed once each (in parallel: independent). */
    private static Map<ObjectId, Map<String, Map<String, String>>> parseBlobs(Repository repo, List<Step> steps,
            Map<String, Map<String, Map<String, String>>> seed) throws IOException {
        Map<ObjectId, Touched> blobs = new LinkedHashMap<>();
        for (Step s : steps) {
            for (Touched t : s.files()) {
                if (t.blob() != null && YEAR_FILE.matcher(t.path()).matches()) {
                    blobs.putIfAbsent(t.blob(), t);
                }
            }
        }
        // one instance per distinct item text: the versions' texts (hundreds of MB over a long history) are not kept
        Map<String, String> canonical = new ConcurrentHashMap<>(seed.size() * 2);
        seed.keySet().forEach(k -> canonical.put(k, k));
        record Read(Touched touched, String header, List<String> items, String whole) {
        }
        // blobs read and cut on every core (inflating and resolving deltas is most of the cost), one ObjectReader
        // per thread (a reader is not thread-safe); the results in blob order
        Queue<ObjectReader> readers = new ConcurrentLinkedQueue<>();
        List<Read> reads;
        try {
            reads = blobs.values().parallelStream().map(t -> {
                ObjectReader reader = readers.poll();
                if (reader == null) {
                    reader = repo.newObjectReader();
                }
                try {
                    String text = new String(reader.open(t.blob()).getBytes(), StandardCharsets.UTF_8);
                    Items items = items(text);
                    if (items == null) {
                        return new Read(t, null, null, text);
                    }
                    List<String> kept = new ArrayList<>(items.items().size());
                    for (String item : items.items()) {
                        kept.add(canonical.computeIfAbsent(item, k -> k));
                    }
                    return new Read(t, items.header(), kept, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    readers.add(reader);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            readers.forEach(ObjectReader::close);
        }
        Map<ObjectId, List<String>> split = new HashMap<>();
        Map<ObjectId, String> whole = new HashMap<>();
        record Under(String header, String path) {
        }
        Map<String, Under> toParse = new LinkedHashMap<>(); // item → a header (and its file) to parse it under
        for (Read r : reads) {
            if (r.items() == null) {
                whole.put(r.touched().blob(), r.whole());
                continue;
            }
            for (String item : r.items()) {
                if (!seed.containsKey(item)) {
                    toParse.putIfAbsent(item, new Under(r.header(), r.touched().path()));
                }
            }
            split.put(r.touched().blob(), r.items());
        }
        Map<String, Map<String, Map<String, String>>> byItem = new ConcurrentHashMap<>(seed);
        toParse.entrySet().parallelStream().forEach(e ->
                byItem.put(e.getKey(), figures(e.getValue().path(), e.getValue().header() + e.getKey())));
        Map<ObjectId, Map<String, Map<String, String>>> parsed = new ConcurrentHashMap<>();
        whole.entrySet().parallelStream().forEach(e -> parsed.put(e.getKey(), figures(blobs.get(e.getKey()).path(),
                e.getValue())));
        for (Map.Entry<ObjectId, List<String>> e : split.entrySet()) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>();
            for (String item : e.getValue()) {
                byItem.get(item).forEach(all::putIfAbsent);
            }
            parsed.put(e.getKey(), all);
        }
        return parsed;
    }

    private static GitDates changes(List<Step> steps, Map<ObjectId, Map<String, Map<String, String>>> parsed) {
        Map<String, String> dates = new HashMap<>();
        Map<String, List<Change>> byProject = new HashMap<>();
        Map<String, List<Change>> byFile = new HashMap<>();
        Map<String, Map<String, Map<String, String>>> current = new HashMap<>(); // year file → its last version
        for (Step s : steps) {
            for (Touched t : s.files()) {
                dates.put(t.path(), s.date()); // oldest → newest: the last put is the last commit
                if (t.blob() == null || !parsed.containsKey(t.blob())) {
                    continue;
                }
                Map<String, Map<String, String>> before = current.get(t.path());
                Map<String, Map<String, String>> after = parsed.get(t.blob());
                for (Map.Entry<String, Map<String, String>> p : after.entrySet()) {
                    Map<String, String> old = before == null ? null : before.get(p.getKey());
                    Change change;
                    if (old == null) {
                        change = new Change(p.getKey(), t.path(), s.date(), s.commit(), s.message(), true,
                                before == null, List.of());
                    } else {
                        List<FigureChange> figures = diff(old, p.getValue());
                        if (figures.isEmpty()) {
                            continue;
                        }
                        change = new Change(p.getKey(), t.path(), s.date(), s.commit(), s.message(), false, false,
                                figures);
                    }
                    byProject.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(change);
                    byFile.computeIfAbsent(t.path(), k -> new ArrayList<>()).add(change);
                }
                current.put(t.path(), after);
            }
        }
        byProject.replaceAll((k, v) -> List.copyOf(v));
        byFile.replaceAll((k, v) -> List.copyOf(v));
        return new GitDates(dates, byProject, byFile);
    }

    private static List<FigureChange> diff(Map<String, String> old, Map<String, String> now) {
        List<FigureChange> out = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!Objects.equals(old.get(e.getKey()), e.getValue())) {
                out.add(new FigureChange(e.getKey(), old.get(e.getKey()), e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.add(new FigureChange(e.getKey(), e.getValue(), null));
            }
        }
        return out;
    }

    /** The figures a reader follows, per project id, in a fixed order: 名称, budget, each indicator target. */
    private static Map<String, Map<String, String>> figures(String path, String text) {
        Matcher m = YEAR_FILE.matcher(path);
        if (!m.matches()) {
            return Map.of();
        }
        String[] parts = path.split("/");
        DepartmentYear dy = ContentLoader.parseYear(text, path, parts[0], parts[1], Integer.parseInt(m.group(1)));
        if (dy == null) {
            return Map.of();
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Project p : dy.projects()) {
            if (p != null && p.id() != null) {
                out.putIfAbsent(p.id(), figures(p));
            }
        }
        return out;
    }

    private static Map<String, String> figures(Project p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("项目名称", p.name());
        if (p.budget() != null) {
            put(f, "预算数", p.budget().total(), p.budget());
            put(f, "财政资金", p.budget().fiscal(), p.budget());
            put(f, "其他资金", p.budget().other(), p.budget());
        }
        for (Indicator i : p.indicators()) {
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

    private static void put(Map<String, String> f, String field, gongkai.content.Amount a, gongkai.content.Budget b) {
        if (a != null) {
            f.put(field, a.value().toPlainString() + " " + (b.unit() == null ? a.unit().label() : b.unit().label()));
        }
    }

    /** The committer's own calendar day (what {@code git log --format=%cs} prints). */
    private static String date(PersonIdent who) {
        return LocalDate.ofInstant(who.getWhenAsInstant(), who.getZoneId()).toString();
    }

    /** Date of one file, e.g. "tianjin/362303/2024.yaml", or null. */
    public String date(String relativePath) {
        return dateByPath.get(relativePath);
    }

    /** The project's versions, oldest first (the first is its first publication); empty without history. */
    public List<Change> history(String projectId) {
        return historyByProject.getOrDefault(projectId, List.of());
    }

    /** The changes of one year file's projects, oldest first. */
    public List<Change> changesOf(String yearFile) {
        return changesByYearFile.getOrDefault(yearFile, List.of());
    }

    /** Every change, by year file then oldest first within it (for the changes table). */
    public List<Change> allChanges() {
        List<Change> all = new ArrayList<>();
        changesByYearFile.keySet().stream().sorted().forEach(k -> all.addAll(changesByYearFile.get(k)));
        return all;
    }

    /** Latest date among the files under a folder prefix ("tianjin/"), or among all files for "". */
    public String latestUnder(String prefix) {
        if (prefix.isEmpty() || prefix.endsWith("/")) {
            return latestByFolder.get(prefix);
        }
        String latest = null;
        for (Map.Entry<String, String> e : dateByPath.entrySet()) {
            if (e.getKey().startsWith(prefix) && (latest == null || e.getValue().compareTo(latest) > 0)) {
                latest = e.getValue();
            }
        }
        return latest;
    }

    public static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
