package gongkai.cli;

import gongkai.build.BuildException;
import gongkai.build.BuildOptions;
import gongkai.build.BuildReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the static site: load → validate → assemble → render → index → export → check → write."
                + " The output folder is replaced only when every stage succeeded.")
public final class BuildCommand implements Callable<Integer> {
    @Option(names = "--content", defaultValue = "content", description = "Content directory (default: ${DEFAULT-VALUE}).")
    Path contentDir;

    @Option(names = "--theme", defaultValue = "themes/default", description = "Theme directory (default: ${DEFAULT-VALUE}).")
    Path themeDir;

    @Option(names = "--out", defaultValue = "site", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public Integer call() {
        BuildOptions options = BuildOptions.of(contentDir, themeDir, outDir, System.err::println);
        try {
            BuildReport report = SitePipelines.standard(options).run();
            System.out.println(report.summary());
            return 0;
        } catch (BuildException e) {
            System.err.println("build failed in " + e.getMessage());
            System.err.println("(the previous site in " + options.outDir() + " was left untouched)");
            return 1;
        }
    }
}
