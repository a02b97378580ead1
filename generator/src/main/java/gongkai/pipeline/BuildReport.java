package gongkai.pipeline;

import java.util.List;
import java.util.Locale;

/** What a build did, how long each stage took, and the base path its links use ("/" or "/sub/"). */
public record BuildReport(int projects, int pages, long totalNanos, List<StageTime> stages, String basePath) {
    public record StageTime(String stage, long nanos) {
    }

    public BuildReport {
        stages = List.copyOf(stages);
    }

    /** e.g. {@code build: 175 projects, 230 pages, 1.2 s (load 120 ms, validate 3 ms, …)}. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("build：").append(projects).append(" 个项目，").append(pages).append(" 个页面，用时 ")
                .append(String.format(Locale.ROOT, "%.1f 秒", totalNanos / 1e9)).append("（");
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(stages.get(i).stage()).append(' ').append(stages.get(i).nanos() / 1_000_000).append(" ms");
        }
        return out.append('）').toString();
    }
}
