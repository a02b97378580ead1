package gongkai.quality;

import gongkai.content.ContentPaths;
import gongkai.content.DepartmentYear;
import gongkai.load.LoadResult;
import gongkai.load.LoadStage;
import gongkai.load.Positions;
import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import gongkai.pipeline.ChangedYears;
import gongkai.site.AssembleStage;
import gongkai.site.QualityFindings;
import gongkai.site.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * quality: runs {@link QualityRules} on the validated content and leaves the {@link QualityReport} for the export
 * (data/quality.csv and .json) and, described as {@link QualityFindings}, for the site (row notices, /quality/).
 * Open issues are logged as warnings, like validate prints them; they never fail the build. In an incremental build
 * ({@link ChangedYears} and the {@link #PREVIOUS} report in the context) only the changed years are checked again:
 * a year's issues depend on that year and its source document alone.
 */
public record QualityStage() implements BuildStage {
    public static final BuildContext.Slot<QualityReport> REPORT = BuildContext.Slot.named("quality report");
    /** Incremental builds: the previous build's report, whose other years' issues stay. */
    public static final BuildContext.Slot<QualityReport> PREVIOUS = BuildContext.Slot.named("the previous quality report");

    @Override
    public String name() {
        return "quality";
    }

    @Override
    public void run(BuildContext context) {
        LoadResult loaded = context.find(LoadStage.LOADED);
        Positions positions = loaded == null ? Positions.NONE : loaded.positions();
        ChangedYears changed = context.find(ChangedYears.SLOT);
        QualityReport previous = context.find(PREVIOUS);
        QualityReport report;
        QualityReport logged;
        if (changed != null && previous != null) {
            logged = QualityRules.check(changed.after(), positions, context.options().contentDir());
            Set<String> files = new TreeSet<>();
            changed.replaced().forEach((before, after) -> {
                files.add(ContentPaths.departmentYear(before));
                files.add(ContentPaths.departmentYear(after));
            });
            report = previous.replacing(files, logged);
        } else {
            report = QualityRules.check(context.content(), positions, context.options().contentDir());
            logged = report;
        }
        for (QualityIssue issue : logged.open()) {
            context.log(issue.toProblem());
        }
        context.set(REPORT, report);
        context.set(AssembleStage.QUALITY, findings(report));
    }

    /** The report as the site shows it. */
    public static QualityFindings findings(QualityReport report) {
        List<QualityFindings.Rule> rules = new ArrayList<>();
        for (QualityCode code : QualityCode.values()) {
            rules.add(new QualityFindings.Rule(code.name(), code.title(), code.severity().label(), code.explanation()));
        }
        List<QualityFindings.Finding> findings = new ArrayList<>();
        for (QualityIssue i : report.issues()) {
            findings.add(new QualityFindings.Finding(i.regionSlug(), i.departmentCode(), i.year(), i.projectId(),
                    i.projectName(), i.field(), new Views.QualityNote(i.code().name(), i.code().title(),
                    i.code().severity().label(), i.message(), i.acknowledged(), null), i.cited()));
        }
        return new QualityFindings(rules, findings);
    }
}
