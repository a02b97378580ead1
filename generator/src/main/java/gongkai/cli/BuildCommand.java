package gongkai.cli;

import gongkai.search.SearchIndexStage;

import gongkai.content.Lang;
import gongkai.content.Text;
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
        description = "生成静态网站：load → validate → quality → assemble → render → index → export → check → write；"
                + "每一步都成功才替换输出文件夹，失败时原有网站保持不变。"
                + " Build the static site; the output folder is replaced only when every stage succeeded.")
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    SiteDirs dirs;

    @Option(names = "--timings", paramLabel = "FILE",
            description = "Also write the stage times and peak heap as JSON to FILE (read by gongkai bench).")
    Path timings;

    @Mixin
    LanguageOption language;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Lang lang = language.lang();
        BuildOptions options = dirs.toOptions(lang);
        try {
            OptionalInt relaunched = JvmFlags.relaunchIfLarge(options.contentDir(), Main.class,
                    spec.root().commandLine().getParseResult().originalArgs(), lang);
            if (relaunched.isPresent()) {
                return relaunched.getAsInt();
            }
        } catch (java.io.IOException e) {
            System.err.println(Text.of("build：无法启动构建用的 JVM（" + e.getMessage() + "）",
                    "build: cannot start the JVM for the build (" + e.getMessage() + ")").in(lang));
            return 1;
        }
        try {
            BuildReport report = SitePipelines.standard(options).run();
            System.out.println(report.summary(lang));
            if (timings != null) {
                BuildTimings.write(timings, report);
            }
            return 0;
        } catch (java.io.IOException e) {
            System.err.println(Text.of("build：无法写入计时文件 " + timings + "（" + e.getMessage() + "）",
                    "build: cannot write the timings file " + timings + " (" + e.getMessage() + ")").in(lang));
            return 1;
        } catch (BuildException e) {
            System.err.println(failed(e, dirs, lang));
            System.err.println(Text.of("（原有网站 " + options.outDir() + " 和搜索索引 " + SearchIndexStage.indexDir(options) + " 保持不变）",
                    "(the previous site " + options.outDir() + " and search index " + SearchIndexStage.indexDir(options)
                    + " are unchanged)").in(lang));
            return 1;
        }
    }

    /** {@code 构建失败（validate 阶段）：…}: the stage and what went wrong, in {@code lang}, paths as the user gave them. */
    static String failed(BuildException e, SiteDirs dirs, Lang lang) {
        return dirs.asGiven(e.describe(lang));
    }
}
