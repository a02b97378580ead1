package gongkai.tools;

import gongkai.bench.Benchmark;
import gongkai.load.ContentLoader;
import gongkai.load.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Benchmark the build: for each size, generate a seeded sample, build it in a separate JVM and report",
            "wall time (with JVM start), time per stage, pages/s, peak heap, peak RSS, output files and size.",
            "Rows are appended to OUT/bench.csv so runs can be compared."
        })
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000,100000", paramLabel = "N[,N…]",
            description = "Numbers of projects (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR",
            description = "Where bench.csv is appended (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--keep", description = "Keep each sample and built site (printed) instead of deleting them.")
    boolean keep;

    @Option(names = "--seed", defaultValue = "1", description = "Sample seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--xmx", defaultValue = "2g", description = "Heap limit of the build JVM (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Option(names = "--from", defaultValue = "content", paramLabel = "DIR", description = "Real content the samples learn from.")
    Path from;

    @Option(names = "--theme", defaultValue = "themes/default", description = "Theme directory (default: ${DEFAULT-VALUE}).")
    Path themeDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LoadResult source = ContentLoader.load(from);
            if (!source.ok()) {
                err.printf("bench: %s has %d error(s); run 'gongkai validate %s'%n", from, source.errors().size(), from);
                err.flush();
                return 1;
            }
            Benchmark bench = new Benchmark(source.content(), themeDir, xmx, seed, line -> {
                err.println(line);
                err.flush();
            });
            List<Benchmark.Result> results = new ArrayList<>();
            boolean failed = false;
            // Work folders are deleted after the last size, not between sizes: on ext4 without a journal, files
            // created within a minute or so of a mass delete skip the deleted inodes one by one, which made the
            // next size's build spend tens of seconds more in the kernel (a cost of the benchmark, not the build).
            List<Path> toDelete = new ArrayList<>();
            for (int size : sizes) {
                Path work = Files.createTempDirectory("gongkai-bench-" + size + "-");
                Benchmark.Result r = bench.run(size, work);
                results.add(r);
                failed |= r.exit() != 0;
                stdout.print(Benchmark.table(List.of(r)));
                stdout.flush();
                if (keep || r.exit() != 0) {
                    err.println("bench: kept " + work + (r.exit() != 0 ? " (the build failed; see build.log there)" : ""));
                } else {
                    toDelete.add(work);
                }
            }
            for (Path work : toDelete) {
                Benchmark.delete(work);
            }
            Path csv = out.resolve("bench.csv");
            Benchmark.append(csv, results, Instant.now());
            stdout.println();
            stdout.print(Benchmark.table(results));
            stdout.println("appended to " + csv);
            stdout.flush();
            return failed ? 1 : 0;
        } catch (IOException e) {
            err.println("bench: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
