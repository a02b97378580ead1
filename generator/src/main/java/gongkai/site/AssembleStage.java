package gongkai.site;

import gongkai.pipeline.BuildContext;
import gongkai.pipeline.BuildStage;
import java.nio.file.Files;

/** assemble: page jobs with views, URLs, content dates. */
public record AssembleStage(ProcurementSource procurement) implements BuildStage {
    /** The assembled site: page jobs, base URL and path. */
    public static final BuildContext.Slot<SiteModel> SITE = BuildContext.Slot.named("the assembled site");
    /** Content dates from git. */
    public static final BuildContext.Slot<GitDates> DATES = BuildContext.Slot.named("the content's git dates");

    @Override
    public String name() {
        return "assemble";
    }

    @Override
    public void run(BuildContext context) throws Exception {
        GitDates dates = GitDates.read(context.options().contentDir(), context::log);
        context.set(DATES, dates);
        boolean hasSearchJs = Files.isRegularFile(context.options().themeDir().resolve("static/search.js"));
        SiteModel site = new SiteAssembler(context.content(), dates, procurement, hasSearchJs,
                java.util.Objects.requireNonNullElse(context.find(gongkai.quality.QualityStage.REPORT),
                        gongkai.quality.QualityReport.EMPTY)).assemble();
        context.set(SITE, site);
        context.setBasePath(site.basePath());
    }
}
