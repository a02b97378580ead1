package gongkai.pipeline;

import gongkai.content.DepartmentYear;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a build: named stages in execution order, each timed, then write. One stage may run in the background
 * from after a named stage until before write (the search index, which reads only the validated content, beside
 * assemble, render, export and check: no page links into the files it writes). Everything is written into a
 * build folder next to the output (the site, and what is published beside it: the search index); only the write
 * stage, after all others succeeded, swaps them in ({@link SiteSwap}). Any failure, also one while the background
 * stage still runs, deletes the build folder once that stage ended, and leaves the previous site and index
 * untouched. The stages themselves live in
 * the packages after this one; the site's list of them is {@code cli.SitePipelines}.
 */
public final class BuildPipeline {
    private final BuildOptions options;
    private final List<BuildStage> stages;

    /** The stage that runs in the background, or null. */
    private final BuildStage alongside;

    /** The stage after which {@link #alongside} starts. */
    private final String alongsideAfter;

    private BuildPipeline(BuildOptions options, List<BuildStage> stages, BuildStage alongside, String alongsideAfter) {
        this.options = options;
        this.stages = List.copyOf(stages);
        this.alongside = alongside;
        this.alongsideAfter = alongsideAfter;
    }

    public static Builder builder(BuildOptions options) {
        return new Builder(options);
    }

    public List<String> stageNames() {
        return stages.stream().map(BuildStage::name).toList();
    }

    /** A finished build and its context, whose slots hold what the stages made (serve's rebuilds start from it). */
    public record Built(BuildReport report, BuildContext context) {
    }

    public BuildReport run() throws BuildException {
        return runKeepingModel().report();
    }

    /** Runs the build and also returns its context (the loaded content and every stage's results). */
    public Built runKeepingModel() throws BuildException {
        long start = System.nanoTime();
        SiteSwap swap;
        try {
            SiteSwap.checkReplaceable(options.outDir(), options.contentDir(), options.themeDir());
            swap = SiteSwap.begin(options.outDir(), options.log());
        } catch (java.io.IOException e) {
            String prefix = "cannot prepare the build folder beside " + options.outDir() + ": ";
            throw new BuildException("write", gongkai.content.Text.of(e).after(prefix, prefix), e);
        }
        BuildContext context = new BuildContext(options, swap);
        Map<String, Long> nanos = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.Future<?> background = null;
        java.util.concurrent.ExecutorService backgroundThread = null;
        try {
            for (BuildStage stage : stages) {
                stage.prepare(context);
            }
            for (BuildStage stage : stages) {
                if (stage == alongside) {
                    continue;
                }
                if (stage instanceof WriteStage && background != null) {
                    join(background, alongside);
                    background = null;
                }
                runTimed(stage, context, nanos);
                if (alongside != null && stage.name().equals(alongsideAfter)) {
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
        } catch (BuildException | RuntimeException | Error e) {
            if (background != null) {
                // A later stage failed while the background stage still writes into the build folder: wait for
                // it to end before that folder is deleted (deleting under it left the folder behind).
                Throwable other = awaitEnd(background);
                if (other != null && other != e && other != e.getCause()) {
                    e.addSuppressed(other);
                }
            }
            throw e;
        } finally {
            if (backgroundThread != null) {
                backgroundThread.shutdown();
            }
            try {
                swap.close();
            } catch (java.io.IOException e) {
                options.log().accept("build: could not delete the build folder " + swap.buildDir() + ": " + e.getMessage()
                        + " (the next build removes it)");
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
                context.basePath());
        return new Built(report, context);
    }

    /**
     * Runs the named stages of this pipeline — the same objects, in the same order, timed and failing as in
     * {@link #run} — over a context the caller made, one after the other: no build folder, no background stage,
     * no write stage (the caller installs what was written). {@code serve}'s incremental update runs validate,
     * assemble, render and export this way over a context holding {@link ChangedYears}.
     */
    public List<BuildReport.StageTime> runStages(BuildContext context, List<String> names) throws BuildException {
        for (String name : names) {
            if (!stageNames().contains(name) || "write".equals(name)) {
                throw new IllegalArgumentException("no stage '" + name + "' to run on its own in " + stageNames());
            }
        }
        List<BuildStage> chosen = stages.stream().filter(s -> names.contains(s.name())).toList();
        for (BuildStage stage : chosen) {
            stage.prepare(context);
        }
        Map<String, Long> nanos = new java.util.HashMap<>();
        List<BuildReport.StageTime> times = new ArrayList<>();
        for (BuildStage stage : chosen) {
            runTimed(stage, context, nanos);
            times.add(new BuildReport.StageTime(stage.name(), nanos.get(stage.name())));
        }
        return times;
    }

    /** Waits for a background stage to end; returns its failure, if any. */
    private static Throwable awaitEnd(java.util.concurrent.Future<?> background) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    background.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true; // the folder must not be deleted under the stage: keep waiting
                } catch (java.util.concurrent.ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
            throw new BuildException(stage.name(), gongkai.content.Text.of(e), e);
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

    /** Lists the stages in execution order; write is added last by {@link #build()}. */
    public static final class Builder {
        private final BuildOptions options;
        private final List<BuildStage> stages = new ArrayList<>();
        private BuildStage alongside;
        private String alongsideAfter;

        private Builder(BuildOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /** The next stage in execution order. */
        public Builder then(BuildStage stage) {
            stages.add(Objects.requireNonNull(stage, "stage"));
            return this;
        }

        /**
         * A stage listed (and reported) here that runs in the background from right after the stage named
         * {@code startAfter} until before write.
         */
        public Builder alongside(BuildStage stage, String startAfter) {
            if (alongside != null) {
                throw new IllegalStateException("only one stage runs alongside the others");
            }
            if (stages.stream().noneMatch(s -> s.name().equals(startAfter))) {
                throw new IllegalArgumentException("no stage '" + startAfter + "' before " + stage.name());
            }
            stages.add(stage);
            alongside = stage;
            alongsideAfter = startAfter;
            return this;
        }

        public BuildPipeline build() {
            List<BuildStage> all = new ArrayList<>(stages);
            all.add(new WriteStage());
            return new BuildPipeline(options, all, alongside, alongsideAfter);
        }
    }
}
