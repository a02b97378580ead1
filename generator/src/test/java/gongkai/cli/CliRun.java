package gongkai.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the CLI: its exit status and what it wrote to standard output and standard error. */
record CliRun(int status, String out, String err) {
    static CliRun run(String... args) {
        return run(new Main(), args);
    }

    /** A run as if the process had {@code environment} (the language rule reads it; the JVM's is left alone). */
    static CliRun run(Map<String, String> environment, String... args) {
        return run(new Main(environment), args);
    }

    private static CliRun run(Main main, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(main).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
