package gongkai.build;

import gongkai.content.DepartmentYear;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole build, in one place: named stages in execution order
 * load → validate → assemble → render → index → export → check → write, each timed.
 * Everything is written into a staging directory next to the output; only the write stage, after all others
 * succeeded, swaps it in. Any failure deletes the staging directory and leaves the previous site untouched.
 *
 * <pre>{@code
 * BuildReport report = BuildPipeline.builder(options, ContentLoader::load)
 *         .index(new SearchIndexStage())     // name() == "index"
 *         .export(new ExportStage())         // name() == "export"
 *         .build()
 *         .run();
 * }</pre>
 */
public final class BuildPipeline {
    public static final List<String> STAGE_ORDER =
            List.of("load", "validate", "assemble", "render", "index", "export", "check", "write");

    private final BuildOptions options;
    private final List<BuildStage> stages;

    private BuildPipeline(BuildOptions options, List<BuildStage> stages) {
        this.options = options;
        this.stages = List.copyOf(stages);
    }

    public static Builder builder(BuildOptions options, ContentSource source) {
        return new Builder(options, source);
    }

    public List<String> stageNames() {
        return stages.stream().map(BuildStage::name).toList();
    }

    public BuildReport run() throws BuildException {
        long start = System.nanoTime();
        try {
            SiteSwap.checkReplaceable(options.outDir(), options.contentDir(), options.themeDir());
        } catch (java.io.IOException e) {
            throw new BuildException("write", e.getMessage(), e);
        }
        java.nio.file.Path staging;
        try {
            staging = SiteSwap.createStaging(options.outDir());
        } catch (java.io.IOException e) {
            throw new BuildException("write", "cannot create the staging directory: " + e.getMessage(), e);
        }
        BuildContext context = new BuildContext(options, staging);
        List<BuildReport.StageTime> times = new ArrayList<>();
        boolean swapped = false;
        try {
            for (BuildStage stage : stages) {
                long t0 = System.nanoTime();
                try {
                    stage.run(context);
                } catch (Exception e) {
                    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
                    throw new BuildException(stage.name(), message, e);
                }
                times.add(new BuildReport.StageTime(stage.name(), System.nanoTime() - t0));
                swapped |= stage instanceof Stages.Write;
            }
        } finally {
            if (!swapped && Files.exists(staging)) {
                try {
                    SiteSwap.deleteTree(staging);
                } catch (java.io.IOException e) {
                    options.log().accept("build: could not delete the staging directory " + staging + ": " + e.getMessage());
                }
            }
        }
        int projects = context.content().departmentYears().stream().map(DepartmentYear::projects).mapToInt(List::size).sum();
        return new BuildReport(projects, context.pagesRendered(), System.nanoTime() - start, times, context.site().basePath());
    }

    /** Assembles the fixed stage order; only the index and export slots (and the procurement hook) are pluggable. */
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

        /** The search index stage (gongkai.search); runs after render, before export. */
        public Builder index(BuildStage stage) {
            this.index = named(stage, "index");
            return this;
        }

        /** The download stage (gongkai.export): writes the .json/.csv twins; runs before the link check. */
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
            return new BuildPipeline(options, List.of(
                    new Stages.Load(source),
                    new Stages.Validate(),
                    new Stages.Assemble(procurement),
                    new Stages.Render(),
                    index,
                    export,
                    new Stages.Check(),
                    new Stages.Write()));
        }
    }
}
