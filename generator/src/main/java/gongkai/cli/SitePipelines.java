package gongkai.cli;

import gongkai.build.BuildOptions;
import gongkai.build.BuildPipeline;
import gongkai.build.ContentSource;

/** The one place where the CLI's build pipeline is wired (used by both {@code build} and {@code serve}). */
final class SitePipelines {
    private SitePipelines() {
    }

    /** Reads content/ with the YAML loader. */
    static ContentSource yamlContent() {
        // LEAD: replace with the YAML loader when it is merged, e.g. dir -> new ContentLoader().load(dir).
        return dir -> {
            throw new UnsupportedOperationException("the YAML content loader (gongkai.content.ContentLoader) is not merged yet");
        };
    }

    static BuildPipeline standard(BuildOptions options) {
        return BuildPipeline.builder(options, yamlContent())
                // LEAD: wire the other packages' stages here (their name() must be "index" / "export"):
                // .index(new gongkai.search.SearchIndexStage())
                // .export(new gongkai.export.ExportStage())
                // .procurement(gongkai.content.ProcurementLinks::forProject)
                .build();
    }
}
