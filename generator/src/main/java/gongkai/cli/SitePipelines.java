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
                .index(index())
                .export(new gongkai.export.ExportStage())
                .build();
    }

    static gongkai.build.BuildStage index() {
        return new gongkai.search.SearchIndexStage();
    }

    static ProcurementSource procurement() {
        return ProcurementSource.fromProcurementTables();
    }

    /** {@code serve}'s builder: the standard pipeline, then incremental updates when only year files change. */
    static IncrementalRebuild serving(BuildOptions options) {
        return new IncrementalRebuild(options, () -> standard(options), procurement(), index(), options.log());
    }
}
