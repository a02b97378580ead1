package gongkai.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * One in-process run of the CLI: its exit status and what it wrote to standard output and standard error — both
 * picocli's writers (help, usage errors) and {@code System.out}/{@code System.err}, where the commands print
 * (tests run one at a time in a JVM, so swapping the standard streams for the run is safe).
 */
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
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        int status;
        try {
            System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
            status = new CommandLine(main).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new CliRun(status, out + systemOut.toString(StandardCharsets.UTF_8),
                err + systemErr.toString(StandardCharsets.UTF_8));
    }
}
