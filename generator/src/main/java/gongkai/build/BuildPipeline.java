package gongkai.build;

import gongkai.content.Content;
import gongkai.content.DepartmentYear;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole build, in one place: named stages in execution order
 * load → validate → assemble → render → index → export → check → write, each timed. The index stage reads only
 * the validated content, so it runs in the background from after validate until write (beside assemble, render,
 * export and check: no page links into the search files it writes); the other stages run one after the other.
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

    /** The stage that runs in the background from after validate until before write (the search index), or null. */
    private final BuildStage alongside;

    private BuildPipeline(BuildOptions options, List<BuildStage> stages, BuildStage alongside) {
        this.options = options;
        this.stages = List.copyOf(stages);
        this.alongside = alongside;
    }

    public static Builder builder(BuildOptions options, ContentSource source) {
        return new Builder(options, source);
    }

    public List<String> stageNames() {
        return stages.stream().map(BuildStage::name).toList();
    }

    /**
     * A finished build with what it built from: for incremental rebuilds that start from it. {@code templates} are
     * the render stage's, already parsed (null when the pipeline had no render stage).
     */
    public record Built(BuildReport report, Content content, SiteModel site, GitDates dates,
                        gongkai.render.Templates templates) {
    }

    public BuildReport run() throws BuildException {
        return runKeepingModel().report();
    }

    /** Runs the build and also returns the loaded content and the assembled site model. */
    public Built runKeepingModel() throws BuildException {
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
        Map<String, Long> nanos = new java.util.concurrent.ConcurrentHashMap<>();
        boolean swapped = false;
        java.util.concurrent.Future<?> background = null;
        java.util.concurrent.ExecutorService backgroundThread = null;
        try {
            for (BuildStage stage : stages) {
                if (stage == alongside) {
                    continue;
                }
                if (stage instanceof Stages.Write && background != null) {
                    join(background, alongside);
                    background = null;
                }
                runTimed(stage, context, nanos);
                swapped |= stage instanceof Stages.Write;
                if (stage instanceof Stages.Validate && alongside != null) {
                    // The search index reads only the validated content: it runs beside assemble, render and
                    // export, whose single-threaded stretches (and its own forceMerge/export) then overlap.
                    backgroundThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "gongkai-" + alongside.name());
                        t.setDaemon(true);
                        return t;
                    });
                    background = backgroundThread.submit(() -> {
                        runTimed(alongside, context, nanos);
                        return null;
                    });
                }
            }
        } finally {
            if (background != null) {
                // a later stage failed: let the background stage finish before its output folder is deleted
                background.cancel(false);
                try {
                    background.get();
                } catch (Exception ignoredBecauseTheBuildAlreadyFailed) {
                    // the first failure is the one reported
                }
            }
            if (backgroundThread != null) {
                backgroundThread.shutdownNow();
            }
            if (!swapped && Files.exists(staging)) {
                try {
                    SiteSwap.deleteTree(staging);
                } catch (java.io.IOException e) {
                    options.log().accept("build: could not delete the staging directory " + staging + ": " + e.getMessage());
                }
            }
        }
        List<BuildReport.StageTime> times = new ArrayList<>();
        for (BuildStage stage : stages) {
            Long n = nanos.get(stage.name());
            if (n != null) {
                times.add(new BuildReport.StageTime(stage.name(), n));
            }
        }
        int projects = context.content().departmentYears().stream().map(DepartmentYear::projects).mapToInt(List::size).sum();
        BuildReport report = new BuildReport(projects, context.pagesRendered(), System.nanoTime() - start, times,
                context.site().basePath());
        return new Built(report, context.content(), context.site(), context.dates(), context.templates());
    }

    private static void runTimed(BuildStage stage, BuildContext context, Map<String, Long> nanos) throws BuildException {
        long t0 = System.nanoTime();
        try {
            stage.run(context);
        } catch (BuildException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            // Reported like any failure (the staging folder is removed, the old site kept), with what to do.
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            throw new BuildException(stage.name(), "out of memory (Java heap limit " + maxMb
                    + " MB); run with a larger heap, e.g. GONGKAI_JAVA_OPTS=-Xmx4g ./gongkai build", e);
        } catch (Exception e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            throw new BuildException(stage.name(), message, e);
        }
        nanos.put(stage.name(), System.nanoTime() - t0);
    }

    private static void join(java.util.concurrent.Future<?> background, BuildStage stage) throws BuildException {
        try {
            background.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException(stage.name(), "interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BuildException b) {
                throw b;
            }
            throw new BuildException(stage.name(), String.valueOf(e.getCause()), e.getCause());
        }
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

        /** The search index stage (gongkai.search); runs beside assemble, render, export and check, done before write. */
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
                    new Stages.Write()), index);
        }
    }
}
