package gongkai.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Last-commit dates of content files (what {@code git log -1 --format=%cs -- file} gives, for all files in
 * ONE git call): content-derived dates for sitemap lastmod and the feed, never the wall clock. Files never
 * committed, or content outside a git work tree, have no date.
 */
public final class GitDates {
    private final Map<String, String> dateByPath;

    /** Latest date under each folder prefix ("", "tianjin/", "tianjin/362303/"), computed once. */
    private final Map<String, String> latestByFolder = new HashMap<>();

    private GitDates(Map<String, String> dateByPath) {
        this.dateByPath = Map.copyOf(dateByPath);
        for (Map.Entry<String, String> e : this.dateByPath.entrySet()) {
            String path = e.getKey();
            latestByFolder.merge("", e.getValue(), GitDates::max);
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                latestByFolder.merge(path.substring(0, slash + 1), e.getValue(), GitDates::max);
            }
        }
    }

    public static GitDates none() {
        return new GitDates(Map.of());
    }

    /** @return dates keyed by path relative to {@code contentDir} with "/" separators */
    public static GitDates read(Path contentDir, Consumer<String> log) throws InterruptedException {
        if (!Files.isDirectory(contentDir)) {
            return none();
        }
        ProcessBuilder builder = new ProcessBuilder("git", "-c", "core.quotepath=false", "log",
                "--format=%x01%cs", "--name-only", "--relative", "--no-renames", "--", ".")
                .directory(contentDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.accept("lastmod: git is not available (" + e.getMessage() + "); sitemap lastmod omitted");
            return none();
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            output = bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            process.destroy();
            log.accept("lastmod: could not read git log (" + e.getMessage() + "); sitemap lastmod omitted");
            return none();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            // Not a git work tree (e.g. a fresh copy of the content): no dates, by design.
            process.destroy();
            return none();
        }
        if (isShallow(contentDir)) {
            // a shallow clone (CI's default) has one commit: every file would be dated that commit's day
            log.accept("警告：内容仓库是浅克隆（shallow clone），只有最近的提交，页面的更新日期、sitemap 和订阅的日期会不准。"
                    + "修复：在 CI 里取完整历史（GitHub Actions：actions/checkout 加 fetch-depth: 0；GitLab CI：GIT_DEPTH: 0；"
                    + "其他：git fetch --unshallow）。");
        }
        Map<String, String> dates = new HashMap<>();
        String current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("\u0001")) {
                current = line.substring(1).strip();
            } else if (!line.isBlank() && current != null) {
                // git log lists newest first: the first date seen for a path is its last commit.
                dates.putIfAbsent(line.strip(), current);
            }
        }
        return new GitDates(dates);
    }

    /** Whether the work tree holding {@code dir} is a shallow clone (git rev-parse --is-shallow-repository). */
    static boolean isShallow(Path dir) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--is-shallow-repository").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && out.equals("true");
        } catch (IOException e) {
            return false; // git log above ran, so this does not happen in practice; no warning then
        }
    }

    /** Date of one file, e.g. "tianjin/362303/2024.yaml", or null. */
    public String date(String relativePath) {
        return dateByPath.get(relativePath);
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
