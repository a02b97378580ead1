package gongkai.site;

import gongkai.content.Content;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The content's history from git, read with JGit: the last-commit date of each content file (sitemap lastmod,
 * feed, "最后更新") and, per project, the list of versions with each changed figure old → new (修改记录), and its
 * withdrawal. Dates are commit dates, never the wall clock. Files never committed, or content outside a git work
 * tree, have no date and no history. How it is read: {@link GitScan}.
 */
public final class GitDates {
    /** One figure of a project that changed between two versions; {@code before}/{@code after} null when absent. */
    public record FigureChange(String field, String before, String after) {
    }

    /** What a commit did to a project, with its word in 修改记录 and {@code data/changes.csv}. */
    public enum Kind {
        /** The project's first version (no figures compared). */
        ADDED("新增"),
        /** Figures changed. */
        CHANGED("修改"),
        /** Listed under {@code retracted:} and no longer a project of its file. */
        RETRACTED("撤回");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One version of a project: the commit that made it.
     *
     * @param withFile whether it came with its year file (a whole year published at once, withdrawals included)
     */
    public record Change(String projectId, String yearFile, String date, String commit, String message, Kind kind,
                         boolean withFile, List<FigureChange> figures) {
        public Change {
            figures = List.copyOf(figures);
        }

        /** The project's first version. */
        public boolean first() {
            return kind == Kind.ADDED;
        }
    }

    private final Map<String, String> dateByPath;
    private final Map<String, List<Change>> historyByProject;
    private final Map<String, List<Change>> changesByYearFile;

    /** Latest date under each folder prefix ("", "tianjin/", "tianjin/362303/"), computed once. */
    private final Map<String, String> latestByFolder = new HashMap<>();

    GitDates(Map<String, String> dateByPath, Map<String, List<Change>> historyByProject,
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

    /**
     * The history of the files under {@code contentDir}, dates keyed by path relative to it with "/" separators;
     * {@code loaded} (the content loaded from it, or null) spares parsing the project items whose text is still the
     * same in the work tree. The build reads it in two steps, the first beside the load (see AssembleStage).
     */
    public static GitDates read(Path contentDir, Content loaded, Consumer<String> log) {
        return GitScan.read(contentDir, log).dates(loaded);
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
