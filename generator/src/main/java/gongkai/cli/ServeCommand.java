package gongkai.cli;

import gongkai.pipeline.BuildException;
import gongkai.pipeline.BuildOptions;
import gongkai.search.SearchHttpHandler;
import gongkai.search.SearchIndexStage;
import gongkai.serve.PreviewSession;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "构建并在 127.0.0.1 上预览网站；内容或主题改动后自动重新构建并刷新已打开的页面，构建失败时在页面上显示错误。Build and preview on 127.0.0.1; rebuild on changes, show failures in the page.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "端口（默认 ${DEFAULT-VALUE}；0 表示任选一个空闲端口）。Port (0 = any free port).")
    int port;

    @Mixin
    SiteDirs dirs;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() throws IOException, InterruptedException {
        gongkai.content.Lang lang = language.lang();
        BuildOptions options = dirs.toOptions(lang);
        PreviewSession session;
        try {
            session = new PreviewSession(SitePipelines.serving(options), options.outDir(),
                    List.of(options.contentDir(), options.themeDir()), port, System.err::println,
                    e -> BuildCommand.failed(e, dirs, lang), lang);
        } catch (BuildException e) {
            System.err.println(BuildCommand.failed(e, dirs, lang));
            return 1;
        }
        // The same answers as the browser's static search, straight from the Lucene index of the last build.
        session.server().addHandler("/api/search",
                SearchHttpHandler.reopening(SearchIndexStage.indexDir(options)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                session.close();
            } catch (IOException e) {
                System.err.println("serve: " + e.getMessage());
            }
            stopped.countDown();
        }));
        session.start();
        stopped.await();
        return 0;
    }
}
