package gongkai.cli;

import gongkai.build.BuildOptions;
import gongkai.build.BuildPipeline;
import gongkai.build.ContentSource;
import gongkai.build.ProcurementSource;

/** The one place where the CLI's build pipeline is wired (used by both {@code build} and {@code serve}). */
final class SitePipelines {
    private SitePipelines() {
    }

    static BuildPipeline standard(BuildOptions options) {
        return BuildPipeline.builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables())
                .index(new gongkai.search.SearchIndexStage())
                .export(new gongkai.export.ExportStage())
                .build();
    }
}
