package gongkai.cli;

import gongkai.check.CheckStage;
import gongkai.export.ExportStage;
import gongkai.load.ContentSource;
import gongkai.load.LoadStage;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildPipeline;
import gongkai.pipeline.BuildStage;
import gongkai.render.RenderStage;
import gongkai.search.SearchIndexStage;
import gongkai.serve.IncrementalRebuild;
import gongkai.site.AssembleStage;
import gongkai.site.ProcurementSource;
import gongkai.quality.QualityStage;
import gongkai.validate.ValidateStage;
import java.util.List;
import java.util.Objects;

/**
 * The site's build, in one place: its stages in execution order
 * load → validate → quality → assemble → render → index → export → check → write, each timed (used by {@code build} and
 * {@code serve}). The index stage reads only the validated content, so it runs in the background from after
 * validate until write.
 */
public final class SitePipelines {
    public static final List<String> STAGE_ORDER =
            List.of("load", "validate", "quality", "assemble", "render", "index", "export", "check", "write");

    private SitePipelines() {
    }

    /** The pipeline {@code gongkai build} runs. */
    public static BuildPipeline standard(BuildOptions options) {
        return builder(options, ContentSource.yaml())
                .procurement(ProcurementSource.fromProcurementTables())
                .index(new SearchIndexStage())
                .export(new ExportStage())
                .build();
    }

    /** {@code serve}'s builder: the standard pipeline, then incremental updates when only year files change. */
    static IncrementalRebuild serving(BuildOptions options) {
        return new IncrementalRebuild(options, () -> standard(options), options.log());
    }

    /** The standard stage list with its pluggable parts: where content comes from, procurement, index, export. */
    public static Builder builder(BuildOptions options, ContentSource source) {
        return new Builder(options, source);
    }

    /** Fills the fixed stage order; index and export are skipped unless given (tests build without them). */
    public static final class Builder {
        private final BuildOptions options;
        private final ContentSource source;
        private BuildStage index = BuildStage.skipped("index");
        private BuildStage export = BuildStage.skipped("export");
        private ProcurementSource procurement = ProcurementSource.NONE;

        private Builder(BuildOptions options, ContentSource source) {
            this.options = Objects.requireNonNull(options, "options");
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder index(BuildStage stage) {
            this.index = named(stage, "index");
            return this;
        }

        public Builder export(BuildStage stage) {
            this.export = named(stage, "export");
            return this;
        }

        public Builder procurement(ProcurementSource procurement) {
            this.procurement = Objects.requireNonNull(procurement, "procurement");
            return this;
        }

        private static BuildStage named(BuildStage stage, String expected) {
            if (!expected.equals(stage.name())) {
                throw new IllegalArgumentException("stage for the " + expected + " slot is named '" + stage.name() + "'");
            }
            return stage;
        }

        public BuildPipeline build() {
            return BuildPipeline.builder(options)
                    .then(new LoadStage(source))
                    .then(new ValidateStage())
                    .then(new QualityStage())
                    .then(new AssembleStage(procurement))
                    .then(new RenderStage())
                    .alongside(index, "validate")
                    .then(export)
                    .then(new CheckStage())
                    .build();
        }
    }
}
