package gongkai.tools;

import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import gongkai.sample.SampleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic content tree of exactly N projects for load tests, recombined from the names,",
            "sentences, indicator rows and tables of real content. The same arguments give the same bytes."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the source content has errors", "2:usage or I/O problem"})
public final class SampleCommand implements Callable<Integer> {
    @Option(names = "--projects", required = true, paramLabel = "N", description = "Number of projects to write.")
    int projects;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must not exist or be empty).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", defaultValue = "content", paramLabel = "DIR",
            description = "Real content to learn from (default: ${DEFAULT-VALUE}).")
    Path from;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (projects < 0) {
            err.println("sample: --projects must be 0 or more, not " + projects);
            err.flush();
            return 2;
        }
        long start = System.nanoTime();
        try {
            LoadResult source = ContentLoader.load(from);
            if (!source.ok()) {
                err.printf("sample: %s has %d error(s); run 'gongkai validate %s'%n", from, source.errors().size(), from);
                err.flush();
                return 1;
            }
            SampleGenerator.Summary s = SampleGenerator.generate(source.content(), this.out, projects, seed, line -> {
                out.println(line);
                out.flush();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "sample: %d projects in %d regions, %d departments, %d department-years: %d files, %.1f MB in %s (%.1f s)%n",
                    s.projects(), s.regions(), s.departments(), s.departmentYears(), s.files(), s.bytes() / 1e6,
                    this.out, seconds);
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("sample: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
