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
        description = "Search the built index; ranks exactly as the site's search page does.")
public final class SearchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", description = "Words are ANDed; \"…\" is an exact phrase.")
    String query;

    @Option(names = "--index", defaultValue = "site.index",
            description = "Index directory written by the build (default: ${DEFAULT-VALUE}).")
    Path indexDir;

    @Option(names = "--limit", defaultValue = "10", description = "Results to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!java.nio.file.Files.isDirectory(indexDir)) {
            spec.commandLine().getErr().println("search: no index at " + indexDir + " (build the site first)");
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
