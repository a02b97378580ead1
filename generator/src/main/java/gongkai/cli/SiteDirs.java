package gongkai.cli;

import gongkai.pipeline.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders every site-building command takes (build, serve): one definition, the same defaults. */
final class SiteDirs {
    @Option(names = "--content", defaultValue = "content", description = "内容文件夹（默认 ${DEFAULT-VALUE}）。Content directory.")
    Path contentDir;

    @Option(names = "--theme", defaultValue = "themes/default", description = "主题文件夹（默认 ${DEFAULT-VALUE}）。Theme directory.")
    Path themeDir;

    @Option(names = "--out", defaultValue = "site", description = "输出文件夹（默认 ${DEFAULT-VALUE}）。Output directory.")
    Path outDir;

    /** Build options for these folders in {@code lang}; progress and timing lines go to stderr, content paths as given. */
    BuildOptions toOptions(gongkai.content.Lang lang) {
        return BuildOptions.of(contentDir, themeDir, outDir, line -> System.err.println(asGiven(line))).withLang(lang);
    }

    /**
     * {@code text} with the content folder as it was given on the command line: the build works with absolute
     * paths, but its problems must read exactly as {@code gongkai validate CONTENT_DIR} prints them.
     */
    String asGiven(String text) {
        String absolute = contentDir.toAbsolutePath().normalize() + java.io.File.separator;
        String given = contentDir + java.io.File.separator;
        return absolute.equals(given) ? text : text.replace(absolute, given);
    }
}
