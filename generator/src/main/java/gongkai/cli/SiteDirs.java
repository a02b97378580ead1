package gongkai.cli;

import gongkai.pipeline.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders every site-building command takes (build, serve): one definition, the same defaults. */
final class SiteDirs {
    @Option(names = "--content", defaultValue = "content", description = "Content directory (default: ${DEFAULT-VALUE}).")
    Path contentDir;

    @Option(names = "--theme", defaultValue = "themes/default", description = "Theme directory (default: ${DEFAULT-VALUE}).")
    Path themeDir;

    @Option(names = "--out", defaultValue = "site", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path outDir;

    /** Build options for these folders; progress and timing lines go to stderr. */
    BuildOptions toOptions() {
        return BuildOptions.of(contentDir, themeDir, outDir, System.err::println);
    }
}
