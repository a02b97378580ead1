package gongkai.quality;

import gongkai.load.LoadResult;
import gongkai.load.LoadStage;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;

/**
 * quality: runs {@link QualityRules} on the validated content and leaves the {@link QualityReport} for the site
 * (row notices, /quality/) and the export (quality.csv). Open issues are logged as warnings, like validate prints
 * them; they never fail the build.
 */
public record QualityStage() implements BuildStage {
    public static final BuildContext.Slot<QualityReport> REPORT = BuildContext.Slot.named("quality report");

    @Override
    public String name() {
        return "quality";
    }

    @Override
    public void run(BuildContext context) {
        LoadResult loaded = context.find(LoadStage.LOADED);
        QualityReport report = loaded == null ? QualityRules.check(context.content(), gongkai.load.Positions.NONE,
                context.options().contentDir())
                : QualityRules.check(loaded.content(), loaded.positions(), context.options().contentDir());
        for (QualityIssue issue : report.open()) {
            context.log(issue.toProblem().format());
        }
        context.set(REPORT, report);
    }
}
