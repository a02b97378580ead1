package gongkai.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The developer tools' command: {@code gongkai sample} and {@code gongkai bench}, which the gongkai script
 * dispatches here. Not in the product jar: users build and serve sites, developers make load and measure it.
 */
@Command(
        name = "gongkai",
        mixinStandardHelpOptions = true,
        version = "gongkai tools 0.1.0",
        description = "公开 Gongkai developer tools: synthetic content for load tests, and the build benchmark.",
        subcommands = {
            SampleCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ToolsMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the tools' CLI and returns the exit code (used by tests, which must not call System.exit). */
    public static int execute(String... args) {
        return new CommandLine(new ToolsMain()).execute(args);
    }
}
