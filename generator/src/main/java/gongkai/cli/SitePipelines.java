package gongkai.cli;

import gongkai.build.BuildOptions;
import gongkai.build.BuildPipeline;
import gongkai.build.ContentSource;
import gongkai.build.ProcurementSource;
import gongkai.serve.IncrementalRebuild;

/** The one place where the CLI's build pipeline is wired (used by both {@code build} and {@code serve}). */
final class SitePipelines {
    private SitePipelines() {
    }

    static BuildPipeline standard(BuildOptions options) {
        return BuildPipeline.builder(options, ContentSource.yaml())
                .procurement(procurement())
                // LEAD: wire the other packages' stages here (their name() must be "index" / "export"):
                // .index(new gongkai.search.SearchIndexStage())
                .export(new gongkai.export.ExportStage())
                .build();
    }

    static ProcurementSource procurement() {
        return ProcurementSource.fromProcurementTables();
    }

    /** {@code serve}'s builder: the standard pipeline, then incremental updates when only year files change. */
    static IncrementalRebuild serving(BuildOptions options) {
        // LEAD: pass the search stage (the same as in standard()) instead of null once it is wired.
        return new IncrementalRebuild(options, () -> standard(options), procurement(), null, options.log());
    }
}
