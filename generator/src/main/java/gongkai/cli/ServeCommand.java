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
        description = "Build, serve the site on 127.0.0.1, rebuild when content or theme change, reload open pages.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Mixin
    SiteDirs dirs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BuildOptions options = dirs.toOptions();
        PreviewSession session;
        try {
            session = new PreviewSession(SitePipelines.serving(options), options.outDir(),
                    List.of(options.contentDir(), options.themeDir()), port, System.err::println);
        } catch (BuildException e) {
            System.err.println(BuildCommand.failed(e, dirs));
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
