package gongkai.cli;

import gongkai.search.SearchFilters;
import gongkai.search.SearchService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "在已构建的索引中搜索，排序与网站搜索页完全相同。Search the built index, ranked as the site's search page.")
public final class SearchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", description = "多个词须同时出现；\"…\" 为精确短语；-词 排除。Words are ANDed; \"…\" is an exact phrase; -word excludes.")
    String query;

    @Option(names = "--index", defaultValue = "site.index",
            description = "build 写出的索引文件夹（默认 ${DEFAULT-VALUE}）。Index directory.")
    Path indexDir;

    @Option(names = "--limit", defaultValue = "10", description = "显示的结果数（默认 ${DEFAULT-VALUE}）。Results to print.")
    int limit;

    @picocli.CommandLine.Mixin
    LanguageOption language;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!java.nio.file.Files.isDirectory(indexDir)) {
            spec.commandLine().getErr().println(gongkai.content.Text.of("search: 找不到索引 " + indexDir + "（请先运行 build 构建网站）",
                    "search: no index at " + indexDir + " (run build first to build the site)").in(language.lang()));
            return 2;
        }
        try (SearchService service = SearchService.open(indexDir)) {
            SearchService.Result r = service.search(query, SearchFilters.NONE, 1, Math.max(1, limit));
            out.println(r.total() + " results for " + query);
            int rank = 1;
            for (SearchService.Item item : r.items()) {
                out.printf("%2d. %.4f  %s  [%d %s]  /%s%n", rank++, item.score(), item.title(), item.year(),
                        item.deptName(), item.url());
            }
            out.flush();
        }
        return 0;
    }
}
