package gongkai.cli;

import gongkai.search.SearchIndexStage;

import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildOptions;
import gongkai.pipeline.BuildReport;
import gongkai.pipeline.BuildTimings;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the static site: load → validate → quality → assemble → render → index → export → check → write."
                + " The output folder is replaced only when every stage succeeded.")
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    SiteDirs dirs;

    @Option(names = "--timings", paramLabel = "FILE",
            description = "Also write the stage times and peak heap as JSON to FILE (read by gongkai bench).")
    Path timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BuildOptions options = dirs.toOptions();
        try {
            OptionalInt relaunched = JvmFlags.relaunchIfLarge(options.contentDir(), Main.class,
                    spec.root().commandLine().getParseResult().originalArgs());
            if (relaunched.isPresent()) {
                return relaunched.getAsInt();
            }
        } catch (java.io.IOException e) {
            System.err.println("build: cannot start the build JVM: " + e.getMessage());
            return 1;
        }
        try {
            BuildReport report = SitePipelines.standard(options).run();
            System.out.println(report.summary());
            if (timings != null) {
                BuildTimings.write(timings, report);
            }
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("build: cannot write the timings file " + timings + ": " + e.getMessage());
            return 1;
        } catch (BuildException e) {
            System.err.println("build failed in " + dirs.asGiven(e.getMessage()));
            System.err.println("(the previous site in " + options.outDir() + " and its search index in "
                    + SearchIndexStage.indexDir(options) + " were left untouched)");
            return 1;
        }
    }
}
