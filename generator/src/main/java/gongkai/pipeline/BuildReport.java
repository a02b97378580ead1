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

    /** e.g. {@code build：175 个项目，230 个页面，用时 1.2 秒（load 120 ms, validate 3 ms, …）}. */
    public String summary() {
        return summary(gongkai.content.Lang.ZH);
    }

    /** {@link #summary()} in {@code lang}: {@code build: 175 projects, 230 pages in 1.2 s (load 120 ms, …)}. */
    public String summary(gongkai.content.Lang lang) {
        StringBuilder out = new StringBuilder();
        if (lang == gongkai.content.Lang.EN) {
            out.append("build: ").append(gongkai.content.Text.count(projects, "project")).append(", ")
                    .append(gongkai.content.Text.count(pages, "page")).append(" in ")
                    .append(String.format(Locale.ROOT, "%.1f s", totalNanos / 1e9)).append(" (");
            stageTimes(out);
            return out.append(')').toString();
        }
        out.append("build：").append(projects).append(" 个项目，").append(pages).append(" 个页面，用时 ")
                .append(String.format(Locale.ROOT, "%.1f 秒", totalNanos / 1e9)).append("（");
        stageTimes(out);
        return out.append('）').toString();
    }

    private void stageTimes(StringBuilder out) {
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(stages.get(i).stage()).append(' ').append(stages.get(i).nanos() / 1_000_000).append(" ms");
        }
    }
}
